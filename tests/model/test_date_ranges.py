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


def _opened(tmp_path: Path, cells: list[str], title: str, more: list[str]) -> tuple[viewer.Dataset, pd.DataFrame]:
    """A table of these date cells (titled ``title`` and their position) and ``more`` rows, opened: the
    dataset and its events by title."""
    path = tmp_path / "table.csv"
    rows = [f'"{written}",{title} {i}' for i, written in enumerate(cells)] + more
    path.write_text("date,title\n" + "\n".join(rows) + "\n", encoding="utf-8")
    ds = viewer.load(path)
    return ds, ds.events.set_index("title")


def test_each_written_span_opens_as_a_start_and_an_end(tmp_path: Path) -> None:
    ds, by_title = _opened(tmp_path, list(SPANS), "span", ['"2019-03",a month', '"2020-05-06",a day'])
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
    assert cut.ends is None and cut.values.tolist() == [written] and not cut.notes


QUALIFIED = {  # written -> (start, end or None, precision): the whole period the cell names
    "c. 1850s": ("1850-01-01", "1859-01-01", "year"),
    "circa 19th century": ("1801-01-01", "1900-01-01", "year"),
    "early 2019": ("2019-01-01", None, "year"),
    "mid-1990s": ("1990-01-01", "1999-01-01", "year"),
    "late 19th century": ("1801-01-01", "1900-01-01", "year"),
    "the end of the 19th century": ("1801-01-01", "1900-01-01", "year"),
    "1850 (approx.)": ("1850-01-01", None, "year"),
    "2019-03-04 (estimated)": ("2019-03-04", None, "day"),  # (before: skipped, as '(est.)', '[uncertain]' were)
    "4 March 2019 [date unconfirmed]": ("2019-03-04", None, "day"),
    "1850s (est.)": ("1850-01-01", "1859-01-01", "year"),
    "early March 2019": ("2019-03-01", None, "month"),
    "Mid 2020": ("2020-01-01", None, "year"),
}


def test_a_date_marked_as_approximate_or_naming_part_of_a_period_reads_as_the_period(tmp_path: Path) -> None:
    """Historians' chronologies write these; every such row was skipped as "expected a date"."""
    ds, by_title = _opened(tmp_path, list(QUALIFIED), "entry", ["late,no date", "mid-term,no date"])
    for i, (start, end, precision) in enumerate(QUALIFIED.values()):
        row = by_title.loc[f"entry {i}"]
        assert row["start"] == pd.Timestamp(start, tz="UTC"), i
        assert (pd.isna(row["end"]) if end is None else row["end"] == pd.Timestamp(end, tz="UTC")), i
        assert str(row["precision"]) == precision, i
    said = [p.message for p in ds.problems if "naming part of a period" in p.message]
    assert said == [f"{len(QUALIFIED)} dates marked as approximate or naming part of a period ('c. 1850s', "
                    "'early 2019', 'late 19th century') read as the whole period written"]
    assert [p.row for p in ds.problems if p.level == "error"] == [len(QUALIFIED) + 2, len(QUALIFIED) + 3]


PERIOD_SPANS = {  # a span between named periods: from the first one's start to the last one's end
    "Q2 2021 – Q1 2022": ("2021-04-01", "2022-03-01", "month", "month"),
    "H2 2019 to H1 2020": ("2019-07-01", "2020-06-01", "month", "month"),
    "2019-W10–2019-W12": ("2019-03-04", "2019-03-24", "day", "day"),
    "winter 2019 – spring 2020": ("2018-12-01", "2020-05-01", "month", "month"),
    "Q3 2019 - 2020": ("2019-07-01", "2020-01-01", "month", "year"),
}


def test_a_span_between_named_periods_runs_from_the_first_ones_start_to_the_last_ones_end(tmp_path: Path) -> None:
    """"Q2 2021 – Q1 2022" was "expected a date" and its row skipped: a quarter alone read, two of them did not."""
    ds, by_title = _opened(tmp_path, list(PERIOD_SPANS), "span", ['"Q1 2019",a quarter'])
    for i, (start, end, first, last) in enumerate(PERIOD_SPANS.values()):
        row = by_title.loc[f"span {i}"]
        assert (row["start"], row["end"]) == (pd.Timestamp(start, tz="UTC"), pd.Timestamp(end, tz="UTC")), i
        assert (str(row["precision"]), str(row["end_precision"])) == (first, last), i
    assert not ds.problems
