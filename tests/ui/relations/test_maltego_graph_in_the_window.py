"""A Maltego graph (.mtgx) opened from a fresh window with Ctrl+O: it was refused as a binary file. Nothing is asked,
the keys walk its dated properties and links, and the relationship panel draws its entities and links, the dated
link from its date on."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow

from ...io.test_maltego import GRAPH, _written
from ..window_reading import details_after, open_by_hand


def test_a_maltego_graph_opens_and_its_links_follow_the_cursor(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    path = _written(tmp_path / "case.mtgx", {"Graphs/Graph1.graphml": GRAPH})
    assert open_by_hand(qtbot, window, monkeypatch, path) == []
    table = window.relation_tools.table
    first = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Ana Ruiz: Date of birth" in first and "12 May 1980" in first
    qtbot.waitUntil(lambda: len(table.visible_ids()) == 1, timeout=3000)  # the undated link, always
    assert "director of" in details_after(qtbot, window, Qt.Key.Key_End)
    qtbot.waitUntil(lambda: len(table.visible_ids()) == 2, timeout=3000)  # and the directorship from 2016
    panel = window.relations
    area = panel.canvas.viewport().rect()
    for node in ("Ana Ruiz", "Larch Holdings Ltd", "ana@larch.example"):
        assert panel.is_placed(node) and area.contains(panel.node_pos(node)), node
