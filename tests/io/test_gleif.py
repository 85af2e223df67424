"""GLEIF relationship records become parent → child relations, named from a LEI file when there is one."""

from pathlib import Path

import pytest

from viewer.io import gleif
from viewer.model.problems import LoadError

FIXTURES = Path(__file__).parent / "fixtures_tables"


def test_a_consolidation_runs_from_parent_to_child_with_its_percentage() -> None:
    ds = gleif.read(FIXTURES / "gleif_alone" / "rr.xml")
    rel = ds.relations.iloc[0]
    assert (rel["source"], rel["target"], rel["kind"]) == ("PARENT000000000000001", "CHILD0000000000000001",
                                                           "directly_consolidates")
    assert rel["value"] == 75.5


def test_the_accounting_period_is_used_when_there_is_no_relationship_period() -> None:
    rel = gleif.read(FIXTURES / "gleif_alone" / "rr.xml").relations.iloc[0]
    assert (str(rel["valid_from"])[:10], str(rel["valid_to"])[:10]) == ("2018-01-01", "2018-12-31")
    assert "accounting_period" in rel["note"]


def test_without_a_lei_file_the_leis_are_the_names_and_that_is_said() -> None:
    ds = gleif.read(FIXTURES / "gleif_alone" / "rr.xml")
    assert set(ds.entities["name"]) == {"PARENT000000000000001", "CHILD0000000000000001"}
    assert any("LEIs used as names" in p.message for p in ds.problems)


def test_external_entities_are_refused() -> None:
    with pytest.raises(LoadError, match=r"xxe\.xml.*refused"):
        gleif.read(FIXTURES / "xxe.xml")


def test_the_sniffer_knows_both_gleif_roots() -> None:
    assert gleif.looks_like(b'<?xml version="1.0"?><rr:RelationshipData xmlns:rr="x">')
    assert gleif.looks_like(b'<lei:LEIData xmlns:lei="x">')
    assert not gleif.looks_like(b"<gexf>")
