"""The content lines of an iCalendar file that Entente reads, before icalendar parses them.

icalendar builds a parameter object, a property object and a value for every content line, about 30 µs each: a
calendar of 20,000 events as Google or Outlook export it (DTSTAMP, CREATED, LAST-MODIFIED, TRANSP, X-GOOGLE-…,
X-MICROSOFT-…, reminders as VALARMs) spends most of its opening on lines nothing reads. Inside an event, a task or a
journal entry only the lines read (:data:`READ`) are kept, and reminders (VALARM) are left out whole; the calendar's
own lines and its time zones (VTIMEZONE) are kept as written.

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

ENTRIES = frozenset({"VEVENT", "VTODO", "VJOURNAL"})
# what ics.py and recurring-ical-events read of an entry (SEQUENCE: which of two overrides of an occurrence wins)
READ = frozenset({"BEGIN", "END", "DTSTART", "DTEND", "DUE", "DURATION", "RRULE", "RDATE", "EXDATE", "EXRULE",
                  "RECURRENCE-ID", "UID", "SEQUENCE", "SUMMARY", "DESCRIPTION", "LOCATION", "CATEGORIES", "URL",
                  "STATUS", "ORGANIZER", "ATTENDEE"})
_NAME = re.compile(r"([A-Za-z0-9-]*)")
_LINES = re.compile(r"\r\n|\r|\n")


def kept(text: str) -> str:
    """The unfolded text with only the lines read inside each entry (LF line ends)."""
    out: list[str] = []
    depth = alarms = 0  # (entries nest only in broken files: counted, so one END does not end the filter)
    keep = True
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
        keep = not alarms and not (depth and name not in READ)
        if keep:
            out.append(line)
    return "\n".join(out)
