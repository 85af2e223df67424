"""JSON lines whose first line is no object: Arrow's JSON reader, which reads most such files, ended the whole
process with a segmentation fault when that line was ``null`` (the window vanished with the file). A line that
opens with anything but ``{`` now sends the file to the line-by-line reader, which names the line. And a record
wrapped in ``{"data": …}`` with half a character (``\\ud800``) in a date ended in UnicodeEncodeError."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import viewer


@pytest.mark.parametrize("text", ['null\n{"date": "2019-01-01", "title": "a"}\n', "null\n{}\n", "null\n",
                                  '\n  null\n{"date": "2019-01-01", "title": "a"}\n'])
def test_a_null_first_line_is_said_not_a_crash(tmp_path: Path, text: str) -> None:
    path = tmp_path / "events.jsonl"
    path.write_text(text, encoding="utf-8")
    # in a process of its own: before, this one would have died with it
    done = subprocess.run([sys.executable, "-c", f"import viewer\ntry:\n    viewer.load({str(path)!r})\n"
                           "except viewer.LoadError as exc:\n    print(exc)\n"], capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]


def test_the_records_after_a_null_line_are_read_and_the_line_said(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    path.write_text('null\n{"date": "2019-01-01", "title": "a"}\n{"date": "2019-01-02", "title": "b"}\n',
                    encoding="utf-8")
    ds = viewer.load(path)
    assert ds.events["title"].tolist() == ["a", "b"]
    assert [(p.row, p.message) for p in ds.problems if p.level == "error"] == [
        (1, "line 1: a JSON null, not an object; line skipped")]


def test_half_a_character_in_a_wrapped_records_date_opens(tmp_path: Path) -> None:
    path = tmp_path / "records.jsonl"
    lines = [f'{{"id": "{i}", "data": {{"kind": "x", "notified_on": "2019-01-{i:02d}{extra}"}}}}\n'
             for i, extra in ((1, "\\ud800"), (2, ""), (3, ""), (4, ""), (5, ""))]
    path.write_text("".join(lines), encoding="utf-8")
    ds = viewer.load(path)
    assert ds.event_count == 4 and [p.row for p in ds.problems if p.level == "error"] == [1]
