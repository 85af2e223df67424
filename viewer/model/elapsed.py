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

import math
import re

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

LIMIT = 9.2e12  # the numeric clock's: datetime64[us] holds about ±9.22e12 seconds
DAY = 86400.0
EXPECTED = "a time like 9:30, 09:30:15, 1:23.4 or 9:30 PM (hours, minutes and seconds)"
# H:MM, H:MM:SS(.f), M:SS.f, 9h30, 9:30 PM, 9 PM, pandas' "1 days 02:00:00": the groups are read by _seconds
_AMPM = r"[AaPp]\.?[Mm]\.?"
_FORM = (r"(?P<sign>[-+])?\s*(?:(?:(?P<d>\d+)\s+days?,?\s+)?(?P<h>\d+)[:hH](?P<m>\d{2})(?::(?P<s>\d{2}))?"
         rf"(?:[.,](?P<f>\d{{1,6}})\d*)?\s*(?P<ampm>{_AMPM})?|(?P<ah>\d{{1,2}})\s*(?P<ap>{_AMPM}))")
PATTERN = f"^(?:{_FORM})$"
_ONE = re.compile(PATTERN)
_GROUPS = ("sign", "d", "h", "m", "s", "f", "ampm", "ah", "ap")
# steps between ticks, in seconds: as a clock's face and a stopwatch count, then whole days
STEPS = (1.0, 2.0, 5.0, 10.0, 15.0, 30.0, 60.0, 120.0, 300.0, 600.0, 900.0, 1800.0, 3600.0, 7200.0, 10800.0,
         21600.0, 43200.0, 86400.0)


def _seconds(sign: object, days: object, hours: object, minutes: object, seconds: object, fraction: object,
             ampm: object, am_hour: object, am_pm: object) -> float:
    """Seconds from one match's groups (None for a group not written), or NaN when they are not a time."""
    if hours is None:  # "9 PM": an hour of the clock's face
        if not 1 <= int(str(am_hour)) <= 12:
            return math.nan
        value = (int(str(am_hour)) % 12 + (12 if str(am_pm)[0] in "pP" else 0)) * 3600.0
    else:
        h, m = int(str(hours)), int(str(minutes))
        if seconds is None and fraction is not None:  # one colon and a fraction: minutes and seconds (1:23.4)
            h, m, s = 0, h, float(f"{m}.{fraction}")
        else:
            s = float(f"{seconds or 0}.{fraction or 0}")
        if ampm is not None:
            if not 1 <= h <= 12:
                return math.nan
            h = h % 12 + (12 if str(ampm)[0] in "pP" else 0)
        if m >= 60 or s >= 60:
            return math.nan
        value = int(str(days or 0)) * 86400.0 + h * 3600.0 + m * 60.0 + s
    value = -value if sign == "-" else value
    return value if abs(value) <= LIMIT else math.nan


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
            value = _seconds(*match.group(*_GROUPS))
    if not math.isfinite(value) or abs(value) > LIMIT:
        raise ValueError(f"expected {EXPECTED}, got {text!r}")
    return value


def parse_column(values: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Seconds for a column (NaN where empty or unreadable) and which written cells were unreadable.

    Each distinct cell is read once (a log repeats its minutes); the match runs in Arrow. A column of durations
    (pandas' timedelta, Arrow's duration: a recording's offsets as a program stores them) is its seconds.
    """
    if pd.api.types.is_timedelta64_dtype(values.dtype) or _is_duration(values):
        seconds = pd.to_timedelta(values).dt.total_seconds().to_numpy(dtype=np.float64, na_value=np.nan)
        return seconds, np.zeros(len(values), dtype=bool)
    text = values.astype("string").str.strip()
    present = (text.notna() & (text != "")).to_numpy(dtype=bool, na_value=False)
    codes, uniques = pd.factorize(text.where(present, None))
    found = np.full(len(uniques), np.nan)
    if len(uniques):
        written = pa.array(uniques.astype(str), pa.string())
        parts = pc.extract_regex(written, PATTERN)
        valid = np.asarray(parts.is_valid().to_numpy(zero_copy_only=False), dtype=bool)
        groups = {f.name: parts.field(i).to_pylist() for i, f in enumerate(parts.type)}
        for i in np.flatnonzero(valid):
            found[i] = _seconds(*(groups[n][i] or None for n in _GROUPS))
        numbers = pd.to_numeric(pd.Series(uniques.astype(str))[~valid], errors="coerce").to_numpy(dtype=np.float64)
        found[~valid] = np.where(np.abs(numbers) <= LIMIT, numbers, np.nan)
    seconds = np.where(codes >= 0, np.append(found, np.nan)[codes], np.nan)
    return seconds, present & np.isnan(seconds)


def _is_duration(values: pd.Series) -> bool:
    return isinstance(values.dtype, pd.ArrowDtype) and pa.types.is_duration(values.dtype.pyarrow_dtype)


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
    if pd.api.types.is_timedelta64_dtype(values.dtype) or _is_duration(values):
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
