"""The timeline's cursor: a draggable line with its date, kept in step with the shared cursor."""

from __future__ import annotations

import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import QTimer

from viewer.model import clock, navigation
from viewer.model.dates import from_seconds, to_seconds
from viewer.ui.shared.state import ViewState
from viewer.ui.shared.theme import Theme, current

DAY = 86400.0
EDGE = 0.03  # of the window's width: a cursor dragged this close to an edge scrolls the view
SCROLL_STEP = 0.02  # of the window's width per tick while the cursor is held at an edge
SCROLL_MS = 40


class CursorLine:
    """The as-of line on a plot: dragging it moves the state's cursor; the state's cursor moves it."""

    def __init__(self, plot: pg.PlotWidget, state: ViewState) -> None:
        self.state = state
        self.line = pg.InfiniteLine(angle=90, movable=True, label="",
                                    labelOpts={"position": 0.995, "anchors": [(0, 1), (0, 1)]})
        self.line.setZValue(10)
        self.set_theme(current())
        plot.addItem(self.line)
        self._syncing = False
        self._scroll = QTimer(plot)
        self._scroll.setInterval(SCROLL_MS)
        self._scroll.timeout.connect(self._scroll_tick)
        self.line.sigPositionChanged.connect(self._on_line_moved)
        self.line.sigPositionChangeFinished.connect(self._on_line_released)
        state.cursor_moved.connect(self.follow)
        state.window_changed.connect(lambda _w: self._relabel())

    def set_theme(self, theme: Theme) -> None:
        """The line in the theme's cursor colour (accent under the mouse), its date in a matching box."""
        self.line.setPen(pg.mkPen(theme.cursor, width=2))
        self.line.setHoverPen(pg.mkPen(theme.accent, width=3))
        self.line.label.fill = pg.mkBrush(theme.cursor)
        self.line.label.setColor(theme.cursor_text)

    def label(self, when: pd.Timestamp) -> str:
        """The cursor's date: to the minute below a two-day window, else to the day (a number on a numeric clock)."""
        precision = "time" if self.state.window.span < 2 * DAY else "day"
        return clock.format_instant(when, precision, self.state.dataset.meta.clock)

    def follow(self, when: pd.Timestamp) -> None:
        """Put the line (and its label) at ``when``."""
        self.line.label.setFormat(self.label(when))
        seconds = float(to_seconds(when))
        # while the user drags, the line already is where the hand is
        if not self.line.moving and abs(self.line.value() - seconds) > 1e-3:
            self._syncing = True
            try:
                self.line.setValue(seconds)
            finally:
                self._syncing = False
        self._place_label()

    def _relabel(self) -> None:
        self._place_label()
        self.line.label.setFormat(self.label(self.state.cursor))

    def _place_label(self) -> None:
        """Keep the date label inside the plot: to the left of the line near the right edge, and hidden
        with the line when the cursor is outside the view (it would show cut at the plot's edge)."""
        window, label = self.state.window, self.line.label
        inside = window.start <= self.line.value() <= window.end
        if inside != label.isVisibleTo(self.line):
            label.setVisible(inside)
        right_side = (self.line.value() - window.start) > 0.85 * window.span
        anchor = (1.0, 1.0) if right_side else (0.0, 1.0)
        if label.anchors[0] != anchor:
            label.anchors = [anchor, anchor]
            label.updatePosition()

    def _snapped(self, seconds: float) -> pd.Timestamp:
        if clock.numeric(self.state.dataset.meta.clock):  # numbers snap to a grain of the visible span
            return clock.snap(seconds, self.state.window.span)
        when = from_seconds(seconds)
        # relations change on days; below a two-day window the hour matters
        return when.round("D") if self.state.window.span >= 2 * DAY else when.round("min")

    def _edge_direction(self) -> int:
        """-1 or +1 while a dragged cursor is near (or past) the left or right edge, else 0."""
        if not self.line.moving:
            return 0
        window, value = self.state.window, float(self.line.value())
        if value > window.end - EDGE * window.span:
            return 1
        if value < window.start + EDGE * window.span:
            return -1
        return 0

    def _scroll_tick(self) -> None:
        """Pan the view towards the edge the cursor is held at, taking the cursor along."""
        direction = self._edge_direction()
        if direction == 0:
            self._scroll.stop()
            return
        window = self.state.window
        step = direction * SCROLL_STEP * window.span
        self.state.set_window(navigation.clamp(window.pan(step), self.state.dataset))
        moved = self.state.window  # the view may be at its limit already
        if moved == window:
            return
        # half-way into the edge zone, so the next tick scrolls on while the hand stays there
        edge = moved.end - EDGE / 2 * moved.span if direction > 0 else moved.start + EDGE / 2 * moved.span
        self.line.setValue(edge)

    def _on_line_moved(self, line: pg.InfiniteLine) -> None:
        if self._syncing:
            return
        self.state.move_cursor(self._snapped(float(line.value())))
        if self._edge_direction() and not self._scroll.isActive():
            self._scroll.start()

    def _on_line_released(self, line: pg.InfiniteLine) -> None:
        """The cursor lands where the hand let go, inside the view: a hand let go over the margin past the
        plot's end (or the rounding to a day) would put it out of sight."""
        self._scroll.stop()
        window = self.state.window
        value = min(max(float(line.value()), window.start), window.end)
        when = self._snapped(value)
        if not window.start <= float(to_seconds(when)) <= window.end:
            when = from_seconds(value)
        self.state.move_cursor(when)
        self.follow(self.state.cursor)
