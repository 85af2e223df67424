"""The timeline on an engine source: density tiles and a narrow window's rows, asked of a worker.

Each frame draws what is already known — the view's exact tiles from the cache, else the last exact
picture stretched to the view, else the footers' row-group estimate — and the view's change asks the
source's worker for the rest; the answer repaints (as map tiles refine). A newer view cancels the
older question. When the view holds few enough events, their rows follow and are drawn as ordinary
marks with labels; a small "loading…" note sits in the corner while questions are out. The lanes'
pyramid, kept in the cache or built in the background ("Preparing the timeline… 45 %" in the
corner meanwhile), gives the first per-lane picture and answers most zooms without the engine.
Lanes a source was never asked for (a first open: the grouping needs a full scan) are asked of the
worker too; one "Events" lane stands in until they arrive.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
import pyqtgraph as pg
import shiboken6
from PySide6.QtCore import QObject, QRectF, QTimer
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QLabel

from viewer.model.dataset import Dataset
from viewer.model.filters import Filters
from viewer.model.lane_packing import Lanes
from viewer.source.base import CancelToken, DensityRequest, EventSource, Generation, LaneSpec
from viewer.source.pyramid import LEVELS
from viewer.source.tiles import stitch, tiles_for
from viewer.source.windowed import empty_events, known_lane_spec, lane_labels, lane_spec, row_lanes
from viewer.ui.shared.engine import SourceWorker, retire, worker_for
from viewer.ui.shared.guarded_paint import guarded
from viewer.ui.timeline.density import paint_counts

if TYPE_CHECKING:
    from viewer.ui.timeline.panel import TimelinePanel

ROWS_AT_MOST = 2_000  # (event, lane) pairs starting in view under which the rows are fetched
ROWS_LIMIT = 4_000  # rows asked at once; a full answer is not drawn (it would hide the rest)
PYRAMID_FINEST = min(LEVELS)  # tiles at this zoom and coarser are what a pyramid answers exactly
# while the pyramid is built, a view wider than this share of the time waits for it; a narrower one costs
# the engine at most this share of the build's scan, and is asked at once
WAIT_SHARE = 1 / 16
PAD = 0.5  # the rows' window reaches this many view widths beyond each side, so small pans need no query


@dataclass(frozen=True)
class Picture:
    """Counts per lane per bin from ``first`` in bins of ``width`` seconds, for one lane choice and filters."""

    counts: np.ndarray
    first: float
    width: float
    key: tuple[LaneSpec, Filters]
    per_lane: bool = True

    def resample(self, t0: float, t1: float, n: int) -> np.ndarray:
        """The counts spread over ``n`` equal columns of ``[t0, t1)`` (each bin evenly over its time)."""
        edges = self.first + self.width * np.arange(self.counts.shape[1] + 1, dtype=np.float64)
        want = np.linspace(t0, t1, n + 1)
        zero = np.zeros((len(self.counts), 1))
        cumulative = np.concatenate([zero, np.cumsum(self.counts, axis=1, dtype=np.float64)], axis=1)
        return np.array([np.diff(np.interp(want, edges, row)) for row in cumulative]).reshape(len(self.counts), n)


class TilesItem(pg.GraphicsObject):  # type: ignore[misc]  # pyqtgraph is untyped
    """Paints the engine view's density picture over the lane bands (nothing while rows are drawn)."""

    def __init__(self, engine: EngineView) -> None:
        super().__init__()
        self.engine = engine
        self.setZValue(1)
        self._image = np.zeros((1, 1, 4), dtype=np.uint8)

    def boundingRect(self) -> QRectF:
        """The whole span over all lanes."""
        lo, hi = self.engine.limits
        return QRectF(lo, 0.0, max(hi - lo, 1.0), self.engine.panel.items.marks.height)

    @guarded
    def paint(self, p: QPainter, *args: Any) -> None:
        """The best picture known for the view, in device pixels."""
        view = self.getViewBox()
        if view is None or not self.engine.active:
            return
        (t0, t1), _ = view.viewRange()
        if self.engine.rows_cover(t0, t1):
            return
        tr = p.transform()
        sx, dx, sy, dy = tr.m11(), tr.m31(), tr.m22(), tr.m32()
        left, right = t0 * sx + dx, t1 * sx + dx
        picture = self.engine.picture(t0, t1, max(int(right - left), 1))
        marks = self.engine.panel.items.marks
        if picture is None or not marks.bands:
            return
        p.save()
        p.resetTransform()
        counts = picture.resample(t0, t1, max(int((right - left) / 2.0), 1))
        if picture.per_lane:
            bands, colours = marks.bands, marks.colours
        else:  # totals only: one grey picture over every lane, until the lanes' answer comes
            bands, colours = [(0.0, marks.height)], [QColor(self.engine.panel.theme.muted)]
        self._image = paint_counts(p, counts, bands, colours, marks.height, (left, right), sy, dy)
        p.restore()


