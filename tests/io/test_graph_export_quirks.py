"""How Gephi, igraph and GEXF 1.1/1.3 write graphs: attribute ids per class, infinite bounds, timestamps,
slices, graph-only GraphML defaults and spaced attribute names are all read as their writers meant."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from viewer.io import gexf, graphml
from viewer.model import query
from viewer.model.dataset import Dataset

GEPHI_CLASSES = """<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">
  <graph defaultedgetype="directed" mode="dynamic" timeformat="date">
    <attributes class="node" mode="static"><attribute id="0" title="country" type="string"/></attributes>
    <attributes class="edge" mode="static"><attribute id="0" title="kind" type="string"/></attributes>
    <nodes>
      <node id="renault" label="Renault"><attvalues><attvalue for="0" value="France"/></attvalues></node>
      <node id="nissan" label="Nissan"><attvalues><attvalue for="0" value="Japan"/></attvalues></node>
    </nodes>
    <edges>
      <edge id="0" source="renault" target="nissan"><attvalues><attvalue for="0" value="owns"/></attvalues></edge>
    </edges>
  </graph>
</gexf>"""

INFINITY = """<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <graph defaultedgetype="directed" mode="dynamic" timeformat="double" timerepresentation="interval">
    <nodes>
      <node id="a" label="A"><spells><spell start="1.0" end="Infinity"/></spells></node>
      <node id="b" label="B"><spells><spell start="-Infinity" end="5.0"/></spells></node>
    </nodes>
    <edges>
      <edge id="e" source="a" target="b"><spells><spell start="2.0" end="Infinity"/></spells></edge>
      <edge id="f" source="b" target="a" startopen="-inf" endopen="+inf"/>
      <edge id="g" source="a" target="b" start="3.0" end="INF"/>
    </edges>
  </graph>
</gexf>"""

TIMESTAMPS = """<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <graph defaultedgetype="directed" mode="dynamic" timeformat="date" timerepresentation="timestamp">
    <attributes class="node"><attribute id="0" title="size" type="integer"/></attributes>
    <nodes>
      <node id="a" label="Renault" timestamp="2002-03-01">
        <attvalues><attvalue for="0" value="7" timestamp="2002-03-01"/></attvalues>
      </node>
      <node id="b" label="Nissan"><spells><spell timestamp="2002-03-01"/><spell timestamp="2010-01-01"/></spells></node>
    </nodes>
    <edges>
      <edge id="e1" source="a" target="b" timestamps="&lt;[2002-03-01, 2010-01-01]&gt;" weight="43.4"/>
    </edges>
  </graph>
</gexf>"""

SLICES = """<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://www.gexf.net/1.1draft" version="1.1">
  <graph mode="dynamic" defaultedgetype="directed" timeformat="date" start="2000-01-01" end="2010-12-31">
    <nodes>
      <node id="1" label="One"><slices><slice start="2001-01-01" end="2003-01-01"/></slices></node>
      <node id="2" label="Two" start="2002-05-05"/>
    </nodes>
    <edges>
      <edge id="0" source="1" target="2"><slices><slice start="2002-06-01" end="2004-01-01"/></slices></edge>
    </edges>
  </graph>
</gexf>"""

IGRAPH = """<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
<key id="g_name" for="graph" attr.name="name" attr.type="string"><default>karate club</default></key>
<key id="v_name" for="node" attr.name="name" attr.type="string"/>
<key id="e_weight" for="edge" attr.name="weight" attr.type="double"><default>1</default></key>
<key id="club" for="all" attr.name="club" attr.type="string"><default>Zachary</default></key>
<graph id="G" edgedefault="undirected">
<data key="g_name">karate club</data>
<node id="n0"><data key="v_name">Mr Hi</data></node>
<node id="n1"/>
<edge source="n0" target="n1"><data key="e_weight">4</data></edge>
<edge source="n1" target="n0"/>
</graph>
</graphml>"""

GEPHI_GRAPHML = """<?xml version="1.0" encoding="UTF-8"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns">
<key attr.name="label" attr.type="string" for="node" id="label"/>
<key attr.name="Edge Label" attr.type="string" for="edge" id="edgelabel"/>
<key attr.name="Start Date" attr.type="string" for="edge" id="startdate"/>
<key attr.name="End-Date" attr.type="string" for="edge" id="enddate"/>
<key attr.name="Valid_From" attr.type="string" for="node" id="from"/>
<graph edgedefault="directed">
<node id="renault"><data key="label">Renault</data><data key="from">1899-02-25</data></node>
<node id="nissan"><data key="label">Nissan</data></node>
<edge id="0" source="renault" target="nissan"><data key="edgelabel">stake</data><data key="startdate">2002-03-01</data>
  <data key="enddate">2023-11-08</data></edge>
