"""BODS statements become people, companies and ownership relations with their history."""

import json
from pathlib import Path

import pytest

from viewer.io import bods
from viewer.model import value_bands
from viewer.model.problems import LoadError

FIXTURES = Path(__file__).parent / "fixtures_tables"


def test_statements_become_entities_of_the_right_kind() -> None:
    ds = bods.read(FIXTURES / "bods_range.json")
    kinds = dict(zip(ds.entities["name"], ds.entities["kind"], strict=True))
    assert kinds == {"Target Co": "company", "Pat Owner": "person"}


def test_a_share_range_is_valued_at_its_midpoint_with_a_note() -> None:
    ds = bods.read(FIXTURES / "bods_range.json")
    first = ds.relations[(ds.relations["kind"] == "equity_stake")].iloc[0]
    assert first["value"] == 37.5
    assert "midpoint" in first["note"] and "o1" in first["note"]
    assert first[value_bands.COLUMN] == "25–50%"  # drawn and listed as the band, as a table's "25-50%" is


def test_voting_rights_get_their_own_kind() -> None:
    ds = bods.read(FIXTURES / "bods_range.json")
    assert "voting_rights" in set(ds.relations["kind"])


def test_a_replaced_statement_ends_where_its_replacement_begins() -> None:
    ds = bods.read(FIXTURES / "bods_range.json")
    stakes = ds.relations[ds.relations["kind"] == "equity_stake"]
    assert [str(t)[:10] for t in stakes["valid_to"]] == ["2021-02-01", "NaT"]
    assert list(stakes["value"]) == [37.5, 10.0]


def test_the_sniffer_wants_statement_or_record_types() -> None:
    assert bods.looks_like(json.loads((FIXTURES / "bods_range.json").read_text()))
    assert not bods.looks_like([{"date": "2020"}])


def test_a_list_without_statements_is_a_load_error(tmp_path: Path) -> None:
    (tmp_path / "x.json").write_text('[{"statementType": "somethingElse"}]')
    with pytest.raises(LoadError, match=r"x\.json"):
        bods.read(tmp_path / "x.json")
