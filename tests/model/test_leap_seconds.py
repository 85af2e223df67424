"""A leap second (``23:59:60``, as UTC inserts one some years' last day) is its day's last instant. Read by the clock's
rollover it was the next day's first: among dates, 31 December 2016's leap second became 1 January 2017, a day, said
as "every time is 00:00"."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import viewer


@pytest.mark.parametrize("written", ["2016-12-31T23:59:60Z", "2016-12-31 23:59:60", "31/12/2016 23:59:60"])
def test_a_leap_second_stays_on_its_day(tmp_path: Path, written: str) -> None:
    path = tmp_path / "leap.csv"
    path.write_text(f"date,title\n2016-12-31,a day\n{written},leap second\n2017-01-05,another\n", encoding="utf-8")
    ds = viewer.load(path)
    leap = ds.events.set_index("title").loc["leap second"]
    assert leap["start"] == pd.Timestamp("2016-12-31T23:59:59.999999Z") and str(leap["precision"]) == "time"
    assert ds.events["title"].tolist() == ["a day", "leap second", "another"]
    assert not [p for p in ds.problems if "every time is 00:00" in p.message]
