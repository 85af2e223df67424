"""Years as plain numbers, from the Big Bang to the far future: how the years clock writes and reads them.

A dataset with a year the calendar cannot place (before -290,000 or after 290,000: ``-13.8e9``, ``66 Ma``)
keeps every time as a decimal year (``2019.55`` is 20 July 2019), stored like the numeric clock's numbers
(:mod:`viewer.model.clock`). This module holds the year arithmetic on plain floats: labels chosen by
magnitude (``2019``, ``-473``, ``-12,000``, ``2.5 million years ago``, ``13.8 billion years ago``), and
reading what people write (``-473``, ``473 BC``, ``-13.8e9``, ``66 Ma``, ``13.8 Ga``, ``2019-07-20``).

Years are astronomical, as in ISO 8601 and TimelineJS: year 0 is 1 BC, so ``473 BC`` reads as ``-472``.
"So many years ago" counts back from year 0, not from today: beyond a million years, where those words are
used, the 2,000 years between them are below what the label shows. Limit: ``|year| <= 9.2e12`` (six decimals).

>>> format_year(-13.8e9), format_year(-473.0), format_year(2019.0), parse_year("66 Ma")
('13.8 billion years ago', '-473', '2019', -66000000.0)
"""

from __future__ import annotations

import math
import re
from datetime import datetime

import numpy as np
import pandas as pd
import pyarrow.compute as pc

from viewer.model.columns import arrow_text
from viewer.model.dates import SECONDS_LIMIT, format_date, parse_date

LIMIT = SECONDS_LIMIT  # (as years: the numeric clock's bound)
CALENDAR_YEARS = 290_000  # within this, a decimal year has a calendar day (datetime64[us] holds it)
EXPECTED_YEAR = ("a year like 2019, -473, 473 BC, -13.8e9, 66 Ma or 13.8 Ga (years before 0 are negative; "
                 f"at most {LIMIT:.1e} in size)")
MILLION, BILLION = 1e6, 1e9
_AGO = {"ma": MILLION, "mya": MILLION, "myr": MILLION, "ga": BILLION, "gya": BILLION, "bya": BILLION,
        "gyr": BILLION}
_WORDS = {"thousand": 1e3, "million": MILLION, "billion": BILLION}
_PATTERN = re.compile(
    r"(?P<pre>ad|ce|year)?\s*(?P<num>[+-]?(?:\d[\d,_]*)?\.?\d+(?:e[+-]?\d+)?)\s*"
    r"(?P<word>thousand|million|billion)?\s*(?P<suf>years?\s+ago|ya|bce|bc|b\.c\.|ad|a\.d\.|ce|c\.e\.|"
    r"ma|mya|myr|ga|gya|bya|gyr)?\.?")

# the same as a whole value for RE2, whose \d and \s are ASCII's only (Python's take any script's digits and spaces)
_WHOLE = "^(?:" + _PATTERN.pattern.replace(r"\d", r"\p{Nd}").replace(r"\s", r"[\s\p{Z}]") + ")$"


def _significant(value: float, digits: int = 6) -> str:
    """``value`` to at most ``digits`` significant figures, without trailing zeros: ``13.8``, ``2.5``, ``66``."""
    text = f"{value:.{digits}g}"
    if "e" in text:  # only for values this module never asks for (beyond 1e6 of a unit)
        return f"{value:,.0f}"
    return text


def _whole(value: float) -> str:
    """A whole year: ``2019``, ``-473``, and separators from five digits on (``-12,000``)."""
    year = round(value)
    return f"{year:,}" if abs(year) >= 10_000 else str(year)


def _large(value: float, unit: float, text: str) -> str:
    word = "billion" if unit == BILLION else "million"
    if value < 0:
        return f"{text} {word} years ago"
    return f"year {text} {word}"


