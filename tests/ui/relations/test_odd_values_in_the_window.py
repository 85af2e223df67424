"""Ties with values no tie can have, opened from a fresh window: a stake below 0 or above 100% is said in
Problems and kept as written, an infinite one is left empty and said; the relations table sorts them by a
click on its header and a row is picked with the mouse (before, "inf" and 1e999 were taken as values and
drawn as "inf%")."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow

from ..window_reading import open_by_hand, problems_typed

VALUES = ["-20", "250", "inf", "1e999", "45", "1e308"]


def _dataset(folder: Path) -> Path:
    folder.mkdir()
    (folder / "dataset.json").write_text(json.dumps({"title": "Odd ties", "default_window": {
        "start": "2019-01-01", "end": "2021-12-31", "cursor": "2020-06-01"}}), encoding="utf-8")
    (folder / "events.csv").write_text("id,start,title,actors\ne1,2020-03-01,Deal,a;b\n", encoding="utf-8")
    (folder / "entities.csv").write_text("id,name,kind\na,Alpha,company\nb,Beta,company\n", encoding="utf-8")
    rows = "".join(f"R{i},a,b,equity_stake,{v},2019-0{i + 1}-01\n" for i, v in enumerate(VALUES))
    (folder / "relations.csv").write_text("id,source,target,kind,value,valid_from\n" + rows, encoding="utf-8")
    return folder


def test_odd_stakes_are_said_kept_or_emptied_and_the_table_sorts_them(qtbot: QtBot, window: MainWindow,
                                                                      tmp_path: Path) -> None:
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        window.open_path(str(_dataset(tmp_path / "odd")))
    ds = window.state.dataset
    said = sorted((p.row, p.message.split(";")[0]) for p in ds.problems if p.field == "value")
    assert said == [(2, "a share outside 0-100%"), (3, "a share outside 0-100%"),  # the file's lines
                    (4, "expected a number (e.g. 43.4)"), (5, "expected a number (e.g. 43.4)"),
                    (7, "a share outside 0-100%")]
    table = window.relation_tools.table
    view = table.view
    assert view.model().rowCount() == len(VALUES)
    header = view.horizontalHeader()
    value_column = [view.model().headerData(i, Qt.Orientation.Horizontal) for i in range(header.count())].index("Value")
    section = QPoint(header.sectionViewportPosition(value_column) + header.sectionSize(value_column) // 2,
                     header.height() // 2)
    ascending = ["-20%", "45%", "250%", "1e+308%", "", ""]  # (empty values last, whichever way)
    orders = []
    for _ in range(2):  # a click sorts by the column, a second click the other way
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=section)
        orders.append([view.model().index(r, value_column).data() for r in range(view.model().rowCount())])
    assert sorted(orders) == sorted([ascending, [*ascending[3::-1], "", ""]])
    cell = view.visualRect(view.model().index(0, 0)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert window.state.selection.relations
    assert "Alpha" in window.details.html()


def test_a_stake_of_a_company_in_itself_is_a_loop_with_its_value_and_a_click_selects_it(
        qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    """Shares a company holds in itself (treasury stock): the tie from its node to itself was a curve of no length,
    not drawn, its value nowhere. It is a loop beside the node now (on its clearest side), its value at its tip,
    framed in, and clickable."""
    folder = tmp_path / "treasury"
    folder.mkdir()
    (folder / "dataset.json").write_text(json.dumps({"title": "Treasury", "default_window": {
        "start": "2019-01-01", "end": "2021-12-31", "cursor": "2020-06-01"}}), encoding="utf-8")
    (folder / "events.csv").write_text("id,start,title,actors\ne1,2020-03-01,Buy-back,a;b\n", encoding="utf-8")
    (folder / "entities.csv").write_text("id,name,kind\na,Alpha,company\nb,Beta,company\n", encoding="utf-8")
    (folder / "relations.csv").write_text("id,source,target,kind,value,valid_from\nR1,b,a,equity_stake,30,2019-01-01\n"
                                          "T1,a,a,equity_stake,1.5,2019-01-01\n", encoding="utf-8")
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        window.open_path(str(folder))
    panel = window.relations
    qtbot.waitUntil(lambda: ("a", "a", "equity_stake") in panel.edge_labels(), timeout=3000)
    window.grab()
    labels = panel.canvas.labels_item
    placement, edges = labels.placement, labels.edges
    assert placement is not None and edges is not None
    at = list(edges.ids).index("T1")
    assert placement.edge_shown[at], "the loop's value found no room"
    top = placement.edge_rects[at]
    node = panel.node_pos("a")
    assert top[3] < node.y() - 10  # above the node, inside the panel
    assert top[1] >= 0
    qtbot.mouseClick(panel.canvas.viewport(), Qt.MouseButton.LeftButton, pos=panel.edge_midpoint("T1"))
    assert window.state.selection.relations == frozenset({"T1"})


def test_stakes_past_the_whole_are_said_and_drawn_as_written(qtbot: QtBot, window: MainWindow,
                                                             write_dataset: Callable[..., Path],
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """Two holders' 60% and 70% of one company loaded without a word; now Problems says it, with both rows."""
    folder = write_dataset("id,start,title,actors\ne1,2020-03-01,Deal,a;b\n",
                           "id,name,kind\na,Alpha,company\nb,Beta,company\nc,Gamma,company\n",
                           "id,source,target,kind,value,valid_from\nR1,a,c,equity_stake,60,2019\n"
                           "R2,b,c,equity_stake,70,2019\n", json.dumps({"title": "Over"}))
    assert open_by_hand(qtbot, window, monkeypatch, folder / "dataset.json") == []
    qtbot.waitUntil(lambda: sorted(window.relations.edge_labels().values()) == ["60%", "70%"])
    said = problems_typed(qtbot, window, "more than the whole")
    assert len(said) == 1 and "Gamma sum to 130%" in said["message"].iloc[0] and "rows 2, 3" in said["message"].iloc[0]


def test_a_tie_without_a_value_clicked_names_its_kind_once(qtbot: QtBot, window: MainWindow) -> None:
    """Details said "partnership · partnership · from 27 Mar 1999": the kind stood in for the value, then came again."""
    canvas, kinds = window.relations.canvas, window.state.dataset.relations.set_index("id")["kind"].astype(str)
    for tie in (i for i in canvas.edges.ids if kinds[i] == "partnership"):  # (the first whose middle no node hides)
        qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=canvas.edge_midpoint(tie))
        qtbot.wait(50)
        if window.state.selection.relations == frozenset({tie}):
            break
    assert len(window.state.selection.relations) == 1
    said = window.details.html().splitlines()[1]
    assert said.startswith("partnership · from ") and said.count("partnership") == 1, said
