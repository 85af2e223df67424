"""A relations table typed by hand with the entities' names (the entity table uses ids), opened from a fresh window by
picking its dataset.json with Ctrl+O: the graph draws one node per company (it drew "Renault Group" as a second,
unknown node beside renault), and a click on the node selects the entity the table names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow

from ..window_reading import open_by_hand


def test_ties_typed_with_names_join_the_entities_they_name(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "typed"
    folder.mkdir()
    (folder / "dataset.json").write_text(json.dumps({"title": "Typed ties", "default_window": {
        "start": "2018-01-01", "end": "2020-12-31", "cursor": "2019-06-01"}}), encoding="utf-8")
    (folder / "events.csv").write_text("id,start,title,actors\ne1,2019-03-01,Stake raised,Renault Group\n",
                                       encoding="utf-8")
    (folder / "entities.csv").write_text("id,name,kind\nrenault,Renault Group,company\nnissan,Nissan Motor,company\n"
                                         "mitsubishi,Mitsubishi Motors,company\n", encoding="utf-8")
    (folder / "relations.csv").write_text("source,target,kind,value,valid_from\nRenault Group,Nissan Motor,"
                                          "equity_stake,43.4,2018\nNissan Motor,mitsubishi motors,equity_stake,34,"
                                          "2018\n", encoding="utf-8")
    assert open_by_hand(qtbot, window, monkeypatch, folder / "dataset.json") == []
    panel = window.relations
    qtbot.waitUntil(lambda: len(panel.edge_labels()) == 2, timeout=3000)
    assert panel.node_ids() == {"renault", "nissan", "mitsubishi"}
    qtbot.mouseClick(panel.canvas.viewport(), Qt.MouseButton.LeftButton, pos=panel.node_pos("renault"))
    assert window.state.selection.entities == frozenset({"renault"})
    assert "Renault Group" in window.details.html()
