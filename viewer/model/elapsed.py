"""Hours, minutes and seconds with no date: how the elapsed clock writes and reads its times.

A table whose times are only times of day or running times (a day's log at ``09:15``, an interview's
transcript at ``00:01:23.5``, a race's laps at ``1:23.4``), with no column of dates beside them, keeps each
as seconds after zero, stored like the numeric clock's numbers (:mod:`viewer.model.clock`). The axis, the
cursor and every label write them back as ``9:15``, ``0:01:23.5`` or ``26:00`` (past a day, hours go on).

What is read: ``H:MM`` and ``H:MM:SS`` with any number of hours and a fraction after ``.`` or ``,``
(subtitles write ``00:00:01,600``), after a count of days as pandas writes a duration (``0 days 00:00:01.5``);
``M:SS.f`` (one colon and a fraction: a lap, a stopwatch); ``9h30``; an
hour with AM or PM (``9:30 PM``, ``9 am``); a sign; and a plain number, taken as seconds (how a file
written by the elapsed clock can also say it).

>>> parse_elapsed("01:30"), parse_elapsed("0:00:01,600"), parse_elapsed("1:23.4"), parse_elapsed("9:30 PM")
(5400.0, 1.6, 83.4, 77400.0)
>>> format_elapsed(5400.0), format_elapsed(1.6), format_elapsed(-90.0), format_elapsed(93600.0)
('1:30', '0:00:01.6', '-0:01:30', '26:00')
"""

from __future__ import annotations

import datetime
import math
import re

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from viewer.model.dates import SECONDS_LIMIT

LIMIT = SECONDS_LIMIT
DAY = 86400.0
EXPECTED = "a time like 9:30, 09:30:15, 1:23.4 or 9:30 PM (hours, minutes and seconds)"
# H:MM, H:MM:SS(.f), M:SS.f, 9h30, 9:30 PM, 9 PM, pandas' "1 days 02:00:00": the groups are read by _seconds_of
_AMPM = r"[AaPp]\.?[Mm]\.?"
_FORM = (r"(?P<sign>[-+])?\s*(?:(?:(?P<d>\d+)\s+days?,?\s+)?(?P<h>\d+)[:hH](?P<m>\d{2})(?::(?P<s>\d{2}))?"
         rf"(?:[.,](?P<f>\d{{1,6}})\d*)?\s*(?P<ampm>{_AMPM})?|(?P<ah>\d{{1,2}})\s*(?P<ap>{_AMPM}))")
PATTERN = f"^(?:{_FORM})$"
_ONE = re.compile(PATTERN)
# steps between ticks, in seconds: as a clock's face and a stopwatch count, then whole days
STEPS = (1.0, 2.0, 5.0, 10.0, 15.0, 30.0, 60.0, 120.0, 300.0, 600.0, 900.0, 1800.0, 3600.0, 7200.0, 10800.0,
         21600.0, 43200.0, 86400.0)


def _seconds_of(parts: pa.StructArray) -> np.ndarray:
    """Seconds from each match's groups (NaN where they are no time: ``9:75``, ``13 PM``), for every match at once:
    the groups as numpy columns, so a log of millions of distinct times is read in C, not one Python call each."""
    def number(name: str) -> np.ndarray:
        field = parts.field(name)
        digits = pc.if_else(pc.equal(field, ""), pa.scalar(None, pa.string()), field)
        return np.asarray(pc.cast(digits, pa.float64()).to_numpy(zero_copy_only=False), dtype=np.float64)

    def said(name: str, letters: str) -> np.ndarray:  # the group starts with one of these letters
        first = pc.utf8_lower(pc.utf8_slice_codeunits(parts.field(name), 0, 1))
        return np.asarray(pc.is_in(first, pa.array(list(letters))).fill_null(False).to_numpy(zero_copy_only=False),
                          dtype=bool)

    digits = np.asarray(pc.utf8_length(parts.field("f")).to_numpy(zero_copy_only=False), dtype=np.float64)
    return _seconds(number("d"), number("h"), number("m"), number("s"), number("ah"),
                    np.where(digits > 0, number("f") / 10.0 ** digits, np.nan),  # ".5" → 0.5
                    said("sign", "-"), said("ampm", "ap"), said("ampm", "p") | said("ap", "p"))


