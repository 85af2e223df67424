"""GEXF graphs become entities and relations, one relation per spell, whatever the namespace."""

from pathlib import Path

import pytest

from viewer.io import gexf
from viewer.model.problems import LoadError

FIXTURES = Path(__file__).parent / "fixtures_tables"


def test_nodes_become_entities_with_kind_and_viz_color_from_a_1_1_draft_file() -> None:
    ds = gexf.read(FIXTURES / "graph_spells.gexf")
    alpha = ds.entities.set_index("id").loc["a"]
    assert (alpha["name"], alpha["kind"], alpha["color"]) == ("Alpha", "company", "#ff0010")


def test_an_edge_with_two_spells_becomes_two_relations_with_their_own_validity() -> None:
    ds = gexf.read(FIXTURES / "graph_spells.gexf")
    spells = ds.relations[ds.relations["kind"] == "partnership"]
    assert len(spells) == 2
    assert [str(t)[:10] for t in spells["valid_from"]] == ["2001-01-01", "2005-01-01"]
    assert list(spells["value"]) == [2.5, 2.5]
    assert "undirected" in spells["note"].iloc[0]


def test_an_edge_to_an_unknown_node_adds_that_node_and_says_so() -> None:
    ds = gexf.read(FIXTURES / "graph_spells.gexf")
    assert "ghost" in set(ds.entities["id"])
    assert any("ghost" in p.message for p in ds.problems)


def test_a_dated_node_adds_an_appears_event() -> None:
    ds = gexf.read(FIXTURES / "graph_spells.gexf")
    assert list(ds.events["title"]) == ["Alpha appears"]


def test_double_times_far_from_years_are_kept_as_numbers() -> None:
    ds = gexf.read(FIXTURES / "graph_seconds.gexf")
    edge = ds.relations.iloc[0]
    assert ds.meta.clock == "number"
    assert (ds.format_time(edge["valid_from"]), ds.format_time(edge["valid_to"])) == ("1234567.5", "1234999")
    assert not ds.problems


def test_the_sniffer_looks_for_a_gexf_root() -> None:
    assert gexf.looks_like((FIXTURES / "graph_spells.gexf").read_bytes()[:200])
    assert not gexf.looks_like(b"<?xml version='1.0'?><timeline/>")


def test_entity_expansion_is_refused_with_a_load_error() -> None:
    with pytest.raises(LoadError, match=r"billion_laughs\.xml.*refused"):
        gexf.read(FIXTURES / "billion_laughs.xml")


def test_malformed_xml_and_a_missing_graph_are_load_errors(tmp_path: Path) -> None:
    (tmp_path / "bad.gexf").write_text("<gexf><graph>")
    (tmp_path / "nograph.gexf").write_text("<gexf/>")
    with pytest.raises(LoadError, match="not well-formed"):
        gexf.read(tmp_path / "bad.gexf")
    with pytest.raises(LoadError, match="no <graph>"):
        gexf.read(tmp_path / "nograph.gexf")


@pytest.mark.parametrize("red", ["inf", "-inf", "nan", "1e999", "x"])
def test_a_colour_that_is_no_number_leaves_the_node_uncoloured(tmp_path: Path, red: str) -> None:
    """``r="inf"`` raised an OverflowError out of the reader (the window said "Unexpected error while reading")."""
    text = (FIXTURES / "graph_spells.gexf").read_text().replace('r="255"', f'r="{red}"')
    (tmp_path / "odd.gexf").write_text(text)
    ds = gexf.read(tmp_path / "odd.gexf")
    assert list(ds.entities.set_index("id").loc[["a", "b"], "color"]) == ["", ""]
