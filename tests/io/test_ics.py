"""iCalendar: all-day and zoned events, floating times, bounded recurrence, malformed calendars."""

import contextlib
import tempfile
import threading
from functools import cache
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.io import ics
from viewer.model.dataset import Dataset
from viewer.model.problems import LoadError

FIXTURES = Path(__file__).parent / "fixtures"


@cache
def _edge():
    return ics.read(FIXTURES / "calendar_edge.ics")


def _by_id(ds, uid):
    return ds.events.set_index("id").loc[uid]


def test_an_all_day_event_ends_on_the_day_before_dtend_at_day_precision() -> None:
    event = _by_id(_edge(), "allday-3")
    assert event["precision"] == "day" and event["end"] == pd.Timestamp("2024-01-03", tz="UTC")
    assert event["span_end"] == pd.Timestamp("2024-01-04", tz="UTC")


def test_a_one_day_all_day_event_has_no_end() -> None:
    assert pd.isna(_by_id(_edge(), "allday-1")["end"])


def test_zoned_times_are_converted_to_utc_and_duration_gives_the_end() -> None:
    event = _by_id(_edge(), "berlin")
    assert event["start"] == pd.Timestamp("2024-07-01 07:00", tz="UTC")
    assert event["end"] == pd.Timestamp("2024-07-01 08:30", tz="UTC")


def test_floating_times_are_taken_as_utc_with_a_note() -> None:
    ds = _edge()
    assert _by_id(ds, "floating")["start"] == pd.Timestamp("2024-02-01 12:00", tz="UTC")
    assert any(p.level == "info" and "no UTC offset" in p.message for p in ds.problems)


_OWN_ZONE = """BEGIN:VCALENDAR
VERSION:2.0
X-WR-TIMEZONE:{zone}
BEGIN:VEVENT
UID:meeting
SUMMARY:Board meeting
DTSTART:20190402T090000
DTEND:20190402T103000
END:VEVENT
BEGIN:VEVENT
UID:zoned
SUMMARY:Call
DTSTART:20190402T090000Z
END:VEVENT
BEGIN:VEVENT
UID:day
SUMMARY:Offsite
DTSTART;VALUE=DATE:20190403
END:VEVENT
END:VCALENDAR
"""


def test_floating_times_are_read_in_the_calendars_own_zone(tmp_path: Path) -> None:
    """Google Calendar and Apple's name the calendar's zone in X-WR-TIMEZONE; its floating times were taken as
    UTC, two hours off in a Paris summer."""
    path = tmp_path / "board.ics"
    path.write_text(_OWN_ZONE.format(zone="Europe/Paris"))
    ds = ics.read(path)
    meeting = _by_id(ds, "meeting")
    assert meeting["start"] == pd.Timestamp("2019-04-02 07:00", tz="UTC")
    assert meeting["end"] == pd.Timestamp("2019-04-02 08:30", tz="UTC")
    assert _by_id(ds, "zoned")["start"] == pd.Timestamp("2019-04-02 09:00", tz="UTC")  # (its own zone wins)
    assert _by_id(ds, "day")["start"] == pd.Timestamp("2019-04-03", tz="UTC")
    said = [p.message for p in ds.problems]
    assert "2 times with no zone read in the calendar's own, Europe/Paris (X-WR-TIMEZONE)" in said
    assert not any("no UTC offset" in m for m in said)


def test_a_calendar_zone_no_one_knows_is_said_and_its_times_taken_as_utc(tmp_path: Path) -> None:
    path = tmp_path / "board.ics"
    path.write_text(_OWN_ZONE.format(zone="Mars/Olympus"))
    ds = ics.read(path)
    assert _by_id(ds, "meeting")["start"] == pd.Timestamp("2019-04-02 09:00", tz="UTC")
    (said,) = [p for p in ds.problems if p.field == "X-WR-TIMEZONE"]
    assert said.level == "warning" and "'Mars/Olympus'" in said.message


