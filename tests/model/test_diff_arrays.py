"""The diff between two dates from arrays (:mod:`viewer.model.diff_arrays`) and the diff graph built on it are the
diff as ``query.diff`` merges it and the graph as the code before them built it: row for row, value for value,
type for type, on random ties (duplicate ids, parallel and self ties, missing values and ends, fuzzy bounds, bands,
entities that come and go, people, hidden kinds) at random dates, and on the probe's graphs."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import viewer
from viewer.model import diff_arrays, query, value_bands
from viewer.model.dataset import Dataset, Tables, build_dataset
from viewer.model.graph import Edge, GraphView, _lanes, graph_at
from viewer.model.graph_diff import DiffGraph, change_label, diff_graph

ENDS = ["a", "b", "c", "d", "p"]  # p is a person; e (no entity row) is an end no entity is
KINDS = ["equity_stake", "partnership", "leadership", "joint_venture"]
BOUNDS = ["", "2010", "2012-06", "2012-06-15", "2014", "2016-01-01", "2018-03"]
VALUES = ["", "10", "25", "25", "43.4", "25–50%", ">75%"]


def reference_graph(dataset: Dataset, before: object, after: object, *, include_people: bool = False,
                    hidden_kinds: frozenset[str] = frozenset()) -> DiffGraph:
    """``diff_graph`` as it was before the arrays: ``query.diff``'s table, each row's edge looked up by id."""
    old = graph_at(dataset, before, include_people=include_people, hidden_kinds=hidden_kinds)
    new = graph_at(dataset, after, include_people=include_people, hidden_kinds=hidden_kinds)
    old_edges, new_edges = {e.id: e for e in old.edges}, {e.id: e for e in new.edges}
    table = query.diff(dataset.relations, old.when, new.when, dataset.entities).table
    relations = dataset.relations
    as_written = (dict(zip(relations["id"].astype(str).tolist(), value_bands.written(relations), strict=True))
                  if value_bands.COLUMN in relations.columns else {})
    edges: list[Edge] = []
    keep, drawn, labels = [], [], []
    changes: dict[str, str] = {}
    listed = (table[c].tolist() for c in ("change", "old_id", "new_id", "old_value", "new_value", "kind"))
    for written_change, old_id, new_id, old_value, new_value, kind in zip(*listed, strict=True):
        change = "renewed" if written_change == "unchanged" and old_id != new_id else str(written_change)
        edge = new_edges.get(new_id) if change != "removed" else old_edges.get(old_id)
        keep.append(edge is not None)
        if edge is None:
            continue
        label = change_label(change, float(old_value), float(new_value), str(kind),
                             (as_written.get(str(old_id), ""), as_written.get(str(new_id), "")))
        edges.append(replace(edge, label=label, uncertain=False, fuzzy=""))
        changes[edge.id] = change
        drawn.append(edge.id)
        labels.append(label)
    shown = table[np.array(keep, dtype=bool)].assign(edge=drawn, label=labels).reset_index(drop=True)
    shown["change"] = [changes[e] for e in shown["edge"]]
    if edges:
        lanes = _lanes(pd.DataFrame({"source": [e.source for e in edges], "target": [e.target for e in edges]}))
        edges = [replace(e, lane=float(lane)) for e, lane in zip(edges, lanes, strict=True)]
    nodes = {n.id: n for n in (*old.nodes, *new.nodes)}
    view = GraphView(new.when, tuple(nodes[k] for k in sorted(nodes)), tuple(edges))
    return DiffGraph(old.when, new.when, view, changes, shown)


def assert_same(found: DiffGraph, expected: DiffGraph) -> None:
    """Two diff graphs alike in every part: dates, nodes, edges (each field), changes and table (types too)."""
    assert (found.before, found.after) == (expected.before, expected.after)
    assert list(found.view.nodes) == list(expected.view.nodes)
    assert [_fields(e) for e in found.view.edges] == [_fields(e) for e in expected.view.edges]
    assert found.changes == expected.changes
    pd.testing.assert_frame_equal(found.table, expected.table)


def _fields(edge: Edge) -> tuple[object, ...]:
    return tuple("nan" if isinstance(v, float) and np.isnan(v) else v for v in edge.__dict__.values())


tie = st.tuples(st.sampled_from([*ENDS, "e"]), st.sampled_from(ENDS), st.sampled_from(KINDS), st.sampled_from(VALUES),
                st.sampled_from(BOUNDS), st.sampled_from(BOUNDS), st.integers(0, 9), st.sampled_from(["", "E1", "E2"]))
dates = st.sampled_from(["2009", "2010-01-01", "2011-05-05", "2012-06-01", "2012-06-15", "2013", "2014-01-01",
                         "2015-07-07", "2016-01-01", "2017", "2018-03-01", "2030"])


def _dataset(ties: list[tuple[str, str, str, str, str, str, int, str]], dated: bool) -> Dataset:
    relations = pd.DataFrame(ties, columns=["source", "target", "kind", "value", "valid_from", "valid_to", "id",
                                            "event"]).assign(id=lambda f: [f"R{i}" for i in f["id"]])
    entities = pd.DataFrame({"id": ENDS, "name": ["Acme", "Beta", "Gamma", "Delta", "Pat"],
                             "kind": ["company", "company", "company", "company", "person"]})
    if dated:  # Gamma exists 2011–2016 only: its ties go with it, in the graph and in query.diff's table
        entities = entities.assign(valid_from=["", "", "2011", "", ""], valid_to=["", "", "2016", "", ""])
    events = pd.DataFrame({"id": ["E1", "E2"], "start": ["2012-06-15", "2016-01-01"], "title": ["One", "Two"]})
    return build_dataset(Tables(events, entities, relations))


@settings(max_examples=150, deadline=None)
@given(ties=st.lists(tie, max_size=14), dated=st.booleans(), before=dates, after=dates,
       people=st.booleans(), hidden=st.sets(st.sampled_from(KINDS), max_size=2))
def test_the_diff_from_arrays_is_the_merged_diff_and_the_graph_the_one_built_before(
        ties: list[tuple[str, str, str, str, str, str, int, str]], dated: bool, before: str, after: str, people: bool,
        hidden: set[str]) -> None:
    ds = _dataset(ties, dated)
    pd.testing.assert_frame_equal(diff_arrays.diff(ds, before, after).table,
                                  query.diff(ds.relations, before, after, ds.entities).table)
    options = {"include_people": people, "hidden_kinds": frozenset(hidden)}
    assert_same(diff_graph(ds, before, after, **options), reference_graph(ds, before, after, **options))  # type: ignore[arg-type]


def test_a_walk_of_the_later_date_keeps_answering_as_the_merge(alliance: Dataset) -> None:
    """The earlier date's set and each pair's answer kept while the later one moves, back and forth: still the same."""
    walk = [*pd.date_range("2017-01-01", "2024-01-01", periods=30, tz="UTC")]
    for after in [*walk, *reversed(walk), *walk[::3]]:
        for people in (False, True):
            assert_same(diff_graph(alliance, "2018-11-19", after, include_people=people),
                        reference_graph(alliance, "2018-11-19", after, include_people=people))


@pytest.mark.parametrize("before, after", [("1700", "1701"), ("2023", "2019"), ("2019", "2019")])
def test_dates_with_nothing_held_reversed_or_alike_answer_as_the_merge(alliance: Dataset, before: str,
                                                                       after: str) -> None:
    pd.testing.assert_frame_equal(diff_arrays.diff(alliance, before, after).table,
                                  query.diff(alliance.relations, before, after, alliance.entities).table)
    assert_same(diff_graph(alliance, before, after), reference_graph(alliance, before, after))


def test_a_dataset_without_ties_has_an_empty_diff() -> None:
    ds = build_dataset(Tables(pd.DataFrame({"start": ["2000"]})))
    pd.testing.assert_frame_equal(diff_arrays.diff(ds, "1999", "2001").table,
                                  query.diff(ds.relations, "1999", "2001", ds.entities).table)
    assert_same(diff_graph(ds, "1999", "2001"), reference_graph(ds, "1999", "2001"))


def test_the_bundled_diff_reads_as_documented() -> None:
    d = diff_arrays.diff(viewer.load(), "2018-11-19", "2023-11-09")
    cut = d.of("changed").query("source == 'renault' and target == 'nissan'")
    assert cut[["old_value", "new_value", "events"]].values.tolist() == [[43.4, 15.0, "E067"]]
