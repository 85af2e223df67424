"""Time zones as Outlook and Exchange name them in a TZID that no VTIMEZONE of the file defines.

Exchange writes a zone by its display name, ``TZID="(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna"``,
and its own ``tzone://Microsoft/Custom`` unquoted, whose colon cut the line before its value: the first was taken
as UTC (two hours off in July), the second's event skipped. A display name is read as the zone of the first city it
names that is one (``Europe/Amsterdam``, with its summer time), the US zones by their names, else at the offset it
writes (also when the name is left unquoted, its colon cutting the line); an unquoted address is quoted.
A zoned time in a summer-time gap is read with the offset before the gap, whatever zone it names (:func:`in_utc`).

>>> zone_of("(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna")
'Europe/Amsterdam'
>>> zone_of("(UTC-05:00) Eastern Time (US & Canada)"), zone_of("(UTC+04:00) Abu Dhabi, Muscat")
('America/New_York', 'Asia/Muscat')
>>> zone_of("(UTC+03:00) Nowhere Town"), zone_of("Europe/Paris")
('Etc/GMT-3', None)
"""

from __future__ import annotations

import re
import zoneinfo
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from itertools import islice

import icalendar
from dateutil.rrule import rrulestr

from viewer.model.problems import Problem

_DISPLAY = re.compile(r"\(\s*(?:UTC|GMT)\s*(?:([+-])(\d{1,2}):(\d\d))?\s*\)\s*(.*)", re.IGNORECASE)
_NAMED = {"eastern time": "America/New_York", "central time": "America/Chicago", "mountain time": "America/Denver",
          "pacific time": "America/Los_Angeles", "alaska": "America/Anchorage", "hawaii": "Pacific/Honolulu",
          "arizona": "America/Phoenix", "atlantic time": "America/Halifax", "coordinated universal time": "UTC",
          "dublin, edinburgh, lisbon, london": "Europe/London"}
# quoted, or a display name left unquoted (its "(UTC+01:00)" holds a colon), or plain
TZID = re.compile(r';TZID=("[^"]*"|\(\s*(?:UTC|GMT)[^)]*\)[^;:"]*|[^;:"]*)', re.IGNORECASE)
_ADDRESS = re.compile(r'(;[A-Za-z-]+=)([A-Za-z][A-Za-z0-9+.-]*://[^;:"]*)(?=[;:])')
DATED = ("DTSTART", "DTEND", "DUE", "RECURRENCE-ID", "EXDATE", "RDATE")


@lru_cache(maxsize=1)
def _cities() -> dict[str, str]:
    """Each IANA zone by its city, lower case (``amsterdam`` → ``Europe/Amsterdam``)."""
    found: dict[str, str] = {}
    for zone in sorted(zoneinfo.available_timezones()):
        if "/" in zone and not zone.startswith(("Etc/", "SystemV/", "US/")):
            found.setdefault(zone.rsplit("/", 1)[-1].replace("_", " ").lower(), zone)
    return found


def zone_of(tzid: str) -> str | None:
    """The IANA zone a Windows display name (``(UTC+01:00) Amsterdam, …``) stands for, or None for any other TZID."""
    found = _DISPLAY.fullmatch(tzid.strip().strip('"'))
    if found is None:
        return None
    names = found[4].strip().lower()
    for start, zone in _NAMED.items():
        if names.startswith(start):
            return zone
    for city in re.split(r",|\s+-\s+|\s+and\s+|/", names):
        if city.strip() in _cities():
            return _cities()[city.strip()]
    if not found[1]:
        return "UTC"
    hours, minutes = int(found[2]), int(found[3])
    if minutes or hours > 14:
        return None
    return "UTC" if not hours else f"Etc/GMT{'-' if found[1] == '+' else '+'}{hours}"  # (Etc's signs are west)


def mended(line: str, defined: set[str], read: dict[str, str]) -> str:
    """A date property's line with an unquoted address quoted and a display name no VTIMEZONE defines (``defined``)
    replaced by its zone (each replacement noted in ``read``)."""
    if "://" in line:
        line = _ADDRESS.sub(r'\1"\2"', line)
    found = TZID.search(line)
    if found is None:
        return line
    name = found[1].strip('"')
    if name in defined:
        return line
    zone = zone_of(name)
    if zone is None:
        return line
    read[name] = zone
    return line[:found.start(1)] + zone + line[found.end(1):]


