"""Damaged copies of real documents (../shared/realdata) and of our own fixtures open, or are refused with a
LoadError naming the file: never another exception. Before, a BODS statement whose ``replacesStatements``
was true, whose ``recordDetails`` or share was a number, or whose share bounds were words raised
AttributeError / TypeError / ValueError out of the reader, and an XML declaration naming an unknown
encoding raised LookupError out of the Timeline, GEXF and GLEIF readers."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

import viewer
from viewer.model.problems import LoadError

from .mutations import mutate

TESTS = Path(__file__).resolve().parent
REALDATA = TESTS.parents[1].parent / "shared" / "realdata"
SUFFIXES = {".json", ".csv", ".txt", ".tsv", ".ics", ".timeline", ".gexf", ".xml", ".srt", ".vtt", ".docx", ".odt",
            ".md", ".pdf", ".rtf"}
COPIES = 12  # of each document


def _documents() -> list[Path]:
    folders = [TESTS / "fixtures", TESTS / "fixtures_import", TESTS / "fixtures_tables", REALDATA]
    found = [p for folder in folders if folder.is_dir() for p in sorted(folder.rglob("*"))
             if p.is_file() and p.suffix in SUFFIXES and p.stat().st_size < 200_000]
    return found


@pytest.mark.parametrize("document", _documents(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_damaged_copy_opens_or_is_refused_by_name(tmp_path: Path, document: Path) -> None:
    rng = random.Random(document.name)
    data = document.read_bytes()
    for copy in range(COPIES):
        damaged = tmp_path / f"{copy}{document.suffix}"
        damaged.write_bytes(mutate(data, document.suffix, rng))
        try:
            viewer.load(damaged)
        except LoadError as exc:
            assert str(damaged) in str(exc)


BODS = """[{"statementID": "e1", "statementType": "entityStatement", "name": "Holding"},
 {"statementID": "e2", "statementType": "entityStatement", "name": "Subsidiary"},
 {"statementID": "o1", "statementType": "ownershipOrControlStatement", "statementDate": "2020-01-01",
  "subject": {"describedByEntityStatement": "e2"}, "interestedParty": {"describedByEntityStatement": "e1"},
  "interests": [{"type": "shareholding", "share": {"minimum": "ten", "maximum": 20}}]},
 {"statementID": "o2", "statementType": "ownershipOrControlStatement", "statementDate": "2021-01-01",
  "replacesStatements": true, "subject": {"describedByEntityStatement": "e2"},
  "interestedParty": {"describedByEntityStatement": "e1"}, "interests": 5}]"""


def test_a_statement_of_odd_shapes_keeps_what_it_can(tmp_path: Path) -> None:
    path = tmp_path / "odd.json"
    path.write_text(BODS, encoding="utf-8")
    ds = viewer.load(path)
    assert sorted(ds.entities["name"]) == ["Holding", "Subsidiary"]
    assert len(ds.relations) == 2 and ds.relations["value"].isna().all()
    assert "not both numbers" in ds.relations["note"].iloc[0]


@pytest.mark.parametrize(("name", "body"), [
    ("a.timeline", "<timeline/>"), ("a.gexf", "<gexf><graph><nodes/></graph></gexf>"),
    ("a.xml", '<LEIData xmlns="http://www.gleif.org/data/schema/leidata/2016"/>')])
def test_an_unknown_encoding_in_the_declaration_is_refused_by_name(tmp_path: Path, name: str, body: str) -> None:
    path = tmp_path / name
    path.write_text(f'<?xml version="1.0" encoding="True"?>\n{body}', encoding="utf-8")
    with pytest.raises(LoadError, match="unknown encoding: True"):
        viewer.load(path)
