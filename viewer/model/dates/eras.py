"""Years written with an era ("44 BC", "15 March 44 BC", "753 BCE", "AD 79", "1066 A.D."), as the date parser
reads years, and the two-digit years of a column that holds them ("24 August 79" beside "410" and "44 BC").

The suffix looks like a time zone's abbreviation to the parser, which took "44 BC" for the year 44 in a zone
named BC. A year before Christ becomes its astronomical year (1 BC is year 0, 44 BC is -0043, as ISO 8601
writes it), with its month and day when written; a date AD or CE is the date without the marker. Days are
read as written, in the proleptic Gregorian calendar every date is held in: "15 March 44 BC" is the Julian
date historians write, shown again as written, but two days off a Gregorian count of the days between.
"""

from __future__ import annotations

import re

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

ERAS = {"BC": -1, "BCE": -1, "AD": 1, "CE": 1}
_TEXT = pd.StringDtype("pyarrow")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_FORMS = (re.compile(r"(?P<d>\d{1,2})\s+(?P<mon>[A-Za-z]{3,9})\.?,?\s+(?P<y>\d{1,4})"),  # 15 March 44
          re.compile(r"(?P<mon>[A-Za-z]{3,9})\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,\s*(?P<y>\d{1,4})"),  # March 15, 44
          re.compile(r"(?P<mon>[A-Za-z]{3,9})\.?,?\s+(?P<y>\d{1,4})"))  # March 44
_MARKED = r"\b(?:A\.?\s?D|B\.?\s?C(?:\.?\s?E)?|C\.?\s?E)\b\.?"  # a cheap test before the rewriting below
_DOTTED = re.compile(r"\b(A\.\s?D|B\.\s?C(?:\.\s?E)?|C\.\s?E)\.?(?=\s|$)")
_LEADING = re.compile(r"(?:^|(?<=\s))(AD|CE)\s+(\d{1,4})$")  # "AD 79", "24 August AD 79"
# a year with its era, or written in three digits (alone, after a month or a day): the column reaches back
# before the year 1000 (not a time's milliseconds: "10:00:00.123")
_OLD_YEAR = (r"\d\s*(?:BC|BCE|AD|CE)$|(?:^|[A-Za-z]\.?,?\s+|\d{1,2}[/-]\d{1,2}[/-])\d{3}(?:\s*(?:BC|BCE|AD|CE))?$")
# a year of one to three digits after a day and month, or a month (an era's own year is read as it is: "44 BC")
_SHORT = re.compile(r"^(\d{1,2}\s+[A-Za-z]{3,9}\.?,?\s+|[A-Za-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,\s*"
                    r"|[A-Za-z]{3,9}\.?,?\s+|\d{1,2}[/.-]\d{1,2}[/.-])(\d{1,3})$")
AS_WRITTEN = ("two-digit years read as written (24 August 79 is the year 79): the column holds eras or "
              "three-digit years")


def respelled(uniq: pd.Series) -> tuple[pd.Series, list[tuple[str, str]]]:
    """Unique date texts with their era in the one form the parser reads (``44 B.C.`` → ``44 BC``, ``AD 79``
    → ``79 AD``), and, in a column reaching back before the year 1000, years of one to three digits after a
    day or month written in four (``24 August 79`` → ``24 August 0079``), with a note when some had two.

    >>> respelled(pd.Series(["AD 79", "44 B.C.", "24 August 79", "2019"], dtype=_TEXT))[0].tolist()
    ['79 AD', '44 BC', '24 August 0079', '2019']
    """
    if not _any(uniq, f"{_MARKED}|{_OLD_YEAR}"):  # most columns: one pass over them
        return uniq, []
    if _any(uniq, _MARKED):
        uniq = pd.Series([_era_last(v) for v in uniq.tolist()], index=uniq.index, dtype=_TEXT)
    if not _any(uniq, _OLD_YEAR) or not _any(uniq, _SHORT.pattern):
        return uniq, []
    two_digit = _any(uniq, _SHORT.pattern.replace(r"(\d{1,3})$", r"(\d{2})$"))
    padded = [v if v is None or pd.isna(v) else _SHORT.sub(lambda m: m[1] + m[2].zfill(4), v) for v in uniq.tolist()]
    return pd.Series(padded, index=uniq.index, dtype=_TEXT), [("info", AS_WRITTEN)] if two_digit else []


def _any(uniq: pd.Series, pattern: str) -> bool:
    """Whether any text holds a match, tested in Arrow (RE2): no Python call per value."""
    return bool(pc.any(pc.match_substring_regex(pa.array(uniq.astype(_TEXT)), pattern)).as_py())


def _era_last(value: object) -> object:
    if value is None or pd.isna(value):
        return value
    text = _DOTTED.sub(lambda m: re.sub(r"[.\s]", "", m[1]), str(value))
    return _LEADING.sub(r"\2 \1", text)


def as_written(dates: pd.Series, eras: pd.Series) -> pd.Series:
    """Each date (the text before its era) as the parser reads it: a year, month or day before Christ in ISO
    8601's form (``-0043-03-15``), a date after Christ without its era and with its year in four digits. A date
    before Christ in another form stays as written, era and all, to be reported as unreadable rather than read
    as a date after Christ.

    >>> as_written(pd.Series(["44", "1", "1066", "15 March 44", "March 15, 44", "79"]),
    ...            pd.Series(["BC", "BC", "AD", "BC", "BC", "AD"])).tolist()
    ['-0043', '0000', '1066', '-0043-03-15', '-0043-03-15', '0079']
    """
    written = []
    for date, era in zip(dates.astype(_TEXT).str.strip(), eras, strict=True):
        if ERAS.get(str(era), 1) > 0:
            written.append(date if not isinstance(date, str) else re.sub(
                r"(^|[\s/.-])(\d{1,3})$", lambda m: m[1] + m[2].zfill(4), date))
        else:
            written.append(_before_christ(date, str(era)))
    return pd.Series(written, index=dates.index, dtype=_TEXT)


def _before_christ(date: object, era: str) -> object:
    """``15 March 44`` (before Christ) as ``-0043-03-15``; as written, era and all, when not so read."""
    if not isinstance(date, str):
        return date
    if date.isascii() and date.isdigit() and len(date) <= 6:
        return _year(int(date))
    for form in _FORMS:
        found = form.fullmatch(date)
        if found is None:
            continue
        month = _month(found["mon"])
        if month is None:
            break
        day = f"-{int(found['d']):02d}" if "d" in form.groupindex else ""
        return f"{_year(int(found['y']))}-{month:02d}{day}"
    return f"{date} {era}"


def _year(before_christ: int) -> str:
    year = 1 - before_christ
    return f"-{-year:04d}" if year < 0 else f"{year:04d}"


def _month(name: str) -> int | None:
    """The number of a month written in full or cut short to three letters or more (``Sept``), in English."""
    name = name.lower()
    return next((i + 1 for i, full in enumerate(_MONTHS) if len(name) >= 3 and full.startswith(name)), None)
