"""A folder of monthly exports opened from a fresh window with File → Open folder…: one dataset, walked with the
keys from its first row to its last, the folder named in the title. Before, an error dialog refused it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from viewer.ui.shell import dialogs
from viewer.ui.shell.main_window import MainWindow

from ...io.test_folder_of_files import months
from ..window_reading import details_after, menu_named, no_column_questions


def test_a_folder_of_exports_opens_as_one_dataset(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    folder = months(tmp_path / "account")
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "error", lambda parent, title, message, details="": shown.append(message))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    asked = no_column_questions(monkeypatch)
    window.activateWindow()
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        next(a for a in menu_named(window, "&File").actions() if a.text() == "Open &folder…").trigger()
    assert shown == [] and asked == [] and window.windowTitle().startswith("account")
    assert window.state.dataset.event_count == 4
    assert "Salary" in details_after(qtbot, window, Qt.Key.Key_Home, Qt.Key.Key_Right)
    last = details_after(qtbot, window, Qt.Key.Key_End)
    assert "Rent" in last and "2019-03.csv" in last and "-950" in last  # (the file it came from)
