"""A calendar's own time zone (VTIMEZONE) whose rule changes the offset every second, minute or day: dateutil walked
it from its DTSTART (1601, as Outlook writes one) each time a time was read in the zone, and the calendar of one
event never opened. Such a rule is left out and said; a zone's yearly rules are read as before."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

import viewer


@contextmanager
def _within(seconds: float) -> Iterator[None]:
    """Raise TimeoutError in the test when the block takes longer (the walk is Python: the signal interrupts it)."""
    def _late(*_args: object) -> None:
        raise TimeoutError(f"took more than {seconds} s")
    before = signal.signal(signal.SIGALRM, _late)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, before)


def _calendar(tmp_path: Path, standard: str, daylight: str) -> Path:
    path = tmp_path / "zone.ics"
    path.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VTIMEZONE\r\nTZID:Custom\r\n"
        f"BEGIN:STANDARD\r\nDTSTART:16010101T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nRRULE:{standard}\r\n"
        "END:STANDARD\r\nBEGIN:DAYLIGHT\r\nDTSTART:16010101T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n"
        f"RRULE:{daylight}\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n"
        "BEGIN:VEVENT\r\nUID:1\r\nDTSTART;TZID=Custom:20200115T100000\r\nSUMMARY:Meeting\r\n"
        "RRULE:FREQ=WEEKLY;COUNT=3\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("rule", ["FREQ=SECONDLY", "FREQ=MINUTELY;INTERVAL=7", "FREQ=YEARLY;BYHOUR=1,2,3",
                                  "FREQ=YEARLY;BYYEARDAY=" + ",".join(str(day) for day in range(1, 367))])
def test_a_zone_rule_by_the_second_is_left_out_and_said(tmp_path: Path, rule: str) -> None:
    path = _calendar(tmp_path, rule, "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU")
    with _within(10):
        ds = viewer.load(path)
    assert len(ds.events) == 3
    said = [p for p in ds.problems if p.field == "VTIMEZONE"]
    assert len(said) == 1 and said[0].level == "warning" and "'Custom'" in said[0].message
    assert f"RRULE:{rule}"[:60] in said[0].message and "expected a yearly rule" in said[0].message


def test_a_zone_of_yearly_rules_is_read_as_before(tmp_path: Path) -> None:
    path = _calendar(tmp_path, "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU")
    ds = viewer.load(path)
    assert not [p for p in ds.problems if p.field == "VTIMEZONE"]
    assert str(ds.events["start"].iloc[0])[:16] == "2020-01-15 09:00"  # (+01:00 in January)


def _office(path: Path, offset: str) -> Path:
    path.write_text("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VTIMEZONE\r\nTZID:Office\r\nBEGIN:STANDARD\r\n"
                    f"DTSTART:19700101T000000\r\nTZOFFSETFROM:{offset}\r\nTZOFFSETTO:{offset}\r\nEND:STANDARD\r\n"
                    "END:VTIMEZONE\r\nBEGIN:VEVENT\r\nUID:1\r\nDTSTART;TZID=Office:20200115T100000\r\nSUMMARY:M\r\n"
                    "END:VEVENT\r\nEND:VCALENDAR\r\n", encoding="utf-8")
    return path


def test_a_zone_is_read_as_its_own_calendar_defines_it_not_as_one_read_before(tmp_path: Path) -> None:
    """Two calendars defining a zone of one TZID otherwise (Exchange names every custom zone alike): the second was
    read in the first's zone, eight hours off, and nothing said."""
    east = viewer.load(_office(tmp_path / "east.ics", "+0500"))
    west = viewer.load(_office(tmp_path / "west.ics", "-0300"))
    assert str(east.events["start"].iloc[0])[:16] == "2020-01-15 05:00"
    assert str(west.events["start"].iloc[0])[:16] == "2020-01-15 13:00"


@pytest.mark.parametrize(("rule", "said"), [("FREQ=MONTHLY;BYDAY=MO,TU;BYSETPOS=0", "bysetpos must be between"),
                                            ("FREQ=DAILY;BYHOUR=1;BYSETPOS=400", "bysetpos must be between"),
                                            ("FREQ=WEEKLY;WKST=XX;COUNT=3", "its RRULE cannot be read")])
def test_a_rule_dateutil_refuses_is_said_for_what_it_is_not_for_a_missing_until(tmp_path: Path, rule: str,
                                                                                 said: str) -> None:
    """recurring-ical-events said "UNTIL parameter is missing" of every rule dateutil refused, of no UNTIL."""
    path = tmp_path / "rule.ics"
    path.write_text("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:1\r\nDTSTART:20200101T090000Z\r\n"
                    f"SUMMARY:s\r\nRRULE:{rule}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", encoding="utf-8")
    ds = viewer.load(path)
    unread = [p for p in ds.problems if p.message.startswith("unreadable recurrence")]
    assert len(ds.events) == 1 and len(unread) == 1 and unread[0].row == 1
    assert said in unread[0].message and "UNTIL" not in unread[0].message
