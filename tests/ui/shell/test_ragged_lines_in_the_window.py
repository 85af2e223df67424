"""A CSV with a trailing delimiter on each record but not on its header, opened from a fresh window with Ctrl+O:
every record was skipped ("more than the header") and the window showed an empty timeline; it now shows them all,
with nothing in Problems."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow

from ..window_reading import details_after, open_by_hand


def test_a_trailing_delimiter_opens_every_record(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    text = "date;title;amount\n2019-01-01;Opening balance;10;\n2019-01-02;Coffee;-3,50;\n2019-01-03;Salary;2000;\n"
    open_by_hand(qtbot, window, monkeypatch, tmp_path / "statement.csv", text=text)
    assert window.state.dataset.event_count == 3 and not window.state.dataset.problems
    assert "Opening balance" in details_after(qtbot, window, Qt.Key.Key_Home)
    shown = details_after(qtbot, window, Qt.Key.Key_Right)
    assert "Coffee" in shown and "column4" not in shown


def test_a_comma_in_the_first_record_keeps_the_header(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """``Smith, John met X`` unquoted in the first record: the header was taken for a note above the table and every
    title lost; opened with Ctrl+O, the keys walk the titles and actors as written."""
    assert open_by_hand(qtbot, window, monkeypatch, tmp_path / "meetings.csv",
                        text="date,title,actor\n2020-01-01,Smith, John met X,Yves\n2020-01-02,Budget,Zoe\n"
                             "2020-01-03,Review,Wim\n") == []
    first = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Smith" in first
    second = details_after(qtbot, window, Qt.Key.Key_Right)
    assert "Budget" in second and "Zoe" in second
