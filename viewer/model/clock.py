"""A dataset's clock: the calendar (dates), plain numbers (ticks, steps, seconds of a simulation), years, or
hours, minutes and seconds with no date (elapsed: a day's log, a recording's transcript).

A number ``v`` is stored as the instant ``EPOCH + v seconds`` at precision ``time``, so every query,
window, cursor and drawing that works on instants works unchanged, and the timeline's axis (Unix
seconds) reads ``v`` itself. What differs is only how a time is written and read, which this module
answers for each clock. The years clock (:mod:`viewer.model.years`) stores decimal years the same way
(``-13.8e9`` is ``EPOCH - 1.38e10`` seconds) for datasets reaching beyond the calendar's ±290,000 years;
:func:`numeric` is true for the clocks that store numbers. The elapsed clock (:mod:`viewer.model.elapsed`) stores
seconds the same way and writes them as ``9:15`` or ``0:01:23.5``. Limits of the numeric clock: ``|v| <= 9.2e12``
(what ``datetime64[us]`` holds) and six decimals (one microsecond); a value outside is refused with
:data:`EXPECTED_NUMBER`.

>>> stamp = parse_instant("42.5", NUMBER).start
>>> format_instant(stamp, "time", NUMBER), format_instant(stamp, "day", CALENDAR)
('42.5', '1 Jan 1970')
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from viewer.model import elapsed, years
from viewer.model.dates import (
    EPOCH,
    EXPECTED,
    PRECISIONS,
    SECONDS_LIMIT,
    ParsedDates,
    PartialDate,
    format_date,
    iso_date,
    parse_date,
    parse_dates,
)
from viewer.model.dates import precision_series as _precision_series
from viewer.model.dates.columns import parse_column

CALENDAR, NUMBER, YEARS, ELAPSED = "calendar", "number", "years", "elapsed"
CLOCKS = (CALENDAR, NUMBER, YEARS, ELAPSED)
LIMIT = SECONDS_LIMIT
EXPECTED_NUMBER = f"a number like 42, -3 or 0.5 (at most {LIMIT:.1e} in size, six decimals)"
_TIME_CODE = PRECISIONS.index("time")
_MICROS = 1_000_000


def check(clock: str) -> str:
    """``clock`` when it is one of :data:`CLOCKS`; raise ValueError naming them otherwise."""
    if clock not in CLOCKS:
        raise ValueError(f"expected a clock among {', '.join(CLOCKS)}, got {clock!r}")
    return clock


def numeric(clock: str) -> bool:
    """True for the clocks whose times are numbers on the axis (plain numbers, years, or seconds written as hours,
    minutes and seconds): no days, no months."""
    return clock in (NUMBER, YEARS, ELAPSED)


def expected(clock: str) -> str:
    """What a time on ``clock`` looks like, for messages: a date, a number or a year."""
    return {NUMBER: EXPECTED_NUMBER, YEARS: years.EXPECTED_YEAR, ELAPSED: elapsed.EXPECTED}.get(clock, EXPECTED)


# how each clock's times are named to a person: in a summary, a hint beside a box, a message of mixed files
WORDS = {CALENDAR: "dates", NUMBER: "times are plain numbers", YEARS: "times are years in deep time",
         ELAPSED: "times are hours, minutes and seconds with no date"}
HINTS = {NUMBER: "a number: 42", YEARS: "a year: -473, 473 BC, -13.8e9, 66 Ma",
         ELAPSED: "a time: 9:30"}
CLOCK_SUMMARY = {NUMBER: "numbers (the times are plain numbers, not dates)",
                 YEARS: "years (decimal years reaching beyond the calendar; negative before year 0)",
                 ELAPSED: "hours, minutes and seconds (times with no date)"}


def instant(value: float) -> pd.Timestamp:
    """The instant that stands for the number ``value`` (``EPOCH + value`` seconds, to the microsecond).

    >>> instant(-3)
    Timestamp('1969-12-31 23:59:57+0000', tz='UTC')
    """
    number = float(value)
    if not math.isfinite(number) or abs(number) > LIMIT:
        raise ValueError(f"expected {EXPECTED_NUMBER}, got {value!r}")
    return (EPOCH + pd.Timedelta(microseconds=round(number * _MICROS))).as_unit("us")


def number(stamp: pd.Timestamp) -> float:
    """The number an instant stands for (the inverse of :func:`instant`)."""
    return _micros(stamp) / _MICROS


def _micros(stamp: pd.Timestamp) -> int:
    """Microseconds since the epoch (``Timestamp.value`` is nanoseconds and overflows past 2262)."""
    return int(pd.Timestamp(stamp).as_unit("us").asm8.astype("datetime64[us]").astype(np.int64))


def format_number(stamp: pd.Timestamp) -> str:
    """The number an instant stands for, written exactly: ``42``, ``42.5``, ``-3``, ``0.000001``.

    >>> format_number(instant(0.1 + 0.2)), format_number(instant(1e12))
    ('0.3', '1000000000000')
    """
    if pd.isna(stamp):
        return ""
    micros = _micros(stamp)
    whole, fraction = divmod(abs(micros), _MICROS)
    text = f"{'-' if micros < 0 else ''}{whole}"
    return f"{text}.{fraction:06d}".rstrip("0") if fraction else text


def format_instant(stamp: pd.Timestamp, precision: str, clock: str = CALENDAR) -> str:
    """A time for a person: a date at its precision (``6 Feb 2023``), or a number (``42``) on the numeric clock."""
    if clock == NUMBER:
        return format_number(stamp)
    if clock == YEARS:
        return "" if pd.isna(stamp) else years.format_year(number(stamp))
    if clock == ELAPSED:
        return "" if pd.isna(stamp) else elapsed.format_elapsed(number(stamp))
    return format_date(stamp, precision)


def iso_instant(stamp: pd.Timestamp, precision: str, clock: str = CALENDAR) -> str:
    """A time written for a file: ISO at its precision (``2023-02``), or the number on the numeric clock."""
    if clock == ELAPSED:  # 9:15, 0:01:23.5: exact, and read back as written
        return "" if pd.isna(stamp) else elapsed.format_elapsed(number(stamp))
    if numeric(clock):  # years are written as the decimal numbers they are: exact, and read back as written
        return format_number(stamp)
    return iso_date(stamp, precision)


def _written(text: str) -> PartialDate:
    """A date typed by a person on the calendar: ISO's forms, else any a table's dates are read in (``44 BC``, ``AD
    79``, ``19 Nov 2018``, ``March 2019``: the filter's From box, ``--at`` and the API refused them where the file's
    own column held them). ValueError when neither reads it, and for a plain number (``42``: a time on a clock of
    numbers, not the year 42).

    >>> _written("44 BC").start.year, _written("AD 79").label(), _written("2019-03").label()
    (-43, '79', 'Mar 2019')
    """
    try:
        return parse_date(text)
    except ValueError:
        if re.fullmatch(r"\s*[-+]?[\d.,]*\s*", text):
            raise
        read = parse_column(pd.Series([text], dtype=object))
        if read.instants.isna().iloc[0]:
            raise
        return PartialDate(read.instants.iloc[0], str(read.precisions.iloc[0]))


def parse_instant(text: object, clock: str = CALENDAR) -> PartialDate:
    """Read one time on a clock: a date (``2019-12``) or a number (``42``); raise ValueError when unreadable.

    An instant (``pd.Timestamp``, ``datetime``) or a :class:`PartialDate` is taken as it is on either clock.

    >>> parse_instant("1e3", NUMBER).start == instant(1000)
    True
    """
    if not numeric(clock) or isinstance(text, (PartialDate, pd.Timestamp)):
        return _written(text) if isinstance(text, str) else parse_date(text)
    if clock == YEARS:
        return PartialDate(instant(years.parse_year(text)), "time")
    if clock == ELAPSED:
        return PartialDate(instant(elapsed.parse_elapsed(text)), "time")
    if isinstance(text, bool):
        raise ValueError(f"expected {EXPECTED_NUMBER}, got {text!r}")
    if isinstance(text, (int, float, np.integer, np.floating)):
        return PartialDate(instant(float(text)), "time")
    if not isinstance(text, str):
        return parse_date(text)
    try:
        value = float(text.strip())
    except ValueError:
        raise ValueError(f"expected {EXPECTED_NUMBER}, got {text!r}") from None
    return PartialDate(instant(value), "time")


def readable(text: str) -> bool:
    """Whether ``text`` is a time on some clock (a date, a number, a year such as ``66 Ma``, a time ``9:30``)."""
    for on in CLOCKS:
        try:
            parse_instant(text, on)
        except ValueError:
            continue
        return True
    return False


def parse_numbers(values: pd.Series) -> ParsedDates:
    """A column of numbers (text or numeric) as instants on the numeric clock; unreadable cells are flagged.

    >>> parsed = parse_numbers(pd.Series(["0", "2.5", "", "soon", "1e13"]))
    >>> [format_number(t) for t in parsed.instants], parsed.invalid.tolist()
    (['0', '2.5', '', '', ''], [False, False, False, True, True])
    """
    index = values.index
    if pd.api.types.is_numeric_dtype(values.dtype) and not pd.api.types.is_bool_dtype(values.dtype):
        nums = pd.to_numeric(values, errors="coerce").astype("float64")
        present = nums.notna().to_numpy()
    else:
        text = values.astype("string").str.strip()
        present = (text.notna() & (text != "")).to_numpy(dtype=bool, na_value=False)
        nums = pd.to_numeric(text.where(present, None), errors="coerce").astype("float64")
    return _as_instants(nums.to_numpy(dtype=np.float64, na_value=np.nan), present, index)


def parse_years(values: pd.Series) -> ParsedDates:
    """A column of years (``-13.8e9``, ``473 BC``, ``66 Ma``, ``2019-07-20``) as instants on the years clock.

    >>> parsed = parse_years(pd.Series(["-13800000000", "473 BC", "", "soon"]))
    >>> [format_instant(t, "time", YEARS) for t in parsed.instants], parsed.invalid.tolist()
    (['13.8 billion years ago', '-472', '', ''], [False, False, False, True])
    """
    array, bad = years.parse_year_column(values)
    return _as_instants(array, ~np.isnan(array) | bad, values.index)


def parse_elapsed(values: pd.Series) -> ParsedDates:
    """A column of hours, minutes and seconds (``09:15``, ``0:01:23,5``) as instants on the elapsed clock.

    >>> parsed = parse_elapsed(pd.Series(["09:15", "1:23.4", "", "soon"]))
    >>> [format_instant(t, "time", ELAPSED) for t in parsed.instants], parsed.invalid.tolist()
    (['9:15', '0:01:23.4', '', ''], [False, False, False, True])
    """
    array, bad = elapsed.parse_column(values)
    return _as_instants(array, ~np.isnan(array) | bad, values.index)


def parse_on(values: pd.Series, clock: str) -> ParsedDates:
    """A column of times read on ``clock``: dates, numbers, years or hours, minutes and seconds."""
    if clock == NUMBER:
        return parse_numbers(values)
    if clock == ELAPSED:
        return parse_elapsed(values)
    return parse_years(values) if clock == YEARS else parse_dates(values)


def _as_instants(array: np.ndarray, present: np.ndarray, index: pd.Index) -> ParsedDates:
    """Numbers as instants at precision ``time``; cells present but not a usable number are flagged invalid."""
    with np.errstate(invalid="ignore"):
        usable = np.isfinite(array) & (np.abs(array) <= LIMIT)
    micros = np.where(usable, np.round(np.where(usable, array, 0.0) * _MICROS), 0).astype(np.int64)
    stamps = pd.Series(micros.view("datetime64[us]"), index=index).dt.tz_localize("UTC").where(usable)
    codes = np.where(usable, _TIME_CODE, -1).astype(np.int8)
    none = pd.Series(np.zeros(len(index), dtype=bool), index=index)
    return ParsedDates(stamps, _precision_series(codes, index), pd.Series(present & ~usable, index=index), none)


def looks_numeric(values: pd.Series) -> bool:
    """True when every non-empty cell of a column is a plain number (and there is at least one)."""
    parsed = parse_numbers(values)
    return bool(parsed.instants.notna().any() and not parsed.invalid.any())


@dataclass(frozen=True)
class Scale:
    """The lengths navigation uses on a clock, in axis units (seconds, or the numbers themselves)."""

    margin: float  # the least margin around data: a day on the calendar
    min_span: float  # the narrowest window: an hour on the calendar
    pad: float  # the least padding around one event: 30 days on the calendar
    pan_margin: float  # how far past the data the view may pan, at least: 30 days on the calendar


CALENDAR_SCALE = Scale(86400.0, 3600.0, 30 * 86400.0, 30 * 86400.0)


def scale(clock: str, span: float) -> Scale:
    """The navigation lengths for a clock and a data span: fixed on the calendar, a share of the span for numbers.

    >>> scale(NUMBER, 500.0)
    Scale(margin=1.0, min_span=0.001, pad=3.0, pan_margin=5.0)
    """
    if not numeric(clock):
        return CALENDAR_SCALE
    step = power_of_ten(span / 100) if span > 0 else 1.0
    return Scale(step, min(1e-3, step), 3 * step, 5 * step)


def power_of_ten(value: float) -> float:
    """The largest power of ten at most ``value`` (``1e-6`` at least: the clock's resolution)."""
    if not value > 0 or not math.isfinite(value):
        return 1.0
    return max(10.0 ** math.floor(math.log10(value)), 1e-6)


def nice_step(span: float, count: int) -> float:
    """A tick step of 1, 2 or 5 × 10^k giving about ``count`` ticks over ``span``.

    >>> nice_step(500, 5), nice_step(1, 4), nice_step(30, 6)
    (100.0, 0.5, 5.0)
    """
    raw = span / max(count, 1)
    base = power_of_ten(raw)
    for factor in (1.0, 2.0, 5.0, 10.0):
        if base * factor >= raw:
            return base * factor
    return base * 10.0


def number_ticks(lo: float, hi: float, count: int, clock: str = NUMBER) -> tuple[float, np.ndarray]:
    """The step and the ticks (multiples of a :func:`nice_step`, or of a clock face's on the elapsed clock)
    between ``lo`` and ``hi``."""
    step = elapsed.nice_step(hi - lo, count) if clock == ELAPSED else nice_step(hi - lo, count)
    first = math.ceil(lo / step)
    last = math.floor(hi / step)
    return step, np.arange(first, last + 1, dtype=np.float64) * step


def format_tick(value: float, step: float) -> str:
    """A tick's number with at most the decimals its step needs, and no trailing zeros: ``100``, ``0.2``, ``-1.5``.

    >>> format_tick(0.30000000000000004, 0.1), format_tick(-0.0, 1.0), format_tick(2e6, 1e6), format_tick(-6.0, 0.1)
    ('0.3', '0', '2000000', '-6')
    """
    decimals = max(0, min(6, -math.floor(math.log10(step)))) if step > 0 else 0
    text = f"{value:.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if float(text) == 0 else text


def format_range(lo: float, hi: float, clock: str = NUMBER) -> tuple[str, str]:
    """The ends of a stretch of the numeric axis, to the grain of its length (a window's ends are float noise).

    >>> format_range(-10.000000001, 510.4999999), format_range(-1.3812e10, 2.0e9, YEARS)
    (('-10', '510.5'), ('13.81 billion years ago', 'year 2 billion'))
    """
    if clock == ELAPSED:
        step = elapsed.grain(hi - lo)
        return elapsed.format_elapsed(round(lo / step) * step, step), elapsed.format_elapsed(round(hi / step) * step,
                                                                                             step)
    step = power_of_ten((hi - lo) / 1000)
    if clock == YEARS:
        return years.format_year(round(lo / step) * step), years.format_year(round(hi / step) * step)
    return format_tick(lo, step), format_tick(hi, step)


def tick_text(value: float, step: float, clock: str) -> str:
    """An axis label on a numeric clock: the number (``-1.5``), or the year in the step's unit on the years clock."""
    if clock == ELAPSED:
        return elapsed.format_elapsed(value, step)
    return years.format_tick(value, step) if clock == YEARS else format_tick(value, step)


def snap(seconds: float, span: float, clock: str = NUMBER, down: bool = False) -> pd.Timestamp:
    """A number picked on an axis, rounded (``down``: rounded down) to the power of ten below 1/200 of the visible
    span (the cursor's grain; on the elapsed clock, the clock face's step below it: 9:14 rather than 9:13:20).

    >>> format_number(snap(41.9997, 500.0)), format_instant(snap(33211.0, 8 * 3600, ELAPSED), "time", ELAPSED)
    ('42', '9:14')
    """
    grain = 1e-6 if span <= 0 else elapsed.grain(span) if clock == ELAPSED else power_of_ten(span / 200)
    value = max(-LIMIT, min(LIMIT, (math.floor(seconds / grain) if down else round(seconds / grain)) * grain))
    return instant(value)
