"""A Microsoft Project plan saved as XML, opened from a fresh window with Ctrl+O: its tasks are the events, each
spanning its start to its finish with the people assigned to it, walked with the keys and read in Details. Before,
the plan's calendar (its seven week days) was taken for the records and the file was refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow

from ...io.plan_export_texts import BRIDGE
from ...io.xml_plan_texts import MSP
from ..window_reading import open_by_hand, walked


def test_a_microsoft_project_plan_opens_as_its_tasks(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    assert open_by_hand(qtbot, window, monkeypatch, tmp_path / "survey.xml", text=MSP) == []  # nothing asked
    ds = window.state.dataset
    assert ds.event_count == 4 and not [p for p in ds.problems if p.level in ("warning", "error")]
    seen = walked(qtbot, window, 3)
    assert "Fieldwork" in seen[0]
    assert all(part in seen[1] for part in ("Walk the site", "Dana Whitfield", "8 Jan 2024", "9 Jan 2024"))
    assert all(part in seen[2] for part in ("Draw plans", "Omar Haddad", "Fieldwork"))  # its phase
    assert "Plans approved" in seen[3] and "milestone" in seen[3]
    assert "Site survey" not in "".join(seen)  # the project summary task is left out


def test_a_primavera_export_opens_as_its_activities_and_a_project_file_says_how_to_save_it(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Before, an XER file opened nothing ("no date column among column1 …") and an .mpp was called an Office
    97-2003 file, an Outlook message or a Word document."""
    assert open_by_hand(qtbot, window, monkeypatch, tmp_path / "bridge.xer", text=BRIDGE) == []  # nothing asked
    ds = window.state.dataset
    assert ds.event_count == 4 and not [p for p in ds.problems if p.level in ("warning", "error")]
    seen = walked(qtbot, window, 2)
    assert all(part in seen[0] for part in ("Notice to proceed", "milestone", "9 Jan 2024"))
    assert all(part in seen[1] for part in ("traffic management", "Civils gang", "A1000 (FS)", "Enabling works"))
    assert "Piling" in seen[2] and "500t mobile crane" in seen[2]
    mpp = tmp_path / "Schedule.mpp"
    mpp.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    said: list[str] = []

    def shown(box: QMessageBox) -> QMessageBox.StandardButton:
        said.append(box.text())
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", shown)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(mpp)], ""))
    QTest.keySequence(window, QKeySequence(QKeySequence.StandardKey.Open))
    qtbot.waitUntil(lambda: bool(said), timeout=30_000)
    assert window.state.dataset is ds  # the plan stays open
    assert said and "a Microsoft Project plan (.mpp)" in said[0] and "Save As > XML" in said[0], said
