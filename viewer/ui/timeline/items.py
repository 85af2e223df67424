"""The one GraphicsObject that draws every event of the timeline, and the marks it is given.

Shapes and labels are drawn in device pixels (the item's transform is applied by hand and then
reset) so text stays crisp and markers keep their size at any zoom; only what is visible is drawn.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPixmap

from viewer.model import lane_packing, marks
from viewer.model.backgrounds import Backgrounds
from viewer.ui.shared.batch_draw import pixel_ratio
from viewer.ui.shared.guarded_paint import guarded
from viewer.ui.shared.theme import Theme, current
from viewer.ui.timeline.background_spans import paint_spans
from viewer.ui.timeline.badges import Badges
from viewer.ui.timeline.density import DensityLayer
from viewer.ui.timeline.grid import Ticks, lane_rows, lanes_picture, paint_grid
from viewer.ui.timeline.label_widths import LabelWidths
from viewer.ui.timeline.labels import LabelPainter
from viewer.ui.timeline.layer import Layer, Placed
from viewer.ui.timeline.near_view import near_view
from viewer.ui.timeline.placing import MIN_LABEL_PX, left_of_marks, selected_sides
from viewer.ui.timeline.shapes import MARK_RADIUS, paint_shapes

LABEL_CHARACTERS = 4000  # of a title, in its label: more than any screen's width holds (4,000 spaces: 12,000 px)
HIT_REACH_PX = 8.0  # a hover or click looks this far either side of the pointer (marks.hit_test reaches 6)


@dataclass
class Marks:
    """What the item draws, one entry per (event, lane) pair, sorted by start (data coordinates)."""

    x0: np.ndarray = field(default_factory=lambda: np.zeros(0))
    x1: np.ndarray = field(default_factory=lambda: np.zeros(0))
    y: np.ndarray | lane_packing.RowCentres = field(default_factory=lambda: np.zeros(0))  # row centres
    lane: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    event: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    kind: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int8))
    titles: Sequence[str] = field(default_factory=list)  # per event (computed lazily for big datasets)
    colours: list[QColor] = field(default_factory=list)  # per lane
    bands: list[tuple[float, float]] = field(default_factory=list)  # per lane: top, bottom
    height: float = 1.0
    index: marks.IntervalIndex | None = None  # over x0/x1; built once per dataset, kept across repacks
    collapsed: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))  # per lane
    backgrounds: Backgrounds = field(default_factory=Backgrounds)  # shaded spans behind the lanes
    background_lanes: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))  # -1: every lane


class EventsItem(pg.GraphicsObject):  # type: ignore[misc]  # pyqtgraph is untyped
    """Draws all events: markers, bars, coarse spans, labels that fit, or density when crowded."""

    def __init__(self) -> None:
        super().__init__()
        self.marks = Marks()
        self.strong = np.zeros(0, dtype=bool)  # per event: selected, always labelled
        self.faded = np.zeros(0, dtype=bool)  # per event: outside the entity selection or the filters
        self.hidden = np.zeros(0, dtype=bool)  # per event: not drawn at all ("hide non-matching")
        self.hovered = -1  # event index
        self.cursor_x: float | None = None  # the as-of line (data x): labels left of a mark stop before it
        self.labelled: set[int] = set()  # event indices labelled in the last paint
        self.label_boxes: list[QRectF] = []  # where those labels went, in device pixels
        self.density_mode = False
        self.font = QFont()
        self.font.setPointSizeF(9.0)
        self.bold = QFont(self.font)
        self.bold.setBold(True)
        self.small = QFont(self.font)
        self.small.setPointSizeF(8.0)
        self._widths = LabelWidths(self.bold)  # bold is the widest, so a label never outgrows its slot
        self._extent = (0.0, 1.0)
        self._extent_of: np.ndarray | None = None  # the spans' ends the extent was taken from
        self._density = DensityLayer()  # counts per lane and column when crowded, and their last picture
        self._cursor_px: float | None = None
        self._bands: tuple[object, QPointF, QPixmap] | None = None  # the lanes' grounds, drawn (see _paint_bands)
        self.ticks: Ticks | None = None  # the date axis's tick values: where grid lines go (None: no grid)
        self._grid_lines: dict[tuple[object, ...], tuple[float, QPixmap]] = {}  # drawn grid lines (paint_grid)
        self.theme = current()
        self._badges = Badges(self.small)  # "N events" over runs too crowded to label
        self._labels = LabelPainter(self.font, self.bold)  # titles, stamped from kept pictures
        self.layer = Layer()  # the last view painted, kept as a picture while only the cursor moves
        self._version = 0  # counts update() calls: what the layer shows changed (a cursor step does not count)

    def update(self, *args: Any) -> None:
        """Repaint with something changed (marks, emphasis, theme): the kept layer no longer shows it."""
        self._version += 1
        super().update(*args)

    def move_cursor(self, x: float | None) -> None:
        """The as-of line is now at ``x`` (data): labels are placed again, the rest of the layer is kept."""
        self.cursor_x = x
        super().update()

    def set_theme(self, theme: Theme) -> None:
        """Paint bands, labels and outlines in these colours from now on (lane colours come with the marks)."""
        self.theme = theme
        self._badges.set_theme(theme)
        self._labels.set_theme(theme)
        self.update()

    @property
    def line_height(self) -> float:
        """Pixels one row of label text needs."""
        return QFontMetricsF(self.font).height() + 4.0

    def set_marks(self, marks: Marks) -> None:
        """Replace what is drawn."""
        self.prepareGeometryChange()
        if len(marks.titles) != len(self.marks.titles) or marks.titles is not self.marks.titles:
            self._widths.reset(len(marks.titles))
            # other events: what the last paint labelled named the old ones (until the next paint)
            self.labelled, self.label_boxes, self._badges.boxes = set(), [], []
        self.marks = marks
        self._density.forget()  # a picture of the marks before: counted again
        # asked on every paint and scene query: an O(events) max must not run each time, nor at each repack
        if marks.x1 is not self._extent_of:  # a repack keeps the pairs' spans
            self._extent = (float(marks.x0[0]), float(np.max(marks.x1))) if len(marks.x0) else (0.0, 1.0)
            self._extent_of = marks.x1
        self.update()

    def set_emphasis(self, strong: np.ndarray, faded: np.ndarray, hovered: int,
                     hidden: np.ndarray | None = None) -> None:
        """Which events are selected, faded, hidden or under the mouse (arrays per event)."""
        self.strong, self.faded, self.hovered = strong, faded, hovered
        if hidden is not None:
            self.hidden = hidden
        self.update()

    def boundingRect(self) -> QRectF:
        """Every lane, from a view's width before the view to one after it (:mod:`~viewer.ui.timeline.near_view`)."""
        m = self.marks
        lo, hi = self._extent if len(m.x0) else (0.0, 1.0)
        return near_view(self, lo, hi, m.height)

    def viewTransformChanged(self) -> None:
        """A pan or a zoom moves the bounds with the view."""
        self.prepareGeometryChange()
        super().viewTransformChanged()

    def visible(self, t0: float, t1: float) -> np.ndarray:
        """Indices of the pairs overlapping ``[t0, t1]``."""
        m = self.marks
        vis = m.index.overlapping(t0, t1) if m.index is not None else marks.visible_indices(m.x0, m.x1, t0, t1)
        if len(self.hidden) and len(vis):
            vis = vis[~self.hidden[m.event[vis]]]
        return vis

    def pixels(self, vis: np.ndarray, sx: float, dx: float, sy: float, dy: float
               ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Pixel extents (left, right, centre y) of the given pairs under an affine map."""
        m = self.marks
        px0 = m.x0[vis] * sx + dx
        px1 = np.where(m.kind[vis] == lane_packing.INSTANT, px0, m.x1[vis] * sx + dx)
        return px0, px1, m.y[vis] * sy + dy

    def on_screen(self, near_x: float | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """The visible pairs and their pixel extents in the scene (left, right, centre y); with ``near_x``
        (scene), only those within a hit's reach of it: a hover asks about a few pixels, not the window."""
        view = self.getViewBox()
        if view is None:
            empty = np.zeros(0)
            return np.zeros(0, dtype=np.int64), empty, empty, empty
        (t0, t1), _ = view.viewRange()
        a, b = view.mapViewToScene(QPointF(t0, 0.0)), view.mapViewToScene(QPointF(t1, 1.0))
        sx = (b.x() - a.x()) / (t1 - t0)
        dx = a.x() - sx * t0
        if near_x is not None:
            at, reach = (near_x - dx) / sx, HIT_REACH_PX / abs(sx)
            t0, t1 = max(t0, at - reach), min(t1, at + reach)
        vis = self.visible(t0, t1)
        return vis, *self.pixels(vis, sx, dx, b.y() - a.y(), a.y())

    @guarded
    def paint(self, p: QPainter, *args: Any) -> None:
        """Draw bands, then shapes and labels (or density) for what is visible, in device pixels: a paint of the
        view before it (a cursor step) copies the layer kept in :mod:`~viewer.ui.timeline.layer`."""
        view = self.getViewBox()
        if view is None:
            return
        (t0, t1), (y0, y1) = view.viewRange()
        tr = p.transform()
        sx, dx, sy, dy = tr.m11(), tr.m31(), tr.m22(), tr.m32()
        p.save()
        p.resetTransform()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        left, right = t0 * sx + dx, t1 * sx + dx
        self._cursor_px = None if self.cursor_x is None else self.cursor_x * sx + dx
        index = self.marks.index
        if index is not None and not self.hidden.any():  # a count is two binary searches: no index list
            self.density_mode = marks.crowded(index.count(t0, t1), self.density_mode)
            vis = None if self.density_mode else self.visible(t0, t1)
        else:
            vis = self.visible(t0, t1)
            self.density_mode = marks.crowded(len(vis), self.density_mode)
        placed, at = None, None
        if not self.density_mode and vis is not None:
            at = self.pixels(vis, sx, dx, sy, dy)
            placed = self._place_labels(vis, *at, (left, right), abs(sy))
        top, bottom = sorted((y0 * sy + dy, y1 * sy + dy))
        key = (t0, t1, y0, y1, sx, dx, sy, dy, pixel_ratio(p), self._version, self.density_mode)
        self.layer.paint(p, key, placed, QRectF(left, top, right - left, bottom - top),
                         (lambda q: self._paint_under(q, vis, at, (t0, t1, left, right), (sx, dx, sy, dy), y1),
                          lambda q: self._paint_over(q, vis, at, placed, (left, right), (sy, dy))))
        p.restore()

    def _paint_under(self, p: QPainter, vis: np.ndarray | None, at: tuple[np.ndarray, ...] | None,
                     window: tuple[float, float, float, float], scale: tuple[float, float, float, float],
                     y1: float) -> None:
        """The layer under the labels: bands, grid, backgrounds, then density, or shapes at their pixels ``at``."""
        (t0, t1, left, right), (sx, dx, sy, dy) = window, scale
        m = self.marks
        self._paint_bands(p, left, right, sy, dy)
        if self.ticks is not None:
            self._paint_grid(p, self.ticks, ((t0, t1), (sx, dx)), y1 * sy + dy, (sy, dy))
        paint_spans(p, m.backgrounds, m.background_lanes, m.bands, m.colours, m.height, ((t0, t1), scale), self.small,
                    self.theme)
        if self.density_mode:
            self.labelled, self.label_boxes, self._badges.boxes = set(), [], []
            self._paint_density(p, vis, t0, t1, left, right, sy, dy)
        elif vis is not None and at is not None:
            px0, px1, py = at
            events = m.event[vis]
            strong = self.strong[events] if len(self.strong) else np.zeros(len(vis), dtype=bool)
            faded = self.faded[events] if len(self.faded) else np.zeros(len(vis), dtype=bool)
            paint_shapes(p, m.kind[vis], m.lane[vis], m.colours, strong | (events == self.hovered), faded,
                         px0, px1, py, right, self.theme)

    def _paint_over(self, p: QPainter, vis: np.ndarray | None, at: tuple[np.ndarray, ...] | None, placed: Placed,
                    edges: tuple[float, float], scale: tuple[float, float]) -> None:
        """The labels where ``placed`` puts them, and the badges (none in density); ``scale``: rows to pixels."""
        if not self.density_mode and vis is not None and at is not None and placed is not None:
            self._draw_labels(p, vis, placed, at[0], at[2], edges, scale)

    def _paint_bands(self, p: QPainter, left: float, right: float, sy: float, dy: float) -> None:
        """Lanes on alternating grounds, each with a strip of its colour at the left. A pan or a zoom moves
        none of it: it is drawn once into a picture, kept until the lanes, colours or plot change."""
        if not self.marks.bands:
            return
        ratio = pixel_ratio(p)
        # rounded: a pan moves the view's edges by float noise (990.0000000000009), not by pixels
        key = (*(round(v, 3) for v in (left, right, sy, dy)), tuple(self.marks.bands),
               tuple(QColor(c).rgba() for c in self.marks.colours), self.theme.background, self.theme.band, ratio)
        if self._bands is None or self._bands[0] != key:
            edges = [(top * sy + dy, bottom * sy + dy) for top, bottom in self.marks.bands]
            fills = (QColor(self.theme.background), QColor(self.theme.band))
            self._bands = (key, *lanes_picture(edges, self.marks.colours, fills, (left, right), ratio))
        _key, origin, picture = self._bands
        p.drawPixmap(origin, picture)

    def _paint_grid(self, p: QPainter, ticks: Ticks, x: tuple[tuple[float, float], tuple[float, float]],
                    floor: float, y_map: tuple[float, float]) -> None:
        """Date grid lines down every lane in its ground's colour, then down the strip below the lanes."""
        sy, dy = y_map
        fills = (QColor(self.theme.background), QColor(self.theme.band))
        rows, grounds = lane_rows([(top * sy + dy, bottom * sy + dy) for top, bottom in self.marks.bands], floor,
                                  fills)
        p.setPen(Qt.PenStyle.NoPen)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        window, x_map = x
        paint_grid(p, ticks, window, x_map, rows, grounds, QColor(self.theme.grid), self._grid_lines)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)

    def _paint_density(self, p: QPainter, vis: np.ndarray | None, t0: float, t1: float, left: float, right: float,
                       sy: float, dy: float) -> None:
        """Counts per 2-pixel column as bars rising from each lane's floor (:class:`DensityLayer`), and told in
        badges where they stand in few columns (a log's 100,000 events at one instant: one column, under the cursor)."""
        counts = self._density.paint(p, self.marks, vis, (t0, t1, left, right, sy, dy))
        self._badges.paint_counts(p, counts, [(a * sy + dy, b * sy + dy) for a, b in self.marks.bands],
                                  (left, right, t0, t1))

    def _texts(self, events: np.ndarray) -> list[str]:
        """The events' titles as their labels show them: a title of more than :data:`LABEL_CHARACTERS` (a whole
        file in one cell) as its first ones, which no screen's room holds. Such a title was laid out whole to
        be measured, and drawn whole when selected: 50 MB of it held the window 11 s before it first showed."""
        titles = self.marks.titles
        take = getattr(titles, "take", None)
        texts = take(events) if take is not None else [titles[int(e)] for e in events.tolist()]
        return [text[:LABEL_CHARACTERS] if len(text) > LABEL_CHARACTERS else text for text in texts]

    def _left_stop(self, px0: np.ndarray, left: float) -> np.ndarray:
        """Where a label placed left of its mark must stop: the plot's edge, or the cursor line when
        the mark is right of it (a label crossing the line would hide which side of it the event is)."""
        stop = np.full(len(px0), left + 8.0)
        if self._cursor_px is not None:
            stop = np.where(px0 > self._cursor_px, np.maximum(stop, self._cursor_px + 4.0), stop)
        return stop

    def _room_back(self, px0: np.ndarray, rows: np.ndarray, left: float) -> np.ndarray:
        """Pixels left of each mark for its label, back to the previous mark (or the left stop)."""
        return np.minimum(marks.room_to_next(-px0, rows) - 2 * MARK_RADIUS - 10.0,
                          px0 - MARK_RADIUS - 6.0 - self._left_stop(px0, left))

    def _on_bars(self, events: np.ndarray, bars: tuple[np.ndarray, ...], placed: tuple[np.ndarray, ...],
                 keep: np.ndarray, priority: np.ndarray, edges: tuple[float, float], quiet: np.ndarray
                 ) -> tuple[np.ndarray, ...]:
        """A range with no room for its label after its end or before its start (its bar had no title), or selected
        and run off the right edge (a card due at the window's end read "Sigr"), gets it on its bar, from its start."""
        kinds, px0, px1, rows = bars
        lx, widths, full = placed
        start = np.maximum(px0, edges[0]) + 8.0
        room = np.minimum(px1, edges[1]) - 8.0 - start
        # only bars that run to the right edge (elsewhere a missing label lost to its neighbours, not to the edge)
        at_edge, cut = px1 + MARK_RADIUS + 8.0 + MIN_LABEL_PX > edges[1], keep & (lx + full > edges[1] - 4.0)
        on_bar = (kinds == lane_packing.RANGE) & at_edge & (~keep | cut) & ~quiet & (room >= MIN_LABEL_PX)
        if not on_bar.any():
            return lx, widths, full, keep, on_bar
        full = full.copy()
        full[on_bar] = self._widths.measured(events[on_bar], self._texts)
        x = np.where(on_bar, start, lx)
        w = np.where(on_bar, np.minimum(full, room), np.where(keep, widths, 0.0))
        keep_all = marks.place_labels(x, w, rows, np.where(keep, 10.0, priority))  # the placed stay placed
        return x, w, full, keep_all, on_bar & keep_all

    def _place_labels(self, vis: np.ndarray, px0: np.ndarray, px1: np.ndarray, py: np.ndarray,
                      edges: tuple[float, float], row_px: float) -> tuple[np.ndarray, ...]:
        """Where the visible marks' labels go: left, width, full width, kept, on its bar, and the strong, faded,
        rows and quiet flags they were placed with (what :meth:`_draw_labels` draws)."""
        m = self.marks
        left, right = edges
        events = m.event[vis]
        strong = self.strong[events] if len(self.strong) else np.zeros(len(vis), dtype=bool)
        strong = strong | (events == self.hovered)
        faded = self.faded[events] if len(self.faded) else np.zeros(len(vis), dtype=bool)
        kinds = m.kind[vis]
        anchor = np.where(kinds == lane_packing.RANGE, px1, px0)
        lx = np.maximum(anchor + MARK_RADIUS + 4.0, left + 8.0)
        rows = np.round(py * 4).astype(np.int64)  # each sub-row has its own y, hence its own key
        room = np.minimum(marks.room_to_next(px0, rows) - (lx - px0) - MARK_RADIUS - 4.0, right - lx - 4.0)
        if row_px < self.line_height:  # rows thinner than text: only the selection is labelled, one line
            full = np.zeros(len(vis))  # the others are never drawn: measuring them cost 14 µs a title
            full[strong] = self._widths.measured(events[strong], self._texts)
            widths = full
            rows = np.zeros_like(rows)
        else:
            room_back = self._room_back(px0, rows, left)
            # titles are measured only where a label may go (inf elsewhere: no room whatever the width)
            full = self._widths.where_drawable(events, self._texts, strong, room, room_back, MIN_LABEL_PX)
            widths = np.where(strong | (full <= room), full, np.where(room >= MIN_LABEL_PX, room, 0.0))
        # a collapsed lane shows marks, not titles
        quiet = m.collapsed[m.lane[vis]] & ~strong if len(m.collapsed) else np.zeros(len(vis), dtype=bool)
        widths = np.where(quiet, 0.0, widths)
        bar_room = np.minimum(px1, right) - np.maximum(px0, left) - 16.0  # as _on_bars measures it
        lx, widths = selected_sides(strong, kinds, px0, lx, widths, full, self._left_stop(px0, left), right,
                                    (bar_room >= MIN_LABEL_PX) & (row_px >= self.line_height))
        priority = strong.astype(float) - faded.astype(float)
        keep = marks.place_labels(lx, widths, rows, priority)
        on_bar = np.zeros(len(vis), dtype=bool)
        if row_px >= self.line_height:
            lx, widths, keep = left_of_marks(px0, room_back, rows, lx, widths, full, keep, priority, right, quiet)
            lx, widths, full, keep, on_bar = self._on_bars(events, (kinds, px0, px1, rows), (lx, widths, full),
                                                           keep, priority, edges, quiet)
        self.labelled = {int(e) for e in events[keep]}
        # as drawn: a label left out has no place (the layer compares placements: where one went is all that shows)
        return (np.where(keep, lx, 0.0), np.where(keep, widths, 0.0), np.where(keep, full, 0.0), keep,
                on_bar & keep, strong, faded, rows, quiet)

    def _draw_labels(self, p: QPainter, vis: np.ndarray, placed: tuple[np.ndarray, ...], px0: np.ndarray,
                     py: np.ndarray, edges: tuple[float, float], scale: tuple[float, float]) -> None:
        """The placed labels, then the "N events" badges over runs too crowded to label (``edges``: the plot's left
        and right, device pixels)."""
        lx, widths, full, keep, on_bar, strong, faded, rows, quiet = placed
        m, row_px, right = self.marks, abs(scale[0]), edges[1]
        drawn = np.flatnonzero(keep)
        self.label_boxes = self._labels.draw(p, drawn, self._texts(m.event[vis][drawn]), (lx, widths, full, py, px0),
                                             strong, faded, strong | on_bar)
        if row_px >= self.line_height:
            self._badges.paint(p, (m.x0[vis], m.x1[vis]), px0, rows, keep | strong | quiet,
                               (lx[keep], widths[keep], rows[keep]), right, (m.lane[vis], m.event[vis]))
        else:  # no titles: a pile at one instant looks like one event, so its count is told
            sy, dy = scale
            self._badges.paint_stacks(p, (px0, m.x0[vis], m.lane[vis], m.event[vis]),
                                      [(a * sy + dy, b * sy + dy) for a, b in m.bands], edges, self.label_boxes)

    @property
    def badges(self) -> list[tuple[QRectF, float, float]]:
        """The "N events" boxes of the last paint (device px) and the time spans they stand for."""
        return self._badges.boxes

    def badge_at(self, scene_pos: QPointF) -> tuple[float, float, np.ndarray] | None:
        """The time span of the badge under a scene position, if any (to zoom to); a pile's events (rows, to select)."""
        m = self.marks
        return self._badges.at(scene_pos, partial(marks.at_one_instant, m.x0, m.lane, m.event, self.hidden))
