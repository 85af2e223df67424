"""FollowTheMoney entities opened from a fresh window (File → Open, Ctrl+O): the parties are drawn, the links at the
cursor listed, and walking the events with the keys moves the cursor and changes them. The parties are made up."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow

from ...io.test_ftm import LINKS, PARTIES
from ..window_reading import details_after


def test_ftm_entities_open_and_their_links_follow_the_cursor(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "entities.ftm.json"
    path.write_text("".join(json.dumps(item) + "\n" for item in PARTIES + LINKS), encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(path)], ""))
    window.activateWindow()
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        QTest.keySequence(window, QKeySequence(QKeySequence.StandardKey.Open))
    assert window.state.dataset.title == "entities"
    panel, table = window.relations, window.relation_tools.table
    first = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Incorporated: Acme Holdings" in first
    qtbot.waitUntil(lambda: sorted(table.visible_ids()) == ["fam-1"], timeout=3000)  # June 2009: the undated link
    assert "Payment: Acme Holdings → Dana Example, 12000 EUR" in details_after(qtbot, window, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: sorted(table.visible_ids()) == ["dir-1", "fam-1", "own-1", "own-2"], timeout=3000)
    area = panel.canvas.viewport().rect()
    for entity in ("acme", "bolt", "city", "dana"):
        assert panel.is_placed(entity) and area.contains(panel.node_pos(entity)), entity
    last = details_after(qtbot, window, Qt.Key.Key_End)
    assert "Dissolved: Bolt Trading" in last  # March 2021: the 51% stake ended with 2020
    qtbot.waitUntil(lambda: "own-1" not in table.visible_ids(), timeout=3000)
