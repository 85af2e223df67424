"""A calendar's people (ORGANIZER, ATTENDEE) as its events' actors, and the lines nothing reads left unparsed.

A minister's published agenda or a team's calendar is who met whom: its organizers and attendees were dropped, and
every DTSTAMP, X-MICROSOFT-… line and reminder was parsed (and a broken one warned about) for nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from icalendar.parser.content_line import Contentline

import viewer
from viewer.io import ics_lines

OUTLOOK = """BEGIN:VCALENDAR\r
PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r
VERSION:2.0\r
X-WR-CALNAME:Cabinet office\r
BEGIN:VEVENT\r
UID:board-1\r
DTSTART:20190402T090000Z\r
DTEND:20190402T103000Z\r
SUMMARY:Alliance board\r
ORGANIZER;CN="Senard, Jean-Dominique":MAILTO:JD.Senard@Renault.com\r
ATTENDEE;CN=Makoto Uchida;PARTSTAT=ACCEPTED:mailto:uchida@nissan.co.jp\r
ATTENDEE;CN=Takao Kato;PARTSTAT=DECLINED:mailto:kato@mitsubishi-motors.com\r
ATTENDEE;CUTYPE=ROOM;CN=Boardroom 7:mailto:room7@renault.com\r
DTSTAMP:not a time at all\r
X-MICROSOFT-CDO-BUSYSTATUS:BUSY\r
BEGIN:VALARM\r
TRIGGER:nonsense\r
ACTION:DISPLAY\r
END:VALARM\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:weekly\r
DTSTART:20190405T080000Z\r
RRULE:FREQ=WEEKLY;COUNT=3\r
SUMMARY:Operating board\r
ATTENDEE;CN=Uchida M.:mailto:Uchida@Nissan.co.jp\r
ATTENDEE:mailto:secretariat@alliance.example\r
END:VEVENT\r
END:VCALENDAR\r
"""


def test_organizer_and_attendees_are_the_events_actors(tmp_path: Path) -> None:
    path = tmp_path / "agenda.ics"
    path.write_text(OUTLOOK, encoding="utf-8")
    ds = viewer.load(path)
    board = ds.events.set_index("title").loc["Alliance board"]
    assert board["actors"] == "jd.senard@renault.com;uchida@nissan.co.jp;room7@renault.com"
    assert board["attr:organizer"] == "Senard, Jean-Dominique"
    assert board["attr:declined"] == "Takao Kato"  # invited, did not come: not an actor
    weekly = ds.events[ds.events["title"] == "Operating board"]
    assert len(weekly) == 3 and set(weekly["actors"]) == {"uchida@nissan.co.jp;secretariat@alliance.example"}
    people = ds.entities.set_index("id")
    assert people.loc["uchida@nissan.co.jp", "name"] in ("Makoto Uchida", "Uchida M.")  # one person, two names
    assert people.loc["room7@renault.com", "kind"] == "room"
    assert people.loc["secretariat@alliance.example", "name"] == "secretariat@alliance.example"
    assert "kato@mitsubishi-motors.com" not in people.index
    # the broken DTSTAMP and the reminder's TRIGGER are nothing the app reads: nothing said of them
    assert not [p for p in ds.problems if "DTSTAMP" in p.message or "TRIGGER" in str(p.field)]


def test_a_calendar_without_people_has_no_people_columns(tmp_path: Path) -> None:
    path = tmp_path / "plain.ics"
    path.write_text("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20200101\r\nSUMMARY:New year\r\n"
                    "END:VEVENT\r\nEND:VCALENDAR\r\n", encoding="utf-8")
    ds = viewer.load(path)
    assert len(ds.events) == 1 and len(ds.entities) == 0
    assert not [c for c in ds.events.columns if c in ("attr:organizer", "attr:declined")]


def test_only_the_lines_read_are_kept_inside_entries() -> None:
    text = ("BEGIN:VCALENDAR\r\nX-WR-TIMEZONE:Europe/Paris\r\nBEGIN:VTIMEZONE\r\nTZID:Europe/Paris\r\n"
            "BEGIN:STANDARD\r\nDTSTART:19701025T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\n"
            "END:VTIMEZONE\r\nBEGIN:VEVENT\r\nDTSTART;TZID=Europe/Paris:20200101T090000\r\nCREATED:x\r\n"
            "X-ALT-DESC;FMTTYPE=text/html:<p>a\r\n long fold</p>\r\nSUMMARY:Kept\r\n and its fold\r\n"
            "BEGIN:VALARM\r\nTRIGGER:-PT5M\r\nBEGIN:VALARM\r\nEND:VALARM\r\nEND:VALARM\r\nEND:VEVENT\r\n"
            "BEGIN:VTODO\r\nDUE:20200102\r\nPRIORITY:1\r\nEND:VTODO\r\nEND:VCALENDAR")
    assert ics_lines.kept(text).split("\n") == [
        "BEGIN:VCALENDAR", "X-WR-TIMEZONE:Europe/Paris", "BEGIN:VTIMEZONE", "TZID:Europe/Paris", "BEGIN:STANDARD",
        "DTSTART:19701025T030000", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "END:STANDARD", "END:VTIMEZONE",
        "BEGIN:VEVENT", "DTSTART;TZID=Europe/Paris:20200101T090000", "SUMMARY:Kept", " and its fold", "END:VEVENT",
        "BEGIN:VTODO", "DUE:20200102", "END:VTODO", "END:VCALENDAR"]


def test_an_unended_reminder_does_not_swallow_the_next_event(tmp_path: Path) -> None:
    path = tmp_path / "broken.ics"
    path.write_text("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20200101\r\nSUMMARY:First\r\n"
                    "BEGIN:VALARM\r\nTRIGGER:-PT5M\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:b\r\nDTSTART:20200201\r\n"
                    "SUMMARY:Second\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", encoding="utf-8")
    assert sorted(viewer.load(path).events["title"]) == ["First", "Second"]


def test_who_invited_whom_is_a_tie_from_the_first_meeting(tmp_path: Path) -> None:
    path = tmp_path / "agenda.ics"
    host = "ORGANIZER;CN=JDS:mailto:jd.senard@renault.com\r\n"
    path.write_text(OUTLOOK.replace("UID:weekly\r\n", "UID:weekly\r\n" + host), encoding="utf-8")
    ties = viewer.load(path).relations.set_index("target")
    assert set(ties["source"]) == {"jd.senard@renault.com"} and set(ties["kind"]) == {"invited"}
    assert ties.loc["uchida@nissan.co.jp", "value"] == 4  # the board and three weekly meetings
    assert str(ties.loc["uchida@nissan.co.jp", "valid_from"])[:10] == "2019-04-02"
    assert ties.loc["secretariat@alliance.example", "value"] == 3
    assert "kato@mitsubishi-motors.com" not in ties.index  # declined


LINES = ["DESCRIPTION:Join Zoom: https://zoom.us/j/1?pwd=a\\, b\\; c\\nMeeting ID: 1", "SUMMARY:", "SUMMARY:a:b:c",
         'ATTENDEE;CN="Senard: JD";PARTSTAT=ACCEPTED:mailto:jd@r.example', "ATTENDEE;CN=A\\:B:mailto:x@y",
         "DTSTART;TZID=Europe/Paris:20200101T090000", "X-A;X-B=1,2;X-C=\"q;r\":v", ":no name", "NOCOLON",
         "DTSTART;:2020", "bad name:v", "  SUMMARY : spaced", "SUMMARY;LANGUAGE=fr;X= y :é\\\\z", 'A;B="unclosed:v',
         "DTSTART;VALUE=DATE,:20200101", ";:x"]


@pytest.mark.parametrize("strict", [False, True])
def test_lines_are_split_as_icalendar_splits_them(strict: bool) -> None:
    assert ics_lines._WALKED is not None
    for text in LINES:
        line = Contentline(text, strict=strict)
        try:
            expected: object = ics_lines._WALKED(line)
        except ValueError:
            expected = ValueError
        try:
            got: object = ics_lines.split_line(line)
        except ValueError:
            got = ValueError
        if expected is ValueError or got is ValueError:
            assert got == expected, text
        else:
            assert isinstance(got, tuple) and isinstance(expected, tuple)
            assert (got[0], dict(got[1]), got[2]) == (expected[0], dict(expected[1]), expected[2]), text