</graph></graphml>"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _day(value: object) -> str:
    return "" if pd.isna(value) else str(value)[:10]


def _spans(ds: Dataset) -> dict[str, tuple[str, str]]:
    return {row.id: (ds.format_time(row.valid_from), ds.format_time(row.valid_to)) for row in ds.relations.itertuples()}


def test_gexf_attribute_ids_belong_to_their_class(tmp_path: Path) -> None:
    ds = gexf.read(_write(tmp_path, "gephi.gexf", GEPHI_CLASSES))
    nodes = ds.entities.set_index("id")
    assert nodes.loc["renault", "note"] == "country: France"
    assert nodes.loc["nissan", "note"] == "country: Japan"
    assert set(nodes["kind"]) == {"node"}  # the edge class's "kind" (id 0) is not the nodes'
    assert list(ds.relations["kind"]) == ["owns"]


def test_gexf_infinite_bounds_are_open_ends_not_refusals(tmp_path: Path) -> None:
    ds = gexf.read(_write(tmp_path, "infinity.gexf", INFINITY))
    assert not ds.problems
    assert _spans(ds) == {"e": ("2", ""), "f": ("", ""), "g": ("3", "")}
    assert set(ds.relations["note"]) == {""}  # open as a missing bound is: no "(exclusive)" note
    nodes = ds.entities.set_index("id")
    assert (ds.format_time(nodes.loc["a", "valid_from"]), ds.format_time(nodes.loc["a", "valid_to"])) == ("1", "")
    assert (ds.format_time(nodes.loc["b", "valid_from"]), ds.format_time(nodes.loc["b", "valid_to"])) == ("", "5")
    assert list(ds.events["actors"]) == ["a"]  # B has no start, so no "B appears"


def test_gexf_1_3_timestamps_are_snapshots_that_hold_until_the_next(tmp_path: Path) -> None:
    ds = gexf.read(_write(tmp_path, "stamps.gexf", TIMESTAMPS))
    nodes = ds.entities.set_index("id")
    assert (_day(nodes.loc["a", "valid_from"]), _day(nodes.loc["a", "valid_to"])) == ("2002-03-01", "2010-01-01")
    assert _day(nodes.loc["b", "valid_from"]) == "2002-03-01" and pd.isna(nodes.loc["b", "valid_to"])  # the last
    # a value at a timestamp is dynamic, not the node's own: kept in its note with its time
    assert nodes.loc["a", "note"].startswith("size: 7 (")
    assert sorted((a, _day(s)) for a, s in zip(ds.events["actors"], ds.events["start"], strict=True)) == [
        ("a", "2002-03-01"), ("b", "2002-03-01"), ("b", "2010-01-01")]
    edges = {row.id: (_day(row.valid_from), _day(row.valid_to), row.value) for row in ds.relations.itertuples()}
    assert edges == {"e1": ("2002-03-01", "2010-01-01", 43.4), "e1#2": ("2010-01-01", "", 43.4)}
    assert set(query.relations_at(ds.relations, "2005-06-01")["id"]) == {"e1"}  # a cursor between two sees it


def test_gexf_1_1_slices_are_spells(tmp_path: Path) -> None:
    ds = gexf.read(_write(tmp_path, "slices.gexf", SLICES))
    one = ds.entities.set_index("id").loc["1"]
    assert (_day(one["valid_from"]), _day(one["valid_to"])) == ("2001-01-01", "2003-01-01")
    (edge,) = ds.relations.itertuples()
    assert (_day(edge.valid_from), _day(edge.valid_to)) == ("2002-06-01", "2004-01-01")
    assert sorted(ds.events["title"]) == ["One appears", "Two appears"]


