"""A graph too big to read whole shows a neighbourhood: the panel now says, in a corner of the graph, how many
of how many entities it shows (before, 14 nodes of 3,000 were drawn with no word that the rest were left out), and
the count follows Find…. A graph shown whole says nothing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow

from ..window_reading import open_by_hand


def _ring(count: int) -> str:
    nodes = "".join(f'<node id="n{i}" label="Org {i}"/>' for i in range(count))
    edges = "".join(f'<edge id="e{i}" source="n{i}" target="n{(i + 1) % count}" start="2019-01-01"/>'
                    for i in range(count))
    return ('<?xml version="1.0" encoding="UTF-8"?><gexf xmlns="http://gexf.net/1.3" version="1.3">'
            '<graph mode="dynamic" defaultedgetype="directed" timeformat="date">'
            f"<nodes>{nodes}</nodes><edges>{edges}</edges></graph></gexf>")


def test_a_focused_view_says_how_much_it_shows(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    header, caption = window.relations.header, window.relations.canvas.caption
    assert not caption.isVisible()  # the alliance: shown whole
    open_by_hand(qtbot, window, monkeypatch, tmp_path / "ring.gexf", text=_ring(400))
    window.tools.presets["all"].trigger()
    qtbot.waitUntil(caption.isVisible, timeout=3000)
    shown = re.fullmatch(r"(\d+) of 400 entities", caption.text())
    assert shown is not None and 1 < int(shown.group(1)) < 100
    assert len(window.relations.node_ids()) >= int(shown.group(1))
    header.search.setFocus()
    qtbot.keyClicks(header.search, "Org 250")
    qtbot.keyClick(header.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "n250" in window.relations.node_ids(), timeout=3000)
    assert re.fullmatch(r"\d+ of 400 entities", caption.text())
