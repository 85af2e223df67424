"""mongoexport's Extended JSON (values wrapped in one-key objects: $date, $oid, $numberLong …) opens as the
records it stands for; such a file was refused ("no date column among _id, createdAt, title")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import viewer
from viewer.io import extended_json

RECORDS = [
    {"_id": {"$oid": "5c7d0f2e1c9d440000a1b2c3"}, "createdAt": {"$date": "2019-03-04T10:00:00Z"}, "title": "relaxed",
     "count": {"$numberLong": "12"}, "blob": {"$binary": {"base64": "AA==", "subType": "00"}}},
    {"_id": {"$oid": "5c7d0f2e1c9d440000a1b2c4"}, "createdAt": {"$date": {"$numberLong": "1551780000000"}},
     "title": "canonical", "count": {"$numberInt": "13"}, "blob": None},
    {"_id": {"$oid": "5c7d0f2e1c9d440000a1b2c5"}, "createdAt": {"$date": "no date"}, "title": "bad",
     "count": {"$numberDouble": "NaN"}, "blob": None},
]


@pytest.mark.parametrize("form", ["lines", "array"])
def test_a_mongoexport_file_opens_as_its_records(tmp_path: Path, form: str) -> None:
    path = tmp_path / "events.json"
    text = "\n".join(map(json.dumps, RECORDS)) if form == "lines" else json.dumps(RECORDS, indent=1)
    path.write_text(text + "\n", encoding="utf-8")
    ds = viewer.load(path)
    events = ds.events.sort_values("row")
    assert events["id"].tolist() == ["5c7d0f2e1c9d440000a1b2c3", "5c7d0f2e1c9d440000a1b2c4"]
    assert [t.isoformat() for t in events["start"]] == ["2019-03-04T10:00:00+00:00", "2019-03-05T10:00:00+00:00"]
    assert events["attr:count"].tolist() == [12, 13]
    assert '"$binary"' in events["attr:blob"].iloc[0]  # no wrapper of a value it stands for: kept as written
    assert [p.row for p in ds.problems if p.level == "error"] == [3]


def test_unwrapping_leaves_other_objects_and_numbers_as_they_are() -> None:
    hook = extended_json.unwrap
    assert hook({"$date": 0}) == "1970-01-01T00:00:00.000Z"
    assert hook({"$date": -86_400_000}) == "1969-12-31T00:00:00.000Z"
    assert hook({"$numberLong": "x"}) == "x" and hook({"$numberDouble": "Infinity"}) == "Infinity"
    assert hook({"$numberDouble": "2.5"}) == 2.5 and hook({"$oid": "abc"}) == "abc"
    assert hook({"$date": 1e30}) == "1e+30"  # beyond any calendar: as written, reported by the date parser
    assert hook({"$where": "x"}) == {"$where": "x"} and hook({"a": 1, "$oid": 2}) == {"a": 1, "$oid": 2}
    assert not extended_json.written_in('{"price": "$12"}') and extended_json.written_in(b'{"a": {"$date": 1}}')
