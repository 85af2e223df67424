"""A vis-timeline export whose titles were cut inside an emoji ("\\ud83d" left alone, as a tool that cuts text at a
length writes it), opened from a fresh window: before, the window showed an unexpected error; now each half
character is shown as U+FFFD and the items are walked with the keys."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow

from ..window_reading import open_written


def test_titles_cut_inside_an_emoji_open_and_show_a_replacement_character(qtbot: QtBot, window: MainWindow,
                                                                          tmp_path: Path) -> None:
    items = [{"id": i, "content": f"Post {i} \\ud83d", "start": f"2021-05-{i + 1:02d}", "group": "feed"}
             for i in range(12)]
    text = json.dumps({"items": items, "groups": [{"id": "feed", "content": "Feed \\udc00"}]})
    ds = open_written(qtbot, window, tmp_path / "posts.json", text.replace("\\\\ud83d", "\\ud83d")
                      .replace("\\\\udc00", "\\udc00"))
    assert ds.event_count == 12
    window.timeline.setFocus()
    qtbot.keyClick(window.timeline, Qt.Key.Key_Home)
    assert "Post 0 \ufffd" in window.details.html()
    qtbot.keyClick(window.timeline, Qt.Key.Key_Right)
    assert "Post 1 \ufffd" in window.details.html()
    qtbot.keyClick(window.timeline, Qt.Key.Key_End)
    assert "Post 11" in window.details.html()
