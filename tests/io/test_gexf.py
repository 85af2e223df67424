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


GEPHI_11 = """<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.1draft" version="1.1">
  <graph mode="dynamic" defaultedgetype="directed" {declared}start="0" end="190">
    <nodes>
      <node id="0" label="bin" start="2"/>
      <node id="120" label="Photos" start="29" end="38"/>
      <node id="120" label="Photos" start="40" end="41"/>
    </nodes>
    <edges><edge id="e1" source="0" target="120" start="35"/></edges>
  </graph>
</gexf>"""


@pytest.mark.parametrize("declared", ["", 'timetype="float" ', 'timeformat="double" '])
def test_undeclared_plain_number_times_are_steps_not_years(tmp_path: Path, declared: str) -> None:
    """Gephi's own photoviz example (1.1draft, no timeformat) counts steps 0–190: they were read as the years 2 to 41
    ("1 Jan 2"). GEXF 1.2 and 1.3 default to double; 1.1draft's ``timetype="float"`` says the same."""
    path = tmp_path / "photoviz.gexf"
    path.write_text(GEPHI_11.format(declared=declared), encoding="utf-8")
    ds = gexf.read(path)
    assert ds.meta.clock == "number"
    assert sorted(ds.format_time(t) for t in ds.events["start"]) == ["2", "29", "40"]


def test_a_node_written_again_under_its_id_is_one_entity_present_over_both(tmp_path: Path) -> None:
    """Gephi 1.1 wrote a node that comes back as the node again: it became two entities, the second renamed
    "120#2" with a warning of a duplicate id."""
    path = tmp_path / "photoviz.gexf"
    path.write_text(GEPHI_11.format(declared=""), encoding="utf-8")
    ds = gexf.read(path)
    photos = ds.entities[ds.entities["id"] == "120"]
    assert len(photos) == 1 and len(ds.entities) == 2
    assert ds.format_time(photos["valid_from"].iloc[0]) == "29" and ds.format_time(photos["valid_to"].iloc[0]) == "41"
    assert not [p for p in ds.problems if p.level != "info"]
    assert any("node 120 has 2 spells (written 2 times)" in p.message for p in ds.problems)


def test_undeclared_dates_stay_dates(tmp_path: Path) -> None:
    path = tmp_path / "dated.gexf"
    path.write_text(GEPHI_11.format(declared="").replace('start="2"', 'start="2003-01-01"'), encoding="utf-8")
    assert gexf.read(path).meta.clock == "calendar"
