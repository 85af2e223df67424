"""Dates written in parts (year, month, day, hour, minute, second), including BC and deep time.

Timeline formats write dates as separate numbers and happily go before year 0 (``-473-03-15``), or to
the Big Bang (``{"year": -13800000000}``). The model's text parser reads four-digit years only, so
:func:`date_columns` hands ``build_dataset`` ISO text when every year fits and exact UTC instants plus an
explicit precision when one does not. A year beyond the calendar's ±290,000 (:attr:`When.deep`) cannot be
an instant: :func:`year_columns` then gives every time as a decimal year for the years clock
(:mod:`viewer.model.years`). Years are astronomical (0 is 1 BC) on the proleptic Gregorian calendar.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from viewer.model import years
from viewer.model.problems import Problem
from viewer.model.wording import counted

# datetime64[us] holds about ±292,000 years around 1970; stay clear of the edge.
MIN_YEAR, MAX_YEAR = -290_000, 290_000
_NAMES = ("year", "month", "day", "hour", "minute", "second")
_DEFAULTS = (1, 1, 0, 0, 0)
_PRECISION = ("year", "month", "day", "time", "time", "time")
_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


@dataclass(frozen=True)
class When:
    """A moment written in parts: ``(year,)`` up to ``(year, month, day, hour, minute, second)``, in UTC."""

    parts: tuple[int, ...]

    @property
    def precision(self) -> str:
        """``year``, ``month``, ``day`` or ``time``: the most specific part written."""
        return _PRECISION[len(self.parts) - 1]

    @property
    def deep(self) -> bool:
        """True when the year is beyond what the calendar places (±290,000): only the years clock holds it."""
        return not MIN_YEAR <= self.parts[0] <= MAX_YEAR

    def decimal(self, end: bool = False) -> float:
        """The moment (or with ``end`` the end of its span) as a decimal year: 2019-07-02T12 is 2019.5."""
        if not self.deep:
            stamp = self.span_end() if end else self.instant()
            return float(years.decimal_years(pd.Series([stamp]).dt.tz_localize("UTC"))[0])
        year, month, day = self.full()[:3]
        length = {"year": 1.0, "month": 1 / 12}.get(self.precision, 1 / 365.2425) if end else 0.0
        return year + (month - 1) / 12 + (day - 1) / 365.2425 + length  # a day is far below what shows here

    def full(self) -> tuple[int, ...]:
        """All six parts, missing ones at the start of their span (month 1, day 1, 00:00:00)."""
        return (*self.parts, *_DEFAULTS[len(self.parts) - 1:])

    def iso(self) -> str | None:
        """ISO text the model's parser reads at this precision; None when the year is not four digits."""
        year, month, day, hour, minute, second = self.full()
        if not 0 <= year <= 9999:
            return None
        text = f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:{second:02d}"
        return text[: {"year": 4, "month": 7, "day": 10}.get(self.precision, 19)]

    def instant(self) -> np.datetime64:
        """The exact start of the moment as ``datetime64[us]`` (works before year 0)."""
        year, month, day, hour, minute, second = self.full()
        months = np.datetime64(year - 1970, "Y").astype("datetime64[M]") + (month - 1)
        days = months.astype("datetime64[D]") + (day - 1)
        return days.astype("datetime64[us]") + np.timedelta64(hour * 3600 + minute * 60 + second, "s")

    def span_end(self) -> np.datetime64:
        """The exclusive end of the span the moment covers (a year later for a year, …)."""
        start = self.instant()
        unit = {"year": "Y", "month": "M", "day": "D"}.get(self.precision)
        if unit is None:
            return start
        return (start.astype(f"datetime64[{unit}]") + 1).astype("datetime64[us]")


