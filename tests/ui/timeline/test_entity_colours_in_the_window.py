"""Entity colours as spreadsheets write them, opened from a fresh window: a hex colour without its '#' ("FF0000", as
Excel writes one) and CSS's "rgb(0, 128, 0)" colour their lanes (before, each fell back to the palette without a
word, the colour the file gave lost)."""

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
                                         'b,Beta,company,"rgb(0, 128, 0)"\n', encoding="utf-8")
    assert open_by_hand(qtbot, window, monkeypatch, folder / "dataset.json") == []
    panel = window.timeline
    colours = dict(zip(panel.lane_keys(), panel.lane_colour_names(), strict=True))
    assert colours == {"a": QColor("#ff0000").name(), "b": QColor("#008000").name()}
