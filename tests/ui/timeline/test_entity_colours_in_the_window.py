"""Entity colours as spreadsheets write them, opened from a fresh window: a hex colour without its '#' ("FF0000", as
Excel writes one) and CSS's "rgb(0, 128, 0)" colour their lanes and nodes (before, each fell back to the palette in
the lanes and drew the node black, the colour the file gave lost), and a mistyped one takes its kind's colour."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow

from ..window_reading import open_by_hand


def test_hex_without_its_hash_and_rgb_colour_the_lanes(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "coloured"
    folder.mkdir()
    (folder / "dataset.json").write_text(json.dumps({"title": "Coloured", "principal": ["a", "b"]}),
                                         encoding="utf-8")
    (folder / "events.csv").write_text("id,start,title,actors\ne1,2019-01-01,One,a\ne2,2019-02-01,Two,b\n",
                                       encoding="utf-8")
    (folder / "entities.csv").write_text('id,name,kind,color\na,Alpha,company,FF0000\n'
                                         'b,Beta,company,"rgb(0, 128, 0)"\nc,Gamma,company,blue-ish\n',
                                         encoding="utf-8")
    (folder / "relations.csv").write_text("source,target,kind,value,valid_from\na,b,equity_stake,5,2018\n"
                                          "b,c,equity_stake,7,2018\n", encoding="utf-8")
    assert open_by_hand(qtbot, window, monkeypatch, folder / "dataset.json") == []
    panel = window.timeline
    colours = dict(zip(panel.lane_keys(), panel.lane_colour_names(), strict=True))
    assert colours == {"a": QColor("#ff0000").name(), "b": QColor("#008000").name()}
    nodes = window.relations
    qtbot.waitUntil(lambda: len(nodes.node_ids()) == 3, timeout=3000)
    drawn = {key: QColor(value).name() for key, value in nodes.node_colours().items()}
    assert drawn["a"] == "#ff0000" and drawn["b"] == "#008000"
    assert drawn["c"] != "#000000"  # "blue-ish" is no colour: its kind's, not black
