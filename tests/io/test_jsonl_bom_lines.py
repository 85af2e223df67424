"""JSON lines whose every line opens with a UTF-8 byte order mark (``cat`` of several files each written with one,
PowerShell's UTF-8 output): each mark is taken off and every line read. Before, only the first line's mark was,
and each later line was skipped as "not readable JSON (unexpected UTF-8 BOM …)"."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

import viewer
from viewer.io import records, records_arrow

MARK = "\ufeff"
LINES = [{"date": "2020-01-01", "title": "a"}, {"date": "2020-01-02", "title": "b"},
         {"date": "2020-01-03", "title": "c"}]


def _joined(newline: str = "\n") -> str:
    """Three files of one line each, joined as ``cat`` joins them: each line opens with a mark."""
    return "".join(f'{MARK}{{"date": "{row["date"]}", "title": "{row["title"]}"}}{newline}' for row in LINES)


@pytest.mark.parametrize("name", ["joined.jsonl", "joined.ndjson", "joined.json", "joined.txt", "joined"])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_every_line_is_read_whatever_its_name(tmp_path: Path, name: str, newline: str) -> None:
    path = tmp_path / name
    path.write_text(_joined(newline), encoding="utf-8", newline="")
    ds = viewer.load(path)
    assert sorted(ds.events["title"]) == ["a", "b", "c"]
    assert [p.message for p in ds.problems if p.level in ("error", "warning")] == []


def test_a_packed_file_is_read_too(tmp_path: Path) -> None:
    path = tmp_path / "joined.jsonl.gz"
    path.write_bytes(gzip.compress(_joined().encode("utf-8")))
    assert len(viewer.load(path).events) == 3


@pytest.mark.parametrize("first_only", [False, True])
def test_arrow_reads_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, first_only: bool) -> None:
    """The quick reader takes such a file (a big file is not left to the line-by-line reader for its marks), and a
    file whose first line alone opens with a mark (Notepad's UTF-8): 200,000 lines of it took 0.96 s, not 0.3."""
    answers: list[bool] = []
    read_lines = records_arrow.read_lines

    def noted(data: bytes, unwrap: bool = False) -> object:
        found = read_lines(data, unwrap=unwrap)
        answers.append(found is not None)
        return found

    monkeypatch.setattr(records_arrow, "read_lines", noted)
    path = tmp_path / "joined.jsonl"
    path.write_text(MARK + _joined().replace(MARK, "") if first_only else _joined(), encoding="utf-8")
    assert len(viewer.load(path).events) == 3
    assert answers == [True]


def test_the_line_by_line_reader_takes_the_marks_off_too(tmp_path: Path) -> None:
    """A line that is no object sends the file to the line-by-line reader: only that line is said."""
    path = tmp_path / "joined.jsonl"
    path.write_text(_joined() + f"{MARK}[1, 2]\n", encoding="utf-8")
    ds = viewer.load(path)
    assert len(ds.events) == 3
    assert [(p.row, p.message) for p in ds.problems if p.level == "error"] == [
        (4, "line 4: a JSON list, not an object; line skipped")]


def test_a_mark_inside_a_line_is_still_said(tmp_path: Path) -> None:
    path = tmp_path / "inside.jsonl"
    path.write_text(f'{{"date": "2020-01-01", "title": "a"}}\n{{"date": "2020-01-02", {MARK}"title": "b"}}\n',
                    encoding="utf-8")
    ds = viewer.load(path)
    assert list(ds.events["title"]) == ["a"]
    assert [p.row for p in ds.problems if p.level == "error"] == [2]


@pytest.mark.parametrize("data", [b'{"a": 1}\n{"a": 2}\n', b'\xef\xbb\xbf{"a": 1}\n{"a": 2}\n'])
def test_a_text_with_no_later_mark_is_not_copied(data: bytes) -> None:
    assert records.without_line_marks(data) is data


def test_the_marks_at_line_starts_are_taken_off() -> None:
    data = b'\xef\xbb\xbf{"a": 1}\r\n\xef\xbb\xbf{"a": 2}\n\n\xef\xbb\xbf{"a": "\xef\xbb\xbf"}\n'
    assert records.without_line_marks(data) == b'{"a": 1}\r\n{"a": 2}\n\n{"a": "\xef\xbb\xbf"}\n'
