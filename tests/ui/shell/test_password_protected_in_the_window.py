"""A password-protected workbook opened from a fresh window with Ctrl+O: one message names the file, says it is
protected and how to open it, and the dataset before stays, its keys still walking it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from viewer.ui.shell import dialogs
from viewer.ui.shell.main_window import MainWindow

LOCKED = Path(__file__).parents[2] / "io" / "fixtures_tables" / "password_secret.xlsx"


def test_a_locked_workbook_is_refused_in_one_message_and_the_dataset_stays(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "budget 2019.xlsx"
    shutil.copy(LOCKED, path)
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "error", lambda parent, title, message, details="": shown.append(message))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    before = window.state.dataset
    window.activateWindow()
    with qtbot.waitSignal(window.loader.failed, timeout=30_000):
        QTest.keySequence(window, QKeySequence(QKeySequence.StandardKey.Open))
    assert len(shown) == 1 and "budget 2019.xlsx" in shown[0] and "protected by a password" in shown[0], shown
    assert window.state.dataset is before
    window.timeline.setFocus()
    qtbot.keyClick(window.timeline, Qt.Key.Key_Home)
    qtbot.keyClick(window.timeline, Qt.Key.Key_Right)
    assert len(window.state.selection.events) == 1
