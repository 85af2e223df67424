"""An edge list as Gephi exports its edge table (Source, Target, Weight, a date), opened from a fresh window with
Ctrl+O: the mapping dialog offers its source and target as the parties of a tie, and the graph draws them with
their weights. Before, "Source" was taken for a link column and the file opened with no tie at all."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow

from ...io.test_graph_export_quirks import EDGE_VALUES
from ...io.test_relation_registers import SHAREHOLDERS
from ..conftest import Hand
from ..window_reading import accepting, details_after, drag_cursor, open_by_hand

EDGES = ("Source,Target,Type,Id,Label,Weight,start\nRenault,Nissan,Directed,0,stake,43.4,2002-03-01\n"
         "Nissan,Renault,Directed,1,stake,15,2002-03-01\nNissan,Mitsubishi,Directed,2,stake,34,2016-10-20\n")


def test_an_edge_table_draws_its_ties(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    offered: list[str] = []
    open_by_hand(qtbot, window, monkeypatch, tmp_path / "edges.csv", accepting(offered), text=EDGES)
    assert offered and "Source → Target" in offered[0]
    assert len(window.state.dataset.relations) == 3
    assert "Nissan" in details_after(qtbot, window, Qt.Key.Key_End)
    window.tools.presets["all"].trigger()
    qtbot.waitUntil(lambda: len(window.relations.edge_labels()) == 3, timeout=3000)
    labels = {(source, target): text for (source, target, _), text in window.relations.edge_labels().items()}
    # its Label names each tie's kind: a stake, its weight a share
    assert labels == {("renault", "nissan"): "43.4%", ("nissan", "renault"): "15%", ("nissan", "mitsubishi"): "34%"}


def test_a_cytoscape_graph_opens_and_draws_its_tie(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Cytoscape's .cyjs (refused before as "JSON that Entente does not recognise"), opened with Ctrl+O."""
    document = {"format_version": "1.0", "elements": {
        "nodes": [{"data": {"id": "101", "name": "Renault"}}, {"data": {"id": "102", "name": "Nissan"}}],
        "edges": [{"data": {"id": "103", "source": "101", "target": "102", "interaction": "owns", "weight": 43.4,
                            "date": "2002-03-01"}}]}}
    path = tmp_path / "alliance.cyjs"
    assert open_by_hand(qtbot, window, monkeypatch, path, text=json.dumps(document)) == []
    assert set(window.state.dataset.entities["name"]) == {"Renault", "Nissan"}
    qtbot.waitUntil(lambda: len(window.relations.edge_labels()) == 1, timeout=3000)
    assert [(s, t) for s, t, _ in window.relations.edge_labels()] == [("101", "102")]


