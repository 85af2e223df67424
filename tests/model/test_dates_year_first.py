"""Dates with the year before a month's name, as PubMed writes a publication's date (its DP field, its CSV's
"Publication Date") and catalogues and logs write theirs: "2019 Mar", "2019 Spring", "2019 Mar-Apr", "2018 Dec-2019
Jan", "2019 Mar 5-10", "2019-Mar-05". Before, all but "2019 Mar 5" were skipped as "expected a date"; a column of
"2019 March" was refused."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import viewer
from viewer.model.dates.columns import parse_column

from .test_date_forms import _written

WRITTEN = {  # written -> (start, precision, end or None, its precision)
    "2019 Mar 5": ("2019-03-05", "day", None, None),
    "2019 Mar": ("2019-03-01", "month", None, None),
    "2019 March": ("2019-03-01", "month", None, None),
    "2020 Dec.": ("2020-12-01", "month", None, None),
    "2019, Apr": ("2019-04-01", "month", None, None),
    "2019 mars": ("2019-03-01", "month", None, None),
    "2019-Mar-05": ("2019-03-05", "day", None, None),
    "2019 Spring": ("2019-03-01", "month", "2019-05-01", "month"),
    "2019 Winter": ("2018-12-01", "month", "2019-02-01", "month"),
    "2019 Mar-Apr": ("2019-03-01", "month", "2019-04-01", "month"),
    "2018 Dec-2019 Jan": ("2018-12-01", "month", "2019-01-01", "month"),
    "2019 Mar 5-10": ("2019-03-05", "day", "2019-03-10", "day"),
    "2019 Mar 25-Apr 2": ("2019-03-25", "day", "2019-04-02", "day"),
}


def test_a_column_of_pubmed_dates_opens_each_as_written(tmp_path: Path) -> None:
    ds = viewer.load(_written(tmp_path, list(WRITTEN)))
    assert ds.event_count == len(WRITTEN)
    assert not [p for p in ds.problems if p.level == "error" or "expected a date" in p.message]
    by_title = ds.events.set_index("title")
    for i, (written, (start, first, end, last)) in enumerate(WRITTEN.items()):
        row = by_title.loc[f"row {i}"]
        assert (row["start"], str(row["precision"])) == (pd.Timestamp(start, tz="UTC"), first), written
        if end is None:
            assert pd.isna(row["end"]), written
        else:
            assert (row["end"], str(row["end_precision"])) == (pd.Timestamp(end, tz="UTC"), last), written


def test_a_season_after_its_year_is_said_as_a_season(tmp_path: Path) -> None:
    ds = viewer.load(_written(tmp_path, ["2019 Spring", "Fall 2019", "2019-03-04"]))
    assert [p.message.split(" (")[0] for p in ds.problems if "season" in p.message] == [
        "2 seasons read as the months they cover north of the equator"]


@pytest.mark.parametrize("written", ["2019 Budget", "2019 Total", "2019 Foo-Bar", "2019 Mar 40"])
def test_a_year_before_a_word_that_names_no_month_stays_unread(written: str) -> None:
    column = parse_column(pd.Series([written, "2019 Mar"]))
    assert pd.isna(column.instants.iloc[0]) and bool(column.invalid.iloc[0])
    assert column.instants.iloc[1] == pd.Timestamp("2019-03-01", tz="UTC")
