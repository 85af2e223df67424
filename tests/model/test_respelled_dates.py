"""Dates as mail, feeds, calendars, programs and people in several languages write them, read where the column
parser skipped them as "expected a date"; the forms it reads keep their readings, and words stay unread."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import viewer
from viewer.model.dates import columns

READ = [
    ("Mon, 04 Mar 2019 10:00:00 +0000", "2019-03-04T10:00:00", "time"),
    ("Tue, 5 Mar 2019 23:10:00 -0500", "2019-03-06T04:10:00", "time"),
    ("Sun, 10 Mar 2019 08:00 +0130", "2019-03-10T06:30:00", "time"),
    ("Monday, March 4, 2019", "2019-03-04T00:00:00", "day"),
    ("4th March 2019", "2019-03-04T00:00:00", "day"),
    ("the 22nd of April 2021", "2021-04-22T00:00:00", "day"),
    ("20190304T100000Z", "2019-03-04T10:00:00", "time"),
    ("20190304T1000", "2019-03-04T10:00:00", "time"),
    ("2019 Mar 4", "2019-03-04T00:00:00", "day"),
    ("10:00 4 March 2019", "2019-03-04T10:00:00", "time"),
    ("2019-03-04 10h30", "2019-03-04T10:30:00", "time"),
    ("4. März 2019", "2019-03-04T00:00:00", "day"),
    ("Mittwoch, 6. März 2019", "2019-03-06T00:00:00", "day"),
    ("4 de marzo de 2019", "2019-03-04T00:00:00", "day"),
    ("1er janvier 2019", "2019-01-01T00:00:00", "day"),
    ("lundi 4 mars 2019", "2019-03-04T00:00:00", "day"),
    ("15 août 1969", "1969-08-15T00:00:00", "day"),
    ("12 febbraio 2019", "2019-02-12T00:00:00", "day"),
    ("3 maart 2020 14:30", "2020-03-03T14:30:00", "time"),
    ("25 de dezembro de 1999", "1999-12-25T00:00:00", "day"),
    ("Dezember 2019", "2019-12-01T00:00:00", "month"),
    ("2019-03-04T10:00+01:00[Europe/Paris]", "2019-03-04T09:00:00", "time"),  # Java's ZonedDateTime
    ("/Date(1551693600000)/", "2019-03-04T10:00:00", "time"),  # .NET's JSON dates
    ("/Date(1551693600000+0100)/", "2019-03-04T10:00:00", "time"),
    ("04-MAR-19 02.30.00.000000 PM", "2019-03-04T14:30:00", "time"),  # Oracle
    ("2019-03-04T10:00:00,5Z", "2019-03-04T10:00:00.500000", "time"),
    ("2019.03.04", "2019-03-04T00:00:00", "day"),
    ("[04/Mar/2019:10:00:00 +0100]", "2019-03-04T09:00:00", "time"),  # a web server's access log
    ("04/Mar/2019:10:00:00", "2019-03-04T10:00:00", "time"),
    ("Mon Mar 04 2019 10:00:00 GMT+0100 (Central European Standard Time)", "2019-03-04T09:00:00", "time"),  # JS
    ("Mon Mar  4 10:00:00 UTC 2019", "2019-03-04T10:00:00", "time"),  # Unix's date
    ("Mon Mar  4 10:00:00 EST 2019", "2019-03-04T15:00:00", "time"),
    ("Mon Mar 04 10:00:00 2019", "2019-03-04T10:00:00", "time"),  # C's asctime
    ("Mar 4, 2019 @ 10:00:00.000", "2019-03-04T10:00:00", "time"),  # Kibana
    ("March 4th, 2019 at 10:30 AM", "2019-03-04T10:30:00", "time"),
    ("2019-03-04 10:00:00 UTC+01:00", "2019-03-04T09:00:00", "time"),
    ("2019-03-04 10:00 (GMT-5)", "2019-03-04T15:00:00", "time"),
    ("Mar-19", "2019-03-01T00:00:00", "month"),  # Excel's mmm-yy, as spreadsheets export a month
    ("Mar '19", "2019-03-01T00:00:00", "month"),
    ("Sep-99", "1999-09-01T00:00:00", "month"),
    ("März-19", "2019-03-01T00:00:00", "month"),
    ("March 4, 2019 10:00\u202fAM", "2019-03-04T10:00:00", "time"),  # CLDR 42's narrow space before AM
    ("\u200e2019-03-04 10:00:00Z", "2019-03-04T10:00:00", "time"),  # a left-to-right mark first
    ("\u202e2019-03-04", "2019-03-04T00:00:00", "day"),  # a right-to-left override, from a page in Arabic
    ("\u20672019-03-04\u2069", "2019-03-04T00:00:00", "day"),  # an isolate around it, as a chat app writes one
    ("2019-03-04\u200b", "2019-03-04T00:00:00", "day"),  # a zero-width space, copied from a web page
    ("Mon Mar 04 10:00:00 +0000 2019", "2019-03-04T10:00:00", "time"),  # Twitter's created_at
    ("Wed Oct 10 20:19:24 -0500 2018", "2018-10-11T01:19:24", "time"),
    ("Mar 4, 2019, 10:00:00 PM", "2019-03-04T22:00:00", "time"),  # JavaScript's toLocaleString
    ("Mar 04, 2019 10:00:00 AM UTC", "2019-03-04T10:00:00", "time"),  # a zone after AM/PM
    ("Mar 4, 2019 10:00 PM EST", "2019-03-05T03:00:00", "time"),
    ("19/11/2018 10:00:00 a. m.", "2018-11-19T10:00:00", "time"),  # Spanish Excel's and Windows' a. m. / p. m.
    ("19/11/2018 03:30:00 p. m.", "2018-11-19T15:30:00", "time"),
    ("19/11/2018 12:05 a. m.", "2018-11-19T00:05:00", "time"),
    ("20190304T100000+0100", "2019-03-04T09:00:00", "time"),  # ISO's basic form with an offset
    ("20190304T1000-05", "2019-03-04T15:00:00", "time"),
    ("4 March 2019 (2019-03-04)", "2019-03-04T00:00:00", "day"),  # a wiki's hidden date, as read_html takes it
    ("March 2019 (2019-03)", "2019-03-01T00:00:00", "month"),
    ("2019/03/05(火) 10:00", "2019-03-05T10:00:00", "time"),  # a Japanese export's weekday in brackets
    ("2019/03/05 (火)", "2019-03-05T00:00:00", "day"),
    ("2019-03-05（二）", "2019-03-05T00:00:00", "day"),
    ("2019年3月5日星期二", "2019-03-05T00:00:00", "day"),  # Chinese's weekday after the day
    ("2019年3月5日 周二 下午3:00", "2019-03-05T15:00:00", "time"),
    ("03/04/2019 10:00:00 AM +01:00", "2019-03-04T09:00:00", "time"),  # .NET's DateTimeOffset (en-US)
    ("19/11/2018 10:00:00 -05:00", "2018-11-19T15:00:00", "time"),  # (en-GB, fr-FR)
    ("понедельник, 19 ноября 2018 г.", "2018-11-19T00:00:00", "day"),  # weekdays in five more languages
    ("Pazartesi, 19 Kasım 2018", "2018-11-19T00:00:00", "day"),
    ("poniedziałek, 19 listopada 2018", "2018-11-19T00:00:00", "day"),
    ("19 ноя 2018", "2018-11-19T00:00:00", "day"),
    ("2020-01-01 12:00 utc", "2020-01-01T12:00:00", "time"),  # a zone in lower case, as logs write it
    ("2020-01-03T14:00:00 gmt", "2020-01-03T14:00:00", "time"),
    ("2020-01-04 15:00z", "2020-01-04T15:00:00", "time"),
    ("04/03/2019 10:00 AM Utc", "2019-04-03T10:00:00", "time"),
]


@pytest.mark.parametrize(("written", "utc", "precision"), READ)
def test_read(written: str, utc: str, precision: str) -> None:
    parsed = columns.parse_column(pd.Series([written, written]))
    assert not parsed.invalid.any()
    assert parsed.instants.iloc[0].tz_convert(None).isoformat() == utc
    assert parsed.precisions.iloc[0] == precision


def test_a_column_mixing_them_with_iso_dates_reads_every_row() -> None:
    written = [w for w, _, _ in READ] + ["2019-03-04", "2019-03-04T10:00:00Z"]
    parsed = columns.parse_column(pd.Series(written * 50))
    assert not parsed.invalid.any()


def test_respelled_date_times_without_a_zone_are_said_as_the_others_are() -> None:
    """``Mar 4, 2019 @ 10:00`` has no zone as ``2019-03-04 10:00`` has none: one note counts both."""
    parsed = columns.parse_column(pd.Series(["Mar 4, 2019 @ 10:00", "2019-03-04 11:00", "10:00 5 March 2019"]))
    assert parsed.notes == [("info", "3 date-times have no time zone; taken as UTC")]
    parsed = columns.parse_column(pd.Series(["Mar 4, 2019 @ 10:00", "2019-03-04"]))
    assert ("info", "1 date-time has no time zone; taken as UTC") in parsed.notes


@pytest.mark.parametrize("words", ["not a date", "Mai Tai", "the end of March", "Monday", "de la Cruz", "10h",
                                   "Box-12", "Mar-2a"])
def test_words_stay_unread(words: str) -> None:
    assert columns.parse_column(pd.Series([words, "2019-03-04"])).invalid.tolist() == [True, False]


def test_a_column_of_feed_dates_is_found_as_the_date_column() -> None:
    assert columns.looks_like_dates(pd.Series(["Mon, 04 Mar 2019 10:00:00 +0000", "Tue, 05 Mar 2019 11:00:00 +0000"]))


def test_a_column_of_numbers_and_written_dates_is_read_without_error() -> None:
    """A Parquet or JSON column hands numbers over as numbers: what is left unread is respelled as text (an
    integer column crashed the load)."""
    mixed = pd.Series([20190304, "Mon, 04 Mar 2019 10:00:00 +0000", 1.5, None], dtype="object")
    parsed = columns.parse_column(mixed)
    assert parsed.instants.iloc[1].isoformat() == "2019-03-04T10:00:00+00:00"


@pytest.mark.parametrize(("written", "utc", "other"), [
    ("1551693600.25", "2019-03-04T10:00:00.250000", "1551693600"),
    ("82001169984.5", "4568-07-06T14:46:24.500000", "1551693600"),  # past pandas' nanoseconds: the load crashed
    ("66130817500440.5", "4065-08-07T23:31:40.440500", "1551693600000"),
])
def test_unix_time_with_a_fraction_past_2262(written: str, utc: str, other: str) -> None:
    parsed = columns.parse_column(pd.Series([written, other]))
    assert parsed.instants.iloc[0].tz_convert(None).isoformat() == utc


@pytest.mark.parametrize(("written", "utc"), [(20190304103000, "2019-03-04T10:30:00"),
                                              (201903041030, "2019-03-04T10:30:00")])
def test_compact_date_times_are_no_unix_time(written: int, utc: str) -> None:
    """GDELT's DATEADDED and many dumps: 20190304103000 was read as Unix milliseconds, in the year 2609."""
    parsed = columns.parse_column(pd.Series([written, written + 100]))
    assert parsed.instants.iloc[0].tz_convert(None).isoformat() == utc
    assert parsed.precisions.iloc[0] == "time"
    assert ("info", "integers read as date-times written YYYYMMDDHHMMSS (or YYYYMMDDHHMM)") in parsed.notes


def test_one_year_like_number_among_unread_dates_does_not_turn_the_table_into_years(tmp_path: Path) -> None:
    """Any unread cell that read as a year switched every row to the years clock (a 14-digit number among
    unread date forms made 13 dates years); the years clock now needs most unread cells to be years."""
    path = tmp_path / "log.csv"
    path.write_text("when,title\n2019-03-04,a\nsoon,b\nlater,c\n99999999999999,d\n2019-03-05,e\n", encoding="utf-8")
    ds = viewer.load(path)
    assert ds.meta.clock == "calendar" and ds.event_count == 2
    path.write_text("when,title\n-13800000000,Big Bang\n-500,Athens\n2019,Now\n", encoding="utf-8")
    assert viewer.load(path).meta.clock == "years"  # deep time, as before
