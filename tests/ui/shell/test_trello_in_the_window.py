"""A Trello board's JSON export opened from a fresh window with Ctrl+O: its cards are the events, walked with the
keys, each with its list, its members by name and its due date; no column is asked about."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow

from ...io.test_trello import board
from ..window_reading import details_after, open_by_hand


def test_a_trello_board_opens_as_its_cards(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    assert open_by_hand(qtbot, window, monkeypatch, board(tmp_path)) == []  # (no column asked about)
    assert window.windowTitle().startswith("Alliance plan")
    first = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Sign" in first and "Ana Lima" in first and "Ben Ito" in first and "1 Sep 2020" in first
    second = details_after(qtbot, window, Qt.Key.Key_Right)
    assert "Draft the agreement" in second and "First draft" in second and "To do" in second
