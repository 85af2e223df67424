"""A Maltego graph (.mtgx) was refused as a binary file. Its entities and links are read as the relationship panel's
graph; properties typed as dates date events, and a dated link holds from its date. The graph is made up."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pandas as pd
import pytest

import viewer
from viewer.model.problems import LoadError

MTG = "http://maltego.paterva.com/xml/mtgx"


def _property(name: str, shown: str, value: str, kind: str = "string") -> str:
    return (f'<mtg:Property displayName="{shown}" hidden="false" name="{name}" nullable="true" readonly="false" '
            f'type="{kind}"><mtg:Value>{value}</mtg:Value></mtg:Property>')


def _node(ident: str, kind: str, *props: str) -> str:
    return (f'<node id="{ident}"><data key="d0"><mtg:MaltegoEntity id="{ident}-e" type="{kind}"><mtg:Properties>'
            f'{"".join(props)}</mtg:Properties></mtg:MaltegoEntity></data>'
            '<data key="d1"><mtg:EntityRenderer><mtg:Position x="10.0" y="20.0"/></mtg:EntityRenderer></data></node>')


def _edge(ident: str, source: str, target: str, *props: str) -> str:
    return (f'<edge id="{ident}" source="{source}" target="{target}"><data key="d2"><mtg:MaltegoLink id="{ident}-l" '
            f'type="maltego.link.manual-link"><mtg:Properties>{"".join(props)}</mtg:Properties></mtg:MaltegoLink>'
            '</data></edge>')


GRAPH = (f'<?xml version="1.0" encoding="UTF-8"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
         f'xmlns:mtg="{MTG}"><key for="node" id="d0" attr.name="MaltegoEntity"/><key for="node" id="d1" '
         'yfiles.type="nodegraphics"/><key for="edge" id="d2" attr.name="MaltegoLink"/><graph edgedefault="directed" '
         'id="G">'
         + _node("n0", "maltego.Person", _property("person.fullname", "Full Name", "Ana Ruiz"),
                 _property("person.firstnames", "First Names", "Ana"),
                 _property("dob", "Date of birth", "1980-05-12", "date"))
         + _node("n1", "maltego.Company", _property("title", "Name", "Larch Holdings Ltd"))
         + _node("n2", "maltego.EmailAddress", _property("email", "Email Address", "ana@larch.example"))
         + _node("n3", "maltego.Phrase", _property("text", "Text", "offshore"))
         + _edge("e0", "n0", "n1", _property("maltego.link.manual.type", "Label", "director of"),
                 _property("maltego.link.show-label", "Show Label", "0", "int"),
                 _property("since", "Since", "2016-01-10", "date"))
         + _edge("e1", "n0", "n2", _property("maltego.link.transform.name", "Transform",
                                             "paterva.v2.PersonToEmailAddress"))
         + _edge("e2", "n3", "n9")
         + "</graph></graphml>")


def _written(path: Path, graphs: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("Version.properties", "maltego.client.version=4.3.0\n")
        for name, text in graphs.items():
            archive.writestr(name, text)
        archive.writestr("Entities/maltego.Person.entity", "<MaltegoEntity id='maltego.Person'/>")
    return path


def test_a_maltego_graph_is_read_as_entities_ties_and_dated_properties(tmp_path: Path) -> None:
    ds = viewer.load(_written(tmp_path / "case.mtgx", {"Graphs/Graph1.graphml": GRAPH}))
    # each known by its value, which no other entity has (not by the graph's n0, n1 …)
    assert list(ds.entities["id"]) == list(ds.entities["name"])
    assert set(ds.entities["id"]) == {"Ana Ruiz", "Larch Holdings Ltd", "ana@larch.example", "offshore"}
    kinds = dict(zip(ds.entities["name"], ds.entities["kind"], strict=True))
    assert kinds["Ana Ruiz"] == "person" and kinds["ana@larch.example"] == "email address"
    assert "First Names: Ana" in ds.entities.set_index("id").loc["Ana Ruiz", "note"]
    ties = {(r.source, r.target): r for r in ds.relations.itertuples()}
    director, mail = ("Ana Ruiz", "Larch Holdings Ltd"), ("Ana Ruiz", "ana@larch.example")
    assert set(ties) == {director, mail}
    assert ties[director].kind == "director of"
    assert ties[director].valid_from == pd.Timestamp("2016-01-10", tz="UTC")
    assert ties[mail].kind == "linked" and "PersonToEmailAddress" in ties[mail].note
    assert set(ds.events["actors"]) == {"Ana Ruiz", "Ana Ruiz;Larch Holdings Ltd"}
    assert set(ds.events["title"]) == {"Ana Ruiz: Date of birth", "Ana Ruiz → Larch Holdings Ltd: director of"}
    assert [p.message for p in ds.problems] == [
        "Graphs/Graph1.graphml: link e2 names an entity the graph does not hold; skipped"]


def test_every_graph_of_the_archive_is_read(tmp_path: Path) -> None:
    second = GRAPH.replace('id="n3"', 'id="n9"')
    ds = viewer.load(_written(tmp_path / "two.mtgx", {"Graphs/Graph1.graphml": GRAPH,
                                                     "Graphs/Graph2.graphml": second}))
    assert len(ds.entities) == 5 and not ds.problems  # n9 is in the second graph: its link holds there
    assert {"n3", "n9"} <= set(ds.entities["id"])  # (two named "offshore": each by its node)
    one = viewer.load(_written(tmp_path / "one.mtgx", {"Graphs/Graph1.graphml": GRAPH}))
    assert len(ds.relations) == len(one.relations) + 1  # a link both graphs hold is one tie (it was drawn twice)
    assert ds.event_count == one.event_count  # (and its dated event listed twice)


def test_an_archive_without_a_graph_is_refused(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match=r"empty\.mtgx: no graph in the archive"):
        viewer.load(_written(tmp_path / "empty.mtgx", {}))
