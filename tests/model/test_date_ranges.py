"""Spans written in one date cell ("1914–1918", "2019-03-04/2019-03-09", "4–9 March 2019") open as events
with a start and an end; a cell that only holds a dash ("2019-03") is never cut; before, every such cell was
"expected a date" and its row was skipped."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import viewer
from viewer.model.dates import ranges

SPANS = {  # written -> (start, end, precision of each)
    "1914–1918": ("1914-01-01", "1918-01-01", "year", "year"),
    "1939 - 1945": ("1939-01-01", "1945-01-01", "year", "year"),
    "1914-1918": ("1914-01-01", "1918-01-01", "year", "year"),
    "2019-03-04/2019-03-09": ("2019-03-04", "2019-03-09", "day", "day"),
    "2019-03-04T10:00Z/2019-03-04T12:30Z": ("2019-03-04 10:00", "2019-03-04 12:30", "time", "time"),
    "May 2019 to June 2020": ("2019-05-01", "2020-06-01", "month", "month"),
    "4–9 March 2019": ("2019-03-04", "2019-03-09", "day", "day"),
    "March – April 2019": ("2019-03-01", "2019-04-01", "month", "month"),
    "1850s": ("1850-01-01", "1859-01-01", "year", "year"),
    "the 1960s": ("1960-01-01", "1969-01-01", "year", "year"),
}


def test_each_written_span_opens_as_a_start_and_an_end(tmp_path: Path) -> None:
    path = tmp_path / "spans.csv"
    rows = [f'"{written}",span {i}' for i, written in enumerate(SPANS)] + ['"2019-03",a month', '"2020-05-06",a day']
    path.write_text("date,title\n" + "\n".join(rows) + "\n", encoding="utf-8")
    ds = viewer.load(path)
    by_title = ds.events.set_index("title")
    for i, (start, end, first, last) in enumerate(SPANS.values()):
        row = by_title.loc[f"span {i}"]
        assert (row["start"], row["end"]) == (pd.Timestamp(start, tz="UTC"), pd.Timestamp(end, tz="UTC")), i
        assert (str(row["precision"]), str(row["end_precision"])) == (first, last), i
    assert str(by_title.loc["a month", "precision"]) == "month" and pd.isna(by_title.loc["a month", "end"])
    assert not [p for p in ds.problems if p.level == "error"]


def test_an_end_column_wins_and_a_backward_span_keeps_its_start(tmp_path: Path) -> None:
    path = tmp_path / "ends.csv"
    path.write_text("date,end,title\n2001–2003,2010,own end\n1960–1950,,backwards\n", encoding="utf-8")
    ds = viewer.load(path).events.set_index("title")
    assert ds.loc["own end", "end"].year == 2010
    assert ds.loc["backwards", "start"].year == 1960 and pd.isna(ds.loc["backwards", "end"])


@pytest.mark.parametrize("written", ["2019-03", "03/04/2019", "4–9", "soon – later", "soon – present", "12-13",
                                     "since then", "–", "Q5 2019", "2019-W54", "Quebec 2019"])
def test_a_cell_is_cut_only_where_both_sides_read_as_dates(written: str) -> None:
    values = pd.Series([written], dtype="string[pyarrow]")
    cut = ranges.cut(values, pd.Series([True]))
    assert cut.ends is None and cut.values.tolist() == [written] and not cut.open_ended
