"""The overview strip: the whole dataset's event density with the visible window as a draggable region.

Dragging or resizing the region sets the shared window; a new window moves the region. Matched
events are drawn in colour and the rest in grey while filters are active.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QVBoxLayout, QWidget

from viewer.model import bins, lane_packing, navigation
from viewer.model.dates import to_seconds
from viewer.model.window import TimeWindow
from viewer.source.base import DensityRequest, Generation
from viewer.ui.shared import focus_frame
from viewer.ui.shared.date_axis import DateAxis
from viewer.ui.shared.state import ViewState
from viewer.ui.shared.theme import Theme, colour_plot, current, follow, qcolor

HEIGHT_PX = 70
N_BINS = 512
EXACT_AFTER_MS = 250  # an engine source's exact totals wait for an idle worker and a whole pyramid


class OverviewStrip(QWidget):
    """All of the dataset's time at a glance; the region is the main view's window, both ways."""

    def __init__(self, state: ViewState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setFixedHeight(HEIGHT_PX)
        self.setToolTip("The whole dataset: drag the shaded region to pan, drag its edges to zoom")
        self.theme = current()
        self.plot = pg.PlotWidget(axisItems={"bottom": DateAxis()})
        self.plot.setAccessibleName("Overview of all events")
        focus_frame.framed(self.plot)
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        left = self.plot.getAxis("left")
        left.setStyle(showValues=False, tickLength=0)
        left.setPen(pg.mkPen(None))
        self.plot.getPlotItem().layout.setContentsMargins(2, 2, 12, 0)
        axis = self.plot.getAxis("bottom")
        font = QFont()
        font.setPointSizeF(8.0)
        axis.setTickFont(font)
        axis.setHeight(18)
        self.view = self.plot.getViewBox()
        self.view.setMouseEnabled(x=False, y=False)
        self.view.disableAutoRange()
        self.all_bars = pg.BarGraphItem(x0=[0.0], x1=[1.0], height=[0.0], pen=None)
        self.matched_bars = pg.BarGraphItem(x0=[0.0], x1=[1.0], height=[0.0], pen=None)
        self.plot.addItem(self.all_bars)
        self.plot.addItem(self.matched_bars)
        self.region = pg.LinearRegionItem(swapMode="block")
        self.region.setZValue(10)
        self.plot.addItem(self.region)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.plot)
        self._syncing = False
        self._generation = Generation()  # an engine source's newer question makes the older one stale
        self._starts = np.zeros(0)
        self.counts = np.zeros(0, dtype=np.int64)
        self.hits = np.zeros(0, dtype=np.int64)
        self.region.sigRegionChanged.connect(self._on_region_changed)
        self.plot.scene().sigMouseClicked.connect(self._on_clicked)
        state.changed.connect(self._on_changed)
        self._rebuild()
        follow(self.set_theme)

    def set_theme(self, theme: Theme) -> None:
        """Re-colour the strip: background, axis, bars and the window's region."""
        self.theme = theme
        colour_plot(self.plot, theme, ("bottom",))
        self.matched_bars.setOpts(brush=qcolor(theme.accent, 170))
        self.region.setBrush(qcolor(theme.accent, 38))
        self.region.setHoverBrush(qcolor(theme.accent, 60))
        for line in self.region.lines:
            line.setPen(pg.mkPen(theme.cursor, width=2))
        self._draw_bars()

    def align_left(self, pixels: float) -> None:
        """Start the strip's time axis where the timeline's starts (after its lane names)."""
        self.plot.getAxis("left").setWidth(max(int(pixels), 0))

    def _on_changed(self, fields: frozenset[str]) -> None:
        if "dataset" in fields:
            self._rebuild()
            return
        if "window" in fields:
            self._follow_window(self.state.window)
        if "filters" in fields:
            self._draw_bars()

    def _rebuild(self) -> None:
        ds = self.state.dataset
        self._starts = np.asarray(to_seconds(ds.events["start"]), dtype=np.float64)
        span = navigation.data_span(ds)
        window = self.state.window
        first, last = span if span else (window.start, window.end)
        # widened to hold the opening window, as the timeline's own limits are: a dataset.json's default window
        # wider than the data showed the whole strip as the window, over an axis of days
        self.lo, self.hi = lane_packing.x_limits(first, last, (window.start, window.end),
                                                 min_margin=navigation.scale(ds).pan_margin)
        self.plot.getAxis("bottom").set_clock(ds.meta.clock)
        self.view.setXRange(self.lo, self.hi, padding=0)
        self._syncing = True  # new bounds may push the region: that is not the user's gesture
        try:
            self.region.setBounds((self.lo, self.hi))
        finally:
            self._syncing = False
        self._draw_bars()
        self._follow_window(window)

    def _draw_bars(self) -> None:
        if self.state.dataset.source is not None:
            self._draw_source_bars()
            return
        matched = navigation.matches(self.state.dataset, self.state.filters) if self.state.filters.active else None
        edges, self.counts, self.hits = bins.overview_bins(self._starts, self.lo, self.hi, matched, N_BINS)
        self._set_bars(edges, matched is not None)

    def _draw_source_bars(self) -> None:
        """An engine source's bars: the row-group estimate at once, the exact counts from its worker."""
        from viewer.ui.shared.engine import worker_for  # noqa: PLC0415 - engine code loads only for engine sources
        source, filters = self.state.dataset.source, self.state.filters
        assert source is not None
        worker = worker_for(source)
        edges = np.linspace(self.lo, self.hi, N_BINS + 1)
        everything = DensityRequest(self.lo, self.hi, N_BINS)
        matching = DensityRequest(self.lo, self.hi, N_BINS, filters=filters)
        known, hits = worker.tiles.cached(everything), worker.tiles.cached(matching)
        if known is not None and (hits is not None or not filters.active):
            self.counts = known.sum(axis=0)
            self.hits = hits.sum(axis=0) if hits is not None else self.counts
            self._set_bars(edges, filters.active)
            return
        guess = worker.tiles.first(everything)
        self.counts = guess.counts.sum(axis=0) if guess is not None else np.zeros(N_BINS, dtype=np.int64)
        self.hits = np.zeros(N_BINS, dtype=np.int64)
        self._set_bars(edges, filters.active)
        token = self._generation.next()
        asked = [everything] + ([matching] if filters.active else [])

        def answered(counts: list[np.ndarray]) -> None:
            for request, found in zip(asked, counts, strict=True):
                worker.tiles.remember(request, found)
            self._draw_bars()

        # the estimate until the view's questions are answered and (unfiltered) the timeline's pyramid is
        # whole; then a whole-span scan on a connection of its own: the timeline's tiles never queue behind it
        worker.when_free(self, lambda: worker.aside(lambda on, t: [on.density(r, t) for r in asked], answered, token),
                         token, EXACT_AFTER_MS, pyramid=not filters.active)

    def _set_bars(self, edges: np.ndarray, filtering: bool) -> None:
        top = float(np.sqrt(self.counts.max(initial=0))) or 1.0  # sqrt: lone events stay visible beside busy weeks
        self.view.setYRange(0.0, 1.08, padding=0)
        self.all_bars.setOpts(x0=edges[:-1], x1=edges[1:], height=np.sqrt(self.counts) / top,
                              brush=qcolor(self.theme.muted) if filtering else qcolor(self.theme.accent, 170))
        self.matched_bars.setOpts(x0=edges[:-1], x1=edges[1:], height=np.sqrt(self.hits) / top)
        self.matched_bars.setVisible(filtering)

    def _follow_window(self, window: TimeWindow) -> None:
        self._syncing = True  # moving the region is not the user's gesture: do not echo it back
        try:
            self.region.setRegion((max(window.start, self.lo), min(window.end, self.hi)))
        finally:
            self._syncing = False

    def _on_region_changed(self, region: pg.LinearRegionItem) -> None:
        if self._syncing:
            return
        start, end = region.getRegion()
        if end > start:
            self.state.set_window(TimeWindow(float(start), float(end)))

    def _on_clicked(self, event: object) -> None:
        """A click outside the region centres the window there, keeping its length."""
        if event.button() != Qt.MouseButton.LeftButton:  # type: ignore[attr-defined]
            return
        x = self.view.mapSceneToView(QPointF(event.scenePos())).x()  # type: ignore[attr-defined]
        window = self.state.window
        if not window.contains(x):
            moved = window.pan(x - (window.start + window.end) / 2)
            self.state.set_window(navigation.clamp(moved, self.state.dataset))
