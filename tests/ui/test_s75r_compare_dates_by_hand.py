"""Compare two dates with dates typed by hand into From and To, in a fresh window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow


def _type(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def test_a_date_that_cannot_be_read_is_said_and_the_comparison_kept(qtbot: QtBot, window: MainWindow) -> None:
    """"Q5 2020" typed into From was only framed in red: nothing said what the box wanted, and the list below
    went on showing the dates before as if the typed one were taken. Now the summary says which box, what it
    expects and what it got; a readable date then compares as typed."""
    panel = window.relations
    qtbot.mouseClick(panel.header.mode_buttons["diff"], Qt.MouseButton.LeftButton)
    view = panel.diff_view
    before = window.state.view.compare
    _type(qtbot, view.before_edit, "Q5 2020")
    assert view.before_edit.property("invalid")
    said = view.summary.text()
    assert said.startswith("From: expected a date like 2019") and "got 'Q5 2020'" in said, said
    assert window.state.view.compare == before
    _type(qtbot, view.before_edit, "2019")
    assert not view.before_edit.property("invalid")
    assert "expected" not in view.summary.text()
    assert isinstance(window.state.view.compare, tuple) and window.state.view.compare[0].year == 2019
