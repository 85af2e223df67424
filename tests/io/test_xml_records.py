"""Records kept in XML: an RSS or Atom feed's items and any list of like elements open as events (each was
refused as "not a format Entente knows")."""

from __future__ import annotations

from pathlib import Path

import pytest

from viewer.io import load
from viewer.model.problems import LoadError

HERE = Path(__file__).parent
ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Example Feed</title><link href="http://example.org/"/>
<link rel="self" href="http://example.org/feed"/><updated>2019-03-12T18:30:02Z</updated><id>urn:uuid:feed</id>
<entry><title>Robots</title><link href="http://example.org/1"/><id>urn:uuid:1</id>
<updated>2019-03-04T18:30:02Z</updated><summary>Some text.</summary><author><name>Jane</name>
<email>jane@example.org</email></author></entry>
<entry><title>Second</title><link href="http://example.org/2"/><id>urn:uuid:2</id>
<published>2019-03-05T08:00:00+01:00</published><updated>2019-03-06T18:30:02Z</updated><summary>More.</summary>
</entry></feed>"""


def test_an_rss_feed_opens_as_its_items() -> None:
    ds = load(HERE / "fixtures_tables" / "newsroom.rss")
    events = ds.events
    assert events["title"].tolist() == ["Alliance signs agreement", "Board meeting", "London event"]
    assert events["id"].tolist() == ["a-1", "a-2", "a-3"]
    assert [str(s) for s in events["start"]] == ["2019-03-04 10:00:00+00:00", "2019-03-12 09:30:00+00:00",
                                                 "2023-02-06 12:00:00+00:00"]
    assert events["source_url"].tolist()[0] == "https://example.org/a"
    assert events["tags"].tolist()[0] == "Alliance;Deals" and events["actors"].tolist()[0] == "Press Office"
    assert "Press Office" in set(ds.entities["name"])
    assert events["description"].tolist()[:2] == ["Renault & Nissan sign.", "Quarterly"]  # its HTML as text


def test_an_atom_feed_is_dated_by_publication_else_update(tmp_path: Path) -> None:
    path = tmp_path / "feed.atom"
    path.write_text(ATOM, encoding="utf-8")
    ds = load(path)
    assert [str(s) for s in ds.events["start"]] == ["2019-03-04 18:30:02+00:00", "2019-03-05 07:00:00+00:00"]
    assert ds.events["source_url"].tolist() == ["http://example.org/1", "http://example.org/2"]
    assert ds.events["description"].tolist() == ["Some text.", "More."]
    assert ds.events["attr:author_email"].tolist()[0] == "jane@example.org"


def test_a_list_of_records_in_any_xml_opens(tmp_path: Path) -> None:
    path = tmp_path / "registry.xml"
    path.write_text('<?xml version="1.0"?><archive><meta><source>Registry</source></meta><events>'
                    '<event id="e1"><date>2019-03-04</date><title>Filing</title><party>acme</party>'
                    '<party>globex</party></event><event id="e2"><date>2019-03-05</date><title>Hearing</title>'
                    '<party>acme</party></event><!-- a note --><event id="e3" date="2019-04-01"><title>Ruling</title>'
                    '</event></events></archive>', encoding="utf-8")
    ds = load(path)
    assert ds.events["id"].tolist() == ["e1", "e2", "e3"]
    assert ds.events["actors"].tolist() == ["acme;globex", "acme", ""]


@pytest.mark.parametrize(("name", "text", "expected"), [
    ("odd.xml", '<?xml version="1.0"?><config><theme>dark</theme><size>12</size></config>',
     r"XML that Entente does not recognise \(no list of records in <config>\); expected GEXF, GraphML, GLEIF"),
    ("odd.xml", '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><r><e><date>&a;</date></e></r>',
     "XML with entity declarations or external references is refused"),
    ("odd.xml", '<?xml version="1.0"?><r><e><date>2019', "not well-formed XML"),
    ("empty.graphml", '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><key id="d0"/></graphml>',
     "no <graph> element"),
    ("empty.graphml", '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed"/>'
                      '</graphml>', "the graph has no nodes and no edges"),
    ("empty.graphml", '<graphml><graph><node id="a">', "not well-formed XML"),
])
def test_xml_without_records_or_a_graph_is_refused_by_name(tmp_path: Path, name: str, text: str,
                                                           expected: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LoadError, match=f"{name}: {expected}"):
        load(path)
