"""FollowTheMoney entities (OpenSanctions, OCCRP Aleph, the ftm tool) open as a graph with a timeline: parties as
entities, ownerships, directorships and other links as dated relations, events, sanctions and payments as events.
They were read as a plain table ("no date column among id, schema, properties") or refused.

The parties here are made up."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import viewer
from viewer.model.problems import LoadError

PARTIES: list[dict[str, Any]] = [
    {"id": "acme", "schema": "Company", "properties": {"name": ["Acme Holdings"], "jurisdiction": ["cy"],
                                                        "incorporationDate": ["2009-06-01"]},
     "datasets": ["example_registry"]},
    {"id": "bolt", "schema": "Company", "properties": {"name": ["Bolt Trading"], "country": ["ae"],
                                                        "dissolutionDate": ["2021-03"]}},
    {"id": "city", "schema": "PublicBody", "properties": {"name": ["City of Example"]}},
    {"id": "dana", "schema": "Person", "properties": {"name": ["Dana Example"], "nationality": ["gb"]}},
]
LINKS: list[dict[str, Any]] = [
    {"id": "own-1", "schema": "Ownership", "properties": {"owner": ["acme"], "asset": ["bolt"], "percentage": ["51"],
                                                          "startDate": ["2015"], "endDate": ["2020-12-31"],
                                                          "sourceUrl": ["https://register.example/bolt"]}},
    {"id": "own-2", "schema": "Ownership", "properties": {"owner": ["city"], "asset": ["acme"],
                                                          "percentage": ["25-50%"], "startDate": ["2012-04-02"]}},
    {"id": "dir-1", "schema": "Directorship", "properties": {"director": ["dana"], "organization": ["acme"],
                                                             "role": ["Director"], "startDate": ["2010"]}},
    {"id": "fam-1", "schema": "Family", "properties": {"person": ["dana"], "relative": ["dana-sibling"],
                                                       "relationship": ["sibling"]}},
    {"id": "ev-1", "schema": "Event", "properties": {"name": ["Acme annual meeting"], "date": ["2019-05-14"],
                                                     "involved": ["acme", "dana"]}},
    {"id": "san-1", "schema": "Sanction", "properties": {"entity": ["bolt"], "authority": ["Example Treasury"],
                                                         "program": ["Example programme"],
                                                         "startDate": ["2020-07-01"], "reason": ["For a test"]}},
    {"id": "pay-1", "schema": "Payment", "properties": {"payer": ["acme"], "beneficiary": ["dana"],
                                                        "amount": ["12000"], "currency": ["EUR"],
                                                        "date": ["2018-02-01"]}},
]


def _lines(path: Path, items: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(item) + "\n" for item in items), encoding="utf-8")
    return path


@pytest.mark.parametrize("name", ["entities.ftm.json", "export.jsonl", "aleph.ijson", "entities.ftm"])
def test_ftm_lines_become_a_dated_graph(tmp_path: Path, name: str) -> None:
    ds = viewer.load(_lines(tmp_path / name, PARTIES + LINKS))
    entities = ds.entities.set_index("id")
    assert entities.loc[["acme", "city", "dana"], "kind"].tolist() == ["company", "government", "person"]
    assert entities.loc["acme", "country"] == "cy"
    relations = ds.relations.set_index("id")
    assert relations.loc["own-1", ["source", "target", "kind", "value"]].tolist() == ["acme", "bolt", "equity_stake",
                                                                                     51.0]
    assert str(relations.loc["own-1", "valid_to"].date()) == "2020-12-31"
    assert relations.loc["own-1", "source_url"] == "https://register.example/bolt"
    assert relations.loc["own-2", "value"] == 37.5  # a band, at its midpoint
    assert relations.loc["dir-1", ["kind", "note"]].tolist() == ["leadership", "Director"]
    assert relations.loc["fam-1", ["kind", "note"]].tolist() == ["family", "sibling"]
    titles = dict(zip(ds.events["id"], ds.events["title"], strict=True))
    assert titles["ev-1"] == "Acme annual meeting"
    assert titles["san-1"] == "Sanctioned: Bolt Trading (Example Treasury · Example programme)"
    assert titles["pay-1"] == "Payment: Acme Holdings → Dana Example, 12000 EUR"
    assert titles["acme-incorporationDate"] == "Incorporated: Acme Holdings"
    assert titles["bolt-dissolutionDate"] == "Dissolved: Bolt Trading"
    messages = [p.message for p in ds.problems]
    assert "a percentage band '25-50%', shown at its midpoint" in messages
    assert any("dana-sibling" in m for m in messages)  # named by a link, never described: said


def test_a_json_list_and_nested_entities_read_the_same(tmp_path: Path) -> None:
    """OpenSanctions' nested form: a party's properties hold whole entities (its ownerships, their owners)."""
    nested = dict(PARTIES[1])
    nested["properties"] = {**PARTIES[1]["properties"],
                            "ownershipAsset": [{**LINKS[0], "properties": {**LINKS[0]["properties"],
                                                                           "owner": [PARTIES[0]]}}]}
    path = tmp_path / "targets.nested.json"
    path.write_text(json.dumps([nested, PARTIES[3]]), encoding="utf-8")
    ds = viewer.load(path)
    assert sorted(ds.entities["id"]) == ["acme", "bolt", "dana"]
    assert ds.relations[["source", "target", "value"]].values.tolist() == [["acme", "bolt", 51.0]]


def test_a_link_without_its_ends_and_a_broken_line_are_said_and_skipped(tmp_path: Path) -> None:
    path = tmp_path / "cut.ftm.json"
    path.write_text(json.dumps(PARTIES[0]) + "\n" + json.dumps(PARTIES[1]) + "\n{\"id\": \"x\", \"sch\n"
                    + json.dumps({"id": "own-9", "schema": "Ownership", "properties": {"owner": ["acme"]}}) + "\n",
                    encoding="utf-8")
    ds = viewer.load(path)
    assert len(ds.entities) == 2 and ds.relations.empty
    found = {(p.row, p.message.split(";")[0].split(" (")[0]) for p in ds.problems}
    assert (3, "not a JSON object") in found
    assert (4, "an Ownership without its owner or asset") in found


def test_a_big_json_lines_file_under_a_json_name_is_read_as_lines_not_refused(tmp_path: Path,
                                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from viewer.io import free_memory

    path = _lines(tmp_path / "entities.ftm.json", PARTIES + LINKS)
    # room to read it as lines, not to parse it whole as a document (which was refused before its lines were seen)
    monkeypatch.setenv(free_memory.SETTING, str(path.stat().st_size * (free_memory.JSON_PEAK_PER_BYTE - 1)))
    assert len(viewer.load(path).relations) == 4


def test_lines_that_are_not_ftm_stay_a_table(tmp_path: Path) -> None:
    ds = viewer.load(_lines(tmp_path / "events.json", [{"date": "2019-03-04", "title": "a"},
                                                        {"date": "2019-03-05", "title": "b"}]))
    assert list(ds.events["title"]) == ["a", "b"]


def test_an_ftm_file_without_entities_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "empty.ftm"
    path.write_text("\n\n", encoding="utf-8")
    with pytest.raises(LoadError, match=r"empty\.ftm: no FollowTheMoney entities; expected"):
        viewer.load(path)
    nested = '{"id": "leaf", "schema": "Company", "properties": {}}'
    for i in range(400):  # an ownership chain nested deeper than JSON is read
        nested = f'{{"id": "o{i}", "schema": "Ownership", "properties": {{"owner": ["c{i}"], "asset": [{nested}]}}}}'
    path.write_text(nested + "\n", encoding="utf-8")
    with pytest.raises(LoadError, match=r"no FollowTheMoney entities \(line 1: not a JSON object \(.*"):
        viewer.load(path)
