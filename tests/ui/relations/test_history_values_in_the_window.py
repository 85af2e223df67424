"""The relation history reads each value as the graph and the relations table read it, from a fresh window with a
folder opened by hand (File → Open folder…) and a tie chosen as a user chooses it.

Before, every value was written ``f"{value:g}%"``: a band ``25–50%`` read "37.5%", a bound ``>75%`` read "75%", a
supplier tie's 46 read "46%" on an axis labelled "%", a share of 0.0001% put "(x1e-06)" on the axis, and ties of
one kind held in parallel drew their numbers over each other."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from viewer.ui.relations.history_chart import VALUE, HistoryPanel
from viewer.ui.shell.main_window import MainWindow

from ..window_reading import open_folder_by_hand


def _folder(folder: Path, relations: str) -> Path:
    folder.mkdir()
    (folder / "dataset.json").write_text(json.dumps({"title": "Register", "default_window": {
        "start": "2016-01-01", "end": "2021-12-31", "cursor": "2020-06-01"}}), encoding="utf-8")
    (folder / "events.csv").write_text("id,start,title,actors\ne1,2020-03-01,Filing,owner\n", encoding="utf-8")
    (folder / "entities.csv").write_text("id,name,kind\nowner,Owner Holdings,company\nt,Target,company\n",
                                         encoding="utf-8")
    (folder / "relations.csv").write_text("id,source,target,kind,value,valid_from,valid_to\n" + relations,
                                          encoding="utf-8")
    return folder


def _listed(history: HistoryPanel) -> list[str]:
    """The Value column of the history's list, as the user reads it."""
    items = [history.list.topLevelItem(i) for i in range(history.list.topLevelItemCount())]
    return [item.text(VALUE) for item in items if item is not None]


def _table_values(window: MainWindow) -> dict[str, str]:
    """Relation id → the text of its Value cell in the Relations at the cursor table."""
    table = window.relation_tools.table
    model = table.view.model()
    names = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    return {rid: str(model.index(row, names.index("Value")).data()) for row, rid in enumerate(table.visible_ids())}


def _left_axis(history: HistoryPanel) -> str:
    return str(history.plot.getAxis("left").labelString())


def _edge_clicked(qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, folder: Path,
                  relation: str) -> HistoryPanel:
    """Open ``folder`` by hand, click the edge of ``relation`` in the graph as a user picks a tie: the history."""
    assert open_folder_by_hand(qtbot, window, monkeypatch, folder) == []
    panel = window.relations
    qtbot.waitUntil(lambda: panel.node_ids() == {"owner", "t"})
    with qtbot.waitSignal(window.state.selection_changed):
        qtbot.mouseClick(panel.canvas.viewport(), Qt.MouseButton.LeftButton, pos=panel.edge_midpoint(relation))
    return window.relation_tools.history


def test_bands_and_bounds_read_as_written_and_are_drawn_as_ranges(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _folder(tmp_path / "bands", "R0,owner,t,equity_stake,25-50%,2017-01-01,2019-01-01\n"
                                         "R1,owner,t,equity_stake,>75%,2019-01-01,\n")
    history = _edge_clicked(qtbot, window, monkeypatch, folder, "R1")
    assert history.values() == [37.5, 75.0]  # (the numbers used: the midpoint, the bound)
    assert _listed(history) == ["25–50%", ">75%"]  # not "37.5%", "75%"
    assert _table_values(window) == {"R1": ">75%"} and list(window.relations.edge_labels().values()) == [">75%"]
    assert [text for text, _ in history.drawn_labels()] == ["25–50%", ">75%"]
    assert "%" in _left_axis(history)
    bands = history.bands_item.opts
    ranges = [(float(a), float(b)) for a, b in zip(bands["y0"], bands["y1"], strict=True)]
    assert ranges == [(25.0, 50.0), (75.0, 100.0)]  # each band or bound shaded over the range it names


def test_a_supplier_ties_values_are_plain_numbers_and_their_labels_never_overlap(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Five supplier ties held side by side, picked by a click on a row of the Relations at the cursor table."""
    values = (44, 45, 46, 47, 48)
    folder = _folder(tmp_path / "parallel", "".join(f"S{v},owner,t,supplier,{v},2017-01-01,\n" for v in values))
    assert open_folder_by_hand(qtbot, window, monkeypatch, folder) == []
    table, history = window.relation_tools.table, window.relation_tools.history
    qtbot.waitUntil(lambda: len(table.visible_ids()) == len(values))
    row = table.visible_ids().index("S46")
    rect = table.view.visualRect(table.view.model().index(row, 0))
    with qtbot.waitSignal(window.state.selection_changed):
        qtbot.mouseClick(table.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.state.selection.relations == frozenset({"S46"})
    shown = _table_values(window)
    assert _listed(history) == [shown[f"S{v}"] for v in values] == [str(v) for v in values]  # not "46%"
    assert "%" not in _left_axis(history)
    drawn = dict(history.drawn_labels())
    assert "46" in drawn and len(drawn) < len(values)  # the chosen one shown, the crowd left out
    rects = list(drawn.values())
    assert not any(a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1:])


def test_a_tiny_share_is_on_an_axis_of_plain_values(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _folder(tmp_path / "tiny", "T0,owner,t,equity_stake,0.0001%,2017-01-01,2019-01-01\n"
                                        "T1,owner,t,equity_stake,0.0003%,2019-01-01,\n")
    history = _edge_clicked(qtbot, window, monkeypatch, folder, "T1")
    assert _listed(history) == ["0.0001%", "0.0003%"]
    axis = history.plot.getAxis("left")
    assert "%" in _left_axis(history) and "(x" not in _left_axis(history)  # was "% (x1e-06)"
    assert axis.autoSIPrefixScale == 1.0
    assert axis.tickStrings([0.0001, 0.0002], axis.autoSIPrefixScale, 0.0001) == ["0.0001", "0.0002"]
    assert [text for text, _ in history.drawn_labels()] == ["0.0001%", "0.0003%"]
