"""JSON that does not parse says where and, for the usual slips, what stands there: a comment or a trailing comma
(as editors keep settings), single quotes or None (a Python dict printed), a file cut short. It said only Python's
"Expecting value: line 4 column 1 (char 82)"."""

from __future__ import annotations

from pathlib import Path

import pytest

import viewer
from viewer.model.problems import LoadError

RECORD = '{"date": "2019-03-04", "title": "Signed"}'


@pytest.mark.parametrize(("text", "said"), [
    (f"[\n  {RECORD},\n]\n", r"line 3, column 1: a comma before the closing \], which JSON does not allow"),
    (f'{{"events": [{RECORD}],}}', r"column 56: a comma before the closing }, which JSON does not allow"),
    (f"// exported by hand\n[{RECORD}]", r"line 1, column 1: a comment, which JSON does not allow"),
    (f"[{RECORD}, /* the second */ {RECORD}]", r"column 45: a comment"),
    ("[{'date': '2019-03-04', 'title': 'Signed'}]", r"column 3: text in single quotes, which JSON writes in double"),
    ('[{"date": "2019-03-04", "title": None}]', r"column 34: Python's None, which JSON writes null"),
    (f"[{RECORD}, {RECORD[:20]}", r"column 54: a string whose closing quote never comes: cut short\?"),
    (f"[{RECORD}, {RECORD[:-1]}", r"column 85: the text ends before its JSON does: cut short\?"),
    (f"[{RECORD} {RECORD}]", r"column 44: expecting ',' delimiter, found '\{\"dat'"),
])
def test_json_that_does_not_parse_says_where_and_what_stands_there(tmp_path: Path, text: str, said: str) -> None:
    path = tmp_path / "events.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LoadError, match=rf"events\.json: not readable JSON \(.*{said}"):
        viewer.load(path)


def test_a_bad_line_of_json_lines_says_its_column(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    path.write_text(f"{RECORD}\n{RECORD[:-1]},}}\n{RECORD}\n", encoding="utf-8")
    ds = viewer.load(path)
    assert [(p.row, p.message.split(";")[0]) for p in ds.problems] == [
        (2, "line 2: not readable JSON (column 42: a comma before the closing }, which JSON does not allow)")]
