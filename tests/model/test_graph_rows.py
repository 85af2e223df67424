"""The graph at a date taken from arrays (each tie's edge and each entity's node made once, parallel ties' lanes by
sorted pair codes) is the graph made a tie at a time: the same edges in the same order, the same nodes."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import viewer
from viewer.model import graph, graph_rows, query
from viewer.model.dataset import Dataset, Tables, build_dataset

FIXTURES = Path(__file__).parents[1] / "io" / "fixtures"


def _parallel() -> Dataset:
    """Ties between the same two parties in both directions, some without a value, some ending."""
    rng = np.random.default_rng(3)
    n = 300
    source, target = rng.integers(0, 12, n), rng.integers(0, 12, n)
    keep = source != target
    relations = pd.DataFrame({"source": [f"e{i}" for i in source[keep]], "target": [f"e{i}" for i in target[keep]],
                              "kind": rng.choice(["equity_stake", "partnership"], int(keep.sum())),
                              "value": [str(v) if v % 3 else "" for v in rng.integers(1, 60, int(keep.sum()))],
                              "valid_from": [f"{y}" for y in rng.integers(2000, 2020, int(keep.sum()))],
                              "valid_to": [f"{y}" if y % 2 else "" for y in rng.integers(2005, 2025, int(keep.sum()))]})
    entities = pd.DataFrame({"id": [f"e{i}" for i in range(11)], "name": [f"Party {i}" for i in range(11)]})
    return build_dataset(Tables(pd.DataFrame({"start": ["2000"]}), entities, relations))  # e11: no entity row


def _fields(view: graph.GraphView) -> tuple[list[tuple[object, ...]], list[dict[str, object]]]:
    edges = [tuple("nan" if isinstance(v, float) and np.isnan(v) else v for v in e.__dict__.values())
             for e in view.edges]
    return edges, [dict(n.__dict__) for n in view.nodes]


@pytest.mark.parametrize("name", ["alliance", "parallel", "offshore_leaks"])
def test_the_graph_from_arrays_is_the_graph_made_a_tie_at_a_time(name: str) -> None:
    ds = {"alliance": viewer.load, "parallel": _parallel,
          "offshore_leaks": lambda: viewer.load(FIXTURES / "offshore_leaks")}[name]()
    for when in pd.date_range("1999-06-01", "2024-06-01", periods=25, tz="UTC"):
        for people in (False, True):
            visible = query.valid_mask(ds.relations, when) & graph._shown(ds, people, ())
            rows = ds.relations[visible]
            one_by_one = graph._view(ds, rows, when, np.zeros(len(rows), dtype=bool), np.ones(len(rows)))
            from_arrays = graph._view_at(ds, np.flatnonzero(visible), when)
            assert _fields(from_arrays) == _fields(one_by_one), (when, people)


def test_parallel_ties_share_out_their_lanes_in_row_order() -> None:
    assert graph_rows.lanes(np.array([4, 4, 9, 4, 9])).tolist() == [-1.0, 0.0, -0.5, 1.0, 0.5]
    assert graph_rows.lanes(np.zeros(0, dtype=np.int64)).tolist() == []


def test_its_ends_as_codes_are_its_edges_ends_values_and_nodes() -> None:
    """What a big graph's focus reads instead of its edges and nodes, one by one."""
    ds = viewer.load(FIXTURES / "offshore_leaks")
    for when in ("2003-06-01", "2012-06-01", "2030-01-01"):
        view = graph.graph_at(ds, when, include_people=True)
        assert view.edges
        codes = view.ends
        assert codes is not None
        assert codes.ids[codes.source].tolist() == [e.source for e in view.edges]
        assert codes.ids[codes.target].tolist() == [e.target for e in view.edges]
        assert np.array_equal(codes.value, np.array([e.value for e in view.edges], dtype=float), equal_nan=True)
        assert codes.ids[codes.nodes].tolist() == [n.id for n in view.nodes]
        assert codes.ids[codes.principal].tolist() == [n.id for n in view.nodes if n.principal]


def test_the_alliance_principal_nodes_are_coded_in_the_nodes_order() -> None:
    view = graph.graph_at(viewer.load(), "2022-12-31")
    assert view.ends is not None
    assert view.ends.ids[view.ends.principal].tolist() == [n.id for n in view.nodes if n.principal] != []


def test_pen_widths_in_one_pass_are_each_ties_own() -> None:
    kinds = np.array(["equity_stake", "government_stake", "joint_venture", "leadership", "partnership",
                      "equity_stake", "equity_stake", "equity_stake", "leadership"], dtype=object)
    values = np.array([43.4, 15.0, np.nan, 100.0, 50.0, -5.0, 300.0, np.inf, np.nan])
    assert graph.edge_widths(kinds, values).tolist() == [graph.edge_width(k, v) for k, v in zip(kinds, values,
                                                                                              strict=True)]


PIECES = [*"ab AB(/)., \t\n", "Ltd", "Ltd.", "Inc", "Inc.", "Co., Ltd", "Corporation", " / ", "Person 12", "LTD."]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=12).map("".join))
def test_a_name_with_nothing_to_cut_is_its_own_short_name_as_the_whole_rule_says(name: str) -> None:
    assert graph.short_name(name) == graph._short_name(name)
