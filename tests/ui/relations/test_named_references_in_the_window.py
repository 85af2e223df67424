"""A relations table typed by hand with the entities' names (the entity table uses ids), opened from a fresh window by
picking its dataset.json with Ctrl+O: the graph draws one node per company (it drew "Renault Group" as a second,
unknown node beside renault), and a click on the node selects the entity the table names."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow

from ..window_reading import open_by_hand, problems_typed


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


def test_a_name_two_entities_share_is_said_as_such(qtbot: QtBot, window: MainWindow, write_dataset: Callable[..., Path],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A tie naming "Acme", the name of two entities, was said to refer to an entity "not in the entity table"."""
    folder = write_dataset("id,start,title,actors\ne1,2019-03-01,Deal,n7\n",
                           "id,name,kind\nn1,Acme,company\nn2,Acme,company\nn7,Other,company\n",
                           "id,source,target,kind,valid_from\nN1,Acme,n7,partnership,2010\n", '{"title": "Twins"}')
    assert open_by_hand(qtbot, window, monkeypatch, folder / "dataset.json") == []
    said = problems_typed(qtbot, window, "names 2 entities (n1, n2)")
    assert len(said) == 1 and set(said["level"]) == {"warning"}
    window.problems.filter.clear()
    assert problems_typed(qtbot, window, "not in the entity table").empty
