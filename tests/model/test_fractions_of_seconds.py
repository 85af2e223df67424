"""A time's fraction of a second is read to its sixth digit whatever its length: ten digits or more (a fraction
some loggers write to the picosecond) and any fraction after a date written otherwise than ISO's ("04/03/2019
10:00:00.5") were dropped whole, without a word: 10:00:00.9999999999 sorted before 10:00:00.9."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import viewer


@pytest.mark.parametrize(("written", "micros"), [
    ("2019-06-01T10:00:00.9Z", 900_000), ("2019-06-01T10:00:00.999999999Z", 999_999),
    ("2019-06-01T10:00:00.9999999999Z", 999_999), ("2019-06-01T10:00:00.123456789012Z", 123_456),
    ("2019-06-01 10:00:00.000001000000", 1), ("01/06/2019 10:00:00.25", 250_000),
    ("01/06/2019 10:00:00.1234567891", 123_456)])
def test_the_fraction_is_kept_to_the_microsecond(tmp_path: Path, written: str, micros: int) -> None:
    path = tmp_path / "times.csv"
    path.write_text(f"date,title\n{written},a\n2019-06-01T09:00:00Z,b\n", encoding="utf-8")
    ds = viewer.load(path)
    start = ds.events.set_index("title").loc["a", "start"]
    assert start.microsecond == micros and start.second == 0 and str(ds.events["precision"].iloc[-1]) == "time"


def test_the_order_follows_the_fractions(tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    path.write_text("date,title\n" + "".join(f"2019-06-01T10:00:00.{'9' * k}Z,frac{k}\n" for k in range(1, 16)),
                    encoding="utf-8")
    starts = viewer.load(path).events["start"]
    assert starts.is_monotonic_increasing and (starts >= pd.Timestamp("2019-06-01T10:00:00.9Z")).all()
