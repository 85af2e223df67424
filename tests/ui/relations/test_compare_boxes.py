"""Compare two dates, clicked as a user clicks it: day-precision boxes and a pair that ends at the cursor."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
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
