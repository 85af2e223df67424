"""A bank's OFX statement opened from a fresh window with File → Open and walked with the keys: each transaction
shows its payee, its amount and its account; no column mapping is asked for, and the relationship docks make
room (a statement has no ties)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow

from ...io.test_ofx import SGML
from ..window_reading import details_after, open_by_hand


def test_a_statement_opens_from_file_open_and_is_walked(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    assert open_by_hand(qtbot, window, monkeypatch, tmp_path / "january.qfx", text=SGML) == []
    assert window.state.dataset.event_count == 4
    first = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "SNCF Paris & Lyon" in first and "-42.1" in first and "00012345678" in first
    salary = details_after(qtbot, window, Qt.Key.Key_Right)
    assert "ACME Corp" in salary and "Salary January" in salary
    assert "Bookshop" in details_after(qtbot, window, Qt.Key.Key_End)
    assert not window.relations_dock.isVisible()
