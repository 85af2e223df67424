"""A date written in Arabic-Indic digits beside ISO dates: the file opens and the date is read as its digits say
(before, the row was reported by its line and skipped as "expected a date"; before that, the fast date path
handed such digits to an integer cast, which raised and left the file unopened)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

import viewer
from viewer.ui.shell.main_window import MainWindow

from ..window_reading import details_after


@pytest.fixture
def table(tmp_path: Path) -> Path:
    path = tmp_path / "letters.csv"
    path.write_text("id,date,title\na,2019-03-04,First\nb,٢٠١٩-٠١-٠١,Second\nc,2019-05-06,Third\n", encoding="utf-8")
    return path


def test_a_date_in_other_digits_is_read_as_its_digits_say(table: Path) -> None:
    ds = viewer.load(table)
    assert ds.events["id"].tolist() == ["b", "a", "c"]
    assert str(ds.events["start"].iloc[0].date()) == "2019-01-01"
    assert not [p for p in ds.problems if p.level != "info"]


def test_the_file_opens_in_the_window_with_the_date_read(qtbot: QtBot, window: MainWindow, table: Path) -> None:
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        window.open_path(str(table))
    assert window.state.dataset.event_count == 3
    first = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Second" in first and "1 Jan 2019" in first


def test_dates_with_a_word_processors_hyphens_open_in_the_window(qtbot: QtBot, window: MainWindow,
                                                                 tmp_path: Path) -> None:
    """Dates pasted from a report (U+2010 hyphens, as Word and PDFs write them): each row was skipped as "expected a
    date, got '2020‐01‐15'"."""
    path = tmp_path / "report.csv"
    path.write_text("date,title\n2020\u201001\u201015,Filed\n2020\u201102\u201003,Heard\n2020-03-04,Ruled\n",
                    encoding="utf-8")
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        window.open_path(str(path))
    ds = window.state.dataset
    assert ds.event_count == 3 and not [p for p in ds.problems if p.level != "info"], ds.problems
    first = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Filed" in first and "15 Jan 2020" in first
    assert "Heard" in details_after(qtbot, window, Qt.Key.Key_Right)
