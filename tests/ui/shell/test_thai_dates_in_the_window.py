"""A Thai table (its header, its dates with Thai months and Buddhist-era years, Thai digits in some), opened from a
fresh window with Ctrl+O: every row is an event in its Gregorian year (the file was refused: "no row has a date"),
the keys walk them in order, and Problems says how the years were read. Its Thai column names (date, subject, those
involved) are read as English ones are: the window asks nothing (until stop 60 it asked which column was which).

A Thai table whose Buddhist-era years are written in numbers (2562-01-05, 29/02/2563) opens in its Gregorian years
too (they read as valid dates five centuries ahead: the timeline ran in 2562), its ambiguous days read day-first
(05/03/2564 is 5 March 2021);
the same years in a table without Thai text are read as written, and Problems says what they may be."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow

from ..window_reading import details_after, open_by_hand, problems_typed


def _opened(qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, path: Path, rows: list[str]) -> None:
    """The table opened from the window with Ctrl+O, as a user does; no dialog asks which column is which."""
    asked = open_by_hand(qtbot, window, monkeypatch, path, text="".join(row + "\n" for row in rows),
                         answer=lambda dialog: QDialog.DialogCode.Accepted)
    assert not asked, "the Thai column names say which column is which"


def test_a_thai_table_opens_in_its_gregorian_years(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    _opened(qtbot, window, monkeypatch, tmp_path / "ประชุม.csv",
            ["วันที่,เรื่อง,ผู้เกี่ยวข้อง", "5 มกราคม 2562,ประชุมคณะกรรมการ,กระทรวงการคลัง",
             "1 ก.พ. 2563,สัมมนาประจำปี,ธนาคารแห่งประเทศไทย", "๑๕ มีนาคม ๒๕๖๓,ลงนามบันทึกความเข้าใจ,กระทรวงการคลัง"])
    assert window.state.dataset.event_count == 3
    first = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "ประชุมคณะกรรมการ" in first and "2019" in first and "2562" not in first
    assert "สัมมนาประจำปี" in details_after(qtbot, window, Qt.Key.Key_Right)
    last = details_after(qtbot, window, Qt.Key.Key_End)
    assert "ลงนามบันทึกความเข้าใจ" in last and "15 Mar 2020" in last
    shown = problems_typed(qtbot, window, "Buddhist")
    assert len(shown) == 1 and "3 Thai dates" in shown.iloc[0]["message"]


def test_buddhist_years_in_numbers_open_in_their_gregorian_years(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    _opened(qtbot, window, monkeypatch, tmp_path / "โครงการ.csv",
            ["วันที่,วันสิ้นสุด,เรื่อง", "2562-01-05,2562-03-01,ประชุมคณะกรรมการ", "2563-02-29,,วันอธิกสุรทิน",
             "05/03/2564,10/03/2564,เปิดโรงงาน"])
    assert window.state.dataset.event_count == 3, "the 29th of February of 2563 (2020's) is read too"
    first = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "ประชุมคณะกรรมการ" in first and "5 Jan 2019" in first and "1 Mar 2019" in first and "2562" not in first
    assert "29 Feb 2020" in details_after(qtbot, window, Qt.Key.Key_Right)
    assert "5 Mar 2021" in details_after(qtbot, window, Qt.Key.Key_End), "read day-first, as Thai dates are written"
    said = problems_typed(qtbot, window, "Buddhist era")
    assert len(said) == 1 and "2562 is 2019" in said.iloc[0]["message"]
    window.problems.filter.selectAll()  # what is typed next replaces it
    assert len(problems_typed(qtbot, window, "as Thai dates are written")) == 1


def test_the_same_years_without_thai_text_are_read_as_written_and_said(qtbot: QtBot, window: MainWindow,
                                                                       tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    _opened(qtbot, window, monkeypatch, tmp_path / "plan.csv",
            ["date,title", "2562-01-05,Board meeting", "2563-06-01,Plant opens"])
    assert "5 Jan 2562" in details_after(qtbot, window, Qt.Key.Key_Home)
    said = problems_typed(qtbot, window, "Buddhist-era years")
    assert len(said) == 1 and "read as written" in said.iloc[0]["message"]