def test_d3_force_layout_data_opens_and_draws_its_ties(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """D3's Les Misérables (nodes named by their place in the list): refused before as JSON not recognised."""
    from tests.io.test_json_graphs import MISERABLES
    path = tmp_path / "miserables.json"
    assert open_by_hand(qtbot, window, monkeypatch, path, text=json.dumps(MISERABLES)) == []
    assert set(window.state.dataset.entities["name"]) == {"Myriel", "Napoleon", "Valjean"}
    qtbot.waitUntil(lambda: len(window.relations.edge_labels()) == 2, timeout=3000)
    assert sorted((s, t) for s, t, _ in window.relations.edge_labels()) == [("1", "0"), ("2", "0")]


GEXF = ('<?xml version="1.0" encoding="UTF-8"?>\n<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">'
        '<graph defaultedgetype="directed" mode="dynamic" timeformat="date"><nodes>'
        '<node id="renault" label="Renault" start="1899-02-25"/><node id="nissan" label="Nissan" start="1933-12-26"/>'
        '<node id="mmc" label="Mitsubishi Motors" start="1970-04-22"/></nodes><edges>'
        '<edge id="0" source="renault" target="nissan" weight="43.4" label="stake" start="1999-05-28"/>'
        "</edges></graph></gexf>")


def test_a_graph_whose_ties_come_after_its_nodes_shows_them(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch, hand: Hand) -> None:
    """Gephi's nodes appear in 1899–1970 and its tie holds from 1999: the first view held only the nodes' years,
    the cursor at its end, and the graph showed no tie anywhere the user could drag."""
    assert open_by_hand(qtbot, window, monkeypatch, tmp_path / "alliance.gexf", text=GEXF) == []
    qtbot.waitUntil(lambda: len(window.relations.edge_labels()) == 1, timeout=3000)  # at the opening cursor
    drag_cursor(qtbot, hand, window, 1980.0)
    qtbot.waitUntil(lambda: not window.relations.edge_labels(), timeout=3000)
    drag_cursor(qtbot, hand, window, 2000.0)
    qtbot.waitUntil(lambda: len(window.relations.edge_labels()) == 1, timeout=3000)


ENDED = GEXF.replace('start="1999-05-28"/>', 'start="1950-01-01" end="1965-03-01"/><edge id="1" source="nissan" '
                     'target="renault" label="partner" start="1940-01-01" end="1960-06-01"/>')


def test_a_graph_whose_ties_all_ended_opens_with_the_last_one_drawn(qtbot: QtBot, window: MainWindow,
                                                                    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                    hand: Hand) -> None:
    """Ties that ended in 1960 and 1965 among nodes appearing to 1970: the cursor opened at the window's end, in
    1971, where no tie holds, and the graph was empty until the user found a year to drag to."""
    assert open_by_hand(qtbot, window, monkeypatch, tmp_path / "ended.gexf", text=ENDED) == []
    assert window.state.cursor.year == 1965
    qtbot.waitUntil(lambda: len(window.relations.edge_labels()) == 1, timeout=3000)  # at the opening cursor
    assert [(s, t) for s, t, _ in window.relations.edge_labels()] == [("renault", "nissan")]
    drag_cursor(qtbot, hand, window, 1955.0)
    qtbot.waitUntil(lambda: len(window.relations.edge_labels()) == 2, timeout=3000)


INTERVALS = ('Source,Target,Type,Id,Label,Interval,Weight\n'
             'Renault,Nissan,Directed,0,stake,"<[2002-03-01, 2023-11-08]>",43.4\n'
             'Renault,Daimler,Undirected,3,partner,"<[2010-04-07, 2015-01-01]; [2017-01-01, 2021-02-05]>",3.1\n')


def test_a_gephi_edge_table_with_an_interval_column_draws_each_tie_while_it_holds(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hand: Hand) -> None:
    """Gephi's Data Laboratory writes when an edge holds as ``<[start, end]>`` in one column: the table was refused
    as having no date column."""
    offered: list[str] = []
    open_by_hand(qtbot, window, monkeypatch, tmp_path / "edges.csv", accepting(offered), text=INTERVALS)
    assert offered and "Source → Target" in offered[0]
    assert len(window.state.dataset.relations) == 3
    window.tools.presets["all"].trigger()
    for year, pairs in ((2012.0, {("renault", "nissan"), ("renault", "daimler")}), (2016.0, {("renault", "nissan")}),
                        (2019.0, {("renault", "nissan"), ("renault", "daimler")})):
        drag_cursor(qtbot, hand, window, year)

        def drawn(pairs: set[tuple[str, str]] = pairs) -> bool:
            return {(s, t) for s, t, _ in window.relations.edge_labels()} == pairs
        qtbot.waitUntil(drawn, timeout=3000)


def test_a_shareholders_register_draws_each_holding_while_it_lasts(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Companies House's register of shareholders, opened with Ctrl+O: the dialog offers each holder's stake in the
    company (it offered no tie), and the graph at the cursor draws the holdings of that day."""
    offered: list[str] = []
    path = tmp_path / "shareholders.csv"
    open_by_hand(qtbot, window, monkeypatch, path, accepting(offered), text=SHAREHOLDERS)
    assert offered and "Shareholder → Company" in offered[0]
    window.tools.presets["all"].trigger()
    qtbot.keyClick(window.timeline, Qt.Key.Key_End)  # the last holding: Northwind Holdings' 75 % from 2019
    qtbot.waitUntil(lambda: ("northwind_holdings_limited", "northwind_trading_limited")
                    in {(s, t) for s, t, _ in window.relations.edge_labels()}, timeout=3000)
    labels = {(s, t): text for (s, t, _), text in window.relations.edge_labels().items()}
    assert labels[("northwind_holdings_limited", "northwind_trading_limited")] == "75%"
    assert ("sarah_jane_patel", "northwind_trading_limited") not in labels  # transferred in 2019


def test_a_gexf_edges_share_is_drawn_as_its_value(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Gephi keeps a tie's share as an edge attribute: it was dropped, and the tie drawn without its figure."""
    assert open_by_hand(qtbot, window, monkeypatch, tmp_path / "shares.gexf", text=EDGE_VALUES) == []
    qtbot.waitUntil(lambda: len(window.relations.edge_labels()) == 2, timeout=3000)
    assert any("51" in label for label in window.relations.edge_labels().values())
