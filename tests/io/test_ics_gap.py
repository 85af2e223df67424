"""A time in the spring-forward gap under a calendar's own VTIMEZONE (as Outlook writes one, with a Windows zone
name) is read with the offset before the gap, as RFC 5545 (3.3.5) says and as the IANA name for the zone reads it:
02:30 on 2020-03-29 in Berlin is 01:30 UTC. Before, dateutil's reading of the VTIMEZONE gave 00:30 UTC."""

from __future__ import annotations

from pathlib import Path

import viewer

OUTLOOK = ("BEGIN:VTIMEZONE\r\nTZID:W. Europe Standard Time\r\nBEGIN:STANDARD\r\nDTSTART:16010101T030000\r\n"
           "TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\nEND:STANDARD\r\n"
           "BEGIN:DAYLIGHT\r\nDTSTART:16010101T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n"
           "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n")


def _event(uid: str, zone: str, local: str) -> str:
    return (f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20200101T000000Z\r\nDTSTART;TZID={zone}:{local}\r\n"
            f"SUMMARY:{uid}\r\nEND:VEVENT\r\n")


def _starts(tmp_path: Path, *events: str) -> dict[str, str]:
    path = tmp_path / "gap.ics"
    path.write_text("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n" + OUTLOOK + "".join(events) + "END:VCALENDAR\r\n",
                    encoding="utf-8", newline="")
    ds = viewer.load(path)
    return dict(zip(ds.events["title"], ds.events["start"].dt.tz_convert(None).astype(str), strict=True))


def test_a_gap_time_under_a_vtimezone_reads_as_under_its_iana_name(tmp_path: Path) -> None:
    starts = _starts(tmp_path, _event("outlook", "W. Europe Standard Time", "20200329T023000"),
                     _event("iana", "Europe/Berlin", "20200329T023000"))
    assert starts == {"outlook": "2020-03-29 01:30:00", "iana": "2020-03-29 01:30:00"}


def test_vtimezone_times_outside_the_gap_and_the_autumn_overlap_are_unchanged(tmp_path: Path) -> None:
    zone = "W. Europe Standard Time"
    starts = _starts(tmp_path, _event("before", zone, "20200329T015900"), _event("gap", zone, "20200329T021500"),
                     _event("after", zone, "20200329T030000"), _event("summer", zone, "20200701T120000"),
                     _event("twice", zone, "20201025T023000"))
    assert starts == {"before": "2020-03-29 00:59:00", "gap": "2020-03-29 01:15:00", "after": "2020-03-29 01:00:00",
                      "summer": "2020-07-01 10:00:00", "twice": "2020-10-25 00:30:00"}
