"""TimelinePanel: events in lanes over a date axis, with the shared window, cursor, selection and filters.

The panel only translates: view-range changes and clicks become ViewState calls, ViewState signals
become a new range, cursor position or emphasis. Lanes and packing are pure functions in
:mod:`viewer.model.lane_packing`, culling, labels and hit tests in :mod:`viewer.model.marks`; drawing is
one item in ``timeline_items``; the cursor, lane gestures and names, the mouse and keys live in small
helper modules.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QTimer
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QGraphicsView, QVBoxLayout, QWidget

from viewer.model import attributes, lane_packing, marks, navigation
from viewer.model.backgrounds import Backgrounds, split_backgrounds
from viewer.model.columns import IdLookup, entity_names
from viewer.model.query import actor_mask
from viewer.model.window import TimeWindow
from viewer.ui.shared import focus_frame
from viewer.ui.shared.date_axis import DateAxis
from viewer.ui.shared.state import Selection, ViewState
from viewer.ui.shared.theme import Theme, colour_plot, follow
from viewer.ui.timeline import keys as timeline_keys
from viewer.ui.timeline.cursor import CursorLine
from viewer.ui.timeline.items import EventsItem, Marks
from viewer.ui.timeline.lane_steps import LaneSteps
from viewer.ui.timeline.lanes import LaneControls, LaneNames, cursor_strip, lane_colours
from viewer.ui.timeline.pointer import Pointer
from viewer.ui.timeline.tips import tooltip_text
from viewer.ui.timeline.view import TimelineViewBox

if TYPE_CHECKING:
    from viewer.ui.timeline.engine_view import EngineView

LANE_PAD = 0.3  # rows of air above and below each lane's sub-rows
COLLAPSED_ROWS = 0.75  # a collapsed lane's height, in rows
PACK_PX = 40.0  # marks closer than this many pixels go to separate sub-rows...
LABEL_SLOT_PX = 170.0  # ...and so do marks whose label (up to this long) would run into the next
MARK_GAP_PX = 10.0  # marker half-width plus the gap before its label
FULL_PACK_LIMIT = 20_000  # (event, lane) pairs; beyond this only the stretch around the view is packed


class TimelinePanel(LaneSteps, QWidget):
    """Events of the open dataset in lanes along time; drives and follows the shared ViewState."""

    def __init__(self, state: ViewState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self._seen = state.view  # the view choices the drawing reflects
        self.plot = focus_frame.framed(pg.PlotWidget(viewBox=TimelineViewBox(), axisItems={"bottom": DateAxis()}))
        self.plot.setAccessibleName("Timeline")
        self.plot.setAccessibleDescription("+ and - zoom; Left, Right, Home, End walk the events; Up, Down the lanes")
        self.plot.setAntialiasing(True)
        # One rectangle round every change, not pyqtgraph's minimal region: the events item is drawn whole
        # at every change anyway, and a region of several rectangles (the cursor line's old and new places)
        # sends every picture it copies (lanes, grid lines, labels) down Qt's slow clipped path: a cursor
        # step took twice as long.
        self.plot.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.BoundingRectViewportUpdate)
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.view = self.plot.getViewBox()
        self.view.invertY(True)  # first lane on top
        self.view.setMouseEnabled(x=True, y=False)
        self.view.disableAutoRange()
        self.plot.getPlotItem().layout.setContentsMargins(2, 8, 12, 2)
        self._style_axes()
        self.items = EventsItem()
        self.items.ticks = self.plot.getAxis("bottom").grid_ticks
        self.plot.addItem(self.items)
        self.as_of = CursorLine(self.plot, state)
        self.cursor_line = self.as_of.line
        self.lanes = LaneControls(self)
        self.lane_names = LaneNames(self.plot.getAxis("left"), self.view)
        self.keys = timeline_keys.install(self, state)
        self._install_lane_steps()  # Up / Down: from lane to lane
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.plot)
        self._syncing = False
        self._lanes: lane_packing.Lanes | None = None
        self._backgrounds = Backgrounds()
        self._lane_geometry: tuple[object, ...] = ()  # lane names, tops and collapsed flags last drawn
        self._layout_key: tuple[object, ...] | None = None
        self._names: dict[str, str] = {}
        self._events = state.dataset.events  # what the marks index: the dataset's events, or an engine window's
        self.engine: EngineView | None = None  # made when a dataset's events are in an engine source
        self.theme = follow(self.set_theme)
        self.view.sigXRangeChanged.connect(self._on_view_range)
        self.view.sigResized.connect(lambda _vb: self._on_resized())
        self.pointer = Pointer(self)
        self.cursor_line.sigPositionChanged.connect(self._on_cursor_line)
        state.changed.connect(self._on_changed)
        self._rebuild()

    def lane_labels(self) -> list[str]:
        """The lanes' names, top to bottom."""
        return list(self._lanes.labels) if self._lanes is not None else []

    def lane_colour_names(self) -> list[str]:
        """The lanes' colours (``#rrggbb``), top to bottom."""
        return [colour.name() for colour in self._colours] if self._lanes is not None else []

    def lane_keys(self) -> list[str]:
        """The lanes' keys (entity ids, categories or ``all``), top to bottom."""
        return list(self._lanes.keys) if self._lanes is not None else []

    @property
    def group_by(self) -> str:
        """``"actor"`` (lanes per principal entity), ``"category"`` or ``"none"`` (one lane)."""
        return self.state.view.group_by

    @property
    def collapsed(self) -> frozenset[str]:
        """The keys of the collapsed lanes (kept across regrouping and datasets)."""
        return self.state.view.collapsed

    @property
    def hide_unmatched(self) -> bool:
        """True when events the filters do not match are hidden rather than faded."""
        return self.state.view.hide_unmatched

    def set_group_by(self, group_by: str) -> None:
        """Lanes per principal entity (``"actor"``), per ``"category"``, or one lane (``"none"``)."""
        self.state.set_view(group_by=group_by)

    def set_collapsed(self, keys: set[str] | frozenset[str]) -> None:
        """Collapse exactly these lanes (by key) to one thin row of marks without labels."""
        self.state.set_view(collapsed=frozenset(keys))

    def toggle_lane(self, key: str) -> None:
        """Collapse an expanded lane or expand a collapsed one."""
        self.set_collapsed(self.collapsed ^ {key})

    def set_hide_unmatched(self, hide: bool) -> None:
        """Hide events the filters do not match (instead of fading them)."""
        self.state.set_view(hide_unmatched=hide)

    def _on_changed(self, fields: frozenset[str]) -> None:
        """Redraw once for whatever changed together (opening a dataset changes five fields at once)."""
        seen, self._seen = self._seen, self.state.view
        view = self.state.view
        if "dataset" in fields or view.group_by != seen.group_by:
            self._rebuild()
            return
        if view.collapsed != seen.collapsed:
            self._layout_key = None
            self._relayout()
        if "window" in fields:
            self._on_window_changed(self.state.window)
        if "filters" in fields and self.engine is not None:
            self.engine.refresh()
        if fields & {"selection", "filters"} or view.hide_unmatched != seen.hide_unmatched:
            self._update_emphasis()
        elif "hover" in fields:
            self._on_hover_changed(self.state.hover)

    def set_theme(self, theme: Theme) -> None:
        """Re-colour the background, axes, lanes, cursor and rubber band (on every theme change)."""
        self.theme = theme
        colour_plot(self.plot, theme)
        self.view.set_theme(theme)
        self.as_of.set_theme(theme)
        self.items.set_theme(theme)
        if self._lanes is not None:
            self._colours = lane_colours(self._lanes.keys, self.state.dataset.entities, theme)
            self._layout_key = None  # the marks carry the lane colours: hand them over again
            self._relayout()

    def visible_event_ids(self) -> list[str]:
        """Ids of events with a mark in the visible range, in time order."""
        (t0, t1), _ = self.view.viewRange()
        events = self.items.marks.event[self.items.visible(t0, t1)]
        return [self._ids[e] for e in dict.fromkeys(events.tolist())]

    def labelled_event_ids(self) -> set[str]:
        """Ids of events whose title was drawn in the last paint."""
        return set(self.ids_of(self.items.labelled))

    def ids_of(self, events: Iterable[int]) -> list[str]:
        """The ids of events given by their rows in the timeline's table (as marks hold them)."""
        return [self._ids[int(e)] for e in events]

    def event_scene_pos(self, event_id: str) -> QPointF | None:
        """Scene position of an event's first visible mark (None when not visible)."""
        vis, px0, _px1, py = self.items.on_screen()
        hits = np.flatnonzero(self.items.marks.event[vis] == self._index.get(event_id, -1))
        return QPointF(float(px0[hits[0]]), float(py[hits[0]])) if len(hits) else None

    def tooltip(self, event_id: str) -> str:
        """What hovering an event's mark shows."""
        row = attributes.core_row_at(self._events, self._index[event_id])  # a wide table's row: not all of it
        return tooltip_text(row, self._names, self.state.dataset.meta.clock)

    def event_at(self, scene_pos: QPointF) -> str | None:
        """The id of the event whose mark is within a few pixels of a scene position, if any."""
        if self.items.density_mode:
            return None
        vis, px0, px1, py = self.items.on_screen(near_x=scene_pos.x())
        hit = marks.hit_test(scene_pos.x(), scene_pos.y(), px0, px1, py)
        return self._ids[int(self.items.marks.event[vis[hit]])] if hit >= 0 else None

    def _style_axes(self) -> None:
        font = QFont()
        font.setPointSizeF(9.0)
        for name in ("bottom", "left"):
            axis = self.plot.getAxis(name)
            axis.setTickFont(font)
        self.plot.getAxis("left").setStyle(tickLength=0, autoExpandTextSpace=False)
        # (the lane names are kept as a pixmap between pans: LaneNames)
        # the grid is drawn under the marks by the events item (timeline.grid), not over them by the axis
        self.plot.getAxis("bottom").setStyle(tickLength=0)
        # the hidden top axis follows every pan: without units, its label need not be built again each time
        self.plot.getAxis("top").enableAutoSIPrefix(False)

    def _rebuild(self) -> None:
        ds = self.state.dataset
        self._names = entity_names(ds.entities)
        span, window = navigation.data_span(ds), self.state.window
        first, last = span if span else (window.start, window.end)
        lengths = navigation.scale(ds)
        lo, hi = lane_packing.x_limits(first, last, (window.start, window.end), min_margin=lengths.pan_margin)
        self.plot.getAxis("bottom").set_clock(ds.meta.clock)
        if ds.source is not None or self.engine is not None:
            if self.engine is None:
                from viewer.ui.timeline.engine_view import EngineView  # noqa: PLC0415 - engine code loads when used
                self.engine = EngineView(self)
            self.engine.set_limits(lo, hi)
            self.engine.start(ds, self._names)  # draws the source's lanes through show_events
        if ds.source is None:
            lanes = lane_packing.lane_rows(ds.events, ds.meta.principal, self._names, group_by=self.group_by,
                                           packed=False)  # packing waits for a zoom level
            self.show_events(ds.events, *split_backgrounds(lanes, ds.events, self.group_by))
        self._syncing = True  # limits may clamp the old range: that is not the user's window
        try:
            self.view.setLimits(xMin=lo, xMax=hi, minXRange=lengths.min_span, maxXRange=hi - lo)
        finally:
            self._syncing = False
        self._apply_window(window)
        self._relayout()
        self.as_of.follow(self.state.cursor)
        self._update_emphasis()

    def show_events(self, events: pd.DataFrame, lanes: lane_packing.Lanes,
                    backgrounds: Backgrounds | None = None) -> None:
        """Draw these events in these lanes: the dataset's, or the rows an engine sent for a window."""
        self._events = events
        # ids stay in Arrow: a list + dict of a million ids cost ~300 bytes an event and ~2 s
        self._ids = self.state.dataset.ids if events is self.state.dataset.events else IdLookup(events["id"])
        self._index = self._ids.index
        self._all_lanes, self._backgrounds = lanes, backgrounds or Backgrounds()
        self._kinds = lane_packing.event_kinds(events)
        self._titles = marks.LabelTexts(events)  # computed per label drawn
        # Packing only needs label lengths roughly (they are clipped to a slot), so skip measuring each.
        chars = self._titles.lengths()
        self._label_px = chars * QFontMetricsF(self.items.font).averageCharWidth() * 1.1
        self._use_lanes(lanes)
        if self.engine is not None and self.engine.active:  # rows came later than the dataset: redraw now
            self._relayout()
            self._update_emphasis()

    def _use_lanes(self, lanes: lane_packing.Lanes) -> None:
        """Draw these lanes from now on: all of them, or those "Hide non-matching" leaves an event in."""
        self._lanes = lanes
        self._pair_kinds = self._kinds[lanes.event_index]  # a repack keeps the pairs: taken once, not per zoom level
        self._interval_index = marks.IntervalIndex.build(lanes.start, lanes.end)
        self._colours = lane_colours(lanes.keys, self.state.dataset.entities, self.theme)
        self._layout_key = None
        self._packed: dict[tuple[int, int, int], lane_packing.Lanes] = {}  # per zoom level, height and tile

    def _relayout(self) -> None:
        """Repack sub-rows when the zoom crosses a power of two, the height or the collapsed lanes change."""
        lanes = self._lanes
        if lanes is None:
            return
        (t0, t1), _ = self.view.viewRange()
        level = round(math.log2(max((t1 - t0) / max(self.view.width(), 50.0), 1e-3)))
        px = max(self.view.height(), 60.0)
        label = max(self.cursor_line.label.boundingRect().height(), self.items.line_height)
        budget = (px - cursor_strip(px, label)) / self.items.line_height  # rows that fit above the date's strip
        crowded = marks.crowded(self._interval_index.count(t0, t1), self.items.density_mode)  # two binary searches
        collapsed = np.array([key in self.collapsed for key in self.lane_keys()], dtype=bool)
        # Density ignores sub-rows, so crowded views skip packing altogether. Big datasets pack only the
        # stretch around the view (aligned tiles, so small pans reuse it) instead of every pair.
        tile = 2.0**level * max(self.view.width(), 50.0) * 2
        part = math.floor(t0 / tile) if len(lanes) > FULL_PACK_LIMIT and not crowded else 0
        pack_key = (-999 if crowded else level, int(budget), part)
        key = (*pack_key, tuple(collapsed.tolist()))
        if key == self._layout_key:
            return
        self._layout_key = key
        if pack_key not in self._packed:
            if len(self._packed) > 32:
                self._packed.clear()
            if crowded:
                packed = lanes.on_one_row()
            else:
                chosen = (self._interval_index.overlapping((part - 1) * tile, (part + 2) * tile)
                          if len(lanes) > FULL_PACK_LIMIT else np.arange(len(lanes)))
                packed = self._packed_part(lanes, level, budget, chosen)
            self._packed[pack_key] = packed
        self._set_marks(self._packed[pack_key], collapsed, px / (px - cursor_strip(px, label)))

    def _packed_part(self, lanes: lane_packing.Lanes, level: int, budget: float,
                     chosen: np.ndarray) -> lane_packing.Lanes:
        """Sub-rows for the chosen pairs at one zoom level, each reserving room for its label."""
        slot_px = np.clip(self._label_px[lanes.event_index[chosen]], PACK_PX, LABEL_SLOT_PX) + 2 * MARK_GAP_PX
        return lane_packing.packed_part(lanes, chosen, slot_px * 2.0**level, budget, 2 * LANE_PAD)

    def _set_marks(self, lanes: lane_packing.Lanes, collapsed: np.ndarray, stretch: float) -> None:
        tops = lane_packing.lane_tops(lanes, LANE_PAD, collapsed, COLLAPSED_ROWS)
        y = lane_packing.RowCentres(lanes, tops, LANE_PAD, collapsed, COLLAPSED_ROWS)  # per pair when drawn
        self.items.set_marks(Marks(
            x0=lanes.start, x1=lanes.end, y=y, lane=lanes.lane, event=lanes.event_index,
            kind=self._pair_kinds, titles=self._titles, colours=self._colours,
            bands=[(float(tops[i]), float(tops[i + 1])) for i in range(len(lanes.keys))],
            height=float(tops[-1]), index=self._interval_index, collapsed=collapsed,
            backgrounds=self._backgrounds, background_lanes=self._backgrounds.lanes_in(lanes.keys)))
        geometry = (lanes.labels, tuple(tops.tolist()), tuple(collapsed.tolist()), round(self.view.height()))
        if geometry == self._lane_geometry:
            return  # a repack at a new zoom level that left every lane's height as it was: the names stay drawn
        self._lane_geometry = geometry
        bottom = max(float(tops[-1]), 1.0) * stretch  # the lanes (or no events), over the strip for the cursor's date
        self.view.setLimits(yMin=0.0, yMax=bottom, minYRange=bottom, maxYRange=bottom)
        self.view.setYRange(0.0, bottom, padding=0)
        self.lane_names.set(lanes.labels, tops, collapsed)  # after the range: how many names fit depends on it

    def _on_view_range(self, _view: object, x_range: tuple[float, float]) -> None:
        if self._syncing:  # our own range change: whoever made it relays out
            return
        self._relayout()
        if self.engine is not None:
            self.engine.refresh()
        self.state.set_window(TimeWindow(float(x_range[0]), float(x_range[1])))

    def _on_resized(self) -> None:
        self.lane_names.show()  # a shorter panel fits fewer lane names
        self._layout_key = None  # the strip under the lanes keeps its height in pixels
        self._relayout()
        if self.engine is not None:
            self.engine.refresh()

    def _on_window_changed(self, window: TimeWindow) -> None:
        self._apply_window(window)
        self._relayout()
        if self.engine is not None:
            self.engine.refresh()
        # pyqtgraph moves the items to the new range lazily, inside the next paint, which then asks for a
        # second paint of the same frame: move them now, and the frame is painted once
        self.view.updateMatrix()

    def _apply_window(self, window: TimeWindow) -> None:
        (t0, t1), _ = self.view.viewRange()
        if _close(t0, window.start) and _close(t1, window.end):
            return
        self._syncing = True  # our own setXRange must not echo back while the state is emitting
        try:
            self.plot.setXRange(window.start, window.end, padding=0)
        finally:
            self._syncing = False
        (t0, t1), _ = self.view.viewRange()
        if not (_close(t0, window.start) and _close(t1, window.end)):
            # The limits clamped the request: tell the state after its current emission finishes.
            QTimer.singleShot(0, self, lambda: self.state.set_window(TimeWindow(*self.view.viewRange()[0])))

    def _on_cursor_line(self, line: pg.InfiniteLine) -> None:
        self.items.move_cursor(float(line.value()))

    def _update_emphasis(self) -> None:
        events = self._events
        selection: Selection = self.state.selection
        strong = np.zeros(len(events), dtype=bool)
        strong[self._ids.positions(selection.events)] = True  # (76,000 at once: one hash table, not a scan each)
        faded = ~actor_mask(events, list(selection.entities)) if selection.entities else np.zeros(len(events), bool)
        # an engine sends only the rows the filters match
        unmatched = np.zeros(len(events), bool) if self.state.dataset.source is not None else \
            ~navigation.matches(self.state.dataset, self.state.filters)
        hidden = unmatched & ~strong if self.hide_unmatched else np.zeros(len(events), bool)
        self.items.set_emphasis(strong, faded | unmatched, self._index.get(self.state.hover or "", -1), hidden)
        self._layout_key = None if self.hide_unmatched else self._layout_key  # what is crowded may change
        shown = lane_packing.only_events(self._all_lanes, ~hidden) if hidden.any() else self._all_lanes
        if self._lanes is None or not np.array_equal(shown.event_index, self._lanes.event_index):
            self._use_lanes(shown)  # hidden events leave no emptied lanes behind
            self._relayout()

    def _on_hover_changed(self, event_id: str | None) -> None:
        self.items.set_emphasis(self.items.strong, self.items.faded, self._index.get(event_id or "", -1))


_close = partial(math.isclose, rel_tol=1e-12, abs_tol=1e-3)  # (a millisecond, or the float's own rounding)
