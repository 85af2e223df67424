"""Compare two dates, clicked as a user clicks it: day-precision boxes and a pair that ends at the cursor."""

from __future__ import annotations

import re

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from viewer.ui.shell.main_window import MainWindow

DAY_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def test_compare_shows_days_from_the_window_start_to_the_cursor_and_switches_back(qtbot, window: MainWindow) -> None:
    panel = window.relations
    QTest.mouseClick(panel.header.mode_buttons["diff"], Qt.MouseButton.LeftButton)
    assert panel.mode() == "diff"
    view = panel.diff_view
    texts = (view.before_edit.text(), view.after_edit.text())
    assert all(DAY_ONLY.match(text) for text in texts), texts
    state = window.state
    assert texts == (state.window.start_time.strftime("%Y-%m-%d"), state.cursor.strftime("%Y-%m-%d"))
    state.move_cursor("2021-06-15 13:45")  # an instant inside the window: still shown as its day
    assert view.after_edit.text() == "2021-06-15"
    QTest.mouseClick(panel.header.mode_buttons["cursor"], Qt.MouseButton.LeftButton)
    assert panel.mode() == "cursor"


def test_the_boxes_hidden_while_the_view_moves_show_its_dates_when_compare_is_clicked(
        qtbot, hand, window: MainWindow, monkeypatch) -> None:
    view, state = window.relations.diff_view, window.state
    shown: list[int] = []
    original = view._show_dates

    def counted() -> None:
        shown.append(1)
        original()

    monkeypatch.setattr(view, "_show_dates", counted)
    viewport = window.timeline.plot.viewport()
    start = QPoint(viewport.width() // 2, viewport.height() - 40)
    before = state.window
    hand.press(viewport, start)
    hand.drag_to(viewport, start, start + QPoint(-400, 0))  # pan to later dates
    hand.release(viewport, start + QPoint(-400, 0))
    assert state.window.start > before.start
    assert not shown  # not comparing: no dates written to hidden boxes at every step
    QTest.mouseClick(window.relations.header.mode_buttons["diff"], Qt.MouseButton.LeftButton)
    assert view.before_edit.text() == state.window.start_time.strftime("%Y-%m-%d")
    assert view.after_edit.text() == (state.cursor.strftime("%Y-%m-%d") if state.window.start_time <= state.cursor
                                      <= state.window.end_time else state.window.end_time.strftime("%Y-%m-%d"))
