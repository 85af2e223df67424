"""GraphML (networkx, igraph, Gephi, Cytoscape, yEd) opens as entities and relations; it was refused as XML
Entente does not know. (A graph without nodes is refused by name: tests/io/test_xml_records.py.)"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from viewer.io import load

HERE = Path(__file__).parent
YED = """<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
  <key for="node" id="d6" yfiles.type="nodegraphics"/>
  <key for="edge" id="d10" yfiles.type="edgegraphics"/>
  <key attr.name="since" attr.type="string" for="edge" id="d11"/>
  <graph edgedefault="directed" id="G">
    <node id="n0"><data key="d6"><y:ShapeNode><y:Geometry height="30" width="30" x="0" y="0"/>
      <y:NodeLabel alignment="center">Acme Holding</y:NodeLabel></y:ShapeNode></data></node>
    <node id="n1"><data key="d6"><y:ShapeNode><y:NodeLabel>Acme Sub</y:NodeLabel></y:ShapeNode></data></node>
    <node id="n2"/>
    <edge id="e0" source="n0" target="n1"><data key="d10"><y:PolyLineEdge><y:EdgeLabel>controls</y:EdgeLabel>
      </y:PolyLineEdge></data><data key="d11">2015-06-01</data></edge>
  </graph>
</graphml>"""


def test_a_dated_graph_gives_the_relations_of_each_date() -> None:
    ds = load(HERE / "fixtures_tables" / "alliance.graphml")
    names = dict(zip(ds.entities["id"], ds.entities["name"], strict=True))
    assert names == {"renault": "Renault", "nissan": "Nissan", "france": "French State"}
    kinds = dict(zip(ds.entities["id"], ds.entities["kind"], strict=True))
    assert kinds == {"renault": "company", "nissan": "company", "france": "government"}  # a key's default
    assert "country: France" in ds.entities.set_index("id").loc["renault", "note"]
    shares = ds.relations_at(pd.Timestamp("2020-01-01", tz="UTC")).set_index("id")["value"].dropna()
    assert shares.to_dict() == {"e1": 43.4, "e3": 15.01}  # and the partnership, undated, without a value
    later = ds.relations_at(pd.Timestamp("2024-01-01", tz="UTC"))
    assert sorted(later["id"]) == ["e2", "e3", "e4"]
    assert ds.relations.set_index("id").loc["e4", "note"] == "undirected"


def test_yeds_labels_name_the_nodes_and_edges(tmp_path: Path) -> None:
    path = tmp_path / "org.graphml"
    path.write_text(YED, encoding="utf-8")
    ds = load(path)
    assert ds.entities["name"].tolist() == ["Acme Holding", "Acme Sub", "n2"]
    (edge,) = ds.relations.itertuples()
    assert (edge.kind, str(edge.valid_from)[:10]) == ("controls", "2015-06-01")
