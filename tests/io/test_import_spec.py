"""An import spec turns columns into entities and relations; suggested from names and values, saved as JSON."""

import json
from pathlib import Path

import pytest

import viewer
from viewer.io import import_spec, table
from viewer.io.import_spec import EntityColumn, ImportSpec, RelationColumns
from viewer.io.spec_suggest import suggest_spec
from viewer.model.problems import LoadError

FIXTURES = Path(__file__).parent / "fixtures_import"
ACQUISITIONS = FIXTURES / "acquisitions.csv"
FDIC = Path(__file__).parents[3] / "shared" / "realdata" / "csv" / "fdic_banklist_cp1252.csv"
if not FDIC.exists():
    FDIC = Path("/work/shared/realdata/csv/fdic_banklist_cp1252.csv")


def test_the_suggestion_makes_the_acquirer_column_an_acquired_by_relation_from_the_bank() -> None:
    spec = suggest_spec(ACQUISITIONS)
    assert spec.start == "Closing Date" and spec.title == "Bank Name"
    assert spec.relations == (RelationColumns("Bank Name", "Acquiring Institution", "acquired_by"),)
    assert {e.column for e in spec.entities} == {"Bank Name", "Acquiring Institution"}
    assert spec.is_placeholder("No Acquirer") and spec.is_placeholder(" n/a ") and spec.is_placeholder("-")


def test_a_spec_makes_entities_and_dated_relations_without_placeholder_entities() -> None:
    ds = table.read(ACQUISITIONS, mapping=suggest_spec(ACQUISITIONS))
    assert "no_acquirer" not in set(ds.entities["id"])
    assert len(ds.entities) == 8  # six banks and two acquirers
    assert len(ds.relations) == 4
    first = ds.relations.set_index("source").loc["first_bank_of_chicago"]
    assert first["target"] == "big_trust_bank_n_a" and first["kind"] == "acquired_by"
    assert str(first["valid_from"].date()) == "2010-03-05" and first["event"] != ""
    at = ds.relations_at("2012-01-01")
    assert sorted(at["source"]) == ["first_bank_of_chicago", "lakeside_bank"]


def test_events_of_a_spec_name_their_entities_as_actors() -> None:
    ds = table.read(ACQUISITIONS, mapping=suggest_spec(ACQUISITIONS))
    actors = ds.events.set_index("title")["actors"].astype(str)
    assert actors["Lakeside Bank"] == "lakeside_bank;big_trust_bank_n_a"
    assert actors["Desert Bank"] == "desert_bank"


def test_a_spec_survives_a_json_round_trip(tmp_path: Path) -> None:
    spec = ImportSpec(start="Closing Date", title="Bank Name", entities=(EntityColumn("Bank Name", "bank"),),
                      relations=(RelationColumns("Bank Name", "Acquiring Institution", "acquired_by", value="Fund"),),
                      types=(("Cert", "text"),), placeholders=("no acquirer",), header=True, date_order="dmy")
    path = tmp_path / "spec.json"
    import_spec.write_spec(spec, path)
    assert import_spec.read_spec(path) == spec
    assert json.loads(path.read_text())["relations"][0]["value"] == "Fund"


def test_load_takes_a_spec_file_and_its_attribute_type_overrides(tmp_path: Path) -> None:
    path = tmp_path / "spec.json"
    import_spec.write_spec(ImportSpec(start="Closing Date", title="Bank Name", types=(("Cert", "text"),)), path)
    ds = viewer.load(ACQUISITIONS, mapping=path)
    types = {a.name: a.type for a in ds.attributes}
    assert types["Cert"] == "text" and types["Fund"] == "number" and types["State"] == "category"


@pytest.mark.parametrize(("document", "expected"), [
    ({"fields": {"when": "x"}}, "unknown fields when"),
    ({"relations": [{"source": "A"}]}, "needs a 'source' and a 'target'"),
    ({"types": {"Cert": "integer"}}, "'types' must map"),
    ({"entities": "Bank"}, "must be a list"),
    ({"bogus": 1}, "unknown keys bogus"),
])
def test_a_malformed_spec_is_refused_naming_what_is_wrong(document: object, expected: str) -> None:
    with pytest.raises(LoadError, match=expected):
        import_spec.from_json(document)


def test_a_spec_naming_a_missing_column_is_refused_with_the_file_columns() -> None:
    with pytest.raises(LoadError, match="lacks: 'Buyer'"):
        table.read(ACQUISITIONS, mapping=ImportSpec(relations=(RelationColumns("Bank Name", "Buyer"),)))


@pytest.mark.realdata
@pytest.mark.skipif(not FDIC.exists(), reason="../shared/realdata is absent")
def test_the_fdic_list_keeps_every_column_and_its_suggested_spec_gives_acquisitions() -> None:
    plain = viewer.load(FDIC)
    assert [(a.name, a.type) for a in plain.attributes] == [
        ("City", "text"), ("State", "category"), ("Cert", "number"), ("Acquiring Institution", "text"),
        ("Fund", "number")]
    chicago = plain.events["attr:City"] == "Chicago"
    assert chicago.sum() == 20
    found = plain.events_between(text="Chicago")
    assert set(plain.events.loc[chicago, "id"]) <= set(found["id"])
    ds = viewer.load(FDIC, mapping=suggest_spec(FDIC))
    assert set(ds.relations["kind"]) == {"acquired_by"} and len(ds.relations) == 566 - 31
    assert not ds.entities["name"].str.lower().eq("no acquirer").any()
    assert (ds.relations["valid_from"].notna()).all()


@pytest.mark.parametrize(("read", "said"), [
    ({"delimiter": ",,"}, "'read.delimiter' must be one character"),
    ({"delimiter": ""}, "'read.delimiter' must be one character"),
    ({"date_order": "xyz"}, "'read.date_order' must be one of dmy, mdy, ymd, got 'xyz'")])
def test_reading_options_no_reader_takes_are_refused_naming_the_spec(read: dict[str, str], said: str) -> None:
    """``",,"`` raised Python's own TypeError out of the CSV reader; ``"xyz"`` was taken without a word."""
    with pytest.raises(LoadError, match=said):
        import_spec.from_json({"version": 1, "fields": {"start": "date"}, "read": read}, "spec.json")


def test_a_date_order_in_capitals_is_read() -> None:
    spec = import_spec.from_json({"version": 1, "fields": {"start": "date"}, "read": {"date_order": "DMY"}})
    assert spec.date_order == "dmy"


def test_placeholders_that_are_no_strings_are_said_as_cell_values() -> None:
    """The message said "a list of column names": placeholders are what a cell holds for no value."""
    with pytest.raises(LoadError, match=r"'placeholders' must be a list of cell values meaning no value"):
        import_spec.from_json({"version": 1, "fields": {"start": "date"}, "placeholders": [1]}, "spec.json")
