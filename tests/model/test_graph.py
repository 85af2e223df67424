"""The relationship graph as of a date, and its stable layout."""

from __future__ import annotations

import subprocess
import sys
from itertools import combinations
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import viewer
from viewer.model import graph
from viewer.model.dataset import Dataset


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return viewer.load()


@pytest.fixture(scope="module")
def positions(ds: Dataset) -> graph.Positions:
    return graph.layout(ds.entities, ds.relations, include_people=True, principal=ds.meta.principal)


def test_renault_holds_43_4_percent_of_nissan_at_the_end_of_2022(ds: Dataset) -> None:
    edge = graph.graph_at(ds, "2022-12-31").edge("renault", "nissan", "equity_stake")
    assert edge is not None
    assert edge.label == "43.4%"
    assert edge.value == pytest.approx(43.4)


def test_after_the_rebalancing_renault_holds_15_percent_and_the_trust_28_4(ds: Dataset) -> None:
    view = graph.graph_at(ds, "2023-11-09")
    stake, trust = view.edge("renault", "nissan", "equity_stake"), view.edge("french_trust", "nissan", "equity_stake")
    assert stake is not None and stake.label == "15%"
    assert trust is not None and trust.label == "28.4%"
    assert "french_trust" in view.node_ids()


def test_larger_stakes_draw_thicker_edges_and_partnerships_stay_thin(ds: Dataset) -> None:
    view = graph.graph_at(ds, "2022-12-31")
    big, small = view.edge("renault", "nissan", "equity_stake"), view.edge("nissan", "renault", "equity_stake")
    tie = view.edge("renault", "nissan", "partnership")
    assert big is not None and small is not None and tie is not None
    assert big.width > small.width > tie.width


def test_people_and_leadership_appear_only_when_asked_for(ds: Dataset) -> None:
    without = graph.graph_at(ds, "2023-02-06")
    with_people = graph.graph_at(ds, "2023-02-06", include_people=True)
    assert "uchida" not in without.node_ids()
    assert all(e.kind != "leadership" for e in without.edges)
    assert with_people.edge("uchida", "nissan", "leadership") is not None


def test_hidden_kinds_drop_their_edges_and_the_nodes_left_without_one(ds: Dataset) -> None:
    view = graph.graph_at(ds, "2023-02-06", hidden_kinds={"partnership"})
    assert all(e.kind != "partnership" for e in view.edges)
    assert "qualcomm" not in view.node_ids()


def test_an_edge_starting_in_a_month_is_uncertain_during_that_month(ds: Dataset) -> None:
    edge = graph.graph_at(ds, "2022-11-15").edge("qualcomm", "ampere", "partnership")
    assert edge is not None
    assert edge.uncertain
    assert edge.fuzzy == "from Nov 2022"
    later = graph.graph_at(ds, "2023-02-06").edge("qualcomm", "ampere", "partnership")
    assert later is not None and not later.uncertain


def test_edges_between_the_same_two_nodes_get_different_lanes(ds: Dataset) -> None:
    view = graph.graph_at(ds, "2022-12-31")
    lanes = [e.lane for e in view.edges if {e.source, e.target} == {"renault", "nissan"}]
    assert len(lanes) == 3
    assert sorted(lanes) == [-1.0, 0.0, 1.0]


def test_short_names_drop_the_parenthesis_and_fit_under_a_node() -> None:
    assert graph.short_name("Renault Group (Renault SA)") == "Renault Group"
    assert graph.short_name("Nissan Motor Co., Ltd.") == "Nissan Motor"
    assert graph.short_name("Renault Nissan Automotive India Pvt Ltd (RNAIPL)") == "RNAIPL"
    assert len(graph.short_name("Tokyo District Public Prosecutors Office")) <= 24


def test_positions_are_identical_for_two_cursor_dates(ds: Dataset, positions: graph.Positions) -> None:
    again = graph.layout(ds.entities, ds.relations, include_people=True, principal=ds.meta.principal)
    assert again == positions
    for when in ("2018-11-19", "2023-11-09"):
        assert graph.graph_at(ds, when).node_ids() <= set(positions)


def test_showing_people_does_not_move_any_company(ds: Dataset, positions: graph.Positions) -> None:
    core = graph.layout(ds.entities, ds.relations, include_people=False, principal=ds.meta.principal)
    assert "uchida" not in core
    assert all(positions[key] == xy for key, xy in core.items())


def test_no_two_nodes_overlap(positions: graph.Positions) -> None:
    for (a, pa), (b, pb) in combinations(positions.items(), 2):
        assert np.hypot(pa[0] - pb[0], pa[1] - pb[1]) >= graph.MIN_DISTANCE - 1e-6, (a, b)


def test_the_core_fits_the_unit_box(ds: Dataset) -> None:
    core = np.array(list(graph.layout(ds.entities, ds.relations, principal=ds.meta.principal).values()))
    assert core.min() >= -1e-9 and core.max() <= 1 + 1e-9
    assert np.isclose(max(np.ptp(core[:, 0]), np.ptp(core[:, 1])), 1.0)