def format_year(value: float) -> str:
    """A year for a person, to the detail it has: ``2019``, ``20 Jul 2019``, ``-12,000``, ``66 million years ago``.

    >>> format_year(2019.547945), format_year(-12000.0), format_year(2.5e6), format_year(-4.567e9)
    ('20 Jul 2019', '-12,000', 'year 2.5 million', '4.567 billion years ago')
    """
    if not math.isfinite(value):
        return ""
    size = abs(value)
    if size >= MILLION:
        unit = BILLION if size >= BILLION else MILLION
        return _large(value, unit, _significant(size / unit))
    if value == math.floor(value):
        return _whole(value)
    if size < CALENDAR_YEARS:
        stamp = calendar_instant(value)
        day = stamp.round("D")  # six decimals of a year are half a minute: a day's start is found within that
        if abs(stamp - day) < pd.Timedelta(minutes=1):
            return format_date(day, "day")
        return format_date(stamp.round("min"), "time")
    return f"{value:,.6f}".rstrip("0")


def tick_unit(step: float) -> float | None:
    """The unit an axis writes its years in for ticks ``step`` apart: billions, millions, or None (years)."""
    if step >= 1e8:
        return BILLION
    if step >= 1e5:
        return MILLION
    return None


def format_tick(value: float, step: float) -> str:
    """An axis label for the year ``value`` among ticks ``step`` apart, in the unit the step calls for.

    >>> format_tick(-5e8, 5e8), format_tick(-1.2e6, 2e5), format_tick(-500.0, 100.0), format_tick(2019.5, 0.5)
    ('0.5 billion years ago', '1.2 million years ago', '-500', 'Jul 2019')
    """
    if abs(value) < step * 1e-9:
        return "0"
    unit = tick_unit(step)
    if unit is not None:
        decimals = max(0, min(6, -math.floor(math.log10(step / unit) + 1e-9)))
        text = f"{abs(value) / unit:.{decimals}f}"
        return _large(value, unit, text.rstrip("0").rstrip(".") if "." in text else text)
    if step >= 1 or abs(value) >= CALENDAR_YEARS:
        decimals = 0 if step >= 1 else max(0, min(6, -math.floor(math.log10(step))))
        return _whole(value) if decimals == 0 else f"{value:.{decimals}f}"
    stamp = calendar_instant(value)
    return format_date(stamp, "month" if step >= 1 / 13 else "day" if step >= 1 / 400 else "time")


def calendar_instant(value: float) -> pd.Timestamp:
    """The calendar instant of a decimal year within ±290,000 years (``2019.5`` is noon on 2 July 2019)."""
    year = math.floor(value)
    start = np.datetime64(year - 1970, "Y").astype("datetime64[us]")
    end = np.datetime64(year + 1 - 1970, "Y").astype("datetime64[us]")
    micros = round((value - year) * float((end - start).astype(np.int64)))
    return pd.Timestamp(start + np.timedelta64(micros, "us")).tz_localize("UTC")


def decimal_years(instants: pd.Series) -> np.ndarray:
    """Calendar instants (``datetime64[us, UTC]``) as decimal years: the year plus the share of it gone by.

    >>> decimal_years(pd.Series(pd.to_datetime(["2019-07-02 12:00", "1969-01-01 00:00"], utc=True))).tolist()
    [2019.5, 1969.0]
    """
    naive = instants.dt.tz_localize(None).to_numpy(dtype="datetime64[us]")
    missing = np.isnat(naive)
    filled = np.where(missing, np.datetime64(0, "us"), naive)
    year = filled.astype("datetime64[Y]")
    start = year.astype("datetime64[us]")
    length = ((year + 1).astype("datetime64[us]") - start).astype(np.int64).astype(np.float64)
    share = (filled - start).astype(np.int64).astype(np.float64) / length
    out = year.astype(np.int64).astype(np.float64) + 1970.0 + share
    return np.where(missing, np.nan, np.round(out, 6))


