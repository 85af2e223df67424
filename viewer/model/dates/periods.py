"""Periods named in one cell: a quarter ("Q1 2019", "2019-Q1", "3rd quarter 2019"), a half year ("H2 2019", "first half
of 2019"), an ISO week ("2019-W10", "week 10 2019", "KW 10/2019"), a season ("spring 2019", "winter 2019/20", in six
languages; PubMed's "2019 Spring"), SDMX's reporting periods ("2019-S1", "2019-M03", "2019T2"), years with the last
written by two digits ("1914-18", "2019/20"), years with digits left unspecified ("201X", "19XX", "2019-XX-XX", as EDTF
writes them), a century ("19th century", "XIX century", "XIXe siècle", "19. Jahrhundert", "5th century BC"), a
millennium ("1st millennium BC"). Each becomes the first and last date it covers, written as the date parser reads them,
so a period opens as an event from its first month, day or year to its last.

Also spans open at their end ("1998–present", "since 1998", "2019-03-04/.."): only their start is a date. A century
runs from its year 1 to its year 100 (the 19th: 1801–1900), as the calendar counts it. Never Qt.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import pandas as pd

from viewer.model.dates import forms

_ORDINAL = r"(?P<{0}>\d{{1,2}})(?:st|nd|rd|th|\.|e|ème|er)?"
_SHORT_YEAR = r"\d{4}|['’]?\d{2}"  # an analyst's "1Q19", "Q1'19", "1H19": the year by its last two digits
_APART = r"(?:[\s/-]+['’]?|[\s/-]*['’])"  # after "Q1" two digits stand apart ("Q1 19", "Q1'19"): "Q119" is a code
_QUARTER = re.compile(rf"(?i)(?:Q(?P<q1>[1-4])(?:[\s/-]*(?P<y1>\d{{4}})|{_APART}(?P<y1b>\d{{2}}))"
                      r"|(?P<y2>\d{4})[\s/-]*Q(?P<q2>[1-4])"
                      rf"|(?P<q3>[1-4])Q[\s/-]*(?P<y3>{_SHORT_YEAR})"
                      r"|(?P<q4>[1-4])(?:st|nd|rd|th)\s+quarter\s+(?:of\s+)?(?P<y4>\d{4})"
                      r"|(?P<q5>first|second|third|fourth)\s+quarter\s+(?:of\s+)?(?P<y5>\d{4}))")
_HALF = re.compile(rf"(?i)(?:H(?P<h1>[12])(?:[\s/-]*(?P<y1>\d{{4}})|{_APART}(?P<y1b>\d{{2}}))"
                   r"|(?P<y2>\d{4})[\s/-]*H(?P<h2>[12])"
                   rf"|(?P<h4>[12])H[\s/-]*(?P<y4>{_SHORT_YEAR})"
                   r"|(?P<h3>first|second|1st|2nd)\s+half\s+(?:of\s+)?(?P<y3>\d{4}))")
# an ISO week: 2019-W10, as ISO writes it; "week 10 2019", "W10 2019", "wk 10, 2019"; the German KW 10/2019
_WEEK = re.compile(r"(?i)(?P<year>\d{4})-?W(?P<week>\d{2})"
                   r"|(?:week|wk\.?|w|kw|cw)\s*(?P<week2>\d{1,2})(?:\s*,\s*|\s*/\s*|\s+)(?P<year2>\d{4})")
# a season, as the months it covers north of the equator: spring March–May, summer June–August, autumn
# September–November; winter December–February, "winter 2019" the one whose January is in 2019 (as NOAA names
# them, and as a winter term is dated), "winter 2019/20" (or 2019–20) the one from December 2019
SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12, "frühling": 3, "frühjahr": 3,
           "sommer": 6, "herbst": 9, "printemps": 3, "été": 6, "automne": 9, "hiver": 12, "primavera": 3,
           "verano": 6, "otoño": 9, "invierno": 12, "estate": 6, "autunno": 9, "inverno": 12, "verão": 6,
           "outono": 9, "lente": 3, "zomer": 6, "herfst": 9}
SEASON = re.compile(r"(?i)(?:the\s+)?(?P<season>" + "|".join(SEASONS) + r")\s+(?:of\s+|de\s+|d'|del\s+)?"
                    r"(?P<year>\d{4})(?:\s*[/\u2013-]\s*(?P<next>\d{2}|\d{4}))?")
SEASON_AFTER = re.compile(r"(?i)(?P<year>\d{4}),?\s+(?P<season>" + "|".join(SEASONS) + r")")  # PubMed's "2019 Spring"
# years with the last written by its two digits: an academic or fiscal year ("2019/20", "2019-20"), a war ("1914-18");
# digits that could be a month ("2019-03") are one
_YEAR_PAIR = re.compile(r"(?P<year>\d{4})\s*[/-]\s*(?P<next>\d{2})")
_CENTURY = re.compile(r"(?i)(?:the\s+)?(?:" + _ORDINAL.format("n") + r"|(?P<roman>[IVXL]+)(?:e|ème|th)?\.?)\s*"
                      r"(?:century|cent\.|c\.|siècle|jahrhundert|jh\.)\s*(?P<era>BCE?|B\.C\.|AD|CE)?")
_MILLENNIUM = re.compile(r"(?i)(?:the\s+)?" + _ORDINAL.format("n") + r"\s*(?:millennium|millénaire|jahrtausend)\s*"
                         r"(?P<era>BCE?|B\.C\.|AD|CE)?")
# digits left unspecified, as EDTF (ISO 8601-2) and library catalogues write them: "201X" is a year of the 2010s,
# "19XX" of the 20th century ("19uu" in MARC records, "19--" in a catalogue card), "2019-XX" and "2019-??-??" a
# day of 2019, "2019-03-XX" one of March 2019
_UNSPECIFIED = re.compile(r"(?P<known>\d{1,3})(?P<unknown>[Xxu]{1,3}|-{1,2})(?:-(?:[Xxu]{2}|\?\?)){0,2}"
                          r"|(?P<year>\d{4})(?:-(?P<month>\d{2}))?(?:-(?:[Xxu]{2}|\?\?)){1,2}")
UNSPECIFIED = _UNSPECIFIED.pattern
# SDMX's reporting periods, as official statistics write their TIME_PERIOD (Eurostat, the ECB, the OECD, the IMF):
# a semester "2019-S1", a trimester "2019-T2" (four months), a month "2019-M03", a day "2019-D064", a year "2019-A1";
# Eurostat's older files write them without the hyphen ("2019M03", "2019S1")
_SDMX = re.compile(r"(?P<year>\d{4})-?(?:(?P<kind>[STMD])(?P<n>\d{1,3})|A1?)")
_SDMX_MONTHS = {"S": 6, "T": 4, "M": 1}
CENTURIES, MILLENNIA = 40, 10  # the "60th century" is no one's: a typo, not a date
_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}
# the words that end a span at no date: "1998–present", "2015 to date"
OPEN_WORDS = r"(?i:present|now|today|ongoing|current|date|heute|présent|aujourd'hui|hoy|presente|oggi|\.\.)"
MAY_BE = (r"(?i)^\s*(?:Q[1-4]|H[12]|[1-4]Q|[12]H\s*['’]?\d|\d{4}[\s/-]*[QH][1-4]|\d{4}-?W\d|(?:the\s+)?[\dIVXL]+\S*\s*"
          r"(?:century|cent\.|c\.|siècle|jahrhundert|jh\.|millennium|millénaire|jahrtausend)"
          r"|(?:first|second|third|fourth|[1-4]"
          r"(?:st|nd|rd|th))\s+(?:quarter|half)|(?:1st|2nd)\s+half|(?:week|wk\.?|w|kw|cw)\s*\d"
          r"|(?:the\s+)?(?:" + "|".join(SEASONS) + r")\s|\d{4},?\s+(?:" + "|".join(SEASONS) + r")\s*$"
          r"|\d{4}\s*[/-]\s*\d{2}\s*$"
          r"|\d{1,3}(?:[Xxu]|--?\s*$)|\d{4}(?:-\d{2})?-(?:[Xxu]{2}|\?\?)|\d{4}-?(?:[STMD]\d|A1?\s*$))")


def bounds(text: str) -> tuple[str, str] | None:
    """The first and last date a period covers, as the parser reads them, or None.

    >>> bounds("Q1 2019"), bounds("2019-W10"), bounds("19th century"), bounds("5th century BC"), bounds("Q5 2019")
    (('2019-01', '2019-03'), ('2019-03-04', '2019-03-10'), ('1801', '1900'), ('500 BC', '401 BC'), None)
    >>> bounds("1st millennium BC"), bounds("2nd millennium")
    (('1000 BC', '1 BC'), ('1001', '2000'))
    >>> bounds("1Q19"), bounds("Q3'98"), bounds("2H19")
    (('2019-01', '2019-03'), ('1998-07', '1998-09'), ('2019-07', '2019-12'))
    >>> bounds("2019-S2"), bounds("2019T1"), bounds("2019-M03"), bounds("2019-A1")
    (('2019-07', '2019-12'), ('2019-01', '2019-04'), ('2019-03', '2019-03'), ('2019', '2019'))
    >>> bounds("2019-D064"), bounds("2019-S3"), bounds("2019-M13")
    (('2019-03-05', '2019-03-05'), None, None)
    >>> bounds("201X"), bounds("19XX"), bounds("2019-XX-XX"), bounds("2019-03-XX"), bounds("XXXX")
    (('2010', '2019'), ('1900', '1999'), ('2019', '2019'), ('2019-03', '2019-03'), None)
    """
    text = text.strip()
    for pattern, read in _READERS:
        if found := pattern.fullmatch(text):
            return read(found)
    return None


def _year(written: str) -> str:
    """A year written in four digits, or by its last two ("'19", "19": 1969-2068, as two-digit years are read)."""
    digits = written.lstrip("'’")
    if len(digits) == 4:
        return digits
    return f"{(20 if int(digits) < 69 else 19)}{digits}"


def _quarter(found: re.Match[str]) -> tuple[str, str]:
    quarter, year = _first(found, "q"), _year(_first(found, "y"))
    number = _WORDS.get(quarter.lower()) or int(quarter)
    return f"{year}-{3 * number - 2:02d}", f"{year}-{3 * number:02d}"


def _half(found: re.Match[str]) -> tuple[str, str]:
    half, year = _first(found, "h"), _year(_first(found, "y"))
    number = 1 if half.lower() in ("1", "first", "1st") else 2
    return f"{year}-{6 * number - 5:02d}", f"{year}-{6 * number:02d}"


def _week(found: re.Match[str]) -> tuple[str, str] | None:
    week = forms.iso_week(int(_first(found, "year")), int(_first(found, "week")))
    return (week[0].isoformat(), week[1].isoformat()) if week else None


def _year_pair(found: re.Match[str]) -> tuple[str, str] | None:
    if int(found["next"]) <= 12:  # "2019-03" is March
        return None
    last = following(int(found["year"]), found["next"])
    return (found["year"], f"{last:04d}") if last else None


def _millennium(found: re.Match[str]) -> tuple[str, str] | None:
    return _long(int(found["n"]), 1000, MILLENNIA, found["era"])


def _century(found: re.Match[str]) -> tuple[str, str] | None:
    return _long(int(found["n"]) if found["n"] else _roman(found["roman"].upper()), 100, CENTURIES, found["era"])


def following(year: int, digits: str) -> int | None:
    """The first year after ``year`` that ends in these two digits: 1914 and "18" is 1918, 1998 and "03" 2003; None
    when that is in the next century and more than 20 years on (2019 and "13": a slip, not 2113).

    >>> following(1914, "18"), following(2019, "20"), following(1998, "03"), following(2019, "13")
    (1918, 2020, 2003, None)
    """
    last = year // 100 * 100 + int(digits)
    if last > year:
        return last
    return last + 100 if last + 100 - year <= 20 else None


def _season(found: re.Match[str]) -> tuple[str, str] | None:
    """The first and last month of a season (see :data:`SEASON`); None for "winter 2019/23"."""
    year, month = int(found["year"]), SEASONS[found["season"].lower()]
    if found.groupdict().get("next") is not None:
        last = int(found["next"]) if len(found["next"]) == 4 else following(year, found["next"])
        if month != 12 or last != year + 1:
            return None  # only a winter spans two years
    elif month == 12:
        year -= 1  # "winter 2019" is the one whose January and February are in 2019
    if month == 12:
        return f"{year:04d}-12", f"{year + 1:04d}-02"
    return f"{year:04d}-{month:02d}", f"{year:04d}-{month + 2:02d}"


def _long(number: int, years: int, most: int, era: str | None) -> tuple[str, str] | None:
    """The first and last year of the ``number``-th century (``years`` 100) or millennium (1000)."""
    if not 1 <= number <= most:
        return None
    if (era or "").upper().startswith("B"):  # the 5th century BC: 500 BC to 401 BC
        return f"{years * number} BC", f"{years * (number - 1) + 1} BC"
    return f"{years * (number - 1) + 1:04d}", f"{years * number:04d}"


def _unspecified(found: re.Match[str]) -> tuple[str, str] | None:
    """The first and last year of a year with its last digits unspecified ("201X": 2010 to 2019), or the year or
    month whose smaller parts are ("2019-XX-XX": 2019, "2019-03-XX": March 2019)."""
    if found["known"] is None:
        known = found["year"] + (f"-{found['month']}" if found["month"] else "")
        return (known, known) if not found["month"] or 1 <= int(found["month"]) <= 12 else None
    digits = found["known"]
    if len(digits) + len(found["unknown"]) != 4:  # "2019X", "1X": no year of four digits
        return None
    unit = 10 ** len(found["unknown"])
    first = int(digits) * unit
    return f"{first:04d}", f"{first + unit - 1:04d}"


def _sdmx(found: re.Match[str]) -> tuple[str, str] | None:
    """The first and last date of an SDMX reporting period (see :data:`_SDMX`); None for "2019-S3" or "2019-M13"."""
    year, kind = int(found["year"]), found["kind"]
    if kind is None:
        return f"{year:04d}", f"{year:04d}"
    number = int(found["n"])
    if kind == "D":
        return _day_of(year, number)
    months = _SDMX_MONTHS[kind]
    if not 1 <= number <= 12 // months:
        return None
    first, last = months * (number - 1) + 1, months * number
    return f"{year:04d}-{first:02d}", f"{year:04d}-{last:02d}"


def _day_of(year: int, number: int) -> tuple[str, str] | None:
    days = 366 if forms.leap(year) else 365
    if not 1 <= number <= days:
        return None
    day = (dt.date(year, 1, 1) + dt.timedelta(days=number - 1)).isoformat()
    return day, day


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


_READERS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], tuple[str, str] | None]], ...] = (
    (_QUARTER, _quarter), (_HALF, _half), (_WEEK, _week), (SEASON, _season), (SEASON_AFTER, _season),
    (_YEAR_PAIR, _year_pair),
    (_MILLENNIUM, _millennium), (_CENTURY, _century), (_UNSPECIFIED, _unspecified), (_SDMX, _sdmx))


def column_bounds(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """The first and last date of each value that names a period (missing elsewhere), read once per distinct
    value."""
    codes, uniques = pd.factorize(values.astype("object"))
    found = [bounds(str(value)) for value in uniques.tolist()] + [None]
    first = pd.Series([found[c][0] if found[c] else pd.NA for c in codes], index=values.index, dtype="string[pyarrow]")
    last = pd.Series([found[c][1] if found[c] else pd.NA for c in codes], index=values.index, dtype="string[pyarrow]")
    return first, last
