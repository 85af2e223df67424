"""What changed between two dates, and one relation's value over time: pure, no Qt."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from viewer.io.table import read
from viewer.model import graph, query
from viewer.model.dataset import Dataset
from viewer.model.dates import to_seconds
from viewer.model.graph_diff import change_label, diff_graph


def _row(d: query.Diff, source: str, target: str, kind: str) -> pd.Series:
    rows = d.table[(d.table["source"] == source) & (d.table["target"] == target) & (d.table["kind"] == kind)]
    assert len(rows) == 1
    return rows.iloc[0]


def test_the_diff_from_ghosns_arrest_to_the_new_agreement_changes_renaults_stake_from_43_4_to_15(
        alliance: Dataset) -> None:
    d = query.diff(alliance.relations, "2018-11-19", "2023-11-09")
    row = _row(d, "renault", "nissan", "equity_stake")
    assert row["change"] == "changed"
    assert (row["old_value"], row["new_value"]) == (pytest.approx(43.4), pytest.approx(15.0))
    assert (row["old_id"], row["new_id"], row["events"]) == ("R03", "R04", "E067")


def test_the_trust_stake_is_added_and_ghosns_posts_are_removed(alliance: Dataset) -> None:
    d = query.diff(alliance.relations, "2018-11-19", "2023-11-09")
    trust = _row(d, "french_trust", "nissan", "equity_stake")
    assert trust["change"] == "added" and trust["new_value"] == pytest.approx(28.4) and trust["events"] == "E067"
    assert _row(d, "ghosn", "nissan", "leadership")["change"] == "removed"


def test_a_removed_relation_carries_no_event_because_its_own_event_started_it(alliance: Dataset) -> None:
    d = query.diff(alliance.relations, "2018-11-19", "2023-11-09")
    assert _row(d, "ghosn", "renault", "leadership")["events"] == ""


def test_the_diff_of_a_date_with_itself_is_all_unchanged(alliance: Dataset) -> None:
    d = query.diff(alliance.relations, "2020-01-01", "2020-01-01")
    assert set(d.table["change"]) == {"unchanged"}


def test_swapping_the_dates_swaps_added_and_removed(alliance: Dataset) -> None:
    forward = query.diff(alliance.relations, "2018-11-19", "2023-11-09")
    backward = query.diff(alliance.relations, "2023-11-09", "2018-11-19")
    assert len(forward.of("added")) == len(backward.of("removed"))
    row = _row(backward, "renault", "nissan", "equity_stake")
    assert (row["old_value"], row["new_value"]) == (pytest.approx(15.0), pytest.approx(43.4))


def test_the_diff_graph_draws_both_dates_and_labels_the_change(alliance: Dataset) -> None:
    d = diff_graph(alliance, "2018-11-19", "2023-11-09")
    assert d.changes["R04"] == "changed"
    assert d.changes["R05"] == "added"
    edge = d.view.edge("renault", "nissan", "equity_stake")
    assert edge is not None and edge.label == "43.4% → 15%"
    assert {"french_trust", "renault", "nissan"} <= d.view.node_ids()


def test_a_relation_replaced_by_one_of_the_same_value_is_renewed_not_unchanged(alliance: Dataset) -> None:
    d = diff_graph(alliance, "2018-11-19", "2023-11-09")
    assert d.changes["R08"] == "renewed"  # Nissan's 15% in Renault: voting rights since the agreement
    assert "R08" in set(d.listed()["edge"])
    assert d.changes["R09"] == "unchanged"
    assert "R09" not in set(d.listed()["edge"])


def test_the_diff_graph_leaves_out_people_and_hidden_kinds_unless_asked(alliance: Dataset) -> None:
    d = diff_graph(alliance, "2018-11-19", "2023-11-09", hidden_kinds={"partnership"})
    assert all(e.kind not in ("partnership", "leadership") for e in d.view.edges)
    with_people = diff_graph(alliance, "2018-11-19", "2023-11-09", include_people=True)
    assert with_people.changes["R21"] == "removed"  # Ghosn at Nissan


def test_edges_between_the_same_nodes_get_their_own_lanes_in_the_diff(alliance: Dataset) -> None:
    d = diff_graph(alliance, "2018-11-19", "2023-11-09")
    lanes = sorted(e.lane for e in d.view.edges if {e.source, e.target} == {"renault", "nissan"})
    assert lanes == [-1.0, 0.0, 1.0]


def test_change_labels_read_old_to_new_and_name_ties_without_a_value() -> None:
    assert change_label("changed", 43.4, 15.0, "equity_stake") == "43.4% → 15%"
    assert change_label("removed", 34.0, np.nan, "equity_stake") == "34%"
    assert change_label("added", np.nan, np.nan, "joint_venture") == "joint venture"


def test_renaults_stake_in_nissan_has_four_steps(alliance: Dataset) -> None:
    steps = graph.history_steps(alliance.relations, "renault", "nissan", "equity_stake")
    assert steps.values.tolist() == [36.8, 44.4, 43.4, 15.0]
    assert steps.ids == ("R01", "R02", "R03", "R04")
    assert steps.since == ("27 Mar 1999", "Mar 2002", "2015", "8 Nov 2023")
    assert steps.until[-1] == "" and np.isnan(steps.ends[-1])
    assert steps.has_values


def test_month_and_year_bounds_become_fuzzy_spans(alliance: Dataset) -> None:
    steps = graph.history_steps(alliance.relations, "renault", "nissan", "equity_stake")
    spans = {(pd.Timestamp(a, unit="s").date().isoformat(), pd.Timestamp(b, unit="s").date().isoformat())
             for a, b in steps.fuzzy}
    assert spans == {("2002-03-01", "2002-04-01"), ("2015-01-01", "2016-01-01")}


def test_the_step_path_joins_precise_changes_and_leaves_fuzzy_ones_to_the_hatching(alliance: Dataset) -> None:
    steps = graph.history_steps(alliance.relations, "renault", "nissan", "equity_stake")
    last = float(to_seconds(pd.Timestamp("2025-01-01", tz="UTC")))
    x, y, connect = graph.step_path(steps, 0.0, last)
    assert len(x) == len(y) == len(connect) == 8
    assert connect[0::2].all()  # every step is a run
    assert connect[1:-1:2].tolist() == [False, False, True]  # Mar 2002 and 2015 fuzzy; 8 Nov 2023 precise
    assert x[-1] == last and y[-1] == 15.0


def test_the_step_at_an_instant_is_found(alliance: Dataset) -> None:
    steps = graph.history_steps(alliance.relations, "renault", "nissan", "equity_stake")
    assert steps.index_at(float(to_seconds(pd.Timestamp("2020-06-01", tz="UTC")))) == 2
    assert steps.index_at(float(to_seconds(pd.Timestamp("1990-01-01", tz="UTC")))) is None


def test_a_tie_without_a_value_is_drawn_as_present(alliance: Dataset) -> None:
    steps = graph.history_steps(alliance.relations, "renault", "alliance", "partnership")
    assert not steps.has_values
    _, y, _ = graph.step_path(steps, 0.0, 2e9)
    assert y.tolist() == [1.0, 1.0]


def test_an_unknown_pair_has_no_history(alliance: Dataset) -> None:
    steps = graph.history_steps(alliance.relations, "geely", "nissan", "equity_stake")
    assert len(steps) == 0
    assert graph.step_path(steps, 0.0, 1.0)[0].size == 0


def test_a_dropped_node_never_lands_on_another(alliance: Dataset) -> None:
    positions = graph.layout(alliance.entities, alliance.relations, principal=alliance.meta.principal)
    x, y = graph.drop_node(positions, "geely", positions["renault"])
    others = np.array([p for k, p in positions.items() if k != "geely"])
    assert np.hypot(others[:, 0] - x, others[:, 1] - y).min() >= graph.MIN_DISTANCE * 0.99


def test_a_node_dropped_in_free_space_stays_where_it_was_dropped() -> None:
    assert graph.drop_node({"a": (0.0, 0.0), "b": (0.5, 0.5)}, "b", (0.8, 0.2)) == (0.8, 0.2)


def test_the_diff_of_a_dataset_without_relations_is_empty_not_an_error(tmp_path: Path) -> None:
    # found by the GUI monkey: Compare on an events-only table raised ArrowInvalid from pandas' merge
    path = tmp_path / "events.csv"
    path.write_text("start,title\n2019-01-01,a\n2020-01-01,b\n", encoding="utf-8")
    ds = read(path)
    assert query.diff(ds.relations, "1900", "2030").table.empty
    assert diff_graph(ds, "1900", "2030").changes == {}
