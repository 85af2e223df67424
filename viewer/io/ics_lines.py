"""The content lines of an iCalendar file that Entente reads, before icalendar parses them.

icalendar builds a parameter object, a property object and a value for every content line, about 30 µs each: a
calendar of 20,000 events as Google or Outlook export it (DTSTAMP, CREATED, LAST-MODIFIED, TRANSP, X-GOOGLE-…,
X-MICROSOFT-…, reminders as VALARMs) spends most of its opening on lines nothing reads. Inside an event, a task or a
journal entry only the lines read (:data:`READ`) are kept, and reminders (VALARM) are left out whole; the calendar's
own lines and its time zones (VTIMEZONE) are kept as written, but for a rule that changes a zone's offset more than
a few times a year (:func:`viewer.io.ics_zones.runaway`: ``FREQ=SECONDLY`` in a VTIMEZONE made each time read in
that zone walk every second from 1601, and the calendar never opened); such a rule is left out and noted.

>>> print(kept("BEGIN:VCALENDAR\\nBEGIN:VEVENT\\nDTSTAMP:20200101T000000Z\\nDTSTART:20200102\\nBEGIN:VALARM\\n"
...            "TRIGGER:-PT15M\\nEND:VALARM\\nX-APPLE-TRAVEL-ADVISORY:0\\nEND:VEVENT\\nEND:VCALENDAR"))
BEGIN:VCALENDAR
BEGIN:VEVENT
DTSTART:20200102
END:VEVENT
END:VCALENDAR
"""

from __future__ import annotations

import re
from typing import Any

from icalendar.parser.content_line import Contentline

from viewer.io import ics_zones

ENTRIES = frozenset({"VEVENT", "VTODO", "VJOURNAL"})
# what ics.py and recurring-ical-events read of an entry (SEQUENCE: which of two overrides of an occurrence wins)
READ = frozenset({"BEGIN", "END", "DTSTART", "DTEND", "DUE", "DURATION", "RRULE", "RDATE", "EXDATE", "EXRULE",
                  "RECURRENCE-ID", "UID", "SEQUENCE", "SUMMARY", "DESCRIPTION", "LOCATION", "CATEGORIES", "URL",
                  "STATUS", "ORGANIZER", "ATTENDEE"})
_NAME = re.compile(r"([A-Za-z0-9-]*)")
_LINES = re.compile(r"\r\n|\r|\n")
_WALKED = getattr(Contentline, "raw_parts", None)  # icalendar's own (7.x), before install() puts split_line's


def kept(text: str, zones: dict[str, str] | None = None, runaways: list[tuple[str, str]] | None = None) -> str:
    """The unfolded text with only the lines read inside each entry (LF line ends), their dates' zones as Outlook
    names them mended (:func:`viewer.io.ics_zones.mended`; each zone read so noted in ``zones``), a time zone's rules
    that would change its offset too often left out (each noted in ``runaways`` with its zone's TZID)."""
    defined = ics_zones.defined_zones(text) if "TZID=" in text.upper() or "://" in text else None
    zones = {} if zones is None else zones
    runaways = [] if runaways is None else runaways
    out: list[str] = []
    depth = alarms = 0  # (entries nest only in broken files: counted, so one END does not end the filter)
    keep = True
    zone: str | None = None  # the TZID of the VTIMEZONE the line is in ("" before its TZID line), None outside one
    for line in _LINES.split(text):
        if line[:1] in (" ", "\t"):  # a fold left by a writer that ends lines with CR alone: goes with its line
            if keep:
                out.append(line)
            continue
        name = _NAME.match(line).group(1).upper()  # type: ignore[union-attr]  # (the pattern matches any line)
        if name in ("BEGIN", "END"):
            what = line.partition(":")[2].strip().upper()
            if depth and what == "VALARM":
                alarms = max(0, alarms + (1 if name == "BEGIN" else -1))
                keep = False
                continue
            if what in ENTRIES:
                depth = depth + 1 if name == "BEGIN" else max(0, depth - 1)
                alarms = alarms if depth else 0
            elif what == "VTIMEZONE":
                zone = "" if name == "BEGIN" else None
        elif zone is not None and not depth and name in ("TZID", "RRULE"):
            value = line.partition(":")[2].strip()
            if name == "TZID":
                zone = value
            elif ics_zones.runaway(value):
                runaways.append((zone, value))
                continue
        keep = not alarms and not (depth and name not in READ)
        if keep:
            out.append(ics_zones.mended(line, defined, zones) if defined is not None and name in ics_zones.DATED
                       else line)
    return "\n".join(out)


def split_line(line: Any) -> tuple[str, Any, str]:
    """icalendar's ``Contentline.raw_parts`` for a line whose head holds no quote and no backslash, walking only the
    head: icalendar walks every character of a line, value too, to find where its value begins (a third of the
    opening of a calendar whose invitations carry 1,500 characters of joining instructions). Where nothing before the
    first colon is quoted or escaped, that colon is where the value begins and the rest is the value as written: the
    head is split by icalendar as before, the value left as it is. Any other line goes to icalendar whole."""
    assert _WALKED is not None
    colon = line.find(":")
    head = line[:colon]
    if colon <= 0 or '"' in head or "\\" in head:
        return _WALKED(line)
    name, params, _ = _WALKED(type(line)(line[:colon + 1], strict=line.strict))
    return name, params, line[colon + 1:]


def install() -> None:
    """Let icalendar split its lines by :func:`split_line` (for an icalendar that has ``raw_parts``)."""
    if _WALKED is not None:
        Contentline.raw_parts = split_line
