"""Exports whose column names misled the guess, opened from a fresh window with Ctrl+O: a company register (its
DissolutionDate was the start: the window opened empty), a British plan (its starts read month-first) and a
timetable (an empty window beside a problem a row, now a refusal naming the column)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from viewer.ui.shell import dialogs
from viewer.ui.shell.main_window import MainWindow

from ..window_reading import details_after, open_by_hand

REGISTER = ("CompanyName, CompanyNumber,CompanyCategory,CompanyStatus,DissolutionDate,IncorporationDate\n"
            "ACME WIDGETS LTD,09145694,Private Limited Company,Active,,14/07/2014\n"
            "BETA HOLDINGS PLC,01234567,Public Limited Company,Active,,02/03/1998\n")


def test_a_register_of_live_companies_opens_on_their_incorporations(qtbot: QtBot, window: MainWindow,
                                                                     tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    open_by_hand(qtbot, window, monkeypatch, tmp_path / "BasicCompanyData-live.csv", text=REGISTER)
    assert window.state.dataset.event_count == 2
    assert "BETA HOLDINGS PLC" in details_after(qtbot, window, Qt.Key.Key_Home)
    assert "2 Mar 1998" in window.details.html() or "1998-03-02" in window.details.html()


def test_a_british_plan_reads_its_starts_day_first_as_its_finishes_show(qtbot: QtBot, window: MainWindow,
                                                                       tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Task,Start,Finish\nDesign,08/01/24,12/01/24\nBuild,05/02/24,16/02/24\n"
    open_by_hand(qtbot, window, monkeypatch, tmp_path / "plan.csv", text=text)
    events = window.state.dataset.events.sort_values("start")
    assert [str(d.date()) for d in events["end"]] == ["2024-01-12", "2024-02-16"]
    assert "Design" in details_after(qtbot, window, Qt.Key.Key_Home)


def test_a_timetable_is_refused_naming_its_column_and_the_dataset_stays(qtbot: QtBot, window: MainWindow,
                                                                        tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "timetable.csv"
    path.write_text("Day,Period,Subject\nMonday,1,Maths\nTuesday,2,Art\n", encoding="utf-8")
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "error", lambda parent, title, message, details="": shown.append(message))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(path)], ""))
    from PySide6.QtWidgets import QDialog

    from viewer.ui.shell.mapping_dialog import MappingDialog
    asked: list[str] = []
    def accept(dialog: MappingDialog) -> QDialog.DialogCode:
        asked.append("asked")
        return QDialog.DialogCode.Accepted
    monkeypatch.setattr(MappingDialog, "exec", accept)
    before = window.state.dataset
    window.activateWindow()
    with qtbot.waitSignal(window.loader.failed, timeout=30_000):
        QTest.keySequence(window, QKeySequence(QKeySequence.StandardKey.Open))
    assert asked == ["asked"]  # the columns were asked about first
    assert shown and "timetable.csv: no row has a date" in shown[0] and "'Day' (such as 'Monday')" in shown[0]
    assert window.state.dataset is before


def test_a_psc_snapshot_opens_on_its_notifications_through_the_column_dialog(qtbot: QtBot, window: MainWindow,
                                                                             tmp_path: Path,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """The dialog offered date_of_birth (a record: {"month": 2, "year": 1977}) as the start; accepting it opened
    nothing."""
    from ..window_reading import accepting
    psc = ('{"company_number": "09145694", "data": {"date_of_birth": {"month": 2, "year": 1977}, "name": '
           '"Mr John Smith", "notified_on": "2016-04-06"}}\n'
           '{"company_number": "09145694", "data": {"date_of_birth": {"month": 9, "year": 1981}, "name": '
           '"Mrs Sarah Patel", "notified_on": "2019-11-20", "ceased_on": "2023-01-31"}}\n')
    offered: list[str] = []
    asked = open_by_hand(qtbot, window, monkeypatch, tmp_path / "psc.jsonl", accepting(offered), text=psc)
    assert len(asked) == 1  # the columns were asked about, the dates chosen
    events = window.state.dataset.events.sort_values("start")
    assert [str(d.date()) for d in events["start"]] == ["2016-04-06", "2019-11-20"]
    assert "Mr John Smith" in details_after(qtbot, window, Qt.Key.Key_Home)