def test_an_unknown_time_zone_is_a_warning_not_a_crash() -> None:
    ds = _edge()
    assert any(p.field == "DTSTART" and "Atlantis" in p.message for p in ds.problems)


def test_summary_description_location_categories_and_url_are_kept() -> None:
    event = _by_id(_edge(), "allday-3")
    assert event["title"] == "Three whole days" and event["category"] == "Holiday"
    assert event["tags"] == "Holiday;Family" and event["source_url"] == "https://example.org/holiday"
    assert event["description"] == "First line\nsecond line\n\nLocation: Berlin"
    assert _by_id(_edge(), "allday-1")["source_url"] == ""


def test_recurrence_honours_exdate_and_recurrence_id_overrides() -> None:
    weekly = _edge().events[_edge().events["id"].str.startswith("weekly")]
    starts = sorted(weekly["start"].dt.strftime("%m-%d"))
    assert starts == ["03-01", "03-16", "03-22"]


def test_monthly_all_day_recurrence_skips_short_months_and_adds_rdates() -> None:
    events = _edge().events
    month_ends = events[events["id"].str.startswith("monthly-allday@")]
    assert sorted(month_ends["start"].dt.strftime("%m-%d")) == ["01-31", "02-15", "03-31", "05-31"]
    assert set(month_ends["precision"]) == {"day"}


def test_an_endless_rule_stops_at_the_bound_and_says_so() -> None:
    ds = _edge()
    assert (ds.events["id"].str.startswith("forever@")).sum() == ics.MAX_OCCURRENCES
    assert any(p.field == "RRULE" and p.level == "warning" and p.row == 7 for p in ds.problems)
    assert any(p.field == "RRULE" and p.level == "info" and str(ics.MAX_YEARS) in p.message for p in ds.problems)


def _read_within(path: Path, seconds: float = 60) -> object:
    """``ics.read`` on a thread of its own, given ``seconds`` (an expansion that never ends fails the test, and
    the thread, a daemon, does not keep the run from ending)."""
    done: list[object] = []
    reader = threading.Thread(target=lambda: done.append(ics.read(path)), daemon=True)
    reader.start()
    reader.join(seconds)
    assert done, f"{path.name} was still being read after {seconds} s"
    return done[0]


@pytest.mark.parametrize(("rule", "count", "cut"), [("FREQ=DAILY;COUNT=40", 40, False),
                                                     ("FREQ=DAILY", ics.MAX_OCCURRENCES, True),
                                                     ("FREQ=HOURLY", None, True),
                                                     ("FREQ=SECONDLY", 1, True)])
def test_an_all_day_event_repeating_daily_or_faster_opens_and_is_bounded(tmp_path: Path, rule: str,
                                                                         count: int | None, cut: bool) -> None:
    """"Out of office" every day, as an all-day event: the expansion stepped through the calendar a day at a time
    in spans that could not pass the day, and the file never finished opening (ten repeats were enough). Faster
    than daily, every occurrence of a day is that day (``None``: as many days as the occurrences made allow)."""
    path = _calendar(tmp_path, f"BEGIN:VEVENT\r\nUID:ooo\r\nDTSTART;VALUE=DATE:20190107\r\nSUMMARY:Out of office\r\n"
                               f"RRULE:{rule}\r\nEND:VEVENT\r\n".encode())
    ds = _read_within(path)
    assert isinstance(ds, Dataset)
    starts = ds.events["start"]
    assert (len(starts) == count if count else 1 < len(starts) <= ics.MAX_OCCURRENCES)
    assert set(ds.events["precision"]) == {"day"} and starts.is_unique
    assert list(starts.iloc[:2].dt.strftime("%Y-%m-%d")) == (["2019-01-07"] if count == 1
                                                              else ["2019-01-07", "2019-01-08"])
    assert any("recurrence cut at" in p.message for p in ds.problems) == cut


