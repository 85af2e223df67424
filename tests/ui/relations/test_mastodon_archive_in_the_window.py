"""A Mastodon archive's outbox.json opened from a fresh window with Ctrl+O: nothing is asked about columns, the keys
walk the account's posts, replies and boosts with their text in Details, and the relationship panel follows the
cursor: whom the account mentioned, replied to and boosted, from the first time on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow

from ...io.test_activitypub import OUTBOX
from ...io.test_tar_archives import _tar
from ..window_reading import details_after, open_by_hand


def test_an_outbox_opens_walks_and_its_ties_follow_the_cursor(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    assert open_by_hand(qtbot, window, monkeypatch, tmp_path / "outbox.json", text=json.dumps(OUTBOX)) == []
    assert window.state.dataset.event_count == 4
    table = window.relation_tools.table
    first = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Hello #fediverse, @bob" in first and "Second paragraph" in first and "A cat" in first
    qtbot.waitUntil(lambda: len(table.visible_ids()) == 1, timeout=3000)  # Ana mentioned Bob
    assert "Agreed!" in details_after(qtbot, window, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: len(table.visible_ids()) == 2, timeout=3000)  # and replied to him
    assert "Boosted @cy@third.example" in details_after(qtbot, window, Qt.Key.Key_End)
    qtbot.waitUntil(lambda: len(table.visible_ids()) == 4, timeout=3000)  # boosts of Bob's and Cy's
    panel = window.relations
    area = panel.canvas.viewport().rect()
    for node in ("@ana@mastodon.social", "@bob@other.social", "@cy@third.example"):
        assert panel.is_placed(node) and area.contains(panel.node_pos(node)), node


def test_a_mastodon_archive_as_downloaded_opens_on_its_outbox(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """The archive as Mastodon hands it out (a .tar.gz): it was refused, "unpack it first"."""
    path = _tar(tmp_path / "archive-20230107120000-0123456789abcdef.tar.gz",
                {"outbox.json": json.dumps(OUTBOX).encode(), "actor.json": b'{"type": "Person"}'})
    assert open_by_hand(qtbot, window, monkeypatch, path) == []
    assert window.state.dataset.event_count == 4
    assert "Hello #fediverse, @bob" in details_after(qtbot, window, Qt.Key.Key_Home)
