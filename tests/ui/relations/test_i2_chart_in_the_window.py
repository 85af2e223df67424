"""An i2 Analyst's Notebook chart (ANX) opened from a fresh window with Ctrl+O: nothing is asked about columns, the
keys walk its dated items and cards, and the relationship panel follows the cursor: the directorship from 2016, the
call from 2 March 2019, the meeting's attendees all along."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow

from ...io.test_anx import CHART
from ..window_reading import details_after, open_by_hand


def test_an_i2_chart_opens_walks_and_its_links_follow_the_cursor(qtbot: QtBot, window: MainWindow,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    assert open_by_hand(qtbot, window, monkeypatch, CHART) == []
    assert window.state.dataset.event_count == 5
    table = window.relation_tools.table
    first = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Larch Holdings Ltd" in first and "Incorporated" in first and "1 Jun 2015" in first
    qtbot.waitUntil(lambda: len(table.visible_ids()) == 2, timeout=3000)  # the attendees' links, undated
    assert "director" in details_after(qtbot, window, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: len(table.visible_ids()) == 3, timeout=3000)  # John directs Larch from 2016
    last = details_after(qtbot, window, Qt.Key.Key_End)
    assert "Meeting at the port" in last and "John Smith" in last and "Mary Jones" in last
    qtbot.waitUntil(lambda: len(table.visible_ids()) == 4, timeout=3000)  # and the call of 2 March 2019
    panel = window.relations
    area = panel.canvas.viewport().rect()
    for node in ("John Smith", "Mary Jones", "Larch Holdings Ltd", "Meeting at the port"):
        assert panel.is_placed(node) and area.contains(panel.node_pos(node)), node