def test_principal_entities_end_up_nearer_the_centre_than_the_rest(ds: Dataset) -> None:
    core = graph.layout(ds.entities, ds.relations, principal=ds.meta.principal)
    xy = np.array(list(core.values()))
    centre = xy.mean(axis=0)
    dist = {k: float(np.hypot(*(np.array(v) - centre))) for k, v in core.items()}
    hubs = np.mean([dist[k] for k in ("renault", "nissan")])
    assert hubs < np.mean([d for k, d in dist.items() if k not in ds.meta.principal])


def test_a_different_seed_may_move_nodes_but_the_same_seed_never_does(ds: Dataset) -> None:
    a = graph.layout(ds.entities, ds.relations, seed=3)
    assert a == graph.layout(ds.entities, ds.relations, seed=3)


def test_an_empty_relations_table_lays_out_nothing(ds: Dataset) -> None:
    assert graph.layout(ds.entities, ds.relations.iloc[0:0]) == {}
    empty = Dataset(ds.events, ds.entities, ds.relations.iloc[0:0], ds.meta)
    assert graph.graph_at(empty, pd.Timestamp("2020-01-01", tz="UTC")).edges == ()


def test_the_graph_model_never_imports_qt() -> None:
    code = "import sys, viewer.model.graph; print(any(m.startswith('PySide6') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_relations_at_the_new_agreement_hold_the_trust_and_the_15_percent(ds: Dataset) -> None:
    from viewer.model import query
    ids = set(query.relations_at(ds.relations, "2023-11-09")["id"])
    assert {"R04", "R05", "R06", "R08", "R14"} <= ids
    assert "R03" not in ids


def test_a_stake_known_only_from_a_year_is_uncertain_during_that_year(ds: Dataset) -> None:
    edge = graph.graph_at(ds, "2015-06-01").edge("renault", "nissan", "equity_stake")
    assert edge is not None and edge.uncertain and edge.fuzzy == "from 2015"
    later = graph.graph_at(ds, "2016-06-01").edge("renault", "nissan", "equity_stake")
    assert later is not None and not later.uncertain


def test_hiding_every_kind_leaves_an_empty_graph(ds: Dataset) -> None:
    kinds = set(ds.relations["kind"].astype(str))
    view = graph.graph_at(ds, "2023-02-06", include_people=True, hidden_kinds=kinds)
    assert view.edges == () and view.nodes == ()


def test_stakes_and_voting_rights_read_as_percentages() -> None:
    assert graph.value_label("equity_stake", 43.4) == "43.4%"
    assert graph.value_label("government_stake", 15.01) == "15.01%"
    assert graph.value_label("voting_rights", 100.0) == "100%"


def test_a_gexf_weight_is_a_plain_number_not_a_percentage() -> None:
    assert graph.value_label("edge", 1.0) == "1"
    assert graph.value_label("cites", 2.5) == "2.5"
    assert graph.value_label("edge", 12500.0) == "12,500"


def test_a_price_carries_its_unit_when_known() -> None:
    assert graph.value_label("acquisition_price_eur", 2.5e9) == "2.5 bn EUR"
    assert graph.value_label("price", 300.0, "USD") == "300 USD"
    assert graph.value_label("price", 300.0) == "300"


def test_a_relation_without_a_value_has_no_value_text() -> None:
    assert graph.value_label("equity_stake", float("nan")) == ""


def test_a_weighted_gexf_edge_is_labelled_with_its_weight(tmp_path: Path) -> None:
    gexf = tmp_path / "g.gexf"
    gexf.write_text('<gexf version="1.3"><graph defaultedgetype="directed"><nodes><node id="a" label="A"/>'
                    '<node id="b" label="B"/></nodes><edges><edge id="e" source="a" target="b" weight="1"/>'
                    '</edges></graph></gexf>', encoding="utf-8")
    (edge,) = graph.graph_at(viewer.load(gexf), "2020-01-01").edges
    assert edge.label == "1"


def test_owners_of_companies_tied_to_nothing_else_sit_beside_their_own_company() -> None:
    """A register of individuals' stakes: no company is tied to another, so none was laid out first, and every node
    went on one ring around the centre in the order of their ids: each owner across the graph from its company
    (5,000 such pairs: 372 units apart, and 19 s to lay out). Each part now grows round its own hub."""
    count = 300
    companies, owners = [f"c{i:03d}" for i in range(count)], [f"p{i:03d}" for i in range(count)]
    entities = pd.DataFrame({"id": companies + owners, "kind": ["company"] * count + ["person"] * count})
    relations = pd.DataFrame({"source": owners, "target": companies})
    pos = graph.layout(entities, relations, include_people=True)
    xy = {key: np.asarray(value) for key, value in pos.items()}
    company_xy = np.array([xy[c] for c in companies])
    for i, owner in enumerate(owners):
        nearest = int(np.argmin(np.hypot(*(company_xy - xy[owner]).T)))
        assert nearest == i, (owner, companies[nearest])
