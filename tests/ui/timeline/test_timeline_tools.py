"""The timeline's tools on the whole window: keys, presets, rubber band, wheel, lanes, Find, Play, status."""

from __future__ import annotations

import itertools

import pandas as pd
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication

pytest.importorskip("pytestqt")

from viewer.model import navigation
from viewer.model.dataset import Dataset
from viewer.model.filters import Filters
from viewer.model.window import TimeWindow
from viewer.ui.shell.main_window import MainWindow

DAY = 86400.0


def focus_timeline(qtbot, window: MainWindow) -> None:
    window.activateWindow()
    window.timeline.plot.setFocus()
    qtbot.waitUntil(window.timeline.plot.hasFocus)


def test_the_timeline_contributes_find_and_play_and_its_toolbars(window: MainWindow) -> None:
    tools = window.tools
    assert window.actions_by_name["find"].shortcut().toString() == "Ctrl+F"
    assert window.actions_by_name["play"].shortcut().toString() == "Space"
    assert tools.navigation.objectName() and tools.filters_bar.objectName()
    central = window.centralWidget()
    assert central is not None and central.isAncestorOf(window.timeline) and central.isAncestorOf(tools.overview)


def test_plus_and_minus_zoom_around_the_cursor_inside_the_timeline(qtbot, window: MainWindow) -> None:
    focus_timeline(qtbot, window)
    state = window.state
    before = state.window
    cursor = state.cursor.timestamp()
    qtbot.keyClick(window.timeline.plot, Qt.Key.Key_Plus)
    assert state.window.span == pytest.approx(before.span * 0.8)
    assert (cursor - state.window.start) / state.window.span == pytest.approx(
        (cursor - before.start) / before.span)
    qtbot.keyClick(window.timeline.plot, Qt.Key.Key_Minus)
    assert state.window.span == pytest.approx(before.span)


def test_zooming_in_by_keys_stops_at_one_hour(qtbot, window: MainWindow) -> None:
    focus_timeline(qtbot, window)
    window.state.set_window(TimeWindow.between("2023-02-06T10:00Z", "2023-02-06T12:00Z"))
    for _ in range(10):
        qtbot.keyClick(window.timeline.plot, Qt.Key.Key_Plus)
    assert window.state.window.span == pytest.approx(3600.0)
    (x0, x1), _ = window.timeline.view.viewRange()
    assert x1 - x0 == pytest.approx(3600.0, rel=1e-3)


def test_zooming_out_by_keys_stops_at_the_data_span_plus_a_margin(qtbot, window: MainWindow) -> None:
    focus_timeline(qtbot, window)
    for _ in range(20):
        qtbot.keyClick(window.timeline.plot, Qt.Key.Key_Minus)
    first, last = navigation.data_span(window.state.dataset) or (0.0, 0.0)
    assert window.state.window.span <= (last - first) * 1.11
    assert window.state.window.start <= first and window.state.window.end >= last


def test_home_and_end_select_the_first_and_last_events_and_show_them(qtbot, window: MainWindow) -> None:
    focus_timeline(qtbot, window)
    state = window.state
    qtbot.keyClick(window.timeline.plot, Qt.Key.Key_Home)
    assert state.selection.events == frozenset({"E001"})
    assert state.cursor.date().isoformat() == "1999-03-27"
    assert state.window.contains(state.cursor.timestamp())
    window.timeline.grab()
    assert "E001" in window.timeline.labelled_event_ids()
    qtbot.keyClick(window.timeline.plot, Qt.Key.Key_End)
    last = str(state.dataset.events["id"].iloc[-1])
    assert state.selection.events == frozenset({last})
    assert last in window.timeline.visible_event_ids()


def test_home_and_end_keep_to_the_matching_events_while_filtering(qtbot, window: MainWindow) -> None:
    focus_timeline(qtbot, window)
    window.state.set_filters(Filters(text="beirut"))
    qtbot.keyClick(window.timeline.plot, Qt.Key.Key_End)
    assert window.state.selection.events == frozenset({"E030"})
    qtbot.keyClick(window.timeline.plot, Qt.Key.Key_Home)
    assert window.state.selection.events == frozenset({"E029"})


def test_left_and_right_step_through_events_and_keep_them_in_view(window: MainWindow) -> None:
    state = window.state
    state.select_event("E060")
    window.actions_by_name["next"].trigger()
    assert state.selection.events == frozenset({"E061"})
    for _ in range(5):
        window.actions_by_name["next"].trigger()
    selected = next(iter(state.selection.events))
    assert selected in window.timeline.visible_event_ids()
    assert state.window.contains(state.cursor.timestamp())


