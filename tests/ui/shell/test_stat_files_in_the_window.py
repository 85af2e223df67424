"""An SPSS file opened from a fresh window as a user opens one (File → Open, Ctrl+O) and walked with the keys; a
file that stops ReadStat is refused in a message while the window keeps what it showed."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QFileDialog
from pytestqt.qtbot import QtBot

from viewer.ui.shell import dialogs
from viewer.ui.shell.main_window import MainWindow
from viewer.ui.shell.mapping_dialog import MappingDialog
from viewer.ui.shell.opening import OPEN_FILTER

from ..window_reading import details_after

FIXTURES = Path(__file__).parents[2] / "io" / "fixtures_tables"


def test_an_spss_file_opens_from_file_open_and_is_walked(qtbot: QtBot, window: MainWindow,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    path = FIXTURES / "alliance_events.sav"
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    asked: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(path)], ""))

    def accept(dialog: MappingDialog) -> QDialog.DialogCode:  # date_start and headline are certain: no dialog
        asked.append(dialog.combos["start"].currentText())
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(MappingDialog, "exec", accept)
    assert all(f"*{suffix}" in OPEN_FILTER for suffix in (".sav", ".dta", ".sas7bdat", ".xpt", ".por"))
    window.activateWindow()
    with qtbot.waitSignal(window.loader.loaded, timeout=60_000):
        QTest.keySequence(window, QKeySequence(QKeySequence.StandardKey.Open))
    ds = window.state.dataset
    assert asked == [] and ds.event_count == 5 and ds.title == "alliance_events"
    first = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Carlos Ghosn arrested in Tokyo" in first and "19 Nov 2018" in first and "Legal" in first
    assert "Ghosn re-arrested" in details_after(qtbot, window, Qt.Key.Key_Right)
    last = details_after(qtbot, window, Qt.Key.Key_End)
    assert "New alliance agreement announced in London" in last and "Alliance" in last
    assert window.problems.model.rowCount() == 1  # the value labels, said
    # (it said "1 loading problems", and "Opened with 1 problems"; the value labels are a note, not a problem)
    assert window.status_line.text.text().startswith("5 events · 4 entities · 0 relations · 1 loading note · ")
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest


def test_a_file_that_stops_its_reader_is_refused_and_the_window_keeps_its_dataset(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "error", lambda parent, title, message, details="": shown.append(message))
    before = window.state.dataset
    with qtbot.waitSignal(window.loader.failed, timeout=60_000):
        window.opening.open_path(str(FIXTURES / "damaged.sav"))
    assert len(shown) == 1 and "damaged.sav: a damaged SPSS file: its reader stopped on it" in shown[0], shown
    assert window.state.dataset is before
    window.timeline.setFocus()
    qtbot.keyClick(window.timeline, Qt.Key.Key_Right)
    assert window.state.selection.events
