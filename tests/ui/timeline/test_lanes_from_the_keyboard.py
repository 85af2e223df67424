"""Up and Down on the timeline, pressed in a fresh window: from the selected event to the nearest one in the lane
above or below. Until now Left and Right walked the events across every lane and a keyboard user could not go from
one lane to the next."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

pytest.importorskip("pytestqt")

from viewer.model.dates import to_seconds
from viewer.model.filters import Filters
from viewer.ui.shell.main_window import MainWindow


def _selected(window: MainWindow) -> str:
    (event_id,) = window.state.selection.events
    return event_id


def _lanes_of(window: MainWindow, event_id: str) -> set[int]:
    marks = window.timeline.items.marks
    return set(marks.lane[marks.event == window.timeline._ids.get(event_id)].tolist())


def _start(window: MainWindow, event_id: str) -> float:
    marks = window.timeline.items.marks
    return float(marks.x0[marks.event == window.timeline._ids.get(event_id)][0])


def _press(qtbot: QtBot, window: MainWindow, key: Qt.Key) -> None:
    QTest.keyClick(window.timeline.plot, key)
    qtbot.wait(1)
    assert QApplication.focusWidget() is window.timeline.plot  # the keys stay with the timeline


def _fresh(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.timeline.plot)


def test_down_walks_the_lanes_from_the_top_each_time_the_nearest_event(qtbot: QtBot, window: MainWindow) -> None:
    _fresh(qtbot, window)
    marks = window.timeline.items.marks
    cursor = float(to_seconds(window.state.cursor))
    _press(qtbot, window, Qt.Key.Key_Down)  # none selected: the top lane, nearest the cursor
    first = _selected(window)
    top = int(marks.lane.min())
    assert top in _lanes_of(window, first)
    in_top = marks.x0[marks.lane == top]
    assert abs(_start(window, first) - cursor) == pytest.approx(float(np.abs(in_top - cursor).min()))
    lane, seen = top, [first]
    for _ in range(len(window.timeline.lane_labels()) + 2):
        before = _selected(window)
        _press(qtbot, window, Qt.Key.Key_Down)
        after = _selected(window)
        if after == before:
            break  # the bottom lane: the selection stays
        below = min(found for found in _lanes_of(window, after) if found > lane)  # the next lane down that holds any
        index = window.timeline._ids.get
        candidates = (marks.lane == below) & (marks.event != index(before))
        fresh = candidates & ~np.isin(marks.event, marks.event[marks.lane == lane])  # not drawn in the lane left
        if fresh.any():
            assert lane not in _lanes_of(window, after)  # it visibly moved
            candidates = fresh
        nearest = float(np.abs(marks.x0[candidates] - _start(window, before)).min())
        assert abs(_start(window, after) - _start(window, before)) == pytest.approx(nearest)
        lane = below
        seen.append(after)
    assert lane == int(marks.lane.max())
    assert len(set(seen)) >= 3
    assert not window.state.filters.active


def test_up_goes_back_and_stops_at_the_top(qtbot: QtBot, window: MainWindow) -> None:
    _fresh(qtbot, window)
    lanes = len(window.timeline.lane_labels())
    for _ in range(lanes):
        _press(qtbot, window, Qt.Key.Key_Down)
    bottom = _selected(window)
    assert int(window.timeline.items.marks.lane.max()) in _lanes_of(window, bottom)
    for _ in range(lanes):
        _press(qtbot, window, Qt.Key.Key_Up)
    top = _selected(window)
    assert int(window.timeline.items.marks.lane.min()) in _lanes_of(window, top)
    _press(qtbot, window, Qt.Key.Key_Up)
    assert _selected(window) == top  # nothing above
    start = window.state.dataset.events.set_index("id").loc[top, "start"]
    assert window.state.cursor == start  # the cursor went to it, as a click sends it


def test_lanes_whose_events_are_hidden_are_passed_by(qtbot: QtBot, window: MainWindow) -> None:
    _fresh(qtbot, window)
    window.tools.hide_action.trigger()  # hide what the filters leave out
    window.state.set_filters(Filters(categories=frozenset({"legal"})))
    qtbot.waitUntil(lambda: bool(window.timeline.items.hidden.any()))  # (a new array at each emphasis)
    hidden = window.timeline.items.hidden
    for _ in range(len(window.timeline.lane_labels()) + 1):
        _press(qtbot, window, Qt.Key.Key_Down)
        assert not hidden[window.timeline._ids.get(_selected(window))]
