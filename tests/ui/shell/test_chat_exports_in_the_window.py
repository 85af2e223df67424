"""A Telegram chat export opened from a fresh window and walked with the keys: each message shows its text (a
link inside it as text, not JSON) and its sender; Lanes by actor has a lane per sender."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow

from ...io.test_chat_exports import EXPORT
from ..window_reading import details_after, open_written


def test_a_telegram_export_is_walked_message_by_message(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    ds = open_written(qtbot, window, tmp_path / "result.json", json.dumps(EXPORT))
    assert ds.event_count == 3 and not [p for p in ds.problems if p.level in ("warning", "error")]
    assert "Hello Ben" in details_after(qtbot, window, Qt.Key.Key_Home, Qt.Key.Key_Right)
    last = details_after(qtbot, window, Qt.Key.Key_End)
    assert "See https://example.org please" in last and "Ben" in last and "{" not in last