class EngineView(QObject):
    """Keeps the panel's picture of an engine source current; inactive on loaded datasets."""

    def __init__(self, panel: TimelinePanel) -> None:
        super().__init__(panel)
        self.panel = panel
        self.source: EventSource | None = None
        self.worker: SourceWorker | None = None
        self.generation = Generation()
        self._lanes_asked = Generation()  # the lanes of the grouping shown, while the engine works them out
        self.lanes_pending = False
        self.spec = LaneSpec()
        self.labels: tuple[str, ...] = ()
        self.limits = (0.0, 1.0)
        self.covered: tuple[float, float] | None = None  # the window the drawn rows are complete for
        self._last: Picture | None = None
        self.item = TilesItem(self)
        panel.plot.addItem(self.item)
        self.preparing: float | None = None  # how far the lanes' pyramid is built, while it is
        self.hint = QLabel("loading…", panel.plot)
        # on its own ground: thin lanes' density fills the plot's top corner with strong colour
        self.hint.setStyleSheet("color: gray; background: palette(base); border-radius: 3px; padding: 1px 5px;")
        self.hint.hide()
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(0)  # a burst of wheel steps in one pass of the event loop asks once
        self._soon.timeout.connect(self._ask)
        panel.destroyed.connect(self._retire)

    def _retire(self) -> None:
        """The panel is gone (the window closed): every question still out becomes stale, answers are dropped."""
        self.generation.next()
        self._lanes_asked.next()
        self.source = None

    def _alive(self) -> bool:
        """False once the window has been torn down under us (an answer may arrive after that)."""
        return shiboken6.isValid(self.item) and shiboken6.isValid(self.panel)

    @property
    def active(self) -> bool:
        """True while the open dataset's events are in an engine source."""
        return self.source is not None

    def start(self, dataset: Dataset, names: dict[str, str]) -> None:
        """Show a new dataset: its lanes from the source's remembered facts, no rows yet."""
        self.generation.next()  # whatever was asked of the previous dataset is stale
        self._lanes_asked.next()
        self.lanes_pending = False
        self.source = dataset.source
        self._last, self.covered = None, None
        if self.worker is not None:
            self.worker.busy_changed.disconnect(self._on_busy)
            self.worker.preparing.disconnect(self._on_preparing)
            self.worker.prepared.disconnect(self._on_prepared)
        self.preparing = None
        if self.source is None:
            self.worker = None
            retire()  # the engine source is closed: its questions and build stop
            self.hint.hide()
            return
        self.worker = worker_for(self.source)
        self.worker.busy_changed.connect(self._on_busy)
        self.worker.preparing.connect(self._on_preparing)
        self.worker.prepared.connect(self._on_prepared)
        known = known_lane_spec(self.source, self.panel.group_by, dataset.meta.principal)
        if known is None:  # a full scan: the worker asks, one lane stands in meanwhile
            source, group_by, principal = self.source, self.panel.group_by, dataset.meta.principal
            self.worker.ask(lambda _token: lane_spec(source, group_by, principal),
                            lambda spec: self._use_lanes(spec, names), self._lanes_asked.next())
        self._use_lanes(known, names)

    def _use_lanes(self, spec: LaneSpec | None, names: dict[str, str]) -> None:
        """Show these lanes (None: the stand-in lane, the real ones are on their way)."""
        if not self._alive() or self.worker is None:
            return
        self.lanes_pending = spec is None
        if spec is None:
            spec = LaneSpec()
        else:
            self.worker.prepare(spec)  # the cached pyramid of these lanes, else one built beside the worker
        self.spec = spec
        self.labels = lane_labels(spec, names)
        self._last = None
        self._show_rows(_no_rows(), None)
        self.refresh()

    def set_limits(self, lo: float, hi: float) -> None:
        """The time the panel can show (for the picture's bounds)."""
        self.item.prepareGeometryChange()
        self.limits = (lo, hi)

    def rows_cover(self, t0: float, t1: float) -> bool:
        """True when the drawn rows are every event of ``[t0, t1)``."""
        return self.covered is not None and self.covered[0] <= t0 and t1 <= self.covered[1]

    def refresh(self) -> None:
        """The view, lanes or filters changed: ask for what the new view lacks (once per burst)."""
        if not self.active:
            return
        (t0, t1), _ = self.panel.view.viewRange()
        if self.covered is not None and not self.rows_cover(t0, t1):
            self._show_rows(_no_rows(), None)  # partial rows would pass for all of them: density instead
        self._soon.start()

    def picture(self, t0: float, t1: float, pixels: int) -> Picture | None:
        """The best picture known now, without asking anything: exact cached tiles of this view, else
        the last exact picture (another zoom or place), else the row-group estimate (no filters)."""
        if self.worker is None:
            return None
        key = (self.spec, self.panel.state.filters)
        tiles = tiles_for(t0, t1, pixels)
        answers = [self.worker.tiles.cached(tile.request(*key)) for tile in tiles]
        if tiles and all(a is not None for a in answers):
            counts, first, width = stitch(tiles, [a for a in answers if a is not None], t0, t1)
            self._last = Picture(counts, first, width, key)
            return self._last
        if self._last is not None and self._last.key == key:
            return self._last
        lo, hi = self.limits
        if key[1].active or not hi > lo:
            return None
        guess = self.worker.tiles.first(DensityRequest(lo, hi, 1024, self.spec))
        if guess is None:
            return None
        return Picture(guess.counts, lo, (hi - lo) / 1024, key, per_lane=guess.per_lane)

    def _ask(self) -> None:
        if self.worker is None or self.lanes_pending:  # the lanes' answer asks again
            return
        (t0, t1), _ = self.panel.view.viewRange()
        if self.rows_cover(t0, t1):
            return
        pixels = max(int(self.panel.view.width()), 50)
        tiles, key = tiles_for(t0, t1, pixels), (self.spec, self.panel.state.filters)
        lo, hi = self.limits
        if tiles and tiles[0].z >= PYRAMID_FINEST and not key[1].active and (t1 - t0) > WAIT_SHARE * (hi - lo) \
                and self.worker.building_for(self.spec, tiles[0].z):
            return  # the pyramid under way will answer this view: a scan of it now would only slow the build
        token = self.generation.next()
        service = self.worker.tiles

        def work(token: CancelToken) -> Picture:
            answers = service.tiles(tiles, *key, token=token)
            counts, first, width = stitch(tiles, [a.counts for a in answers], t0, t1)
            return Picture(counts, first, width, key)

        self.worker.ask(work, lambda picture: self._tiles_arrived(picture, t0, t1, token), token)

    def _tiles_arrived(self, picture: Picture, t0: float, t1: float, token: CancelToken) -> None:
        if not self._alive():
            return
        self._last = picture
        self.item.update()
        if self.worker is None or int(picture.counts.sum()) > ROWS_AT_MOST:
            return
        span = t1 - t0
        a, b = t0 - PAD * span, t1 + PAD * span
        service, filters = self.worker.tiles, picture.key[1]

        def work(token: CancelToken) -> tuple[pd.DataFrame, tuple[float, float]] | None:
            for lo, hi in ((a, b), (t0, t1)):  # the padded window, else just the view
                rows = service.rows(lo, hi, filters, ROWS_LIMIT, token)
                if len(rows) < ROWS_LIMIT:
                    return rows, (lo, hi)
            return None

        self.worker.ask(work, self._rows_arrived, token)

    def _rows_arrived(self, answer: tuple[pd.DataFrame, tuple[float, float]] | None) -> None:
        if answer is not None and self.worker is not None and self._alive():
            self.worker.remember(answer[0])
            self._show_rows(*answer)

    def _show_rows(self, rows: pd.DataFrame, covered: tuple[float, float] | None) -> None:
        self.covered = covered
        lanes: Lanes = row_lanes(rows, self.spec, self.labels)
        self.panel.show_events(rows, lanes)
        self.item.update()

    def _on_busy(self, _busy: bool) -> None:
        self._show_hint()

    def _on_preparing(self, fraction: float) -> None:
        self.preparing = fraction if fraction < 1.0 else None
        self._show_hint()
        if self.preparing is None and self._alive():  # the build ended (or failed): ask what it did not answer
            self.refresh()

    def _on_prepared(self, lanes: LaneSpec) -> None:
        if lanes == self.spec and self._alive():  # the first picture is now per lane, aligned tiles need no engine
            self.item.update()
            self.refresh()  # views left to the pyramid while it was built get their exact tiles from it now

    def _show_hint(self) -> None:
        if not shiboken6.isValid(self.hint):
            return
        busy = self.worker is not None and self.worker.busy
        if self.preparing is not None:
            self.hint.setText(f"Preparing the timeline… {int(self.preparing * 100)} %")
        else:
            self.hint.setText("loading…")
        self.hint.adjustSize()
        self.hint.move(max(self.panel.plot.width() - self.hint.width() - 16, 0), 10)
        self.hint.setVisible(busy or self.preparing is not None)


def _no_rows() -> pd.DataFrame:
    return empty_events()
