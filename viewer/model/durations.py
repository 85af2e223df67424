"""How long an event lasted, as tables write it beside its start: ISO 8601's ``PT1H30M`` and ``P3D`` (schema.org,
YouTube, calendars), hours and minutes on a clock, ``1:30:00`` or ``1:30`` (time trackers: Toggl, Clockify; a
spreadsheet's [h]:mm), .NET's ``1.02:30:00``
and pandas' ``1 days 02:30:00``, words (``1h 30m``, ``90 min``, ``2 hours``, ``3 days``, ``1 week``), or plain
numbers in the unit the header names (``duration_min``, ``Duration (h)``; seconds when it names none, as call
logs and activity trackers write them).

A duration is a number of calendar months (``P1M``, ``1 year``: their length depends on where they start) and a
number of seconds. Each distinct value is read once, so a column of a million calls costs its few thousand
distinct values.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from viewer.model.dates.columns import clean_text

_NUMBER = r"\d+(?:[.,]\d+)?"
_ISO = re.compile(rf"P(?:(?P<Y>{_NUMBER})Y)?(?:(?P<M>{_NUMBER})M)?(?:(?P<W>{_NUMBER})W)?(?:(?P<D>{_NUMBER})D)?"
                  rf"(?:T(?:(?P<h>{_NUMBER})H)?(?:(?P<m>{_NUMBER})M)?(?:(?P<s>{_NUMBER})S)?)?", re.IGNORECASE)
# 1:30, 1:30:00, 90:00, 1:30:00.250, .NET's 1.02:30:00, pandas' "1 days 02:30:00"
_CLOCK = re.compile(r"(?:(?P<days>\d+)(?:\.|\s+days?,?\s+))?(?P<a>\d+):(?P<b>\d{2})(?::(?P<c>\d{2}(?:[.,]\d+)?))?")
_UNITS = (  # a word's unit: (pattern, months, seconds)
    (r"y|yrs?|years?", 12, 0.0), (r"mo|mos|mths?|months?", 1, 0.0), (r"w|wks?|weeks?", 0, 7 * 86400.0),
    (r"d|days?", 0, 86400.0), (r"h|hrs?|hours?", 0, 3600.0), (r"m|mins?|minutes?", 0, 60.0),
    (r"s|secs?|seconds?", 0, 1.0), (r"ms|msecs?|millis(?:econds?)?", 0, 0.001),
)
_WORD = re.compile(rf"({_NUMBER})\s*([a-z]+)\.?", re.IGNORECASE)
_WORDS = re.compile(rf"(?:{_NUMBER}\s*[a-z]+\.?[\s,]*(?:and\s+)?)+", re.IGNORECASE)
# a header's unit for plain numbers: "duration_min", "Duration (h)", "call_seconds", "elapsed ms"
_HEADER_UNITS = ((r"(?:^|[^a-z])(?:ms|msecs?|millis(?:econds?)?)(?:[^a-z]|$)", 0.001),
                 (r"(?:^|[^a-z])(?:s|secs?|seconds?)(?:[^a-z]|$)", 1.0),
                 (r"(?:^|[^a-z])(?:m|mins?|minutes?)(?:[^a-z]|$)", 60.0),
                 (r"(?:^|[^a-z])(?:h|hrs?|hours?)(?:[^a-z]|$)", 3600.0),
                 (r"(?:^|[^a-z])(?:d|days?)(?:[^a-z]|$)", 86400.0))


LONGEST_S = 10_000 * 365.25 * 86400  # ten thousand years: a longer "duration" is some other number


@dataclass
class Durations:
    """Per row: calendar months and seconds (NaN where nothing was read), which rows were written and not read,
    and what the reading noted (level, message)."""

    months: np.ndarray
    seconds: np.ndarray
    unread: np.ndarray
    notes: list[tuple[str, str]] = field(default_factory=list)

    @property
    def read(self) -> np.ndarray:
        return ~np.isnan(self.seconds)


def header_unit(name: str) -> float | None:
    """Seconds per unit of a header that names one ("duration_min" → 60), None when it names none."""
    words = re.sub(r"[_\-.()\[\]/]+", " ", re.sub(r"([a-z])([A-Z])", r"\1 \2", name)).lower()  # durationMin
    return next((seconds for pattern, seconds in _HEADER_UNITS if re.search(pattern, words)), None)


def one(text: str, unit: float = 1.0) -> tuple[int, float] | None:
    """(months, seconds) of one written duration, None when it writes none; a plain number is in ``unit``."""
    text = text.strip()
    if text.startswith(("-", "\u2212")) and len(text) > 1:  # -5 min, −PT5M: the same, negative
        found = one(text[1:], unit)
        return None if found is None else (-found[0], -found[1])
    number = _float(text)
    if number is not None:
        return 0, number * unit
    return _iso(text) or _clock(text) or _words(text)


def _iso(text: str) -> tuple[int, float] | None:
    found = _ISO.fullmatch(text)
    if found is None or not any(found.groupdict().values()) or text.upper().endswith("T"):
        return None
    parts = {k: _float(v or "0") or 0.0 for k, v in found.groupdict().items()}
    return (int(parts["Y"] * 12 + parts["M"]),
            parts["W"] * 7 * 86400 + parts["D"] * 86400 + parts["h"] * 3600 + parts["m"] * 60 + parts["s"])


def _clock(text: str) -> tuple[int, float] | None:
    """Hours and minutes (and seconds): 1:30 is an hour and a half, as a spreadsheet's [h]:mm and time trackers
    write it; a day before them as .NET (1.02:30:00) and pandas (1 days 02:30:00) write it."""
    found = _CLOCK.fullmatch(text)
    if found is None:
        return None
    days, hours, minutes, seconds = (_float(found.group(k) or "0") or 0.0 for k in ("days", "a", "b", "c"))
    return 0, days * 86400 + hours * 3600 + minutes * 60 + seconds


def _words(text: str) -> tuple[int, float] | None:
    if not _WORDS.fullmatch(text):
        return None
    months, seconds = 0, 0.0
    for amount, word in _WORD.findall(text):
        unit_of = next(((m, s) for pattern, m, s in _UNITS if re.fullmatch(pattern, word, re.IGNORECASE)), None)
        if unit_of is None:
            return None
        months += int((_float(amount) or 0.0) * unit_of[0])
        seconds += (_float(amount) or 0.0) * unit_of[1]
    return months, seconds


def _float(text: str) -> float | None:
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def parse(values: pd.Series, name: str = "") -> Durations:
    """The durations of a column, read value by distinct value; plain numbers in the unit ``name`` (the header)
    names, else in seconds (said in the notes)."""
    text = clean_text(values)
    written = text.notna().to_numpy()
    unit = header_unit(name)
    months = np.zeros(len(values), dtype=np.int64)
    seconds = np.full(len(values), np.nan)
    numbers = pd.to_numeric(text, errors="coerce").to_numpy(dtype=float)
    plain = ~np.isnan(numbers)
    seconds[plain] = numbers[plain] * (unit or 1.0)
    rest = written & ~plain
    if rest.any():
        codes, distinct = pd.factorize(text[rest])
        found = [one(str(value), unit or 1.0) for value in distinct]
        got_months = np.array([f[0] if f else 0 for f in found], dtype=np.int64)
        got_seconds = np.array([f[1] if f else np.nan for f in found])
        months[rest], seconds[rest] = got_months[codes], got_seconds[codes]
    too_long = np.abs(seconds) + np.abs(months) * 31 * 86400 > LONGEST_S  # (past the calendar's reach)
    seconds[too_long] = np.nan
    notes = []
    plain &= ~too_long
    if plain.any() and unit is None:
        notes.append(("info", f"{int(plain.sum()):,} duration{'s' * (int(plain.sum()) != 1)} written as plain "
                              "numbers read as seconds (the header names no unit: 'duration_min', 'Duration (h)')"))
    return Durations(months, seconds, written & np.isnan(seconds), notes)


def added(starts: pd.Series, durations: Durations) -> pd.Series:
    """Each start moved on by its duration: months on the calendar (31 January and a month is 28 February), then
    seconds; missing where the duration is."""
    out = starts.copy()
    for months in np.unique(durations.months[durations.read]).tolist():
        rows = durations.read & (durations.months == months)
        out[rows] = starts[rows] + pd.DateOffset(months=int(months)) if months else starts[rows]
    shift = pd.to_timedelta(np.where(durations.read, durations.seconds, 0.0), unit="s")
    return (out + shift).where(durations.read)
