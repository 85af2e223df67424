"""A catalogue's and a filing's dates, opened from a fresh window with Ctrl+O and walked with the keys: a decade left
unspecified ("201X", before: the year 201), a Japanese era's date ("平成31年1月7日") and its letter form ("R1.5.1"),
Arabic-Indic digits, a date known by one bound ("before 2016"), a catalogue's "[2018]" and SDMX's "2019-S2". Each
opens where it belongs, and the bound and the unspecified digits are said in Problems."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow

from ..window_reading import details_after, open_by_hand, problems_typed

FILING = ("date,title\n201X,Decade of restructuring\nbefore 2016,Board memo\n[2018],Undated annual report\n"
          "平成31年1月7日,Extraordinary meeting\nR1.5.1,New era begins\n٢٠١٩-٠٦-٠٣,Cairo office opens\n"
          "2019-S2,Half-year statistics\n")


def test_a_catalogue_and_a_filing_open_where_their_dates_belong(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "filing.csv"
    path.write_text(FILING, encoding="utf-8")
    assert open_by_hand(qtbot, window, monkeypatch, path) == []
    ds = window.state.dataset
    assert ds.event_count == 7 and not [p for p in ds.problems if p.level == "error"]
    decade = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Decade of restructuring" in decade and "2010" in decade and "2019" in decade
    memo = details_after(qtbot, window, Qt.Key.Key_Right)
    assert "Board memo" in memo and "2016" in memo
    report = details_after(qtbot, window, Qt.Key.Key_Right)
    assert "Undated annual report" in report and "2018" in report
    meeting = details_after(qtbot, window, Qt.Key.Key_Right)
    assert "Extraordinary meeting" in meeting and "7 Jan 2019" in meeting
    era = details_after(qtbot, window, Qt.Key.Key_Right)
    assert "New era begins" in era and "1 May 2019" in era
    cairo = details_after(qtbot, window, Qt.Key.Key_Right)
    assert "Cairo office opens" in cairo and "3 Jun 2019" in cairo
    half = details_after(qtbot, window, Qt.Key.Key_Right)  # SDMX's second semester
    assert "Half-year statistics" in half and "Jul 2019" in half and "Dec 2019" in half
    assert len(problems_typed(qtbot, window, "bound")) == 1
    qtbot.keyClick(window.problems.filter, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.problems.filter, "unspecified")
    assert len(window.problems.visible_frame()) == 1