def _seconds(days: np.ndarray, hours: np.ndarray, minutes: np.ndarray, seconds: np.ndarray, am_hour: np.ndarray,
             fraction: np.ndarray, negative: np.ndarray, clock_face: np.ndarray, pm: np.ndarray) -> np.ndarray:
    """Seconds from the groups as numbers (NaN where not written) and flags, for one match or a column of them."""
    lap = np.isnan(seconds) & ~np.isnan(fraction)  # one colon and a fraction: minutes and seconds (1:23.4)
    h = np.where(lap, 0.0, hours)
    m = np.where(lap, hours, minutes)
    s = np.where(lap, minutes, np.nan_to_num(seconds)) + np.nan_to_num(fraction)
    bad = (m >= 60) | (s >= 60) | (clock_face & ((h < 1) | (h > 12)))
    h = np.where(clock_face, h % 12 + np.where(pm, 12.0, 0.0), h)
    value = np.where(bad, np.nan, np.nan_to_num(days) * 86400.0 + h * 3600.0 + m * 60.0 + s)
    alone = np.isnan(hours)  # "9 PM": an hour of the clock's face
    hour_value = np.where((am_hour >= 1) & (am_hour <= 12), (am_hour % 12 + np.where(pm, 12.0, 0.0)) * 3600.0, np.nan)
    value = np.where(negative, -np.where(alone, hour_value, value), np.where(alone, hour_value, value))
    return np.where(np.abs(value) <= LIMIT, value, np.nan)


def _one(match: re.Match[str]) -> float:
    """:func:`_seconds` of one match of the pattern (Python's ``re``: Arrow's start-up costs 0.6 ms a call)."""
    def number(name: str) -> np.ndarray:
        return np.array([float(match[name]) if match[name] else np.nan])

    fraction = match["f"]
    ampm, ap = (match["ampm"] or "").lower(), (match["ap"] or "").lower()
    return float(_seconds(number("d"), number("h"), number("m"), number("s"), number("ah"),
                          np.array([float(f"0.{fraction}") if fraction else np.nan]),
                          np.array([match["sign"] == "-"]), np.array([ampm[:1] in ("a", "p") and bool(ampm)]),
                          np.array([ampm.startswith("p") or ap.startswith("p")]))[0])


def parse_elapsed(text: object) -> float:
    """Seconds for one written time (see the module); a plain number is seconds. Raise ValueError otherwise."""
    if isinstance(text, (int, float, np.integer, np.floating)) and not isinstance(text, bool):
        value = float(text)
    else:
        written = str(text).strip()
        match = _ONE.match(written)
        if match is None:
            try:
                value = float(written)
            except ValueError:
                raise ValueError(f"expected {EXPECTED}, got {text!r}") from None
        else:
            value = _one(match)
    if not math.isfinite(value) or abs(value) > LIMIT:
        raise ValueError(f"expected {EXPECTED}, got {text!r}")
    return value


