"""Spans written with a plain hyphen between months ("Jan-Mar 2019", "Dec 2018-Jan 2019", "1 March-3 April 2019"),
"from March to May 2019" and "2019-03-01..2019-03-05", and month names in Russian, Ukrainian, Polish, Czech and
Turkish (with the year's word after them: "2018 г.", "2018 r."), open as dates; before, each row was skipped as
"expected a date"."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import viewer

SPANS = {  # written -> (start, end)
    "Jan-Mar 2019": ("2019-01-01", "2019-03-01"),
    "Jan - Mar 2019": ("2019-01-01", "2019-03-01"),
    "Dec 2018-Jan 2019": ("2018-12-01", "2019-01-01"),
    "1 March-3 April 2019": ("2019-03-01", "2019-04-03"),
    "1 March – 3 April 2019": ("2019-03-01", "2019-04-03"),
    "1. März – 3. April 2019": ("2019-03-01", "2019-04-03"),
    "March 1-April 3, 2019": ("2019-03-01", "2019-04-03"),
    "from March to May 2019": ("2019-03-01", "2019-05-01"),
    "2019-03-01..2019-03-05": ("2019-03-01", "2019-03-05"),
    "январь–март 2019": ("2019-01-01", "2019-03-01"),
    "styczeń-marzec 2019": ("2019-01-01", "2019-03-01"),
}
DAYS = {  # written -> day
    "19 ноября 2018": "2018-11-19",
    "19 Ноября 2018 г.": "2018-11-19",
    "19 марта 2019 года": "2019-03-19",
    "19 листопада 2018": "2018-11-19",
    "19 listopada 2018 r.": "2018-11-19",
    "19. listopadu 2018": "2018-11-19",
    "19 Kasım 2018": "2018-11-19",
    "19 KASIM 2018": "2018-11-19",
    "1 şubat 2019": "2019-02-01",
    "3 maj 2019": "2019-05-03",
}


def _events(tmp_path: Path, cells: list[str]) -> tuple[viewer.Dataset, pd.DataFrame]:
    path = tmp_path / "table.csv"
    rows = [f'"{written}",event {i}' for i, written in enumerate(cells)]
    path.write_text("date,title\n" + "\n".join(rows) + "\n", encoding="utf-8")
    ds = viewer.load(path)
    return ds, ds.events.set_index("title")


@pytest.mark.parametrize("written", list(SPANS))
def test_a_span_joined_by_a_hyphen_or_a_word_opens_with_its_start_and_end(tmp_path: Path, written: str) -> None:
    ds, events = _events(tmp_path, [written, "2019-06-01"])
    start, end = SPANS[written]
    assert events.loc["event 0", "start"] == pd.Timestamp(start, tz="UTC")
    assert events.loc["event 0", "end"] == pd.Timestamp(end, tz="UTC")
    assert not [p for p in ds.problems if p.level == "error"]


@pytest.mark.parametrize("written", list(DAYS))
def test_a_day_with_its_month_named_in_another_language_opens_on_that_day(tmp_path: Path, written: str) -> None:
    _ds, events = _events(tmp_path, [written, "2019-06-01"])
    assert events.loc["event 0", "start"] == pd.Timestamp(DAYS[written], tz="UTC")
    assert events.loc["event 0", "precision"] == "day"


def test_words_joined_by_a_hyphen_are_still_no_span(tmp_path: Path) -> None:
    ds, events = _events(tmp_path, ["Foo-Bar 2019", "2019-06-01"])  # (its row is skipped, as before)
    assert "event 0" not in events.index
    assert any("expected a date" in p.message and p.row == 2 for p in ds.problems)  # (the header is row 1)


@pytest.mark.parametrize(("written", "start", "end"), [
    ("2019-03-04 09:00-10:30", "2019-03-04 09:00", "2019-03-04 10:30"),
    ("2019-03-04 14:00-15:00", "2019-03-04 14:00", "2019-03-04 15:00"),  # (no zone is 15 hours west: in any column)
    ("2019-03-04T09:00/10:30", "2019-03-04 09:00", "2019-03-04 10:30"),  # ISO 8601's interval, its end's day left
    ("2019-03-04 23:00-01:15", "2019-03-04 23:00", "2019-03-05 01:15"),  # (past midnight: the next day, said)
    ("4 March 2019, 09:00\u201310:30", "2019-03-04 09:00", "2019-03-04 10:30"),  # (a comma before the times)
    ("March 4, 2019, 9:00 AM \u2013 10:30 AM", "2019-03-04 09:00", "2019-03-04 10:30"),
    # -11:00 is an offset in use, but a writer of offsets puts a T before the time or writes its seconds
    ("2019-03-04 09:00-11:00", "2019-03-04 09:00", "2019-03-04 11:00"),
    ("2019-03-04 9:00-12:00", "2019-03-04 09:00", "2019-03-04 12:00"),
])
def test_two_times_of_day_joined_are_a_span_not_an_offset(tmp_path: Path, written: str, start: str,
                                                          end: str | None) -> None:
    """Before, "09:00-10:30" was read as 09:00 at UTC-10:30: 19:30 UTC, silently."""
    _ds, events = _events(tmp_path, [written, "2019-06-01"])
    assert events.loc["event 0", "start"] == pd.Timestamp(start, tz="UTC")
    assert (pd.isna(events.loc["event 0", "end"]) if end is None
            else events.loc["event 0", "end"] == pd.Timestamp(end, tz="UTC"))


@pytest.mark.parametrize(("written", "utc"), [("2019-03-04T09:00-05:00", "2019-03-04 14:00"),
                                              ("2019-03-04T09:00-03:30", "2019-03-04 12:30"),
                                              ("2019-03-04T09:00:00-04:30", "2019-03-04 13:30"),
                                              ("2019-03-04T09:00+05:45", "2019-03-04 03:15"),
                                              ("2019-03-04T09:00-11:00", "2019-03-04 20:00"),
                                              ("2019-03-04 09:00:00-11:00", "2019-03-04 20:00")])
def test_offsets_zones_use_stay_offsets(tmp_path: Path, written: str, utc: str) -> None:
    _ds, events = _events(tmp_path, [written, "2019-06-01"])
    assert events.loc["event 0", "start"] == pd.Timestamp(utc, tz="UTC")
    assert pd.isna(events.loc["event 0", "end"])


@pytest.mark.parametrize(("written", "end", "precision"), [
    ("2019-01-01/P1M", "2019-01-31", "day"),  # a month from 1 January ends on 31 January
    ("2019-01-01/P2W", "2019-01-14", "day"),
    ("2019-03-04T09:00/PT1H30M", "2019-03-04 10:30", "time"),
    ("2019-03/P2M", "2019-04-30", "day"),
    ("2019-03-04/P1D", None, None),  # a day lasting a day is that day
])
def test_an_iso_interval_of_a_start_and_a_duration_ends_where_it_says(tmp_path: Path, written: str, end: str | None,
                                                                       precision: str | None) -> None:
    """Before, "2019-01-01/P1M" (ISO 8601's start and duration) was skipped as "expected a date"."""
    ds, events = _events(tmp_path, [written, "2019-06-01"])
    row = events.loc["event 0"]
    if end is None:
        assert pd.isna(row["end"])
    else:
        assert row["end"] == pd.Timestamp(end, tz="UTC") and ds.events["end_precision"].iloc[0] == precision
    assert not [p for p in ds.problems if p.level in ("warning", "error")]


def test_a_date_the_calendar_cannot_read_leaves_the_table_on_the_calendar(tmp_path: Path) -> None:
    """Before, one cell read by no date form ("2019-03-04 09:00-1100") but by the years' reading of dates switched
    the whole table to the years clock: every date became a decimal year. It is a bad date, its row skipped."""
    path = tmp_path / "schedule.csv"
    path.write_text("date,title\n2019-03-04 09:00-11:00,a\n2019-03-04 14:00,b\n2019-03-04 09:00-1100,c\n",
                    encoding="utf-8")
    dataset = viewer.load(path)
    assert dataset.meta.clock == "calendar" and dataset.event_count == 2
    assert any("row 4" in str(problem) and "2019-03-04 09:00-1100" in str(problem) for problem in dataset.problems)