@pytest.mark.parametrize("step", ["0", "-3"])
def test_a_rule_that_never_steps_keeps_its_start_and_says_so(tmp_path: Path, step: str) -> None:
    """``INTERVAL=0`` gives the start again and again: the expansion filled the memory (23 GB in 12 minutes)."""
    path = _calendar(tmp_path, f"BEGIN:VEVENT\r\nUID:stuck\r\nDTSTART:20190107T090000Z\r\nSUMMARY:Stand-up\r\n"
                               f"RRULE:FREQ=DAILY;INTERVAL={step}\r\nEND:VEVENT\r\n".encode())
    ds = _read_within(path)
    assert isinstance(ds, Dataset) and list(ds.events["title"]) == ["Stand-up"]
    assert [p.message for p in ds.problems if p.field == "RRULE" and p.level == "warning"] == [
        f"unreadable recurrence (INTERVAL={step}; expected a whole number of 1 or more); only DTSTART kept"]


@pytest.mark.parametrize(("start", "end", "hours"), [("DTSTART:20190101T090000", "DTEND:20190101T110000Z", 2),
                                                    ("DTSTART;TZID=Europe/Paris:20190101T090000",
                                                     "DTEND:20190101T110000", 2)])
def test_a_start_and_an_end_one_floating_one_zoned_make_a_span(tmp_path: Path, start: str, end: str,
                                                                 hours: int) -> None:
    """A floating start with an end in UTC raised TypeError out of the reader (naive minus aware): the end is read
    as the start is, in the start's zone."""
    path = _calendar(tmp_path, f"BEGIN:VEVENT\r\nUID:m\r\n{start}\r\n{end}\r\nSUMMARY:Mixed\r\n"
                               "END:VEVENT\r\n".encode())
    event = ics.read(path).events.iloc[0]
    assert event["end"] - event["start"] == pd.Timedelta(hours=hours)


def test_events_without_a_readable_start_are_skipped_and_reported() -> None:
    ds = _edge()
    errors = {(p.row, p.field) for p in ds.problems if p.level == "error"}
    assert {(9, "DTSTART"), (10, "DTSTART")} <= errors


def test_the_calendar_name_is_the_title() -> None:
    assert _edge().title == "Edge calendar"


def test_a_truncated_calendar_is_read_event_by_event() -> None:
    ds = ics.read(FIXTURES / "calendar_truncated.ics")
    assert list(ds.events["title"]) == ["Readable"]
    assert any("no END:VEVENT" in p.message for p in ds.problems)


@pytest.mark.parametrize(("content", "expected"), [
    (b"", "empty file"), (b"hello", "not an iCalendar file"), (b"BEGIN:VCALENDAR\r\ngarbage\r\n", "not a readable")])
