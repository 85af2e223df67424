"""An X (Twitter) archive opened from a fresh window as X delivers it, a ZIP archive, with File → Open (Ctrl+O):
nothing is asked about columns, posts and messages are walked with the keys, and the relationship panel follows the
cursor (who replied to, mentioned and wrote to whom). Before, the archive opened as its largest member read as a
table, or was refused. The people are made up."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow

from ...io.x_archive import write_zip
from ..window_reading import details_after, open_by_hand


def test_an_x_archive_opens_from_file_open_walks_and_its_ties_follow_the_cursor(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_zip(tmp_path / "twitter-2019-03-09-abc.zip")
    asked = open_by_hand(qtbot, window, monkeypatch, path)
    assert asked == [] and window.state.dataset.event_count == 6
    assert window.windowTitle().startswith("@ana_lima")
    table = window.relation_tools.table
    first = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Reading the filing with @ben_ode & team https://example.org/filing #audit" in first
    assert "Ana Lima (@ana_lima)" in first and "https://x.com/ana_lima/status/1" in first
    qtbot.waitUntil(lambda: len(table.visible_ids()) == 1, timeout=3000)  # Ana mentioned Ben
    assert "@ben_ode Agreed, page 4" in details_after(qtbot, window, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: len(table.visible_ids()) == 2, timeout=3000)  # and replied to him
    assert "Can we talk about page 4?" in details_after(qtbot, window, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: len(table.visible_ids()) == 3, timeout=3000)  # and wrote to him
    last = details_after(qtbot, window, Qt.Key.Key_End)
    assert "Welcome" in last and "Audit desk" in last
    # at the last message every tie has begun: the group's members, and Ben writing to it
    qtbot.waitUntil(lambda: len(table.visible_ids()) == 9, timeout=3000)
