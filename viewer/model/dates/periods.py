"""Periods named in one cell: a quarter ("Q1 2019", "2019-Q1", "3rd quarter 2019"), a half year ("H2 2019"), an ISO
week ("2019-W10"), a century ("19th century", "XIX century", "XIXe siècle", "19. Jahrhundert", "5th century BC"), a
millennium ("1st millennium BC"). Each becomes the first and last date it covers, written as the date parser reads
them, so a period opens as an event from its first month, day or year to its last.

Also spans open at their end ("1998–present", "since 1998", "2019-03-04/.."): only their start is a date. A century
runs from its year 1 to its year 100 (the 19th: 1801–1900), as the calendar counts it. Never Qt.
"""

from __future__ import annotations

import re

import pandas as pd

from viewer.model.dates import forms

_ORDINAL = r"(?P<{0}>\d{{1,2}})(?:st|nd|rd|th|\.|e|ème|er)?"
_QUARTER = re.compile(r"(?i)(?:Q(?P<q1>[1-4])[\s/-]*(?P<y1>\d{4})|(?P<y2>\d{4})[\s/-]*Q(?P<q2>[1-4])"
                      r"|(?P<q3>[1-4])Q[\s/-]*(?P<y3>\d{4})"
                      r"|(?P<q4>[1-4])(?:st|nd|rd|th)\s+quarter\s+(?:of\s+)?(?P<y4>\d{4})"
                      r"|(?P<q5>first|second|third|fourth)\s+quarter\s+(?:of\s+)?(?P<y5>\d{4}))")
_HALF = re.compile(r"(?i)(?:H(?P<h1>[12])[\s/-]*(?P<y1>\d{4})|(?P<y2>\d{4})[\s/-]*H(?P<h2>[12]))")
_WEEK = re.compile(r"(?P<year>\d{4})-?W(?P<week>\d{2})")
_CENTURY = re.compile(r"(?i)(?:the\s+)?(?:" + _ORDINAL.format("n") + r"|(?P<roman>[IVXL]+)(?:e|ème|th)?\.?)\s*"
                      r"(?:century|cent\.|c\.|siècle|jahrhundert|jh\.)\s*(?P<era>BCE?|B\.C\.|AD|CE)?")
_MILLENNIUM = re.compile(r"(?i)(?:the\s+)?" + _ORDINAL.format("n") + r"\s*(?:millennium|millénaire|jahrtausend)\s*"
                         r"(?P<era>BCE?|B\.C\.|AD|CE)?")
CENTURIES, MILLENNIA = 40, 10  # the "60th century" is no one's: a typo, not a date
_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}
# the words that end a span at no date: "1998–present", "2015 to date"
OPEN_WORDS = r"(?i:present|now|today|ongoing|current|date|heute|présent|aujourd'hui|hoy|presente|oggi|\.\.)"
MAY_BE = (r"(?i)^\s*(?:Q[1-4]|H[12]|[1-4]Q|\d{4}[\s/-]*[QH][1-4]|\d{4}-?W\d|(?:the\s+)?[\dIVXL]+\S*\s*"
          r"(?:century|cent\.|c\.|siècle|jahrhundert|jh\.|millennium|millénaire|jahrtausend)"
          r"|(?:first|second|third|fourth|[1-4]"
          r"(?:st|nd|rd|th))\s+quarter)")


def bounds(text: str) -> tuple[str, str] | None:
    """The first and last date a period covers, as the parser reads them, or None.

    >>> bounds("Q1 2019"), bounds("2019-W10"), bounds("19th century"), bounds("5th century BC"), bounds("Q5 2019")
    (('2019-01', '2019-03'), ('2019-03-04', '2019-03-10'), ('1801', '1900'), ('500 BC', '401 BC'), None)
    >>> bounds("1st millennium BC"), bounds("2nd millennium")
    (('1000 BC', '1 BC'), ('1001', '2000'))
    """
    text = text.strip()
    if found := _QUARTER.fullmatch(text):
        quarter, year = _first(found, "q"), _first(found, "y")
        number = _WORDS.get(quarter.lower()) or int(quarter)
        return f"{year}-{3 * number - 2:02d}", f"{year}-{3 * number:02d}"
    if found := _HALF.fullmatch(text):
        half, year = int(_first(found, "h")), _first(found, "y")
        return f"{year}-{6 * half - 5:02d}", f"{year}-{6 * half:02d}"
    if found := _WEEK.fullmatch(text):
        week = forms.iso_week(int(found["year"]), int(found["week"]))
        return (week[0].isoformat(), week[1].isoformat()) if week else None
    if found := _MILLENNIUM.fullmatch(text):
        return _long(int(found["n"]), 1000, MILLENNIA, found["era"])
    found = _CENTURY.fullmatch(text)
    return _long(int(found["n"]) if found["n"] else _roman(found["roman"].upper()), 100, CENTURIES,
                 found["era"]) if found else None


def _long(number: int, years: int, most: int, era: str | None) -> tuple[str, str] | None:
    """The first and last year of the ``number``-th century (``years`` 100) or millennium (1000)."""
    if not 1 <= number <= most:
        return None
    if (era or "").upper().startswith("B"):  # the 5th century BC: 500 BC to 401 BC
        return f"{years * number} BC", f"{years * (number - 1) + 1} BC"
    return f"{years * (number - 1) + 1:04d}", f"{years * number:04d}"


def _first(found: re.Match[str], prefix: str) -> str:
    return next(value for name, value in found.groupdict().items() if name.startswith(prefix) and value)


def _roman(numeral: str) -> int:
    """A Roman numeral of I, V, X and L; 0 when the letters are no numeral (IIII, VX)."""
    values = [_ROMAN[letter] for letter in numeral]
    total = sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
    return total if _to_roman(total) == numeral else 0


def _to_roman(number: int) -> str:
    out = ""
    for value, letters in ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while number >= value:
            out, number = out + letters, number - value
    return out


def column_bounds(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """The first and last date of each value that names a period (missing elsewhere), read once per distinct
    value."""
    codes, uniques = pd.factorize(values.astype("object"))
    found = [bounds(str(value)) for value in uniques.tolist()] + [None]
    first = pd.Series([found[c][0] if found[c] else pd.NA for c in codes], index=values.index, dtype="string[pyarrow]")
    last = pd.Series([found[c][1] if found[c] else pd.NA for c in codes], index=values.index, dtype="string[pyarrow]")
    return first, last
