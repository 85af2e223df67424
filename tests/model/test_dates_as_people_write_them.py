"""Dates as people type them into a spreadsheet: seasons ("Spring 2019", "winter 2019/20"), halves and weeks in words
("first half of 2019", "week 10 2019", the German "KW 10/2019"), years whose last is written by two digits
("1914-18", "2019/20"), days of one month joined by a hyphen ("March 4-6, 2019", "4.-6. März 2019"), a time after a
word ("um 10:00", "à 10h30", "10 Uhr"), an hour alone ("10am"), East Asian times ("10時30分", "午後3時") and a year
by its two digits after an apostrophe ("5 Sep '19"). Before, each row was skipped as "expected a date"."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import viewer
from viewer.model.dates import periods
from viewer.model.dates.columns import parse_column

from .test_date_forms import _written

SPANS = {  # written -> (start, precision, end, precision)
    "Spring 2019": ("2019-03-01", "month", "2019-05-01", "month"),
    "summer 2019": ("2019-06-01", "month", "2019-08-01", "month"),
    "Fall 2019": ("2019-09-01", "month", "2019-11-01", "month"),
    "autumn of 2019": ("2019-09-01", "month", "2019-11-01", "month"),
    "winter 2019": ("2018-12-01", "month", "2019-02-01", "month"),
    "winter 2019/20": ("2019-12-01", "month", "2020-02-01", "month"),
    "Winter 2019–20": ("2019-12-01", "month", "2020-02-01", "month"),
    "Frühjahr 2019": ("2019-03-01", "month", "2019-05-01", "month"),
    "hiver 2019/2020": ("2019-12-01", "month", "2020-02-01", "month"),
    "first half of 2019": ("2019-01-01", "month", "2019-06-01", "month"),
    "2nd half 2019": ("2019-07-01", "month", "2019-12-01", "month"),
    "week 10 2019": ("2019-03-04", "day", "2019-03-10", "day"),
    "W10 2019": ("2019-03-04", "day", "2019-03-10", "day"),
    "KW 10/2019": ("2019-03-04", "day", "2019-03-10", "day"),
    "1914-18": ("1914-01-01", "year", "1918-01-01", "year"),
    "1939–45": ("1939-01-01", "year", "1945-01-01", "year"),
    "1998–03": ("1998-01-01", "year", "2003-01-01", "year"),
    "2019/20": ("2019-01-01", "year", "2020-01-01", "year"),
    "March 4-6, 2019": ("2019-03-04", "day", "2019-03-06", "day"),
    "Sept. 28 – 30, 2019": ("2019-09-28", "day", "2019-09-30", "day"),
    "March 30 – April 2, 2019": ("2019-03-30", "day", "2019-04-02", "day"),
    "4-6 March 2019": ("2019-03-04", "day", "2019-03-06", "day"),
    "4.-6. März 2019": ("2019-03-04", "day", "2019-03-06", "day"),
    "between 1850 and 1860": ("1850-01-01", "year", "1860-01-01", "year"),
    "Between March 2019 and May 2019": ("2019-03-01", "month", "2019-05-01", "month"),
    "entre 1850 et 1860": ("1850-01-01", "year", "1860-01-01", "year"),
    "1850 or 1851": ("1850-01-01", "year", "1851-01-01", "year"),
}
SINGLE = {  # written -> (instant, precision)
    "14.03.2019 10:00 Uhr": ("2019-03-14T10:00", "time"),
    "14.03.2019 10 Uhr": ("2019-03-14T10:00", "time"),
    "5. März 2019 um 10:00": ("2019-03-05T10:00", "time"),
    "4 mars 2019 à 10h30": ("2019-03-04T10:30", "time"),
    "4 de marzo de 2019 a las 10:00": ("2019-03-04T10:00", "time"),
    "2019-03-04 10am": ("2019-03-04T10:00", "time"),
    "4 March 2019 3 p.m.": ("2019-03-04T15:00", "time"),
    "2019年3月5日 10時30分": ("2019-03-05T10:30", "time"),
    "2019年3月5日 10時30分15秒": ("2019-03-05T10:30:15", "time"),
    "2019年3月5日 午後3時": ("2019-03-05T15:00", "time"),
    "2019年3月5日 15:45": ("2019-03-05T15:45", "time"),
    "2019년 3월 5일 오후 3시 30분": ("2019-03-05T15:30", "time"),
    "5 Sep '19": ("2019-09-05", "day"),
    "Sep 5 '19": ("2019-09-05", "day"),
    "5 Sep ’89": ("1989-09-05", "day"),
    "2019-03-04 noon": ("2019-03-04T12:00", "time"),  # (before: skipped)
    "March 4, 2019 at noon": ("2019-03-04T12:00", "time"),
    "4 March 2019, midnight": ("2019-03-04T00:00", "day"),  # (a column of midnights alone: days)
}
UNREAD = ["winter 2019/23", "summer 2019/20", "week 54 2019", "2019年3月 10時", "2019年3月5日 午後15時",
          "between friends and family", "Oregon or Washington"]


def test_seasons_halves_weeks_and_short_spans_open_as_spans(tmp_path: Path) -> None:
    ds = viewer.load(_written(tmp_path, list(SPANS)))
    # the wars are far from the bulk, beside 2019; the dates between two are said as approximate
    said = ("far from the bulk", "4 dates marked as approximate")
    assert not [p for p in ds.problems if p.level in ("warning", "error") and not p.message.startswith(said)
                and said[0] not in p.message]
    by_title = ds.events.set_index("title")
    for i, (written, (start, first, end, last)) in enumerate(SPANS.items()):
        row = by_title.loc[f"row {i}"]
        assert (row["start"], row["end"]) == (pd.Timestamp(start, tz="UTC"), pd.Timestamp(end, tz="UTC")), written
        assert (str(row["precision"]), str(row["end_precision"])) == (first, last), written


def test_a_date_between_two_is_read_as_the_span_and_said_as_approximate(tmp_path: Path) -> None:
    ds = viewer.load(_written(tmp_path, ["between 1850 and 1860", "1850 or 1851", "1855"]))
    said = [p for p in ds.problems if p.level == "warning"]
    assert [p.message.split(" (")[0] for p in said] == [
        "2 dates marked as approximate or naming part of a period"]


def test_seasons_are_said_once_with_the_months_they_are_read_as(tmp_path: Path) -> None:
    ds = viewer.load(_written(tmp_path, ["Spring 2019", "winter 2019", "Q1 2019"]))
    said = [p for p in ds.problems if "season" in p.message]
    assert [(p.message, p.level) for p in said] == [
        ("2 seasons read as the months they cover north of the equator (spring 2019: March–May 2019; winter 2019: "
         "December 2018–February 2019)", "info")]


@pytest.mark.parametrize(("written", "read"), SINGLE.items())
def test_times_after_words_east_asian_times_and_short_years_are_read(tmp_path: Path, written: str,
                                                                     read: tuple[str, str]) -> None:
    """Each in a column of its own (a column mixing day-first and year-first dates is another matter: its order is
    decided for the whole column)."""
    ds = viewer.load(_written(tmp_path, [written]))
    assert not [p for p in ds.problems if p.level in ("warning", "error")]
    row = ds.events.set_index("title").loc["row 0"]
    assert (row["start"], str(row["precision"])) == (pd.Timestamp(read[0], tz="UTC"), read[1])
    assert pd.isna(row["end"])


def test_an_east_asian_time_is_said_to_have_no_zone_as_any_other(tmp_path: Path) -> None:
    ds = viewer.load(_written(tmp_path, ["2019年3月5日 10時30分", "2019年3月6日 午後3時", "2019-03-07 10:00"]))
    assert [p.message for p in ds.problems] == ["3 date-times have no time zone; taken as UTC"]


@pytest.mark.parametrize("written", UNREAD)
def test_what_names_no_such_period_is_said_by_its_row(tmp_path: Path, written: str) -> None:
    ds = viewer.load(_written(tmp_path, [written, "2019-03-04"]))
    assert ds.event_count == 1
    assert any(p.row == 2 and written in p.message and "expected a date" in p.message for p in ds.problems)


def test_two_digits_that_could_be_a_month_are_no_second_year() -> None:
    assert periods.bounds("2019-03") is None and periods.bounds("2019/12") is None
    assert periods.bounds("2019-13") is None  # 2113 is no one's second year: a slip
    assert periods.following(1914, "18") == 1918 and periods.following(1998, "03") == 2003


def test_a_month_written_with_its_year_stays_a_month(tmp_path: Path) -> None:
    ds = viewer.load(_written(tmp_path, ["2019-03", "2019-12", "1914-18"]))
    by_title = ds.events.set_index("title")
    assert by_title.loc["row 0", "start"] == pd.Timestamp("2019-03-01", tz="UTC")
    assert pd.isna(by_title.loc["row 0", "end"]) and str(by_title.loc["row 1", "precision"]) == "month"
    assert by_title.loc["row 2", "end"] == pd.Timestamp("1918-01-01", tz="UTC")


@pytest.mark.parametrize("written, expected", [
    ("2019. 3. 5.", "2019-03-05 00:00"),  # Korean Windows and Excel
    ("2019. 3. 5. 오후 3:00:00", "2019-03-05 15:00"),
    ("2019. 12. 25. 오전 11:05", "2019-12-25 11:05"),
    ("2019/3/5 下午 3:00:00", "2019-03-05 15:00"),  # Chinese
    ("2019/3/6 上午 9:30:00", "2019-03-06 09:30"),
    ("2019/03/05 午後3:00", "2019-03-05 15:00"),  # Japanese
    ("2019-3-5 3:00 PM", "2019-03-05 15:00"),  # a year first, one-digit month and day, a 12-hour clock
])
def test_east_asian_dates_with_morning_or_afternoon_before_the_time_are_read(written: str, expected: str) -> None:
    """Each was "expected a date" and its row skipped (a KakaoTalk or Excel export in Korean had no event)."""
    parsed = parse_column(pd.Series([written, written]))
    assert parsed.instants.iloc[0] == pd.Timestamp(expected, tz="UTC")
