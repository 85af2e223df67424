"""Graphs saved as JSON by networkx (node-link data, "links" or "edges"), Cytoscape (.cyjs, its elements by group
or as one list) and the JSON Graph Format, read as entities and relations. Before, each was refused as "JSON that
Entente does not recognise"."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import viewer

NODE_LINK = {"directed": True, "multigraph": False, "graph": {"name": "alliance"},
             "nodes": [{"id": "renault", "label": "Renault", "kind": "company"}, {"id": "nissan", "label": "Nissan"},
                       {"id": "state", "label": "French State", "since": "1945-01-16"}],
             "links": [{"source": "renault", "target": "nissan", "share": 43.4, "start": "2002-03-01",
                        "end": "2023-11-08", "relation": "equity_stake"},
                       {"source": "state", "target": "renault", "share": 15.01, "start": "1996-01-01",
                        "relation": "government_stake", "key": 0}]}
CYTOSCAPE = {"format_version": "1.0", "generated_by": "cytoscape-3.10.1", "data": {"name": "alliance"},
             "elements": {"nodes": [{"data": {"id": "101", "name": "Renault", "SUID": 101}, "position": {"x": 1}},
                                    {"data": {"id": "102", "name": "Nissan", "SUID": 102}, "position": {"x": 2}}],
                          "edges": [{"data": {"id": "103", "source": "101", "target": "102", "interaction": "owns",
                                              "weight": 43.4, "date": "2002-03-01"}}]}}
CYTOSCAPE_LIST = [{"group": "nodes", "data": {"id": "a", "name": "Renault"}},
                  {"group": "nodes", "data": {"id": "b", "name": "Nissan"}},
                  {"group": "edges", "data": {"id": "ab", "source": "a", "target": "b", "interaction": "owns"}}]
JGF = {"graph": {"directed": False, "nodes": {"a": {"label": "Renault", "metadata": {"type": "company"}},
                                              "b": {"label": "Nissan"}},
                 "edges": [{"source": "a", "target": "b", "relation": "partnership",
                            "metadata": {"since": "1999-03-27"}}]}}


def _load(tmp_path: Path, document: object, name: str = "graph.json") -> viewer.Dataset:
    path = tmp_path / name
    path.write_text(json.dumps(document), encoding="utf-8")
    return viewer.load(path)


def _ties(ds: viewer.Dataset) -> list[tuple[str, str, str, float, str]]:
    return [(r.source, r.target, r.kind, r.value, "" if pd.isna(r.valid_from) else str(r.valid_from)[:10])
            for r in ds.relations.itertuples()]


def test_networkx_node_link_data_with_links_or_edges(tmp_path: Path) -> None:
    for key in ("links", "edges"):  # networkx 3.4 writes "edges"
        document = {**{k: v for k, v in NODE_LINK.items() if k != "links"}, key: NODE_LINK["links"]}
        ds = _load(tmp_path, document)
        assert dict(zip(ds.entities["id"], ds.entities["name"], strict=True)) == {
            "renault": "Renault", "nissan": "Nissan", "state": "French State"}
        assert _ties(ds) == [("renault", "nissan", "equity_stake", 43.4, "2002-03-01"),
                             ("state", "renault", "government_stake", 15.01, "1996-01-01")]
        assert ds.relations.loc[0, "valid_to"] == pd.Timestamp("2023-11-08", tz="UTC")
        assert ds.events["title"].tolist() == ["French State appears"]  # a node with a start is an event


@pytest.mark.parametrize(("document", "ties"), [
    (CYTOSCAPE, [("101", "102", "owns", 43.4, "2002-03-01")]),
    (CYTOSCAPE_LIST, [("a", "b", "owns", float("nan"), "")]),
], ids=["elements by group", "elements as a list"])
def test_cytoscape_elements(tmp_path: Path, document: object, ties: list[tuple[object, ...]]) -> None:
    ds = _load(tmp_path, document, "alliance.cyjs.json")
    assert set(ds.entities["name"]) == {"Renault", "Nissan"}
    assert str(_ties(ds)) == str(ties)
    assert "SUID" not in " ".join(ds.entities["note"])  # Cytoscape's bookkeeping is no note


def test_the_json_graph_format_with_nodes_by_id_and_metadata(tmp_path: Path) -> None:
    ds = _load(tmp_path, JGF)
    assert dict(zip(ds.entities["id"], ds.entities["kind"], strict=True)) == {"a": "company", "b": "node"}
    assert str(_ties(ds)) == str([("a", "b", "partnership", float("nan"), "1999-03-27")])
    assert ds.relations.loc[0, "note"] == "undirected"


def test_a_list_of_nodes_without_ids_is_not_taken_for_a_graph(tmp_path: Path) -> None:
    from viewer.io import json_graph
    assert not json_graph.looks_like({"nodes": [{"name": "a"}], "links": []})
    assert not json_graph.looks_like([{"group": "x"}])
    assert not json_graph.looks_like({"events": [{"date": "2019-01-01"}]})


@pytest.mark.parametrize(("name", "text", "said"), [  # (GML and Pajek are read now: test_gml_pajek)
    ("alliance.dot", "// written by hand\nstrict digraph alliance {\n  Renault -> Nissan [label=\"43.4%\"];\n}\n",
     "a Graphviz (DOT) graph"),
], ids=["dot"])
def test_graph_texts_entente_does_not_read_are_named_with_what_to_do(tmp_path: Path, name: str, text: str,
                                                                     said: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(viewer.LoadError) as refused:
        viewer.load(path)
    assert str(refused.value).startswith(f"{path}: {said}, a format Entente does not read; save it as GraphML")


MISERABLES: dict[str, list[dict[str, Any]]] = {
    "nodes": [{"name": "Myriel", "group": 1, "index": 0}, {"name": "Napoleon", "group": 1, "index": 1},
              {"name": "Valjean", "group": 2, "index": 2}],
    "links": [{"source": 1, "target": 0, "value": 1}, {"source": 2, "target": 0, "value": 5}]}


def test_d3_force_layout_data_names_its_nodes_by_place_or_by_name(tmp_path: Path) -> None:
    """D3's classic force-layout data (Bostock's Les Misérables, as vega-datasets ships it): nodes without ids, links
    naming them by their place in the list. It was "JSON that Entente does not recognise"."""
    ds = _load(tmp_path, MISERABLES, "miserables.json")
    assert dict(zip(ds.entities["id"], ds.entities["name"], strict=True)) == {
        "0": "Myriel", "1": "Napoleon", "2": "Valjean"}
    assert [(r.source, r.target, r.value) for r in ds.relations.itertuples()] == [("1", "0", 1.0), ("2", "0", 5.0)]
    unindexed = {"nodes": [{"name": node["name"]} for node in MISERABLES["nodes"]], "links": MISERABLES["links"]}
    assert list(_load(tmp_path, unindexed, "places.json").relations["target"]) == ["0", "0"]
    by_name = {"nodes": [{"name": "Myriel"}, {"name": "Napoleon"}], "links": [{"source": "Napoleon",
                                                                              "target": "Myriel"}]}
    assert [(r.source, r.target) for r in _load(tmp_path, by_name, "names.json").relations.itertuples()] == [
        ("Napoleon", "Myriel")]
    from viewer.io import json_graph  # links that name nodes neither way: no graph
    assert not json_graph.looks_like({"nodes": [{"name": "a"}], "links": [{"source": "b", "target": "c"}]})
