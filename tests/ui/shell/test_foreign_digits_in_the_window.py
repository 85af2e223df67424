"""A date written in Arabic-Indic digits beside ISO dates: the file opens, the row is reported by its line
and skipped, the other events are shown (the fast date path handed such digits to an integer cast, which
raised and left the file unopened)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

import viewer
from viewer.ui.shell.main_window import MainWindow


@pytest.fixture
def table(tmp_path: Path) -> Path:
    path = tmp_path / "letters.csv"
    path.write_text("id,date,title\na,2019-03-04,First\nb,٢٠١٩-٠١-٠١,Second\nc,2019-05-06,Third\n", encoding="utf-8")
    return path


def test_a_date_in_other_digits_is_reported_by_its_line(table: Path) -> None:
    ds = viewer.load(table)
    assert ds.events["id"].tolist() == ["a", "c"]
    assert [(p.row, p.field) for p in ds.problems if "expected a date" in p.message] == [(3, "date")]


def test_the_file_opens_in_the_window_with_the_row_reported(qtbot: QtBot, window: MainWindow, table: Path) -> None:
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        window.open_path(str(table))
    assert window.state.dataset.event_count == 2
    assert any("٢٠١٩" in p.message for p in window.state.dataset.problems)
    window.timeline.setFocus()
    qtbot.keyClick(window.timeline, Qt.Key.Key_Right)
