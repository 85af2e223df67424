"""Durations as tables write them beside a start: ISO 8601's, a clock's, words, plain numbers in the header's unit."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from viewer.model import durations

WRITTEN = {  # written -> (months, seconds)
    "PT1H30M": (0, 5400.0), "P3D": (0, 259200.0), "P1M": (1, 0.0), "P1Y2M": (14, 0.0), "PT0.5S": (0, 0.5),
    "P1W": (0, 604800.0), "pt45m": (0, 2700.0),
    "1:30:00": (0, 5400.0), "01:30": (0, 5400.0), "1:30:00.5": (0, 5400.5), "1.02:30:00": (0, 95400.0),
    "1 days 02:30:00": (0, 95400.0),
    "1h 30m": (0, 5400.0), "1h30m": (0, 5400.0), "90 min": (0, 5400.0), "2 hours": (0, 7200.0),
    "1.5 hours": (0, 5400.0), "1,5 h": (0, 5400.0), "3 days": (0, 259200.0), "2 weeks and 3 days": (0, 1468800.0),
    "1 year": (12, 0.0), "6 months": (6, 0.0), "250 ms": (0, 0.25),
    "45": (0, 45.0),
}


@pytest.mark.parametrize("written", list(WRITTEN))
def test_each_written_duration_is_read(written: str) -> None:
    assert durations.one(written) == pytest.approx(WRITTEN[written])


@pytest.mark.parametrize("written", ["P", "PT", "abc", "3 apples", "", "nan", "inf", "soon", "1:3", "2019-03-04"])
def test_what_is_no_duration_is_not_read(written: str) -> None:
    assert durations.one(written) is None


@pytest.mark.parametrize(("header", "unit"), [("duration", None), ("duration_min", 60.0), ("Duration (h)", 3600.0),
                                              ("call_seconds", 1.0), ("elapsed ms", 0.001), ("durationDays", 86400.0),
                                              ("Dauer", None), ("durationMinutes", 60.0)])
def test_a_header_names_the_unit_of_plain_numbers(header: str, unit: float | None) -> None:
    assert durations.header_unit(header) == unit


def test_a_column_reads_its_distinct_values_and_says_what_it_assumed() -> None:
    found = durations.parse(pd.Series(["90", "PT2H", "x", None, "90", "1e20"]), "duration")
    assert found.seconds[:2].tolist() == [90.0, 7200.0] and found.seconds[4] == 90.0
    assert found.unread.tolist() == [False, False, True, False, False, True]  # a "duration" past 10,000 years
    assert [level for level, _ in found.notes] == ["info"] and "2 durations" in found.notes[0][1]
    assert not durations.parse(pd.Series(["90"]), "duration_min").notes  # the header said minutes


def test_months_are_added_on_the_calendar() -> None:
    starts = pd.Series(pd.to_datetime(["2019-01-31T10:00Z", "2019-01-31T10:00Z", "2019-03-04T00:00Z", None],
                                      format="ISO8601"))
    found = durations.parse(pd.Series(["P1M", "PT2H", "x", "P1D"]), "")
    ends = durations.added(starts, found)
    assert ends[0] == pd.Timestamp("2019-02-28T10:00Z") and ends[1] == pd.Timestamp("2019-01-31T12:00Z")
    assert pd.isna(ends[2]) and pd.isna(ends[3])
    assert np.isnan(found.seconds[2])
