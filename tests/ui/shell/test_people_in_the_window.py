"""LinkedIn's connections opened from a fresh window with Ctrl+O: the column dialog offers each person's whole name
as the title, and accepting it opens the people so named. (The dialog handed back a title column the file itself
does not have, and the open was refused: "no column named 'Name'".)"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow
from viewer.ui.shell.mapping_dialog import MappingDialog

from ...io.test_person_names import LINKEDIN
from ..window_reading import details_after, open_by_hand


def test_connections_open_by_their_whole_names_through_the_column_dialog(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    offered: list[str] = []

    def accept(dialog: MappingDialog) -> QDialog.DialogCode:
        offered.append(dialog.combos["title"].currentText())
        return QDialog.DialogCode.Accepted

    asked = open_by_hand(qtbot, window, monkeypatch, tmp_path / "Connections.csv", answer=accept, text=LINKEDIN)
    assert asked and offered == ["Name"]
    assert list(window.state.dataset.events["title"]) == ["Li", "Max Müller", "Jane Doe"]
    shown = details_after(qtbot, window, Qt.Key.Key_End)
    assert "Jane Doe" in shown and "Investigative Reporter" in shown
