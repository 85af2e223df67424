"""The timeline's tools in the window: toolbars (presets, playback, lanes, filters), overview strip,
match count, Find and Play; all handed to the shell by :func:`contribute`.
"""

from __future__ import annotations

import pandas as pd
import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QLabel, QStyle, QToolBar, QVBoxLayout, QWidget

from viewer.model import attributes, lane_packing, navigation
from viewer.model.clock import numeric
from viewer.model.dates import to_seconds
from viewer.source.base import Generation
from viewer.ui.shared.shell import Shell
from viewer.ui.timeline.eventless import EventlessNote
from viewer.ui.timeline.filter_bar import FilterBar
from viewer.ui.timeline.overview import OverviewStrip
from viewer.ui.timeline.panel import TimelinePanel
from viewer.ui.timeline.playback import Playback

SPEED_TEXT = {"day": "1 day / s", "week": "1 week / s", "month": "1 month / s", "quarter": "1 quarter / s",
              "year": "1 year / s"}


def speed_text(key: str, on: str) -> str:
    """``1 month / s``, or on the numeric clock the share of the window crossed per second (``5% of view / s``)."""
    if not numeric(on):
        return SPEED_TEXT[key]
    return f"{round(navigation.NUMBER_SPEEDS[key] * 100, 1):g}% of view / s"


LABEL_MOST, TIP_MOST = 40, 200  # a dataset's own name for its window, on its button and in its tooltip


def shortened(text: str, most: int) -> str:
    """``text`` cut to ``most`` characters, an ellipsis saying so."""
    return text if len(text) <= most else text[:most - 1].rstrip() + "…"


def button_text(label: str) -> str:
    """A preset's label as its toolbar button shows it: cut short (a dataset's 3,000-character label made the
    toolbar, and so the window, 20,000 pixels wide) and with its ampersands shown, not taken for shortcuts."""
    return shortened(" ".join(label.split()), LABEL_MOST).replace("&", "&&")


GROUP_TEXT = {"actor": "Lanes by actor", "category": "Lanes by category", "none": "One lane"}


