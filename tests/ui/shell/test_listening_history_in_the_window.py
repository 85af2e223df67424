"""Spotify's extended listening history opened from a fresh window with Ctrl+O: nothing is asked, the keys walk the
plays from their starts, each titled by its track or episode with its artist or show, drawn as a span."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow

from ...io.test_spotify import EXTENDED
from ..window_reading import details_after, open_by_hand


def test_a_listening_history_opens_as_plays_and_walks(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "Streaming_History_Audio_2021.json"
    assert open_by_hand(qtbot, window, monkeypatch, path, text=json.dumps(EXTENDED)) == []
    assert window.state.dataset.event_count == 3
    first = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Feeling Good" in first and "Nina Simone" in first and "I Put a Spell" in first
    assert "1 May 2021 09:56 UTC – 1 May 2021 10:00 UTC" in first  # from its start to its end
    assert "Ep 1" in details_after(qtbot, window, Qt.Key.Key_Right)
    last = details_after(qtbot, window, Qt.Key.Key_End)
    assert "Middlemarch" in last and "audiobook" in last
    assert set(window.timeline.lane_labels()) >= {"Nina Simone", "Podcast Y"}
