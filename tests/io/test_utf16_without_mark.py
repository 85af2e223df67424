"""UTF-16 written without a byte order mark (some Windows tools save so) was refused as a binary file for its
NUL bytes; it is read, and said in Problems. A binary file stays refused."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import viewer
from viewer.io import lines
from viewer.model.problems import LoadError

REAL = Path(__file__).resolve().parents[2].parent / "shared" / "realdata" / "csv" / "fdic_banklist_cp1252.csv"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_a_real_table_saved_as_utf16_without_a_mark_reads_as_the_original(tmp_path: Path, encoding: str) -> None:
    if not REAL.exists():
        pytest.skip("../shared/realdata is not beside the repository")
    original = viewer.load(REAL)
    copy = tmp_path / "banklist.csv"
    copy.write_bytes(REAL.read_bytes().decode("cp1252").encode(encoding))
    ds = viewer.load(copy)
    assert ds.event_count == original.event_count
    assert ds.events["title"].tolist() == original.events["title"].tolist()
    assert f"read as {encoding.upper()}" in " ".join(p.message for p in ds.problems)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_tabs_accents_and_ideographs(tmp_path: Path, encoding: str) -> None:
    text = "date\ttitle\n" + "".join(f"2019-01-{i:02d}\tréunion {i} 東京\n" for i in range(1, 29))
    path = tmp_path / "events.tsv"
    path.write_bytes(text.encode(encoding))
    ds = viewer.load(path)
    assert ds.event_count == 28 and ds.events.sort_values("row")["title"].iloc[0] == "réunion 1 東京"


def test_binary_numbers_are_still_refused(tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    path.write_bytes((np.arange(4000) % 100).astype(np.int16).tobytes())
    assert lines.utf16_without_mark(path.read_bytes()) is None
    with pytest.raises(LoadError, match="a binary file"):
        viewer.load(path)


def test_utf8_and_marked_utf16_are_not_taken_for_it() -> None:
    text = "date,title\n2019-01-01,a\n"
    assert lines.utf16_without_mark(text.encode("utf-8")) is None
    assert lines.utf16_without_mark(text.encode("utf-16")) is None  # read by its mark


@pytest.mark.parametrize(("name", "text"), [("events.json", '[{"date": "2019-01-01", "title": "x"}]'),
                                            ("calendar.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"),
                                            ("graph.gexf", "<gexf><graph/></gexf>")])
def test_other_formats_say_what_they_expect(tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-16-le"))
    with pytest.raises(LoadError, match=f"{name}: UTF-16-LE text without a byte order mark; expected UTF-8"):
        viewer.load(path)
