"""JSON may escape half of a character ("\\ud800": a tool that cut an emoji in two writes one). Python's parser
accepts it, and the string could then be neither shown, stored nor handed to Arrow: every JSON reader
(vis-timeline, TimelineJS, BODS, records, JSON lines) crashed with UnicodeEncodeError. Now each half is read
as U+FFFD and the document opens."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import viewer
from viewer.io import reading

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT.parent / "shared" / "realdata"
DOCUMENTS = sorted([*(ROOT / "tests" / "io" / "fixtures").glob("*.json"),
                    *(p for p in REAL.glob("*/*.json") if p.stat().st_size < 2_000_000)])


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: p.name)
def test_a_document_with_halves_of_characters_opens(tmp_path: Path, document: Path) -> None:
    text = document.read_text(encoding="utf-8-sig")
    # half a character at the start of string values, as a cut emoji leaves it (keys are the formats' own)
    damaged, count = re.subn(r'(": ?"|\[")', lambda m: m.group(1) + "\\ud800", text, count=40)
    if not count:
        pytest.skip("no string value to damage")
    path = tmp_path / document.name
    path.write_text(damaged, encoding="utf-8")
    try:
        ds = viewer.load(path)
    except viewer.LoadError as exc:  # refused as the undamaged document would be, by name
        assert str(path) in str(exc)
        with pytest.raises(viewer.LoadError):
            viewer.load(document)
        return
    shown = " ".join(map(str, ds.events.to_numpy().ravel().tolist()))
    assert "\ud800" not in shown and "\udc00" not in shown


def test_json_lines_and_records_show_a_half_as_a_replacement_character(tmp_path: Path) -> None:
    lines = tmp_path / "cut.jsonl"
    lines.write_text('{"date": "2020-01-01", "title": "Launch \\ud83d", "n\\udc00": 1}\n'
                     '{"date": "2020-01-02", "title": "Party \\ud83d\\ude00"}\n', encoding="utf-8")
    ds = viewer.load(lines)
    assert sorted(ds.events["title"]) == ["Launch \ufffd", "Party \U0001f600"]
    assert "attr:n\ufffd" in ds.events.columns
    records = tmp_path / "cut.json"
    records.write_text('[{"date": "2020-01-01", "title": "Launch \\ud83d"}]', encoding="utf-8")
    assert viewer.load(records).events["title"].tolist() == ["Launch \ufffd"]


def test_the_parse_leaves_escaped_backslashes_and_whole_characters_alone() -> None:
    assert reading.loads('["\\\\ud800", "\\ud83d\\ude00", {"k\\ud800": ["\\udfff", ["\\ud800x"]]}]') == [
        "\\ud800", "\U0001f600", {"k\ufffd": ["\ufffd", ["\ufffdx"]]}]
    assert not reading.escapes_surrogates('{"a": "plain \\u00e9"}')
