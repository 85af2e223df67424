"""A zone column (or suffix) of IANA names and written offsets: each date-time is placed in its zone, summer
time included (before, any zone but an abbreviation was taken as UTC, with a warning, and events were hours
off)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import viewer
from viewer.model.dates import columns

CASES = [
    ("2019-03-04", "10:00", "Europe/Paris", "2019-03-04T09:00:00"),  # winter: +1
    ("2019-07-04", "10:00", "Europe/Paris", "2019-07-04T08:00:00"),  # summer: +2
    ("2019-03-04", "10:00", "america/new_york", "2019-03-04T15:00:00"),  # any case
    ("2019-07-04", "10:00", "America/New_York", "2019-07-04T14:00:00"),
    ("2019-03-04", "10:00", "Asia/Kolkata", "2019-03-04T04:30:00"),
    ("2019-03-04", "10:00", "UTC+2", "2019-03-04T08:00:00"),
    ("2019-03-04", "10:00", "GMT-05:30", "2019-03-04T15:30:00"),
    ("2019-03-04", "10:00", "+0545", "2019-03-04T04:15:00"),
    ("2019-03-04", "10:00", "CET", "2019-03-04T09:00:00"),
    ("2019-03-31", "02:30", "Europe/Paris", "2019-03-31T01:30:00"),  # in the spring gap: the offset before it
    ("2019-10-27", "02:30", "Europe/Paris", "2019-10-27T00:30:00"),  # twice in autumn: the summer one
    ("2019-07-04", "10:00", "W. Europe Standard Time", "2019-07-04T08:00:00"),  # Windows' names (Outlook, .NET)
    ("2019-01-04", "10:00", "Pacific Standard Time", "2019-01-04T18:00:00"),
    ("2019-07-04", "10:00", "pacific standard time", "2019-07-04T17:00:00"),  # (the zone, not its winter offset)
]


@pytest.mark.parametrize(("date", "time", "zone", "utc"), CASES)
def test_each_zone_places_its_date_times(date: str, time: str, zone: str, utc: str) -> None:
    parsed = columns.parse_column(pd.Series([date]), times=pd.Series([time]), zones=pd.Series([zone]))
    assert parsed.instants.iloc[0].tz_convert(None).isoformat() == utc
    assert not [note for note in parsed.notes if note[0] == "warning" and "daylight-saving gap" not in note[1]]


def test_a_column_of_many_zones_and_unknown_names(tmp_path: Path) -> None:
    dates = [c[0] for c in CASES] * 30 + ["2019-03-04", "2019-03-04"]
    times = [c[1] for c in CASES] * 30 + ["10:00", "10:00"]
    zones = [c[2] for c in CASES] * 30 + ["Mars/Olympus", "UTC+25"]
    path = tmp_path / "meetings.csv"
    table = pd.DataFrame({"date": dates, "time": times, "timezone": zones, "title": range(len(dates))})
    table.to_csv(path, index=False)
    ds = viewer.load(path)
    got = ds.events.sort_values("row")["start"].dt.tz_convert(None).map(pd.Timestamp.isoformat).tolist()
    assert got[:-2] == [c[3] for c in CASES] * 30
    assert got[-2:] == ["2019-03-04T10:00:00"] * 2  # taken as UTC, and said
    (said,) = [p.message for p in ds.problems if "unknown time zones" in p.message]
    assert "Mars/Olympus" in said and "UTC+25" in said


@pytest.mark.parametrize(("value", "utc"), [
    ("2019-03-04 10:00 Europe/Paris", "2019-03-04T09:00:00"),
    ("2019-07-04 10:00 Europe/Paris", "2019-07-04T08:00:00"),
    ("2019-07-04 10:00 America/Argentina/Buenos_Aires", "2019-07-04T13:00:00"),
    ("2019-07-04 10:00 Etc/GMT+5", "2019-07-04T15:00:00"),  # POSIX's sign: five hours west
    ("Mar 4 2019 10:00 Asia/Tokyo", "2019-03-04T01:00:00"),
    ("2019-03-04 10:00 (Europe/London)", "2019-03-04T10:00:00"),
    ("2019-03-04 10:00 (EST)", "2019-03-04T15:00:00"),
])
def test_a_zone_name_written_after_the_time_places_it(value: str, utc: str) -> None:
    """As logs and exports write them; these were rows skipped as "expected a date"."""
    parsed = columns.parse_column(pd.Series([value, "2019-01-01 00:00 UTC"]))
    assert parsed.instants.iloc[0].tz_convert(None).isoformat() == utc
    assert not [note for note in parsed.notes if note[0] in ("warning", "error")]


def test_words_with_a_slash_after_a_date_are_no_zone() -> None:
    parsed = columns.parse_column(pd.Series(["2019-03-04 N/A", "2019-03-04 10:00 Mars/Olympus"]))
    assert parsed.instants.isna().tolist() == [True, False]  # the unknown name: taken as UTC, and said
    assert any("Mars/Olympus" in text for _, text in parsed.notes)
