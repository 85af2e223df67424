"""Timeline tools around the main window: presets, playback, lanes, filters, overview, match count.

``install(window)`` adds them without the main window knowing their insides; it is idempotent, so
calling it twice (a test and the window itself) adds everything once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QLabel, QMenu, QStyle, QToolBar, QVBoxLayout, QWidget

from viewer.model import navigation
from viewer.model.dates import to_seconds
from viewer.ui.timeline.filter_bar import FilterBar
from viewer.ui.timeline.overview import OverviewStrip
from viewer.ui.timeline.playback import Playback

if TYPE_CHECKING:
    from viewer.ui.shell.main_window import MainWindow

SPEED_TEXT = {"day": "1 day / s", "week": "1 week / s", "month": "1 month / s", "quarter": "1 quarter / s",
              "year": "1 year / s"}
GROUP_TEXT = {"actor": "Lanes by actor", "category": "Lanes by category", "none": "One lane"}


class TimelineTools(QObject):
    """What ``install`` added, for the window and for tests."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.state = state = window.state
        self.playback = Playback(state, self)
        self.filter_bar = FilterBar(state)
        self.overview = OverviewStrip(state)
        self.matched_label = QLabel(window)
        self.matched_label.setObjectName("matchedLabel")
        self.presets: dict[str, QAction] = {}
        self.navigation = self._navigation_bar()
        window.addToolBarBreak()
        self.filters_bar = self._filters_toolbar()
        self._put_overview_under_timeline()
        lane_axis = window.timeline.plot.getAxis("left")
        lane_axis.geometryChanged.connect(lambda: self.overview.align_left(lane_axis.width()))
        self.overview.align_left(lane_axis.width())
        window.statusBar().addWidget(self.matched_label)
        self.find_action = self._action("find", "&Find…", "Ctrl+F", self.filter_bar.focus_search)
        self.play_action = self._action("play", "&Play", "Space", self.playback.toggle)
        self._add_to_view_menu()
        self.playback.playing_changed.connect(self._show_playing)
        state.dataset_changed.connect(lambda _ds: self._refresh())
        state.filters_changed.connect(lambda _f: self._update_matched())
        state.selection_changed.connect(lambda _s: self._on_selection())
        self._refresh()
        self._show_playing(False)

    # construction
    def _navigation_bar(self) -> QToolBar:
        bar = QToolBar("Navigation", self.window)
        bar.setObjectName("timelineNavigationBar")  # restoreState needs names
        for key in ("default", "all", "around"):
            action = QAction(key, bar)
            action.triggered.connect(lambda _checked=False, key=key: self.show_preset(key))
            bar.addAction(action)
            self.presets[key] = action
        bar.addSeparator()
        self.speed = QComboBox(bar)
        for key, text in SPEED_TEXT.items():
            self.speed.addItem(text, key)
        self.speed.setCurrentIndex(list(SPEED_TEXT).index(self.playback.speed))
        self.speed.setToolTip("How much time passes per second of playback")
        self.speed.currentIndexChanged.connect(lambda _i: self.playback.set_speed(str(self.speed.currentData())))
        self.speed.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space stays play/pause
        self.play_button_action = QAction("Play", bar)
        self.play_button_action.triggered.connect(self.playback.toggle)
        bar.addAction(self.play_button_action)
        bar.addWidget(self.speed)
        bar.addSeparator()
        self.group_by = QComboBox(bar)
        for key, text in GROUP_TEXT.items():
            self.group_by.addItem(text, key)
        self.group_by.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.group_by.currentIndexChanged.connect(
            lambda _i: self.window.timeline.set_group_by(str(self.group_by.currentData())))
        bar.addWidget(self.group_by)
        self.window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        return bar

    def _filters_toolbar(self) -> QToolBar:
        bar = QToolBar("Filters", self.window)
        bar.setObjectName("timelineFilterBar")
        bar.addWidget(self.filter_bar)
        self.hide_action = QAction("Hide non-matching", bar)
        self.hide_action.setCheckable(True)
        self.hide_action.setToolTip("Hide events the filters do not match (otherwise they are faded)")
        self.hide_action.toggled.connect(self.window.timeline.set_hide_unmatched)
        bar.addAction(self.hide_action)
        self.window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        return bar

    def _put_overview_under_timeline(self) -> None:
        window = self.window
        window.takeCentralWidget()  # setCentralWidget would delete the timeline otherwise
        container = QWidget(window)
        container.setObjectName("timelineContainer")
        box = QVBoxLayout(container)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(window.timeline, 1)
        box.addWidget(self.overview)
        window.setCentralWidget(container)
        self.container = container

    def _action(self, name: str, text: str, keys: str, slot: object) -> QAction:
        action = QAction(text, self.window)
        action.setShortcut(QKeySequence(keys))
        action.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
        self.window.addAction(action)
        self.window.actions_by_name[name] = action
        return action

    def _add_to_view_menu(self) -> None:
        for action in self.window.menuBar().actions():
            menu = action.menu()
            if isinstance(menu, QMenu) and action.text().replace("&", "") == "View":
                added = [self.find_action, self.play_action, self.hide_action]
                if menu.actions():
                    first = menu.actions()[0]
                    menu.insertActions(first, added)
                    menu.insertSeparator(first)
                else:
                    menu.addActions(added)
                return

    # behaviour
    def show_preset(self, key: str) -> None:
        """Show one of the preset windows (``default``, ``all``, ``around``)."""
        for preset in navigation.presets(self.state.dataset, self._selected_row()):
            if preset.key == key:
                self.state.set_window(preset.window)

    def _selected_row(self) -> pd.Series | None:
        events = self.state.dataset.events
        chosen = self.state.selection.events
        rows = events[events["id"].isin(chosen)] if chosen else events.iloc[0:0]
        return rows.iloc[0] if len(rows) else None

    def _refresh(self) -> None:
        presets = {p.key: p for p in navigation.presets(self.state.dataset, self._selected_row())}
        for key, action in self.presets.items():
            preset = presets.get(key)
            action.setEnabled(preset is not None)
            action.setText(preset.label if preset else "Around selection")
            action.setToolTip(f"{preset.label}: {preset.tooltip}" if preset else "Select an event first")
        self._update_matched()

    def _update_matched(self) -> None:
        filters, events = self.state.filters, self.state.dataset.events
        if not filters.active:
            self.matched_label.setText("")
            return
        matched = navigation.matches(self.state.dataset, filters)
        imprecise = filters.imprecise_count(events, matched)
        self.matched_label.setText(navigation.match_summary(int(matched.sum()), len(events), imprecise))

    def _on_selection(self) -> None:
        self._refresh()
        row = self._selected_row()
        if row is not None:  # Left / Right / Home / End and the details panel: keep the event in view
            end = row["span_end"] if row["span_end"] == row["span_end"] else row["span_start"]
            start = float(to_seconds(row["span_start"]))
            self.state.set_window(navigation.reveal(self.state.window, start, float(to_seconds(end))))

    def _show_playing(self, playing: bool) -> None:
        icon = QStyle.StandardPixmap.SP_MediaPause if playing else QStyle.StandardPixmap.SP_MediaPlay
        text = "Pause" if playing else "Play"
        for action in (self.play_action, self.play_button_action):
            action.setIcon(self.window.style().standardIcon(icon))
            action.setText(text)
            action.setToolTip(f"{text} (Space): move the cursor through the window")


def install(window: MainWindow) -> TimelineTools:
    """Add the timeline's toolbars, overview strip, match count, Find and Play to ``window`` (once)."""
    existing = getattr(window, "tools", None)
    if isinstance(existing, TimelineTools):
        return existing
    tools = TimelineTools(window)
    window.tools = tools
    return tools
