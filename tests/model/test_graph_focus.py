"""Big graphs: the focused view around chosen entities, "k more" groups, and search."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest

import viewer
from viewer.model import graph, graph_focus
from viewer.model.dataset import Dataset, Tables, build_dataset

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import graph_data  # type: ignore[import-not-found]  # a bench helper, outside what mypy reads


@pytest.fixture(scope="module")
def register() -> Dataset:
    entities, relations = graph_data.ownership(1200)
    return build_dataset(Tables(pd.DataFrame({"start": ["2000"]}), entities, relations))


@pytest.fixture(scope="module")
def big(register: Dataset) -> graph.GraphView:
    return graph.graph_at(register, "2024-06-01", include_people=True)


def test_a_big_graph_needs_a_focused_view_and_the_alliance_does_not(big: graph.GraphView) -> None:
    assert graph_focus.needs_focus(big)
    assert not graph_focus.needs_focus(graph.graph_at(viewer.load(), "2022-12-31"))


def test_the_focused_view_keeps_the_entity_its_neighbours_and_at_most_the_limit(big: graph.GraphView,
                                                                               register: Dataset) -> None:
    focused = graph_focus.focus(big, register.entities, ["c0"], max_nodes=30)
    entities = [n for n in focused.view.nodes if n.kind != graph_focus.GROUP]
    assert "c0" in {n.id for n in entities}
    assert len(entities) <= 30
    ids = focused.view.node_ids()
    assert all(e.source in ids and e.target in ids for e in focused.view.edges)
    # every neighbour of c0 is either shown or in one of the groups
    hood = graph_focus.neighbourhood(big, ["c0"])
    grouped = {m for members in focused.members.values() for m in members}
    assert hood <= ids | grouped


def test_the_strongest_ties_are_kept_and_the_rest_gathered_into_k_more_groups() -> None:
    hub = [{"id": "hub", "kind": "company"}] + [{"id": f"s{i}", "kind": "company" if i % 2 else "person"}
                                               for i in range(10)]
    ties = [{"source": "hub", "target": f"s{i}", "kind": "equity_stake", "value": str(i * 10)} for i in range(10)]
    ds = build_dataset(Tables(pd.DataFrame({"start": ["2000"]}), pd.DataFrame(hub), pd.DataFrame(ties)))
    view = graph.graph_at(ds, "2020", include_people=True)
    focused = graph_focus.focus(view, ds.entities, ["hub"], max_nodes=4)
    shown = {n.id for n in focused.view.nodes if n.kind != graph_focus.GROUP}
    assert shown == {"hub", "s9", "s8", "s7"}
    groups = {n.name: focused.members[n.id] for n in focused.view.nodes if n.kind == graph_focus.GROUP}
    assert set(groups) == {"3 more company", "4 more person"}
    assert set(groups["4 more person"]) == {"s0", "s2", "s4", "s6"}
    assert focused.hidden == 7
    group_edge = next(e for e in focused.view.edges if e.kind == graph_focus.GROUP and e.label == "3")
    assert group_edge.source == "hub"


def test_groups_can_be_by_country_and_an_expanded_group_shows_its_members(big: graph.GraphView,
                                                                          register: Dataset) -> None:
    focused = graph_focus.focus(big, register.entities, ["c0"], max_nodes=5, group_by="country")
    group = next(k for k, members in focused.members.items() if len(members) > 1)
    opened = graph_focus.focus(big, register.entities, ["c0"], max_nodes=5, group_by="country", expanded=[group])
    assert set(focused.members[group]) <= opened.view.node_ids()


def test_two_hops_reach_further_than_one(big: graph.GraphView) -> None:
    one, two = graph_focus.neighbourhood(big, ["c0"], 1), graph_focus.neighbourhood(big, ["c0"], 2)
    assert one < two


def test_without_a_choice_the_focus_is_on_the_principal_entities(big: graph.GraphView, register: Dataset) -> None:
    principal = graph.GraphView(big.when, tuple(
        graph.Node(n.id, n.name, n.short_name, n.kind, n.color, n.id == "c3") for n in big.nodes), big.edges)
    assert "c3" in graph_focus.focus(principal, register.entities).view.node_ids()


def test_group_nodes_get_positions_beside_their_anchor(big: graph.GraphView, register: Dataset) -> None:
    focused = graph_focus.focus(big, register.entities, ["c0"], max_nodes=10)
    positions = graph.layout(register.entities, register.relations, include_people=True)
    extra = graph_focus.group_positions(focused, positions)
    assert set(extra) == set(focused.members)


def test_search_is_case_insensitive_and_ranks_exact_then_prefix_matches() -> None:
    entities = pd.DataFrame({"id": ["acme", "acme_sub", "big", "x"],
                             "name": ["ACME", "Acme Subsidiary", "Big Acme Holdings", "Placmeo"]})
    assert graph_focus.search(entities, "acme") == ["acme", "acme_sub", "big", "x"]
    assert graph_focus.search(entities, "  ") == []
    assert graph_focus.search(entities, "nothing") == []
    assert graph_focus.search(entities, "X") == ["x"]


def test_search_prefers_the_better_connected_of_equal_matches() -> None:
    entities = pd.DataFrame({"id": ["a", "b"], "name": ["Foo One", "Foo Two"]})
    assert graph_focus.search(entities, "foo", degree={"b": 5}) == ["b", "a"]


@pytest.mark.parametrize(("name", "when"), [("register", "2024-06-01"), ("offshore", "2012-06-01"),
                                           ("offshore", "2030-01-01")])
def test_the_focus_read_from_graph_at_codes_is_the_focus_read_from_its_edges(register: Dataset, name: str,
                                                                             when: str) -> None:
    """A big graph's focus reads graph_at's codes; any other view is coded from its edges: both give one answer.
    (At these dates no tie's note reads the date: graph_at makes its view of codes.)"""
    if name == "register":
        ds, choices = register, [[], ["c0"], ["c5", "c0", "c5"], ["nobody"]]
    else:
        ds, choices = viewer.load(Path(__file__).resolve().parents[1] / "io" / "fixtures" / "offshore_leaks"), \
            [[], ["10000001"], ["12000001", "10000001"]]
    view = graph.graph_at(ds, when, include_people=True)
    assert view.ends is not None
    plain = graph.GraphView(view.when, view.nodes, view.edges)
    for chosen in choices:
        for options in ({"max_nodes": 5}, {"max_nodes": 30, "hops": 2, "group_by": "country"}):
            coded = graph_focus.focus(view, ds.entities, chosen, **options)
            asked = graph_focus.focus(plain, ds.entities, chosen, **options)
            assert coded.view.nodes == asked.view.nodes
            assert coded.view.edges == asked.view.edges
            assert (coded.members, coded.anchors, coded.hidden) == (asked.members, asked.anchors, asked.hidden)


def test_an_entity_chosen_twice_takes_one_place_among_the_shown(big: graph.GraphView, register: Dataset) -> None:
    once = graph_focus.focus(big, register.entities, ["c0"], max_nodes=10)
    twice = graph_focus.focus(big, register.entities, ["c0", "c0"], max_nodes=10)
    assert once.view.node_ids() == twice.view.node_ids()
    assert len([n for n in twice.view.nodes if n.kind != graph_focus.GROUP]) == 10