def _integer(value: object, name: str) -> int:
    if isinstance(value, bool):
        raise ValueError(f"expected a whole number for {name}, got {value!r}")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        try:
            return int(value.strip())
        except ValueError:
            pass
    raise ValueError(f"expected a whole number for {name}, got {value!r}")


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def make_when(*values: object) -> When:
    """A :class:`When` from parts given as numbers or numeric text; stops at the first empty part.

    Raises ValueError naming the part and what was expected (also for years too far away to place).
    """
    parts: list[int] = []
    for name, value in zip(_NAMES, values, strict=False):
        if value is None or (isinstance(value, str) and not value.strip()):
            break
        parts.append(_integer(value, name))
    if not parts:
        raise ValueError("expected a year")
    year = parts[0]
    if abs(year) > years.LIMIT:
        raise ValueError(f"year {year} is outside the range this viewer can place ({-years.LIMIT:,.0f} to "
                         f"{years.LIMIT:,.0f})")
    days = _DAYS[parts[1] - 1] + (parts[1] == 2 and _is_leap(year)) if len(parts) > 1 and 1 <= parts[1] <= 12 else 31
    limits = ((1, 12), (1, days), (0, 23), (0, 59), (0, 59))
    for name, value, (low, high) in zip(_NAMES[1:], parts[1:], limits, strict=False):
        if not low <= value <= high:
            raise ValueError(f"expected {name} between {low} and {high}, got {value}")
    return When(tuple(parts))


def year_columns(starts: list[When], ends: list[When | None]) -> dict[str, Any]:
    """``start``, ``end`` and ``precision`` columns for ``build_dataset`` on the years clock: decimal years.

    Ends are the end of their span (the year -490 ends at -489), so the drawn extent stays right.
    """
    return {"precision": ["time"] * len(starts),
            "start": [repr(w.decimal()) for w in starts],
            "end": [repr(w.decimal(end=True)) if w is not None else "" for w in ends]}


def any_columns(starts: list[When], ends: list[When | None], label: str, problems: list[Problem],
                rows: list[int] | None = None) -> tuple[bool, dict[str, Any]]:
    """Whether the times need the years clock, and the columns for the clock they need.

    A start beyond ±290,000 years decides it; an end alone does not (``196002152034`` is a broken date more
    often than the year 196 billion): on the calendar such an end is dropped with a warning naming its row.
    """
    deep = next((w for w in starts if w.deep), None)
    if deep is None:
        for index, end in enumerate(ends):
            if end is not None and end.deep:
                problems.append(Problem(label, f"end year {end.parts[0]} is beyond the calendar while every "
                                        "start is a date; end ignored", rows[index] if rows else None, "end",
                                        "warning"))
        kept = [None if end is not None and end.deep else end for end in ends]
        return False, date_columns(starts, kept, label, problems)
    problems.append(Problem(label, f"the year {deep.parts[0]} is beyond the calendar: every time is read as a "
                            "year (dates as decimal years, before year 0 negative)", None, "start", "info"))
    return True, year_columns(starts, ends)


def _instants(values: list[np.datetime64 | None]) -> pd.Series:
    array = np.array([np.datetime64("NaT") if v is None else v for v in values], dtype="datetime64[us]")
    return pd.Series(array).dt.tz_localize("UTC")


def date_columns(starts: list[When], ends: list[When | None], label: str,
                 problems: list[Problem]) -> dict[str, Any]:
    """``start``, ``end`` and ``precision`` columns for ``build_dataset``, one value per event.

    ISO text when every year has four digits; otherwise exact instants with the precision given
    explicitly (ends then become the exclusive end of their span, so the drawn extent stays right).
    """
    columns: dict[str, Any] = {"precision": [w.precision for w in starts]}
    start_text = [w.iso() for w in starts]
    columns["start"] = start_text if None not in start_text else _instants([w.instant() for w in starts])
    end_text = [w.iso() if w is not None else "" for w in ends]
    if None not in end_text:
        columns["end"] = end_text
    else:
        columns["end"] = _instants([w.span_end() if w is not None else None for w in ends])
        problems.append(Problem(label, "some end dates are outside years 0–9999; all ends are kept as the exact "
                                "instant their span ends", None, "end", "info"))
    naive = sum(w.precision == "time" for w in starts)
    if None in start_text and naive:  # text columns get the same notice from build_dataset
        said = f"{counted(naive, 'time')} {'has' if naive == 1 else 'have'} no UTC offset; taken as UTC"
        problems.append(Problem(label, said, None, "start", "info"))
    return columns