def test_files_that_are_not_calendars_are_refused(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "x.ics"
    path.write_bytes(content)
    with pytest.raises(LoadError, match=expected):
        ics.read(path)


def test_the_sniffer_accepts_calendars_and_bare_events_after_a_bom() -> None:
    assert ics.looks_like(b"\xef\xbb\xbfBEGIN:VCALENDAR\r\n")
    assert ics.looks_like(b"BEGIN:VEVENT\r\n")
    assert not ics.looks_like(b"<timeline>")


@settings(max_examples=30, deadline=None)
@given(cut=st.integers(0, 4000), junk=st.binary(max_size=12), at=st.integers(0, 4000))
def test_a_damaged_file_gives_a_dataset_or_a_load_error_never_a_crash(cut: int, junk: bytes, at: int) -> None:
    data = (FIXTURES / "calendar_edge.ics").read_bytes().replace(b"FREQ=DAILY", b"FREQ=DAILY;COUNT=3")[:cut]
    data = data[:at] + junk + data[at:]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.ics"
        path.write_bytes(data)
        with contextlib.suppress(LoadError):
            ics.read(path)


EDGES = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//test//edges//EN
BEGIN:VEVENT
UID:end
DTSTART:99991231T235959Z
RRULE:FREQ=DAILY
SUMMARY:At the end of the calendar
END:VEVENT
BEGIN:VEVENT
UID:first
DTSTART;VALUE=DATE:00010101
RRULE:FREQ=YEARLY
SUMMARY:From the first year
END:VEVENT
BEGIN:VEVENT
UID:late
DTSTART:99950601T100000Z
RRULE:FREQ=YEARLY
SUMMARY:Yearly near the end
END:VEVENT
END:VCALENDAR
"""


def test_series_at_the_calendars_ends_keep_their_start_and_say_so(tmp_path: Path) -> None:
    """Ten years past a start in 9995 is past year 9999: the bound of the expansion raised ValueError out of
    the reader; a series whose rule gives nothing there was lost without a word."""
    path = tmp_path / "edges.ics"
    path.write_text(EDGES, encoding="utf-8")
    ds = ics.read(path)
    counts = ds.events.groupby("title")["start"].agg(["count", "min"])
    assert counts.loc["At the end of the calendar", "count"] == 1
    assert counts.loc["From the first year", "min"].year == 1
    assert counts.loc["Yearly near the end", "count"] == 5  # 9995 … 9999
    said = {(p.row, p.field) for p in ds.problems if p.level == "warning"}
    assert (1, "RRULE") in said and (2, "RRULE") in said


def _calendar(tmp_path: Path, body: bytes) -> Path:
    path = tmp_path / "c.ics"
    path.write_bytes(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n" + body + b"END:VCALENDAR\r\n")
    return path


@pytest.mark.parametrize(("written", "utc"), [("00010101T000000Z", "0001-01-01 00:00"),
                                              ("08000101T120000Z", "0800-01-01 12:00"),
                                              ("00010101T010000;TZID=Europe/Paris", "0001-01-01 00:50")])
def test_a_time_before_the_year_1000_keeps_its_century(tmp_path: Path, written: str, utc: str) -> None:
    """strftime wrote the year 1 as "1", then read as a two-digit year: 2001."""
    value, _, zone = written.partition(";")
    stamp = f"DTSTART;{zone}:{value}" if zone else f"DTSTART:{value}"
    ds = ics.read(_calendar(tmp_path, f"BEGIN:VEVENT\r\nUID:a\r\n{stamp}\r\nSUMMARY:Old\r\nEND:VEVENT\r\n".encode()))
    start = ds.events["start"].iloc[0]
    assert f"{start.year:04d}-{start.month:02d}-{start.day:02d} {start.hour:02d}:{start.minute:02d}" == utc
    assert not [p for p in ds.problems if "two-digit" in p.message or "ISO 8601" in p.message]


def test_a_fold_that_cuts_a_character_in_two_is_unfolded_before_decoding(tmp_path: Path) -> None:
    """RFC 5545 folds at 75 bytes, which may fall inside a character: decoded before it was unfolded, the file
    failed as UTF-8 and read as cp1252, "Société" as "SociÃ©tÃ©"."""
    summary = "SUMMARY:Soci\u00e9t\u00e9 G\u00e9n\u00e9rale".encode()
    cut = summary.index(b"\xc3") + 1  # between the two bytes of the first é
    body = b"BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20190304T100000Z\r\n" + summary[:cut] + b"\r\n " + summary[cut:]
    ds = ics.read(_calendar(tmp_path, body + b"\r\nEND:VEVENT\r\n"))
    assert ds.events["title"].tolist() == ["Soci\u00e9t\u00e9 G\u00e9n\u00e9rale"]


def test_counts_in_notes_agree_with_their_nouns(tmp_path: Path) -> None:
    """"1 recurring events expanded", "1 times have no UTC offset": one is said in the singular."""
    path = tmp_path / "one.ics"
    path.write_text("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:1\r\nDTSTART:20200101T100000\r\n"
                    "RRULE:FREQ=DAILY;COUNT=3\r\nSUMMARY:Stand-up\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", encoding="utf-8")
    said = [p.message for p in ics.read(path).problems]
    assert any(m.startswith("1 recurring event expanded") for m in said), said
    assert not any(m.startswith("1 ") and (" have " in m or " events " in m) for m in said), said
