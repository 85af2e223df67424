"""GEDCOM dates (5.5, 5.5.1 and 7.0) read into ISO text at the precision written, for :mod:`viewer.io.gedcom`.

``12 MAR 1850`` is a day (``1850-03-12``), ``MAR 1850`` a month, ``1850`` a year; month names in any case,
abbreviated or whole (``Mar``, ``March``, ``Sept.``), and ISO dates some tools write (``1850-03-12``) are read
too. What a date says around it is kept as a qualifier:

- ``ABT``/``ABOUT``/``CIRCA``/``CA``/``C.`` → *about*, ``EST`` → *estimated*, ``CAL`` → *calculated*,
  ``BEF`` → *before*, ``AFT`` → *after*: the date itself, qualified (``c1850`` and ``Abt.`` as Ancestry writes);
- ``BET x AND y`` → from x to y, *between*; ``FROM x TO y`` → from x to y (a period: no qualifier); x may leave its
  year (and month) to y, as Family Tree Maker writes ``BET 01 JAN AND 31 AUG 1977``;
  ``FROM x`` alone → x, *from*; ``TO y`` alone → y, *until*;
- ``INT 1850 (as written)`` → 1850, *interpreted*.

A dual year (``11 FEB 1731/32``) is the new-style year, 1732. ``B.C.``/``BC``/``BCE`` give astronomical
years (1 BC is year 0, 44 BC is ``-0043``). A date phrase (``(about the time of the war)``), a day that does
not exist (``31 FEB 1850``), year 0 written as such and anything else are not read.

Calendars: Gregorian unless an escape says otherwise (``@#DJULIAN@`` in 5.5.1, ``JULIAN`` in 7.0). A Julian
date of a day is converted to its Gregorian day (``@#DJULIAN@ 1 JAN 1700`` → ``1700-01-11``); a Julian month
or year is kept as written (it differs by days only, within its span). Hebrew, French Republican, Roman and
unknown calendars are not read: their name is given so the reader can count them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

MONTHS = ("JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST", "SEPTEMBER", "OCTOBER",
          "NOVEMBER", "DECEMBER")
_MONTH_NUMBER = {name[:n]: i for i, name in enumerate(MONTHS, start=1) for n in range(3, len(name) + 1)}
_MONTH_NUMBER["SEPT"] = 9
QUALIFIERS = {"ABOUT": "about", "ABT": "about", "APPROXIMATELY": "about", "APPROX": "about", "AROUND": "about",
              "CIRCA": "about", "CA": "about", "C": "about", "ESTIMATED": "estimated", "EST": "estimated",
              "CALCULATED": "calculated", "CAL": "calculated", "BEFORE": "before", "BEF": "before",
              "AFTER": "after", "AFT": "after"}
_WORDS = "|".join(sorted(QUALIFIERS, key=len, reverse=True))
_QUALIFIED = re.compile(rf"({_WORDS})(?:\.\s*|\s+|(?=\d))(.+)")
_BETWEEN = re.compile(r"(?:BET|BETWEEN|BTW)\.?\s+(.+?)\s+(?:AND|&|-)\s+(.+)")
_FROM_TO = re.compile(r"FROM\s+(.+?)\s+TO\s+(.+)")
_ONE_SIDE = re.compile(r"(FROM|TO)\s+(.+)")
_INTERPRETED = re.compile(r"INT\.?\s+([^(]+?)\s*(?:\(.*\))?")
_ESCAPE = re.compile(r"@#D([^@]*)@\s*")
_CALENDAR_WORD = re.compile(r"(GREGORIAN|JULIAN|HEBREW|FRENCH_R)\s+")
_YEAR = re.compile(r"(\d{1,4})(?:/(\d{1,2}))?")
_ISO = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?")
ERAS = {"BC": -1, "B.C.": -1, "BCE": -1, "B.C.E.": -1, "AD": 1, "A.D.": 1, "CE": 1, "C.E.": 1}
_GREGORIAN = ("GREGORIAN", "")
LONGEST = 300  # characters: a longer value is a phrase, not a date


@dataclass(frozen=True)
class When:
    """A date as read: ``start`` (and ``end`` for a range) as ISO text at their precision; ``start`` is empty
    when the date was not read, and ``calendar`` then names another calendar when that is why."""

    start: str = ""
    end: str = ""
    qualifier: str = ""  # about, estimated, calculated, before, after, between, from, until, interpreted
    calendar: str = ""  # "julian" when read from the Julian calendar; another calendar's name when not read
    plain: bool = True  # a plain date, nothing about how it was written worth keeping
    key: tuple[int, int, int] = (0, 0, 0)  # (year, month, day), 0 for a part not written: to compare dates


@dataclass(frozen=True)
class _Day:
    iso: str
    key: tuple[int, int, int]
    julian: bool
    plain: bool


NOT_READ = When()


@lru_cache(maxsize=65_536)
def read_date(text: str) -> When:
    """The date of a GEDCOM ``DATE`` value (see the module's description).

    >>> read_date("ABT 12 mar 1850")
    When(start='1850-03-12', end='', qualifier='about', calendar='', plain=False, key=(1850, 3, 12))
    >>> read_date("BET 1850 AND JUN 1860").end, read_date("11 FEB 1731/32").start
    ('1860-06', '1732-02-11')
    """
    written = " ".join(text.split()).upper()
    if not written or written.startswith("(") or len(written) > LONGEST:
        return NOT_READ
    for pattern, qualifier in ((_BETWEEN, "between"), (_FROM_TO, "")):
        found = pattern.fullmatch(written)
        if found:
            return _range(found[1], found[2], qualifier)
    found = _ONE_SIDE.fullmatch(written)
    if found:
        return _qualified(found[2], "from" if found[1] == "FROM" else "until")
    found = _INTERPRETED.fullmatch(written)
    if found:
        return _qualified(found[1], "interpreted")
    found = _QUALIFIED.fullmatch(written)
    if found:
        return _qualified(found[2], QUALIFIERS[found[1]])
    return _single(written)


def _qualified(text: str, qualifier: str) -> When:
    read = _single(text)
    if not read.start:
        return read
    return When(read.start, "", qualifier, read.calendar, False, read.key)


def _range(first: str, second: str, qualifier: str) -> When:
    """Two dates, in time order (written the other way round, they are the same span)."""
    start, end = _single(first), _single(second)
    (lead, said), (_, ends_with) = _escaped(first), _escaped(second)
    if end.start and len(said) < len(ends_with) and (not start.start or re.fullmatch(r"\d{1,2}", " ".join(said))):
        # the month or the year written once, with the end: "BET 01 JAN AND 31 AUG 1977", "BET 5 AND 10 JUN 1900",
        # "BET @#DJULIAN@ 1 JAN AND 3 JAN 1700" (the calendar's escape kept with the start it opens)
        start = _single(lead + " ".join(said + ends_with[len(said):]))
    if not start.start or not end.start:
        return start if not start.start else end
    if end.key < start.key:
        start, end = end, start
    julian = "julian" if "julian" in (start.calendar, end.calendar) else ""
    return When(start.start, end.start, qualifier, julian, False, start.key)


def _escaped(text: str) -> tuple[str, list[str]]:
    """A date's calendar escape (or word), and its words after it."""
    escape = _ESCAPE.match(text) or _CALENDAR_WORD.match(text)
    return (text[:escape.end()], text[escape.end():].split()) if escape else ("", text.split())


def _single(text: str) -> When:
    """One date, perhaps after a calendar escape; not read when it is in a calendar other than Gregorian or
    Julian."""
    calendar = ""
    escape = _ESCAPE.match(text) or _CALENDAR_WORD.match(text)
    if escape:
        calendar = escape[1].strip().replace("_", " ")
        text = text[escape.end():]
    if calendar not in (*_GREGORIAN, "JULIAN"):
        return When(calendar=calendar.lower())
    day = _day(text.replace(",", " ").split(), calendar == "JULIAN")
    if day is None:
        return NOT_READ
    return When(day.iso, "", "", "julian" if day.julian else "", day.plain and not calendar, day.key)


def _day(words: list[str], julian: bool) -> _Day | None:
    """[[day] month] year [/yy] [era], or an ISO date; None when it is none of those or does not exist."""
    plain = True
    era = ERAS.get(words[-1], 0) if words else 0
    if era:
        words, plain = words[:-1], False
    if len(words) == 1 and _ISO.fullmatch(words[0]):
        found = _ISO.fullmatch(words[0])
        assert found is not None
        return _checked(int(found[1]), int(found[2]), int(found[3] or 0), era, julian, plain)
    year_found = _YEAR.fullmatch(words[-1]) if words and len(words) <= 3 else None
    if year_found is None:
        return None
    year = int(year_found[1])
    if year_found[2]:
        year, plain = _new_style(year, year_found[2]), False
        if year < 0 or era < 0:
            return None
    month, day = _month_day(words[:-1])
    if month < 0:
        return None
    return _checked(year, month, day, era, julian, plain)


def _new_style(year: int, written: str) -> int:
    """The year after a dual year's old-style year, when what follows the slash are its last digits (-1 if not)."""
    new = year + 1
    return new if new % 10 ** len(written) == int(written) else -1


def _month_day(words: list[str]) -> tuple[int, int]:
    """(month, day) of the words before the year (0 for a part not written; month -1 when they are no date):
    ``[]``, ``[MAR]``, ``[12, MAR]`` or ``[MAR, 12]``."""
    if not words:
        return 0, 0
    if len(words) == 1:
        return _MONTH_NUMBER.get(words[0].rstrip("."), -1), 0
    first, second = words
    if first.isdigit() and first.isascii():
        return _MONTH_NUMBER.get(second.rstrip("."), -1), int(first)
    if second.isdigit() and second.isascii():
        return _MONTH_NUMBER.get(first.rstrip("."), -1), int(second)
    return -1, 0


def _checked(year: int, month: int, day: int, era: int, julian: bool, plain: bool) -> _Day | None:
    """The date as ISO text at its precision, when it exists (year 0 is written 1 BC)."""
    if year == 0 or (month == 0 and day):
        return None
    astronomical = 1 - year if era < 0 else year
    if month and day and not 1 <= day <= days_in_month(astronomical, month, julian):
        return None
    if julian and day:
        astronomical, month, day = julian_to_gregorian(astronomical, month, day)
    shown = f"-{-astronomical:04d}" if astronomical < 0 else f"{astronomical:04d}"
    iso = shown if not month else f"{shown}-{month:02d}" if not day else f"{shown}-{month:02d}-{day:02d}"
    return _Day(iso, (astronomical, month, day), julian, plain)


def days_in_month(year: int, month: int, julian: bool = False) -> int:
    """Days of a month of an astronomical year (Gregorian, or Julian leap years every fourth year)."""
    if month == 2:
        leap = year % 4 == 0 if julian else (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0))
        return 29 if leap else 28
    return 30 if month in (4, 6, 9, 11) else 31


def julian_to_gregorian(year: int, month: int, day: int) -> tuple[int, int, int]:
    """The Gregorian day of a Julian one (astronomical years), through its Julian day number.

    >>> julian_to_gregorian(1700, 1, 1), julian_to_gregorian(1582, 10, 5)
    ((1700, 1, 11), (1582, 10, 15))
    """
    shift = (14 - month) // 12
    y, m = year + 4800 - shift, month + 12 * shift - 3
    number = day + (153 * m + 2) // 5 + 365 * y + y // 4 - 32083
    a = number + 32044
    b = (4 * a + 3) // 146097
    c = a - 146097 * b // 4
    d = (4 * c + 3) // 1461
    e = c - 1461 * d // 4
    m = (5 * e + 2) // 153
    return 100 * b + d - 4800 + m // 10, m + 3 - 12 * (m // 10), e - (153 * m + 2) // 5 + 1