def test_the_presets_show_the_default_window_all_events_and_around_the_selection(window: MainWindow) -> None:
    tools = window.tools
    state = window.state
    assert tools.presets["default"].text() == "Ghosn arrest → London"
    assert "2018-11-19 → 2023-02-06" in tools.presets["default"].toolTip()
    assert not tools.presets["around"].isEnabled()
    tools.presets["all"].trigger()
    assert state.window == navigation.fit_all(state.dataset)
    assert "E001" in window.timeline.visible_event_ids()
    state.select_event("E029")
    assert tools.presets["around"].isEnabled()
    tools.presets["around"].trigger()
    e029 = state.dataset.events.loc[state.dataset.events["id"] == "E029"].iloc[0]
    assert state.window == navigation.around(e029)
    assert state.window.start_time.date().isoformat() == "2019-11-29"
    tools.presets["default"].trigger()
    assert state.window == navigation.default_window(state.dataset)


def send_mouse(widget, kind: QEvent.Type, pos: QPoint, buttons: Qt.MouseButton,
               modifiers: Qt.KeyboardModifier) -> None:
    button = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseMove else Qt.MouseButton.LeftButton
    point = QPointF(pos)
    event = QMouseEvent(kind, point, QPointF(widget.mapToGlobal(pos)), button, buttons, modifiers)
    QApplication.sendEvent(widget, event)


def drag(widget, start: QPoint, end: QPoint, modifiers: Qt.KeyboardModifier) -> None:
    left = Qt.MouseButton.LeftButton
    send_mouse(widget, QEvent.Type.MouseButtonPress, start, left, modifiers)
    for i in range(1, 9):
        here = start + (end - start) * i / 8
        send_mouse(widget, QEvent.Type.MouseMove, here, left, modifiers)
    send_mouse(widget, QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton, modifiers)


def view_point(window: MainWindow, when: str) -> QPoint:
    view = window.timeline.view
    (_, _), (y0, y1) = view.viewRange()
    scene = view.mapViewToScene(QPointF(TimeWindow.between(when, when).start, y0 + (y1 - y0) * 0.47))
    return window.timeline.plot.mapFromScene(scene)


def test_shift_drag_zooms_to_the_band_drawn(window: MainWindow) -> None:
    viewport = window.timeline.plot.viewport()
    drag(viewport, view_point(window, "2020-01-01"), view_point(window, "2021-01-01"),
         Qt.KeyboardModifier.ShiftModifier)
    state = window.state
    assert abs(state.window.start - TimeWindow.between("2020-01-01", "2020-01-01").start) < 5 * DAY
    assert abs(state.window.end - TimeWindow.between("2021-01-01", "2021-01-01").start) < 5 * DAY


def test_a_plain_drag_pans_without_zooming(window: MainWindow) -> None:
    before = window.state.window
    viewport = window.timeline.plot.viewport()
    drag(viewport, view_point(window, "2021-01-01"), view_point(window, "2020-01-01"),
         Qt.KeyboardModifier.NoModifier)
    after = window.state.window
    assert after.span == pytest.approx(before.span, rel=1e-6)
    assert after.start > before.start + 300 * DAY


