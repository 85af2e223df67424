"""How long an event lasted, as tables write it beside its start: ISO 8601's ``PT1H30M`` and ``P3D`` (schema.org,
YouTube, calendars), hours and minutes on a clock, ``1:30:00`` or ``1:30`` (time trackers: Toggl, Clockify; a
spreadsheet's [h]:mm), .NET's ``1.02:30:00``
and pandas' ``1 days 02:30:00``, words (``1h 30m``, ``90 min``, ``2 hours``, ``3 days``, ``1 week``; Microsoft
Project's ``1 mon``, ``7 edays`` and estimated ``3 days?``; ``10 Tage``, ``2 semaines`` and their like in five other
languages), or plain numbers in the unit the header names (``duration_min``, ``Duration (h)``; seconds when it names
none, as call logs and activity trackers write them). Two parts on a clock are minutes and seconds in a column that
shows it (a podcast's ``35:10``: see :func:`_minutes_first`).

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
# a word's unit: (pattern, months, seconds). Microsoft Project's too: "mon" (a month), "wks", "edays" (its "e" marks
# elapsed time, on the calendar rather than working time: both are read as calendar time here), and its words in
# German, French, Spanish, Italian, Portuguese and Dutch ("10 Tage", "2 semaines", "3 días", "2 Std.")
_UNITS = (
    (r"y|yrs?|years?|jahre?|jahren|ans?|années?|annees?|años?|anos?|anni|anno|jaar|jaren", 12, 0.0),
    (r"e?mos?|mths?|e?mons?|e?months?|monate?|monaten|mois|mes|meses|mese|mesi|mês|maand|maanden", 1, 0.0),
    (r"e?w|e?wks?|e?weeks?|wochen?|wo|sem|semaines?|semanas?|settimana|settimane|weken", 0, 7 * 86400.0),
    (r"e?d|e?dys?|e?days?|tage?|tagen|tg|jours?|j|días?|dias?|giorni|giorno|gg|dag|dagen", 0, 86400.0),
    (r"e?h|e?hrs?|e?hours?|std|stunden?|heures?|horas?|ore|ora|uur|u", 0, 3600.0),
    (r"e?m|e?mins?|e?minutes?|minuten|minutos?|minuti|minuto|minuut", 0, 60.0),
    (r"s|secs?|seconds?|sek|sekunden?|secondes?|segundos?|secondi|seconden", 0, 1.0),
    (r"ms|msecs?|millis(?:econds?)?", 0, 0.001),
)
_WORD = re.compile(rf"({_NUMBER})\s*([^\W\d_]+)\.?")
_WORDS = re.compile(rf"(?:{_NUMBER}\s*[^\W\d_]+\.?[\s,]*(?:(?:and|und|et|y|e|en)\s+)?)+", re.IGNORECASE)
_TWO_PARTS = r"\d+:\d{2}"  # 35:10: minutes and seconds, or hours and minutes (see parse)
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


def one(text: str, unit: float = 1.0, minutes_first: bool | None = None) -> tuple[int, float] | None:
    """(months, seconds) of one written duration, None when it writes none; a plain number is in ``unit``; two parts
    on a clock are minutes and seconds when ``minutes_first`` (None: when the first is 24 or more, see
    :func:`parse`).

    >>> one("3 days?"), one("7 edays"), one("1 mon"), one("10 Tage"), one("2 semaines"), one("35:10"), one("1:30")
    ((0, 259200.0), (0, 604800.0), (1, 0.0), (0, 864000.0), (0, 1209600.0), (0, 2110.0), (0, 5400.0))
    """
    text = text.strip()
    if text.startswith(("-", "\u2212")) and len(text) > 1:  # -5 min, −PT5M: the same, negative
        found = one(text[1:], unit, minutes_first)
        return None if found is None else (-found[0], -found[1])
    if text.endswith("?") and len(text) > 1:  # Microsoft Project's estimated duration: "3 days?", "1 wk?"
        return one(text[:-1], unit, minutes_first)
    number = _float(text)
    if number is not None:
        return 0, number * unit
    if minutes_first is None:
        minutes_first = bool(re.fullmatch(_TWO_PARTS, text)) and int(text.split(":")[0]) >= 24
    return _iso(text) or _clock(text, minutes_first) or _words(text)


def _iso(text: str) -> tuple[int, float] | None:
    found = _ISO.fullmatch(text)
    if found is None or not any(found.groupdict().values()) or text.upper().endswith("T"):
        return None
    parts = {k: _float(v or "0") or 0.0 for k, v in found.groupdict().items()}
    return (int(parts["Y"] * 12 + parts["M"]),
            parts["W"] * 7 * 86400 + parts["D"] * 86400 + parts["h"] * 3600 + parts["m"] * 60 + parts["s"])


def _clock(text: str, minutes_first: bool) -> tuple[int, float] | None:
    """Hours and minutes (and seconds): 1:30 is an hour and a half, as a spreadsheet's [h]:mm and time trackers
    write it; a day before them as .NET (1.02:30:00) and pandas (1 days 02:30:00) write it. Two parts alone are
    minutes and seconds when ``minutes_first`` (a podcast's 35:10)."""
    found = _CLOCK.fullmatch(text)
    if found is None:
        return None
    days, hours, minutes, seconds = (_float(found.group(k) or "0") or 0.0 for k in ("days", "a", "b", "c"))
    if minutes_first and found.group("c") is None and found.group("days") is None:
        hours, minutes, seconds = 0.0, hours, minutes
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
        minutes_first = _minutes_first(pd.Series(distinct, dtype=object).astype(str))
        found = [one(str(value), unit or 1.0, minutes_first) for value in distinct]
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


def _minutes_first(distinct: pd.Series) -> bool:
    """Whether the column's two-part clock values are minutes and seconds (``35:10``) rather than hours and minutes
    (``1:30``): when the column also writes hours as a third part (``1:02:03`` beside ``35:10``: a length as podcast
    feeds, whose ``itunes:duration`` is HH:MM:SS or MM:SS, media players and race results write it; a time tracker
    or a spreadsheet's [h]:mm writes all its values one way), or when one of them starts at 24 or more (no
    hours-and-minutes of one event, but many a recording's minutes). The column decides for all its values, so
    ``12:30`` beside ``35:10`` is twelve minutes and a half, not hours."""
    two = distinct.str.fullmatch(_TWO_PARTS)
    if not two.any():
        return False
    three = distinct.str.fullmatch(r"\d+:\d{2}:\d{2}(?:[.,]\d+)?")
    return bool(three.any() or (distinct[two].str.split(":").str[0].astype(int) >= 24).any())


def added(starts: pd.Series, durations: Durations) -> pd.Series:
    """Each start moved on by its duration: months on the calendar (31 January and a month is 28 February), then
    seconds; missing where the duration is."""
    out = starts.copy()
    for months in np.unique(durations.months[durations.read]).tolist():
        rows = durations.read & (durations.months == months)
        out[rows] = starts[rows] + pd.DateOffset(months=int(months)) if months else starts[rows]
    shift = pd.to_timedelta(np.where(durations.read, durations.seconds, 0.0), unit="s")
    return (out + shift).where(durations.read)
