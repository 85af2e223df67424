"""BODS statements become people, companies and ownership relations with their history."""

import json
from pathlib import Path

import pytest

import viewer
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


def test_one_statement_alone_is_read_as_a_list_of_one(tmp_path: Path) -> None:
    """The standard's own examples, and a register's answer for one company, give one statement, not in a list: it
    was "JSON that Entente does not recognise"."""
    import viewer
    path = tmp_path / "company.json"
    path.write_text(json.dumps({"statementID": "1dc0e987", "statementType": "entityStatement",
                                "statementDate": "2017-11-18", "entityType": "registeredEntity",
                                "name": "CHRINON LTD", "incorporatedInJurisdiction": {"code": "GB"}}))
    ds = viewer.load(path)
    assert ds.entities[["id", "name", "kind"]].values.tolist() == [["1dc0e987", "CHRINON LTD", "company"]]
    assert not bods.looks_like({"statementType": "entityStatement"})  # (a type with no id: some other document)


@pytest.mark.parametrize("role", ["subject", "interestedParty"])
def test_a_0_4_party_given_only_by_its_reason_is_an_entity_named_by_it(tmp_path: Path, role: str) -> None:
    """BODS 0.4 writes an unspecified party as {"reason": …} in its place (0.2 wrapped it in "unspecified"): the
    statement was skipped and the file refused as holding no statements."""
    other = "interestedParty" if role == "subject" else "subject"
    details = {role: {"reason": f"{role}ExemptFromDisclosure", "description": "Listed company"},
               other: "ent-1", "interests": [{"type": "shareholding", "share": {"exact": 40}}]}
    path = tmp_path / "relationship.json"
    path.write_text(json.dumps([{"statementId": "s1", "recordId": "rel-1", "recordType": "relationship",
                                 "statementDate": "2017-11-18", "recordDetails": details},
                                {"statementId": "s0", "recordId": "ent-1", "recordType": "entity",
                                 "statementDate": "2017-11-18", "recordDetails": {"name": "Renco Energy"}}]))
    ds = bods.read(path)
    names = dict(zip(ds.entities["id"], ds.entities["name"], strict=True))
    exempt = "subject exempt from disclosure" if role == "subject" else "interested party exempt from disclosure"
    unnamed = next(i for i in names if i.startswith("unspecified:"))
    assert names[unnamed] == f"Unspecified ({exempt})"
    stake = ds.relations.iloc[0]
    expected = (unnamed, "ent-1") if role == "interestedParty" else ("ent-1", unnamed)
    assert (stake["source"], stake["target"]) == expected
    assert stake["value"] == 40 and not [p for p in ds.problems if p.level != "info"]


def test_a_file_of_unreadable_statements_says_why(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps([{"statementId": "s1", "recordType": "relationship", "statementDate": "2017-11-18",
                                 "recordDetails": {"subject": "ent-1", "interestedParty": 1}}]))
    with pytest.raises(LoadError, match=r"bad\.json: no entity, person or ownership statement could be read "
                                        r"\(statement 1: expected a subject and an interested party"):
        bods.read(path)


def test_a_statement_without_a_date_keeps_its_ties_and_is_said_once(tmp_path: Path) -> None:
    """A statement with no statementDate was an event skipped as "no start date", and its ties' link to it said as
    "refers to an event id that is not in the events table … 'ev-s-o2'", an id no user wrote."""
    path = tmp_path / "statements.json"
    path.write_text(json.dumps([
        {"statementID": "e1", "statementType": "entityStatement", "name": "Holding"},
        {"statementID": "e2", "statementType": "entityStatement", "name": "Subsidiary"},
        {"statementID": "o1", "statementType": "ownershipOrControlStatement",
         "subject": {"describedByEntityStatement": "e2"}, "interestedParty": {"describedByEntityStatement": "e1"},
         "interests": [{"type": "shareholding", "share": {"exact": 30}, "startDate": "2019-01-01"}]}]),
        encoding="utf-8")
    ds = viewer.load(path)
    assert len(ds.relations) == 1 and ds.relations["value"].iloc[0] == 30
    said = [p.message for p in ds.problems]
    assert said == ["1 statement without a statementDate (the first 'o1'): their ties read, with no event of their "
                    "own"]