def test_the_wheel_zooms_around_the_mouse(qtbot, window: MainWindow) -> None:
    viewport = window.timeline.plot.viewport()
    pos = view_point(window, "2020-01-01")
    pivot = TimeWindow.between("2020-01-01", "2020-01-01").start
    before = window.state.window
    event = QWheelEvent(QPointF(pos), QPointF(viewport.mapToGlobal(pos)), QPoint(0, 0), QPoint(0, 120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(viewport, event)
    after = window.state.window
    assert after.span < before.span
    fraction = (pivot - before.start) / before.span
    assert (pivot - after.start) / after.span == pytest.approx(fraction, abs=0.01)


def test_clicking_a_lane_name_collapses_it_to_a_thin_row_without_labels(qtbot, window: MainWindow) -> None:
    timeline = window.timeline
    axis = timeline.plot.getAxis("left")
    top, bottom = timeline.items.marks.bands[0]
    scene = timeline.view.mapViewToScene(QPointF(0.0, (top + bottom) / 2))
    point = timeline.plot.mapFromScene(QPointF(axis.sceneBoundingRect().center().x(), scene.y()))
    height_before = bottom - top
    qtbot.mouseClick(timeline.plot.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert timeline.collapsed == {"renault"}
    top, bottom = timeline.items.marks.bands[0]
    assert bottom - top < height_before / 2
    timeline.grab()
    marks = timeline.items.marks
    only_there = {timeline._ids[e] for e in set(marks.event[marks.lane == 0]) - set(marks.event[marks.lane != 0])}
    assert only_there
    assert not timeline.labelled_event_ids() & only_there
    top, bottom = timeline.items.marks.bands[0]  # the lane is thinner now: click its new middle
    scene = timeline.view.mapViewToScene(QPointF(0.0, (top + bottom) / 2))
    point = timeline.plot.mapFromScene(QPointF(axis.sceneBoundingRect().center().x(), scene.y()))
    qtbot.mouseClick(timeline.plot.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert timeline.collapsed == set()


def test_the_lane_menu_collapses_others_and_expands_all(window: MainWindow) -> None:
    timeline = window.timeline
    menu = timeline.lanes.build_menu(1)
    actions = {a.text(): a for a in menu.actions() if a.text()}
    actions["Collapse the other lanes"].trigger()
    assert timeline.collapsed == set(timeline.lane_keys()) - {"nissan"}
    menu = timeline.lanes.build_menu(1)
    {a.text(): a for a in menu.actions()}["Expand all lanes"].trigger()
    assert timeline.collapsed == set()


def test_a_collapsed_lane_survives_regrouping_and_back(window: MainWindow) -> None:
    timeline = window.timeline
    timeline.toggle_lane("geely")
    window.tools.group_by.setCurrentIndex(1)
    assert "Legal" in timeline.lane_labels()
    window.tools.group_by.setCurrentIndex(0)
    assert timeline.collapsed == {"geely"}
    assert any(label.startswith("▸") for label in [t[1] for t in timeline.plot.getAxis("left")._tickLevels[0]])


def test_labels_never_overlap_after_zooming_and_the_selected_one_stays(window: MainWindow) -> None:
    timeline, state = window.timeline, window.state
    state.select_event("E061")
    for window_ in (navigation.fit_all(state.dataset), TimeWindow.between("2018-11-19", "2023-02-06"),
                    TimeWindow.between("2023-01", "2023-02"), TimeWindow.between("2023-02-05", "2023-02-07")):
        state.set_window(window_)
        timeline.grab()
        assert "E061" in timeline.labelled_event_ids()
        boxes = timeline.items.label_boxes
        assert len(boxes) > 3
        for a, b in itertools.combinations(boxes, 2):
            assert not a.intersects(b), (a, b)


def test_labels_at_the_right_edge_go_left_of_their_marks(window: MainWindow) -> None:
    window.timeline.grab()  # the default window ends on London, where a dozen events meet the edge
    labelled = window.timeline.labelled_event_ids()
    ampere = set(window.state.dataset.events_between("2022-10", "2023-02-06", actors="ampere")["id"])
    assert labelled & ampere


def test_a_month_precise_event_is_labelled_with_its_month(window: MainWindow) -> None:
    window.state.set_window(TimeWindow.between("2023-01", "2023-02"))
    window.timeline.grab()
    assert "E052" in window.timeline.labelled_event_ids()
    index = window.timeline._index["E052"]
    assert window.timeline.items.marks.titles[index].startswith("Jan 2023 · ")


def test_ctrl_f_focuses_the_search_box(qtbot, window: MainWindow) -> None:
    window.actions_by_name["find"].trigger()
    bar = window.tools.filter_bar
    qtbot.waitUntil(bar.search.hasFocus)


def test_space_plays_and_pauses_but_types_a_space_in_the_search_box(qtbot, window: MainWindow) -> None:
    tools = window.tools
    focus_timeline(qtbot, window)
    window.state.set_window(TimeWindow.between("2020", "2021"))
    qtbot.keyClick(window.timeline.plot, Qt.Key.Key_Space)
    assert tools.playback.playing
    assert tools.play_action.text() == "Pause"
    qtbot.keyClick(window.timeline.plot, Qt.Key.Key_Space)
    assert not tools.playback.playing
    tools.filter_bar.focus_search()
    qtbot.waitUntil(tools.filter_bar.search.hasFocus)
    qtbot.keyClicks(tools.filter_bar.search, "de meo")
    assert tools.filter_bar.search.text() == "de meo"
    assert not tools.playback.playing


def test_the_status_line_counts_matching_events_and_imprecise_ones(window: MainWindow) -> None:
    label = window.tools.matched_label
    assert label.text() == ""
    window.state.set_filters(Filters(text="beirut"))
    assert label.text() == "2 of 69 events match"
    window.state.set_filters(Filters(start="2022-12-15", end="2022-12-31"))
    assert "(1 dated only to the month or year)" in label.text()


def test_filters_fade_non_matching_events_or_hide_them(window: MainWindow) -> None:
    timeline, state = window.timeline, window.state
    state.set_window(TimeWindow.between("2019", "2020"))
    state.set_filters(Filters(text="beirut"))
    index = timeline._index
    assert not timeline.items.faded[index["E029"]]
    assert timeline.items.faded[index["E018"]]
    assert "E018" in timeline.visible_event_ids()
    window.tools.hide_action.setChecked(True)
    assert "E018" not in timeline.visible_event_ids()
    assert "E029" in timeline.visible_event_ids()


def test_a_new_dataset_resets_filters_and_presets(window: MainWindow, alliance: Dataset) -> None:
    window.state.set_filters(Filters(text="beirut"))
    smaller = Dataset(alliance.events.iloc[:10].reset_index(drop=True), alliance.entities, alliance.relations,
                      alliance.meta.__class__(title="Small"))
    window.state.set_dataset(smaller)
    tools = window.tools
    assert tools.matched_label.text() == ""
    assert tools.presets["default"].text() == "Default window"
    assert tools.filter_bar.search.text() == ""
    assert pd.Timestamp(window.state.window.start_time) <= smaller.events["start"].min()
