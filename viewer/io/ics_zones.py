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
from datetime import UTC, datetime, timedelta
from functools import lru_cache

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


def said(zones: dict[str, str], label: str, guessed: list[str]) -> list[Problem]:
    """The notes on the zones read so (``zones``: each name and the zone it was read as) and on those icalendar
    guessed (its warnings' texts, ``guessed``: a Mozilla TZID, ``/mozilla.org/20050126_1/Europe/Paris``, by its
    last part), which it printed to the console instead."""
    return [*(Problem(label, f"time zone {name!r} (Outlook's name for it; no VTIMEZONE defines it) read as {zone}",
                      None, "TZID", "info") for name, zone in zones.items()),
            *(Problem(label, message, None, "TZID", "info") for message in dict.fromkeys(guessed))]


def defined_zones(text: str) -> set[str]:
    """The TZIDs the file's VTIMEZONEs define."""
    return {value.strip().strip('"') for value in re.findall(r"^TZID[^:\r\n]*:(.*)$", text, re.MULTILINE)}


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
