"""Text under a UTF-16 or UTF-32 byte order mark, and integers no double or Python's int() holds.

Windows PowerShell 5.1 writes ``ConvertTo-Json > events.json`` as UTF-16 with its mark: such a JSON (or an
iCalendar file so saved) was refused as "not UTF-8 text", and a UTF-32 table read with a NUL between its
letters. An id past 2**63 in JSON lines came back from Arrow's reader as a rounded double (five ids became
one, four renamed ``#n``), and an integer of 5,000 digits crashed the open with a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

import viewer
from viewer.io import reading
from viewer.model.problems import LoadError

RECORDS = '[{"date": "2020-01-01", "title": "Zoë"}, {"date": "2020-01-02", "title": "東京"}]'
LINES = '{"date": "2020-01-01", "title": "Zoë"}\n{"date": "2020-01-02", "title": "東京"}\n'
CALENDAR = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:1\r\nDTSTART;VALUE=DATE:20200101\r\n"
            "SUMMARY:Zoë\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
TABLE = "date,title\n2020-01-01,Zoë\n2020-01-02,東京\n"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"])
@pytest.mark.parametrize(("name", "text", "titles"), [
    ("events.json", RECORDS, ["Zoë", "東京"]),
    ("events.jsonl", LINES, ["Zoë", "東京"]),
    ("events.ics", CALENDAR, ["Zoë"]),
    ("events.csv", TABLE, ["Zoë", "東京"]),
])
def test_text_under_its_mark_reads_as_in_utf8(tmp_path: Path, encoding: str, name: str, text: str,
                                              titles: list[str]) -> None:
    mark = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff", "utf-32-le": b"\xff\xfe\x00\x00",
            "utf-32-be": b"\x00\x00\xfe\xff"}.get(encoding, b"")  # the codecs without a suffix write their own
    path = tmp_path / name
    path.write_bytes(mark + text.encode(encoding))
    ds = viewer.load(path)
    assert sorted(ds.events["title"]) == sorted(titles)
    assert not [p for p in ds.problems if p.level == "error"]


def test_utf8_leaves_other_bytes_as_they_are() -> None:
    data = "\ufeffdate\n".encode()
    assert reading.utf8(data) is data
    assert reading.utf8("[1]".encode("utf-16")) == b"[1]"
    assert reading.utf8("[1]".encode("utf-16") + b"\x00") == "[1]\ufffd".encode()  # a byte cut off at the end


def test_ids_past_int64_in_json_lines_stay_exact(tmp_path: Path) -> None:
    ids = [12345678901234567890 + i for i in range(5)]
    path = tmp_path / "events.jsonl"
    path.write_text("".join(f'{{"id": {n}, "date": "2020-01-0{i + 1}", "title": "t"}}\n' for i, n in enumerate(ids)))
    ds = viewer.load(path)
    assert sorted(ds.events["id"]) == [str(n) for n in ids]
    assert not [p for p in ds.problems if "duplicate" in p.message]


def test_ids_past_int64_in_a_nested_record_stay_exact(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    path.write_text("".join(f'{{"data": {{"id": {18446744073709551600 + i}, "date": "2020-01-0{i + 1}"}}}}\n'
                            for i in range(3)))
    ds = viewer.load(path)
    assert sorted(ds.events["id"]) == [str(18446744073709551600 + i) for i in range(3)]


@pytest.mark.parametrize("name", ["events.json", "events.jsonl"])
def test_an_integer_of_thousands_of_digits_is_kept_as_written(tmp_path: Path, name: str) -> None:
    huge = "7" * 5000
    rows = [f'{{"id": {huge}, "date": "2020-01-01", "title": "a"}}', '{"id": 5, "date": "2020-01-02", "title": "b"}']
    path = tmp_path / name
    path.write_text("[" + ", ".join(rows) + "]" if name.endswith(".json") else "\n".join(rows) + "\n")
    ds = viewer.load(path)
    assert sorted(ds.events["id"]) == ["5", huge]


def test_a_date_of_thousands_of_digits_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "events.json"
    path.write_text('[{"date": ' + "9" * 5000 + ', "title": "a"}]')
    with pytest.raises(LoadError, match=r"events\.json"):
        viewer.load(path)