def said(zones: dict[str, str], label: str, guessed: list[str],
         runaways: Sequence[tuple[str, str]] = ()) -> list[Problem]:
    """The notes on the zones read so (``zones``: each name and the zone it was read as), on those icalendar
    guessed (its warnings' texts, ``guessed``: a Mozilla TZID, ``/mozilla.org/20050126_1/Europe/Paris``, by its
    last part), which it printed to the console instead, and on the rules of time zones left out (``runaways``, each
    zone's TZID and the rule: :func:`runaway`)."""
    return [*(Problem(label, f"time zone {name!r} (Outlook's name for it; no VTIMEZONE defines it) read as {zone}",
                      None, "TZID", "info") for name, zone in zones.items()),
            *(Problem(label, message, None, "TZID", "info") for message in dict.fromkeys(guessed)),
            *(Problem(label, f"time zone {zone or '(no TZID)'!r}: its rule RRULE:{rule[:80]} changes the offset more "
                      "often than a time zone does (expected a yearly rule, such as FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU); "
                      "the rule left out, the change taken once, at its DTSTART", None, "VTIMEZONE", "warning")
              for zone, rule in dict.fromkeys(runaways))]


def forget_defined() -> None:
    """Forget the zones the calendars read before defined (icalendar keeps each VTIMEZONE it reads by its TZID,
    for the process, and reads a TZID by the first definition it kept: the times of a calendar whose ``Office``
    zone is UTC-3 were read at UTC+5, as an earlier calendar's ``Office`` zone was, and said nothing). The zones
    known by name (``Europe/Paris``) are not kept so: they are read from the zone database each time."""
    icalendar.use_zoneinfo()  # (the provider icalendar uses by default, with its cache emptied)


def defined_zones(text: str) -> set[str]:
    """The TZIDs the file's VTIMEZONEs define."""
    return {value.strip().strip('"') for value in re.findall(r"^TZID[^:\r\n]*:(.*)$", text, re.MULTILINE)}


@lru_cache(maxsize=256)
def runaway(rule: str) -> bool:
    """Whether a VTIMEZONE's RRULE (its value) changes the zone's offset more than a few times a year: a frequency
    other than a year's or a month's, a rule that picks hours, minutes or seconds, or nine changes within three years.
    A time zone changes its offset once or twice a year (``FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU``), and dateutil walks a
    zone's rule from its DTSTART (1601 as Outlook writes it) each time a time is read in that zone: a rule by the
    second never ended, one of every day of the year took minutes for a calendar of five events.

    >>> runaway("FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"), runaway("FREQ=SECONDLY"), runaway("BYHOUR=1;FREQ=YEARLY")
    (False, True, True)
    >>> runaway("FREQ=MONTHLY;BYMONTHDAY=1,15"), runaway("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30")
    (True, False)
    """
    parts = dict(part.partition("=")[::2] for part in rule.upper().replace(" ", "").split(";"))
    if parts.get("FREQ") not in ("YEARLY", "MONTHLY") or any(by in parts for by in ("BYHOUR", "BYMINUTE", "BYSECOND")):
        return True
    try:  # (the first nine from any start: a yearly or monthly rule repeats alike every year; one that never
        # comes, 30 February, is walked to the year 9999 in a fraction of a second)
        first = list(islice(rrulestr(rule, dtstart=datetime(2001, 1, 1), ignoretz=True), 9))
    except (ValueError, TypeError, OverflowError, KeyError, IndexError):
        return False  # (icalendar says what it cannot read)
    return len(first) == 9 and first[-1] - first[0] < timedelta(days=3 * 365)


def in_utc(moment: datetime) -> datetime:
    """A zoned time in UTC (naive); one no clock showed, in the gap when clocks go forward, with the offset before the
    gap, as RFC 5545 (3.3.5) reads it. A calendar's own VTIMEZONE (Outlook's ``W. Europe Standard Time``, read by
    dateutil) gave it the offset after, an hour before the time its IANA name gave: a gap is where the offset grows,
    so the offset before it is the lesser of the time's own and that of the instant it was read as.

    >>> berlin = zoneinfo.ZoneInfo("Europe/Berlin")
    >>> in_utc(datetime(2020, 3, 29, 2, 30, tzinfo=berlin)), in_utc(datetime(2020, 10, 25, 2, 30, tzinfo=berlin))
    (datetime.datetime(2020, 3, 29, 1, 30), datetime.datetime(2020, 10, 25, 0, 30))
    """
    utc = moment.astimezone(UTC)
    back = utc.astimezone(moment.tzinfo)
    if back.replace(tzinfo=None) == moment.replace(tzinfo=None):
        return utc.replace(tzinfo=None)
    before = min(moment.utcoffset() or timedelta(0), back.utcoffset() or timedelta(0))
    return moment.replace(tzinfo=None) - before
