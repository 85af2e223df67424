"""An Org mode outline opened from a fresh window with Ctrl+O: its dated headings are walked with the keys, each
with its notes, tags and keyword in Details, lanes by its parent headings (it was refused as a table with no date
column)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow

from ...io.test_org_mode import NOTES
from ..window_reading import open_by_hand, problems_typed, walked


def test_an_org_outline_opens_and_walks(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    assert open_by_hand(qtbot, window, monkeypatch, tmp_path / "notes.org", text=NOTES) == []
    assert window.state.dataset.event_count == 5
    arrest, board, escape, talks, note = walked(qtbot, window, 4)
    assert "Arrest of Carlos Ghosn" in arrest and "Detained at Haneda." in arrest and "DONE" in arrest
    assert "Board meeting" in board and "12 Mar 2019 10:00" in board and "11:30" in board
    assert "Escape" in escape and "Talks" in talks and "Written down later" in note
    assert not problems_typed(qtbot, window, "without one not read").empty
