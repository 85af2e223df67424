"""--mapping and --suggest-mapping: the suggested spec, reused by every command that loads a table."""

import json
from pathlib import Path

import viewer
from viewer.io import table_export

ACQUISITIONS = Path(__file__).parents[1] / "io" / "fixtures_import" / "acquisitions.csv"


def test_info_suggest_mapping_prints_the_spec_as_json(run) -> None:
    code, out, _ = run("info", str(ACQUISITIONS), "--suggest-mapping")
    spec = json.loads(out)
    assert code == 0
    assert spec["relations"] == [{"source": "Bank Name", "target": "Acquiring Institution", "kind": "acquired_by"}]


def test_relations_with_a_mapping_print_the_acquisitions_valid_at_a_date(run, rows, tmp_path: Path) -> None:
    _, out, _ = run("info", str(ACQUISITIONS), "--suggest-mapping")
    spec = tmp_path / "spec.json"
    spec.write_text(out)
    code, out, _ = run("relations", str(ACQUISITIONS), "--mapping", str(spec), "--at", "2012-01-01", "--format",
                       "csv")
    assert code == 0
    assert {(r["source"], r["target"], r["kind"], r["valid_from"]) for r in rows(out)} == {
        ("first_bank_of_chicago", "big_trust_bank_n_a", "acquired_by", "2010-03-05"),
        ("lakeside_bank", "big_trust_bank_n_a", "acquired_by", "2011-01-14")}


def test_a_bad_mapping_file_exits_1_naming_it(run, tmp_path: Path) -> None:
    spec = tmp_path / "spec.json"
    spec.write_text("{not json")
    code, _, err = run("relations", str(ACQUISITIONS), "--mapping", str(spec), "--at", "2012")
    assert code == 1 and "spec.json" in err


def test_events_print_attributes_and_filter_on_them(run, rows) -> None:
    code, out, _ = run("events", str(ACQUISITIONS), "--where", "State=AZ", "--format", "csv")
    found = rows(out)
    assert code == 0 and [r["title"] for r in found] == ["Desert Bank", "Canyon Bank"]
    assert found[0]["City"] == "Phoenix" and found[0]["Cert"] == "105"
    code, _, err = run("events", str(ACQUISITIONS), "--where", "Region=West")
    assert code == 2 and "no attribute named 'Region'" in err


def test_convert_keeps_attributes_and_the_native_format_reads_them_back(run, tmp_path: Path) -> None:
    out = tmp_path / "ds"
    code, _, _ = run("convert", str(ACQUISITIONS), str(out))
    assert code == 0
    header = (out / "events.csv").read_text().splitlines()[0]
    assert header.endswith("City,State,Cert,Acquiring Institution,Fund")
    back = viewer.load(out)
    assert {a.name: a.type for a in back.attributes}["State"] == "category"
    assert back.events_between(text="Tucson")["title"].tolist() == ["Canyon Bank"]
    single = tmp_path / "ds.json"
    run("convert", str(ACQUISITIONS), str(single))
    assert viewer.load(single).events["attr:Fund"].tolist()[0] == 9001.0


def test_the_event_table_export_keeps_attribute_columns() -> None:
    ds = viewer.load(ACQUISITIONS)
    text = table_export.table_text(ds.events, ["id", "start", "title"], "csv")
    assert text.splitlines()[0] == "id,start,title,City,State,Cert,Acquiring Institution,Fund"
    assert "Chicago,IL,101,Big Trust Bank N.A.,9001" in text
