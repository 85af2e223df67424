"""Google Maps' Timeline exported from a phone, opened from a fresh window with Ctrl+O: its visits and activities
are walked with the keys by what they are (they were "row1", "row2" with raw JSON)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow

from ...io.test_google_timeline import ANDROID
from ..window_reading import details_after, open_by_hand


def test_a_timeline_export_walks_by_visit_and_activity(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    assert open_by_hand(qtbot, window, monkeypatch, tmp_path / "Timeline.json", text=json.dumps(ANDROID)) == []
    first = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Visit: inferred home" in first and "48.8566°, 2.3522°" in first
    assert "In passenger vehicle, 1.5 km" in details_after(qtbot, window, Qt.Key.Key_Right)
