"""24:00 is the midnight that ends the day written. A column whose times were all at midnight read as dates, and
with it ``2020-01-01 24:00`` became the whole of 2 January, said as "every time is 00:00"; it stays the instant."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import viewer


@pytest.mark.parametrize("written", ["2020-01-01 24:00", "2020-01-01T24:00:00", "01/01/2020 24:00",
                                     "1 January 2020, 24:00"])
def test_a_day_ended_at_24_stays_an_instant(tmp_path: Path, written: str) -> None:
    path = tmp_path / "shifts.csv"
    path.write_text(f'date,title\n"{written}",a\n2020-01-02 00:00,b\n2020-01-03 00:00,c\n', encoding="utf-8")
    ds = viewer.load(path)
    row = ds.events.set_index("title").loc["a"]
    assert row["start"] == pd.Timestamp("2020-01-02", tz="UTC") and str(row["precision"]) == "time"
    assert not any("every time is 00:00" in str(p) for p in ds.problems)


def test_midnights_alone_still_read_as_dates(tmp_path: Path) -> None:
    path = tmp_path / "days.csv"
    path.write_text("date,title\n2020-01-01 00:00,a\n02/01/2020 00:00,b\n", encoding="utf-8")
    ds = viewer.load(path)
    assert set(ds.events["precision"].astype(str)) == {"day"}
    assert any("every time is 00:00" in str(p) for p in ds.problems)
