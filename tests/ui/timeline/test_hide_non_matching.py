"""'Hide non-matching' as a user uses it: type a search, press Return, tick the action — the lanes left
with nothing to show go, and come back when the action is unticked."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from viewer.ui.shell.main_window import MainWindow


def test_hiding_non_matching_events_removes_the_lanes_left_empty(qtbot, window: MainWindow) -> None:
    timeline = window.timeline
    every_lane = timeline.lane_labels()
    search = window.tools.filter_bar.search
    QTest.keyClicks(search, "Geely")
    QTest.keyClick(search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.state.filters.active)
    assert timeline.lane_labels() == every_lane  # faded, not hidden: every lane stays
    window.actions_by_name["hide_unmatched"].trigger()
    assert window.state.view.hide_unmatched
    shown = timeline.lane_labels()
    assert 0 < len(shown) < len(every_lane)
    assert "Geely" in shown or any("Geely" in label for label in shown)
    assert timeline.visible_event_ids()  # what matches is still drawn
    window.actions_by_name["hide_unmatched"].trigger()
    assert timeline.lane_labels() == every_lane