def parse_column(values: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Seconds for a column (NaN where empty or unreadable) and which written cells were unreadable.

    Each distinct cell is read once (a log repeats its minutes); the match runs in Arrow. A column of durations
    (pandas' timedelta, Arrow's duration: a recording's offsets as a program stores them) is its seconds.
    """
    if _is_duration(values):
        seconds = pd.to_timedelta(values).dt.total_seconds().to_numpy(dtype=np.float64, na_value=np.nan)
        return seconds, np.zeros(len(values), dtype=bool)
    times = _times_of_day(values)
    if times is not None:
        return times, np.zeros(len(values), dtype=bool)
    text = values.astype("string").str.strip()
    present = (text.notna() & (text != "")).to_numpy(dtype=bool, na_value=False)
    codes, uniques = pd.factorize(text.where(present, None))
    found = np.full(len(uniques), np.nan)
    if len(uniques):
        written = pa.array(uniques.astype(str), pa.string())
        parts = pc.extract_regex(written, PATTERN)
        valid = np.asarray(parts.is_valid().to_numpy(zero_copy_only=False), dtype=bool)
        found[valid] = _seconds_of(parts.filter(pa.array(valid)))
        numbers = pd.to_numeric(pd.Series(uniques.astype(str))[~valid], errors="coerce").to_numpy(dtype=np.float64)
        found[~valid] = np.where(np.abs(numbers) <= LIMIT, numbers, np.nan)
    seconds = np.where(codes >= 0, np.append(found, np.nan)[codes], np.nan)
    return seconds, present & np.isnan(seconds)


def _times_of_day(values: pd.Series) -> np.ndarray | None:
    """Seconds of a column of ``datetime.time`` (Parquet's time64, a workbook's time cells) read as Arrow times,
    not as text; None for any other column (one mixing times and text is read as text)."""
    if values.dtype != object or not isinstance(next(iter(values.dropna()), None), datetime.time):
        return None
    try:
        micros = pa.array(values, type=pa.time64("us"), from_pandas=True).cast(pa.int64())
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError):
        return None
    return np.asarray(micros.to_numpy(zero_copy_only=False), dtype=np.float64) / 1e6


def _is_duration(values: pd.Series) -> bool:
    """A column of durations: pandas' timedelta or Arrow's duration."""
    return pd.api.types.is_timedelta64_dtype(values.dtype) or (
        isinstance(values.dtype, pd.ArrowDtype) and pa.types.is_duration(values.dtype.pyarrow_dtype))


def past_midnight(seconds: np.ndarray) -> tuple[np.ndarray, int]:
    """A log of times of day written in time order that runs past midnight (``23:50``, then ``00:10``): each time
    after such a drop (of more than twelve hours) on the next day, and how many drops there were. Unchanged (0)
    where the times go back by less anywhere or drop often (a table in another order), or reach a day already.

    >>> moved, wraps = past_midnight(np.array([85800.0, np.nan, 600.0, 1200.0]))
    >>> moved.tolist(), wraps
    ([85800.0, nan, 87000.0, 87600.0], 1)
    """
    present = ~np.isnan(seconds)
    values = seconds[present]
    steps = np.diff(values)
    drops = steps < -DAY / 2
    if (not drops.any() or (steps[~drops] < 0).any() or values.max() >= DAY or values.min() < 0
            or drops.sum() > max(1, len(values) // 20)):  # a night now and then, not times in any order
        return seconds, 0
    out = seconds.copy()
    out[present] = values + np.concatenate([[0.0], np.cumsum(drops)]) * DAY
    return out, int(drops.sum())


def looks_elapsed(values: pd.Series, share: float = 0.8) -> bool:
    """At least ``share`` of the written cells (and one) are times of the clock's forms, not plain numbers:
    ``09:15``, ``1:23.4``, ``9 PM`` (a column of bare numbers says nothing of hours; a typo among times is
    an error of its row, not a reason to read every time as a date). A column of durations is."""
    if _is_duration(values):
        return bool(values.notna().any())
    text = values.astype("string").str.strip()
    text = text[text.notna() & (text != "")]
    if not len(text):
        return False
    found = pc.match_substring_regex(pa.array(text.astype(str), pa.string()), PATTERN)
    return bool(np.mean(found.to_numpy(zero_copy_only=False)) >= share)


def format_elapsed(value: float, step: float | None = None) -> str:
    """A time as ``H:MM``, ``H:MM:SS`` or ``H:MM:SS.f``: exactly (no seconds when there are none, the decimals
    there are), or a tick's label to the grain of ``step`` (minutes from a minute's step, decimals below a
    second's): ``9:15``, ``0:01:23.5``, ``-0:01:30``, ``26:00``."""
    if not math.isfinite(value):
        return ""
    micros = round(abs(value) * 1_000_000)
    whole, fraction = divmod(micros, 1_000_000)
    hours, rest = divmod(whole, 3600)
    minutes, seconds = divmod(rest, 60)
    sign = "-" if value < 0 and micros else ""
    if (seconds == fraction == 0 and step is None) or (step is not None and step >= 60):
        return f"{sign}{hours}:{minutes:02d}"
    text = f"{sign}{hours}:{minutes:02d}:{seconds:02d}"
    if step is None:
        digits = f"{fraction:06d}".rstrip("0")
    else:
        decimals = max(0, min(6, -math.floor(math.log10(step)))) if 0 < step < 1 else 0
        digits = f"{fraction:06d}"[:decimals]
    return f"{text}.{digits}" if digits else text


def nice_step(span: float, count: int) -> float:
    """A tick step among :data:`STEPS` (decimal below a second, whole days above) giving about ``count`` ticks.

    >>> nice_step(8 * 3600, 8), nice_step(90, 6), nice_step(2.0, 4)
    (3600.0, 15.0, 0.5)
    """
    raw = span / max(count, 1)
    if raw < 1:
        base = 10.0 ** math.floor(math.log10(max(raw, 1e-6)))
        return next((base * f for f in (1.0, 2.0, 5.0) if base * f >= raw), base * 10)
    found = next((step for step in STEPS if step >= raw), None)
    if found is not None:
        return found
    days = raw / 86400.0
    base = 10.0 ** math.floor(math.log10(days))
    return 86400.0 * next(base * f for f in (1.0, 2.0, 5.0, 10.0) if base * f >= days)


def grain(span: float) -> float:
    """The step a cursor picked on ``span`` seconds snaps to: the largest of :func:`nice_step`'s below 1/200."""
    wanted = span / 200
    if wanted < 1:
        return 10.0 ** math.floor(math.log10(max(wanted, 1e-6)))
    return max([step for step in STEPS if step <= wanted] or [1.0])