def parse_year(text: object) -> float:
    """A year as written: a number, an era (``473 BC``, ``AD 79``), so long ago (``66 Ma``) or a date.

    Raise ValueError naming what was expected when ``text`` is none of these.

    >>> parse_year("473 BC"), parse_year("-13.8e9"), parse_year("13.8 billion years ago")
    (-472.0, -13800000000.0, -13800000000.0)
    >>> parse_year("2019-07-02T12:00"), parse_year("AD 79"), parse_year("4.5 Ga")
    (2019.5, 79.0, -4500000000.0)
    """
    if isinstance(text, bool) or text is None:
        raise ValueError(f"expected {EXPECTED_YEAR}, got {text!r}")
    if isinstance(text, (int, float, np.integer, np.floating)):
        return _checked(float(text), text)
    raw = str(text).strip()
    match = _PATTERN.fullmatch(raw.lower())
    if match is not None:
        return _checked(_value(match), text)
    try:
        # from its numpy value: pandas builds a Series from a Timestamp beyond its nanoseconds in the wrong year
        stamp = np.array([_date(raw).asm8], dtype="datetime64[us]")
        return _checked(float(decimal_years(pd.Series(stamp).dt.tz_localize("UTC"))[0]), text)
    except (ValueError, TypeError, OverflowError):
        raise ValueError(f"expected {EXPECTED_YEAR}, got {text!r}") from None


def _date(text: str) -> pd.Timestamp:
    """A date as the model reads it (ISO), or as this module writes it (``20 Jul 1969``, ``Jul 1969``)."""
    for form in ("%d %b %Y", "%b %Y"):
        try:
            return pd.Timestamp(datetime.strptime(text, form), tz="UTC")
        except ValueError:
            pass
    return parse_date(text).start


def _value(match: re.Match[str]) -> float:
    number = float(match["num"].replace(",", "").replace("_", ""))
    number *= _WORDS.get(match["word"] or "", 1.0)
    suffix = (match["suf"] or "").replace(".", "")
    if suffix in _AGO:
        return -number * _AGO[suffix]
    if suffix in ("bc", "bce"):
        return 1.0 - number  # astronomical: 1 BC is year 0
    if suffix.endswith("ago") or suffix == "ya":
        return -number
    return number


def _checked(value: float, text: object) -> float:
    if not math.isfinite(value) or abs(value) > LIMIT:
        raise ValueError(f"expected {EXPECTED_YEAR}, got {text!r}")
    return round(value, 6)


def written_as_years(values: pd.Series) -> np.ndarray:
    """Which cells write a year as this module reads one and the calendar does not (a number, an era, ``66 Ma``),
    not a date: a date the calendar could not read ("2020-01-01 09:00-1100") is a bad date, no reason to leave
    the calendar."""
    text = pc.utf8_lower(pc.utf8_trim_whitespace(arrow_text(values)))  # (Arrow's RE2: pandas' took 1 s a million)
    return np.asarray(pc.match_substring_regex(text, _WHOLE).fill_null(False).to_numpy(zero_copy_only=False),
                      dtype=bool)


def parse_year_column(values: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """A column as decimal years (NaN where empty or unreadable) and which cells were written but unreadable.

    Numbers are read at once; the other texts (dates, eras, ``66 Ma``) once per distinct value.

    >>> years, bad = parse_year_column(pd.Series(["-13800000000", "2019-07-02T12:00", "", "66 Ma", "soon"]))
    >>> years.tolist()[:2], years.tolist()[3], bad.tolist()
    ([-13800000000.0, 2019.5], -66000000.0, [False, False, False, False, True])
    """
    if pd.api.types.is_numeric_dtype(values.dtype) and not pd.api.types.is_bool_dtype(values.dtype):
        array = pd.to_numeric(values, errors="coerce").to_numpy(dtype=np.float64, na_value=np.nan)
        present = ~np.isnan(array)
    else:
        text = values.astype("string").str.strip()
        present = (text.notna() & (text != "")).to_numpy(dtype=bool, na_value=False)
        array = pd.to_numeric(text.where(present, None), errors="coerce").to_numpy(dtype=np.float64,
                                                                                  na_value=np.nan)
        rest = present & np.isnan(array)
        if rest.any():
            words = text[rest]
            found = {}
            for word in pd.unique(words):
                try:
                    found[word] = parse_year(word)
                except ValueError:
                    found[word] = np.nan
            array[rest] = words.map(found).to_numpy(dtype=np.float64, na_value=np.nan)
    with np.errstate(invalid="ignore"):
        usable = np.isfinite(array) & (np.abs(array) <= LIMIT)
    return np.where(usable, np.round(np.where(usable, array, 0.0), 6), np.nan), present & ~usable
