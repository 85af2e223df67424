"""A fresh window used from the keyboard alone: its first keys act on the timeline, Tab reaches every control
and leaves every table, and each stop has a name a screen reader can say."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QTabBar, QTableView, QWidget

pytest.importorskip("pytestqt")

from viewer.io import table
from viewer.ui.shell.main_window import MainWindow
from viewer.ui.shell.mapping_dialog import MappingDialog

TABS = 60  # more than the window's stops: the walk comes round to where it started


def _active(qtbot, window: MainWindow) -> QWidget:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    focused = QApplication.focusWidget()
    assert focused is not None
    return focused


def _focused() -> QWidget:
    focused = QApplication.focusWidget()
    assert focused is not None
    return focused


def _tab_walk(qtbot, window: MainWindow) -> list[QWidget]:
    """The widgets Tab visits from the one holding the focus, pressed as a user presses it."""
    visited = []
    for _ in range(TABS):
        focused = QApplication.focusWidget()
        assert focused is not None
        visited.append(focused)
        QTest.keyClick(focused, Qt.Key.Key_Tab)
        qtbot.wait(1)
    return visited


def test_the_first_keys_of_a_fresh_window_act_on_the_timeline(qtbot, window: MainWindow) -> None:
    focused = _active(qtbot, window)
    assert focused is window.timeline.plot  # not the Details text, the first widget made
    before = window.state.window
    QTest.keyClick(focused, Qt.Key.Key_Plus)
    qtbot.waitUntil(lambda: window.state.window.span < before.span)
    QTest.keyClick(_focused(), Qt.Key.Key_End)
    last = window.state.dataset.events.sort_values("span_start")["id"].iloc[-1]
    qtbot.waitUntil(lambda: window.state.selection.events == frozenset({last}))
    QTest.keyClick(_focused(), Qt.Key.Key_Left)
    qtbot.waitUntil(lambda: window.state.selection.events != frozenset({last}))


def test_tab_reaches_every_control_and_leaves_every_table(qtbot, window: MainWindow) -> None:
    _active(qtbot, window)
    visited = _tab_walk(qtbot, window)
    assert visited[0] is window.timeline.plot
    came_round = visited.index(window.timeline.plot, 1)  # the walk is a circle, not stuck in a table's cells
    stops = visited[:came_round]
    assert len(stops) == len(set(map(id, stops)))
    tools = window.tools
    for needed in (tools.speed, tools.group_by, tools.filter_bar.search, tools.overview.plot, window.relations.canvas,
                   window.relation_tools.table.view, window.problems.view, window.details.browser):
        assert any(stop is needed for stop in stops), needed
    tables = [stop for stop in stops if isinstance(stop, QTableView)]
    assert len(tables) == 2
    combos = [stop for stop in stops if isinstance(stop, QComboBox)]
    assert {combo.currentText() for combo in combos} >= {tools.speed.currentText(), tools.group_by.currentText()}


def test_every_stop_has_a_name_to_say(qtbot, window: MainWindow) -> None:
    _active(qtbot, window)
    visited = _tab_walk(qtbot, window)
    stops = visited[:visited.index(window.timeline.plot, 1)]
    unnamed = []
    for stop in stops:
        accessible = QAccessible.queryAccessibleInterface(stop)
        if accessible is None or not accessible.text(QAccessible.Text.Name).strip():
            unnamed.append(f"{type(stop).__name__} in {type(stop.parent()).__name__}")
    assert not unnamed


def test_a_click_on_the_speed_leaves_space_to_play(qtbot, window: MainWindow) -> None:
    _active(qtbot, window)
    speed = window.tools.speed
    QTest.mouseClick(speed, Qt.MouseButton.LeftButton)
    QTest.keyClick(QApplication.activePopupWidget() or speed, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    assert window.focusWidget() is window.timeline.plot  # the window's focus stayed where it was
    _active(qtbot, window)
    QTest.keyClick(window.timeline.plot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.tools.playback.playing)
    QTest.keyClick(window.timeline.plot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not window.tools.playback.playing)


def test_tab_reaches_the_lanes_and_the_arrows_choose_them(qtbot, window: MainWindow) -> None:
    _active(qtbot, window)
    group_by = window.tools.group_by
    for _ in range(TABS):
        if QApplication.focusWidget() is group_by:
            break
        QTest.keyClick(_focused(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is group_by
    before = window.timeline.group_by
    QTest.keyClick(group_by, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: window.timeline.group_by != before)


def test_tab_leaves_the_column_dialogs_preview_for_its_fields(qtbot, tmp_path) -> None:
    path = tmp_path / "ledger.csv"
    path.write_text("col_a;col_b\n03/04/2021;Board meets\n15/05/2021;Deal signed\n", encoding="utf-8")
    dialog = MappingDialog(path, table.preview(path))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.table.setFocus()
    qtbot.waitUntil(dialog.table.hasFocus)
    QTest.keyClick(dialog.table, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: not dialog.table.hasFocus())
    assert dialog.isAncestorOf(_focused())


def test_details_of_a_fresh_window_name_the_keys_that_walk_the_events(qtbot, window: MainWindow) -> None:
    browser = window.details.browser
    assert "press Right and Left" in browser.toPlainText()
    QTest.keyClick(_active(qtbot, window), Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: "press Right and Left" not in browser.toPlainText())
    assert window.state.selection.events


def _tab_to(qtbot, window: MainWindow, target: QWidget) -> None:
    """Press Tab from the timeline until ``target`` has the focus, as a keyboard user gets there."""
    _active(qtbot, window)
    for _ in range(TABS):
        if QApplication.focusWidget() is target:
            return
        QTest.keyClick(_focused(), Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {target}")


def test_space_ticks_the_box_tabbed_to_and_does_not_play(qtbot, window: MainWindow) -> None:
    people = window.relations.header.people
    _tab_to(qtbot, window, people)
    before = people.isChecked()
    QTest.keyClick(people, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: people.isChecked() != before)
    assert window.state.view.people is not before
    assert not window.tools.playback.playing


def test_the_arrows_choose_the_graphs_mode_and_leave_the_selection(qtbot, window: MainWindow) -> None:
    buttons = window.relations.header.mode_buttons
    _tab_to(qtbot, window, buttons["cursor"])
    before = window.state.selection
    QTest.keyClick(buttons["cursor"], Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: window.state.view.graph_mode == "window")
    assert QApplication.focusWidget() is buttons["window"]
    assert window.state.selection == before  # Right did not walk to the next event
    QTest.keyClick(buttons["window"], Qt.Key.Key_Left)
    qtbot.waitUntil(lambda: window.state.view.graph_mode == "cursor")


def test_space_opens_the_speed_list_tabbed_to(qtbot, window: MainWindow) -> None:
    _tab_to(qtbot, window, window.tools.speed)
    QTest.keyClick(window.tools.speed, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    assert not window.tools.playback.playing
    popup = QApplication.activePopupWidget()
    assert popup is not None
    QTest.keyClick(popup, Qt.Key.Key_Escape)


def test_the_arrows_walk_a_tables_cells_not_the_events(qtbot, window: MainWindow) -> None:
    view = window.relation_tools.table.view
    _tab_to(qtbot, window, view)
    view.setCurrentIndex(view.model().index(0, 0))
    before = window.state.selection
    QTest.keyClick(view, Qt.Key.Key_Right)
    assert view.currentIndex().column() == 1
    assert window.state.selection == before
    window.timeline.plot.setFocus()  # back on the timeline, Right still walks the events
    qtbot.waitUntil(window.timeline.plot.hasFocus)
    QTest.keyClick(window.timeline.plot, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: window.state.selection != before)


def test_the_arrows_switch_a_docks_tabs_and_typing_in_a_field_stays_there(qtbot, window: MainWindow) -> None:
    bars = [bar for bar in window.findChildren(QTabBar) if bar.count() > 1 and bar.isVisible()]
    bar = next(b for b in bars if "Problems" in [b.tabText(i) for i in range(b.count())])
    _tab_to(qtbot, window, bar)
    before, selection = bar.currentIndex(), window.state.selection
    QTest.keyClick(bar, Qt.Key.Key_Right if before == 0 else Qt.Key.Key_Left)
    qtbot.waitUntil(lambda: bar.currentIndex() != before)
    assert window.state.selection == selection
    search = window.tools.filter_bar.search
    _tab_to(qtbot, window, search)
    QTest.keyClicks(search, "Ghosn arrest")
    QTest.keyClick(search, Qt.Key.Key_Left)
    assert search.text() == "Ghosn arrest" and search.cursorPosition() == len("Ghosn arrest") - 1
    assert window.state.selection == selection and not window.tools.playback.playing


def test_escape_clears_the_selection_then_leaves_full_screen(qtbot, window: MainWindow) -> None:
    plot = _active(qtbot, window)
    QTest.keyClick(plot, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: bool(window.state.selection.events))
    QTest.keyClick(plot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.state.selection.events)
    assert "press Right and Left" in window.details.browser.toPlainText()
    window.showFullScreen()
    qtbot.waitUntil(window.isFullScreen)
    QTest.keyClick(_focused(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isFullScreen())


def test_escape_stops_a_load_under_way_and_keeps_the_dataset(qtbot, window: MainWindow, tmp_path) -> None:
    path = tmp_path / "slow.csv"
    path.write_text("date,title\n" + "".join(f"2020-01-{1 + i % 28:02d},Event {i}\n" for i in range(200_000)))
    before = window.state.dataset
    plot = _active(qtbot, window)
    window.open_path(str(path))
    assert window.loader.busy
    QTest.keyClick(plot, Qt.Key.Key_Escape)
    assert not window.loader.busy
    qtbot.wait(1500)  # the worker's read ends and is thrown away
    assert window.state.dataset is before


def test_ctrl_shift_a_zooms_around_the_event_walked_to(qtbot, window: MainWindow) -> None:
    around = window.actions_by_name["around_selection"]
    assert not around.isEnabled()  # nothing selected yet, as the toolbar's button
    plot = _active(qtbot, window)
    QTest.keyClick(plot, Qt.Key.Key_Home)
    qtbot.waitUntil(around.isEnabled)
    (event_id,) = window.state.selection.events
    start = window.state.dataset.events.set_index("id").loc[event_id, "span_start"].timestamp()
    window.state.set_window(window.state.window.pan(window.state.window.span * 3))  # looking elsewhere
    assert not window.state.window.contains(start)
    QTest.keySequence(plot, QKeySequence("Ctrl+Shift+A"))
    qtbot.waitUntil(lambda: window.state.window.contains(start))