def test_a_graphml_graph_keys_default_is_no_node_or_edge_default(tmp_path: Path) -> None:
    ds = graphml.read(_write(tmp_path, "igraph.graphml", IGRAPH))
    names = dict(zip(ds.entities["id"], ds.entities["name"], strict=True))
    assert names == {"n0": "Mr Hi", "n1": "n1"}
    assert set(ds.entities["note"]) == {"club: Zachary"}  # a for="all" default still fills nodes
    assert list(ds.relations["note"]) == ["club: Zachary; undirected"] * 2  # and edges
    assert list(ds.relations["value"]) == [4.0, 1.0]


def test_graphml_names_match_without_spaces_underscores_hyphens_or_case(tmp_path: Path) -> None:
    ds = graphml.read(_write(tmp_path, "gephi.graphml", GEPHI_GRAPHML))
    (edge,) = ds.relations.itertuples()
    assert (edge.kind, _day(edge.valid_from), _day(edge.valid_to), edge.note) == (
        "stake", "2002-03-01", "2023-11-08", "")
    renault = ds.entities.set_index("id").loc["renault"]
    assert (_day(renault["valid_from"]), renault["note"]) == ("1899-02-25", "")


EDGE_VALUES = ('<?xml version="1.0" encoding="UTF-8"?><gexf xmlns="http://gexf.net/1.3" version="1.3">'
               '<graph defaultedgetype="directed"><attributes class="edge"><attribute id="s" title="share" '
               'type="float"/><attribute id="r" title="role" type="string"/></attributes><nodes><node id="a" '
               'label="A"/><node id="b" label="B"/></nodes><edges><edge id="e1" source="a" target="b"><attvalues>'
               '<attvalue for="s" value="51.0"/><attvalue for="r" value="director"/></attvalues></edge><edge id="e2" '
               'source="a" target="b" weight="3" label="owns"><attvalues><attvalue for="s" value="12"/></attvalues>'
               '</edge></edges></graph></gexf>')


def test_gexf_edge_values_are_the_ties_value_and_note(tmp_path: Path) -> None:
    """An edge's attvalues were dropped: its share was no value and its role no word anywhere."""
    ties = gexf.read(_write(tmp_path, "shares.gexf", EDGE_VALUES)).relations.set_index("id")
    assert (ties.loc["e1", "value"], ties.loc["e1", "note"]) == (51.0, "role: director")
    assert (ties.loc["e2", "value"], ties.loc["e2", "note"], ties.loc["e2", "kind"]) == (3.0, "share: 12", "owns")


def test_gexf_1_3_timestamp_elements_date_their_node(tmp_path: Path) -> None:
    ds = gexf.read(_write(tmp_path, "stamps13.gexf", '<?xml version="1.0" encoding="UTF-8"?><gexf xmlns="http://gexf'
                          '.net/1.3" version="1.3"><graph timeformat="date" timerepresentation="timestamp"><nodes>'
                          '<node id="1" label="One" timestamps="[2001-01-01, 2003-01-01]"/><node id="2" label="Two">'
                          '<timestamps><timestamp timestamp="2002-01-01"/></timestamps></node></nodes></graph></gexf>'))
    nodes = ds.entities.set_index("id")
    assert (_day(nodes.loc["2", "valid_from"]), _day(nodes.loc["2", "valid_to"])) == ("2002-01-01", "2003-01-01")
    assert "Two appears" in set(ds.events["title"])


def test_a_graphml_hyperedge_is_said_not_dropped_silently(tmp_path: Path) -> None:
    ds = graphml.read(_write(tmp_path, "hyper.graphml", '<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing'
                             '.org/xmlns"><graph edgedefault="directed"><node id="a"/><node id="b"/><node id="c"/>'
                             '<edge source="a" target="b"/><hyperedge><endpoint node="a"/><endpoint node="b"/>'
                             '<endpoint node="c"/></hyperedge></graph></graphml>'))
    assert len(ds.relations) == 1
    assert [p.message for p in ds.problems if p.field == "hyperedge"] == [
        "1 hyperedge (ties of more than two nodes) not read: a relation ties two entities"]