class TimelineTools(QObject):
    """The timeline panel and everything around it, built once per window."""

    def __init__(self, shell: Shell) -> None:
        host = shell.host()
        super().__init__(host)
        self.shell = shell
        self.state = state = shell.state
        self.timeline = TimelinePanel(state, host)
        self.eventless = EventlessNote(state, self.timeline.plot)
        self.playback = Playback(state, self)
        self.filter_bar = FilterBar(state)
        self.overview = OverviewStrip(state)
        self.matched_label = QLabel(host)
        self._counts = Generation()
        self.matched_label.setObjectName("matchedLabel")
        self.presets: dict[str, QAction] = {}
        self.navigation = self._navigation_bar(host)
        shell.add_toolbar(self.navigation)
        self.filters_bar = self._filters_toolbar(host)
        shell.add_toolbar(self.filters_bar, new_row=True)
        self.container = self._timeline_with_overview(host)
        shell.set_central(self.container)
        lane_axis = self.timeline.plot.getAxis("left")
        lane_axis.geometryChanged.connect(self._align_overview)
        self.overview.align_left(lane_axis.width())
        shell.add_status(self.matched_label)
        self.find_action = shell.add_action("find", "&Find…", self.filter_bar.focus_search, "Ctrl+F")
        self.play_action = shell.add_action("play", "&Play", self.playback.toggle, "Space")
        self.hide_action = shell.add_action("hide_unmatched", "Hide non-matching", self.timeline.set_hide_unmatched,
                                            tip="Hide events the filters do not match (otherwise they are faded)",
                                            checkable=True)
        self.filters_bar.addAction(self.hide_action)
        # the toolbar's "Around selection", in the View menu too (toolbar buttons take no keyboard focus)
        self.around_action = shell.add_action("around_selection", "Zoom a&round the selection",
                                              lambda: self.show_preset("around"), "Ctrl+Shift+A")
        self.playback.playing_changed.connect(self._show_playing)
        state.changed.connect(self._on_changed)
        self._refresh()
        self._show_view()
        self._show_playing(False)

    # construction
    def _navigation_bar(self, host: QWidget) -> QToolBar:
        bar = QToolBar("Navigation", host)
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
        self.speed.setToolTip("How much time passes per second of playback")
        self.speed.currentIndexChanged.connect(lambda _i: self.playback.set_speed(str(self.speed.currentData())))
        self.speed.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a click leaves the focus (Space stays Play); Tab comes
        # as wide as its longest text on the dataset's clock ("12.5% of view / s" was cut to "12.5% of vi…")
        self.speed.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.play_button_action = QAction("Play", bar)
        self.play_button_action.triggered.connect(self.playback.toggle)
        bar.addAction(self.play_button_action)
        bar.addWidget(self.speed)
        bar.addSeparator()
        self.group_by = QComboBox(bar)
        self.group_by.setToolTip("What each lane gathers: an actor, a category, or any column of the file")
        self.group_by.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._fill_groupings()
        self.group_by.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.group_by.currentIndexChanged.connect(
            lambda _i: self.timeline.set_group_by(str(self.group_by.currentData())))
        bar.addWidget(self.group_by)
        return bar

    def _filters_toolbar(self, host: QWidget) -> QToolBar:
        bar = QToolBar("Filters", host)
        bar.setObjectName("timelineFilterBar")
        bar.addWidget(self.filter_bar)
        return bar

    def _timeline_with_overview(self, host: QWidget) -> QWidget:
        container = QWidget(host)
        container.setObjectName("timelineContainer")
        box = QVBoxLayout(container)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.timeline, 1)
        box.addWidget(self.overview)
        return container

    # behaviour
    def show_preset(self, key: str) -> None:
        """Show one of the preset windows (``default``, ``all``, ``around``)."""
        for preset in navigation.presets(self.state.dataset, self._selected_row()):
            if preset.key == key:
                self.state.set_window(preset.window)

    def _align_overview(self) -> None:
        """Keep the overview's time axis under the timeline's (the lane names' width changes)."""
        if not (shiboken6.isValid(self.timeline.plot) and shiboken6.isValid(self.overview)):
            return  # the window is being deleted, part by part
        axis = self.timeline.plot.getAxis("left")
        if shiboken6.isValid(axis):
            self.overview.align_left(axis.width())

    def _selected_row(self) -> pd.Series | None:
        events = self.state.dataset.events
        chosen = self.state.selection.events
        if not chosen:
            return None
        if self.state.dataset.source is not None:  # queried in place: as drawn
            from viewer.ui.shared.engine import worker_for  # noqa: PLC0415 - engine code loads only for engine sources
            return worker_for(self.state.dataset.source).known(next(iter(chosen)))
        found = self.state.dataset.ids.positions(chosen)
        return attributes.core_row_at(events, int(found.min())) if len(found) else None

    def _fill_groupings(self) -> None:
        """Lanes by actor, category, each column of the file with a few distinct values, or one lane."""
        choices = lane_packing.lane_choices(self.state.dataset.events)
        wanted = [(key, GROUP_TEXT.get(key, f"Lanes by {shortened(label, LABEL_MOST)}")) for key, label in choices]
        current = [(self.group_by.itemData(i), self.group_by.itemText(i)) for i in range(self.group_by.count())]
        if wanted == current:
            return
        self.group_by.blockSignals(True)  # refilling is not the user's choice
        self.group_by.clear()
        for key, text in wanted:
            self.group_by.addItem(text, key)
        self.group_by.blockSignals(False)
        if self.group_by.findData(self.state.view.group_by) < 0:
            self.timeline.set_group_by("actor")  # the new file has no such column

    def _on_changed(self, fields: frozenset[str]) -> None:
        if "dataset" in fields:
            self._fill_groupings()
        if fields & {"dataset", "selection"}:
            self._refresh()
        elif "filters" in fields:
            self._update_matched()
        if "selection" in fields and "dataset" not in fields:
            self._reveal_selection()
        if "view" in fields:
            self._show_view()

    def _show_view(self) -> None:
        """Show the session's view choices in the controls (they may come from saved settings)."""
        for combo, value in ((self.speed, self.state.view.speed), (self.group_by, self.state.view.group_by)):
            index = combo.findData(value)
            if index >= 0 and index != combo.currentIndex():
                combo.setCurrentIndex(index)
        if self.hide_action.isChecked() != self.state.view.hide_unmatched:
            self.hide_action.setChecked(self.state.view.hide_unmatched)

    def _refresh(self) -> None:
        on = self.state.dataset.meta.clock
        for index in range(self.speed.count()):  # numbers have no days: speeds are shares of the window
            self.speed.setItemText(index, speed_text(str(self.speed.itemData(index)), on))
        presets = {p.key: p for p in navigation.presets(self.state.dataset, self._selected_row())}
        for key, action in self.presets.items():
            preset = presets.get(key)
            action.setEnabled(preset is not None)
            action.setText(button_text(preset.label) if preset else "Around selection")
            action.setIconText(action.text())  # (the button's own: Qt strips a trailing "…" from a text it derives)
            action.setToolTip(f"{shortened(preset.label, TIP_MOST)}: {preset.tooltip}" if preset
                              else "Select an event first")
        self.around_action.setEnabled("around" in presets)
        self._update_matched()

    def _update_matched(self) -> None:
        filters, events = self.state.filters, self.state.dataset.events
        token = self._counts.next()  # an answer for earlier filters is not shown
        if not filters.active:
            self.matched_label.setText("")
            return
        ds = self.state.dataset
        if ds.source is not None:  # queried in place: the engine counts the matches
            from viewer.ui.shared.engine import worker_for  # noqa: PLC0415 - engine code loads only for engine sources
            self.matched_label.setText("Counting matches…")
            worker_for(ds.source).aside(lambda on, _t: on.count(filters), lambda n: self.matched_label.setText(
                navigation.match_summary(int(n), ds.event_count, 0)), token)
            return
        matched = navigation.matches(self.state.dataset, filters)
        imprecise = filters.imprecise_count(events, matched)
        self.matched_label.setText(navigation.match_summary(int(matched.sum()), len(events), imprecise))

    def _reveal_selection(self) -> None:
        row = self._selected_row()
        if row is not None:  # Left / Right / Home / End and the details panel: keep the event in view
            end = row["span_end"] if row["span_end"] == row["span_end"] else row["span_start"]
            start = float(to_seconds(row["span_start"]))
            self.state.set_window(navigation.reveal(self.state.window, start, float(to_seconds(end))))

    def _show_playing(self, playing: bool) -> None:
        icon = QStyle.StandardPixmap.SP_MediaPause if playing else QStyle.StandardPixmap.SP_MediaPlay
        text = "Pause" if playing else "Play"
        for action in (self.play_action, self.play_button_action):
            action.setIcon(self.timeline.style().standardIcon(icon))
            action.setText(text)
            action.setToolTip(f"{text} (Space): move the cursor through the window")


def contribute(shell: Shell) -> TimelineTools:
    """Build the timeline, its overview and tools, and hand them to ``shell``."""
    return TimelineTools(shell)
