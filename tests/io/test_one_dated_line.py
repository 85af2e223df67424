"""A text of one line led by a date (``2020-01-05 Renault and Nissan sign the deal``) is its one event. The table
reader took the line for a header with no rows under it and refused the file ("columns (2020-01-05 Renault and
Nissan sign the …) and no rows under them"), while two such lines were read as two events. A header alone, as
an export of an empty query writes it, is still refused naming its columns."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import viewer
from viewer.model.problems import LoadError

LINE = "2020-01-05 Renault and Nissan sign the deal"
TITLE = "Renault and Nissan sign the deal"

WRITTEN = {  # how the one line is written: its ending, its mark, its name
    "one.txt": (LINE + "\n").encode(),
    "no line end.txt": LINE.encode(),
    "crlf.txt": (LINE + "\r\n").encode(),
    "bom.txt": b"\xef\xbb\xbf" + (LINE + "\r\n").encode(),
    "utf16.txt": (LINE + "\r\n").encode("utf-16"),
    "blank lines around.txt": ("\n\n" + LINE + "\n\n").encode(),
    "no suffix": (LINE + "\n").encode(),
}


@pytest.mark.parametrize("name", list(WRITTEN))
def test_one_dated_line_is_one_event(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(WRITTEN[name])
    ds = viewer.load(path)
    assert ds.event_count == 1
    event = ds.events.iloc[0]
    assert event["title"] == TITLE
    assert event["start"] == pd.Timestamp("2020-01-05", tz="UTC") and event["precision"] == "day"
    assert [p.message for p in ds.problems] == ["read the 1 line led by a date"]


@pytest.mark.parametrize(("line", "start", "title"), [
    ("19 November 2018 - Ghosn is arrested", "2018-11-19", "Ghosn is arrested"),
    ("5 March 2019: Talks begin", "2019-03-05", "Talks begin"),
    ("Mar 4, 2019 — Talks", "2019-03-04", "Talks"),
])
def test_any_lead_the_dated_lines_reader_takes_is_read(tmp_path: Path, line: str, start: str, title: str) -> None:
    path = tmp_path / "note.txt"
    path.write_text(line + "\n", encoding="utf-8")
    event = viewer.load(path).events.iloc[0]
    assert (event["start"], event["title"]) == (pd.Timestamp(start, tz="UTC"), title)


def test_one_line_reads_as_the_same_line_among_others(tmp_path: Path) -> None:
    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    one.write_text(LINE + "\n", encoding="utf-8")
    two.write_text(LINE + "\n2020-02-01 The board meets\n", encoding="utf-8")
    columns = ["start", "title", "precision"]
    assert viewer.load(one).events[columns].iloc[0].tolist() == viewer.load(two).events[columns].iloc[0].tolist()


@pytest.mark.parametrize(("name", "text"), [
    ("header.txt", "date,title\n"), ("header.csv", "date,title\n"), ("header no end.txt", "date,title"),
    ("undated.txt", "Renault and Nissan sign the deal on 2020-01-05\n"),
    ("dated.csv", LINE + "\n"),  # (a .csv is a table: its one line is its header)
])
def test_a_header_alone_is_still_refused_naming_its_columns(tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LoadError, match=r"no rows under them; expected a row per event") as refused:
        viewer.load(path)
    assert str(path) in str(refused.value) and text.split(",", maxsplit=1)[0].strip()[:20] in str(refused.value)
