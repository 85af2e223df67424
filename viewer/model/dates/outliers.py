"""Dates far from the bulk of their column (1201 and 3201 in a table of the 2000s), found and reported.

The bulk is the stretch between the 10th and 90th percentile (nearest values, so a table of ten
rows with two typos still has a sound bulk); a date is an outlier when it lies further from the bulk
than three times the bulk's width, and never closer than 50 years. Outliers are kept: they are
reported with their count and rows, and the dataset's default window is fitted to the bulk.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from viewer.model.dates import UTC_DTYPE, PartialDate, to_seconds
from viewer.model.dates.arrow import NAT
from viewer.model.problems import Problem

YEAR = 365.2425 * 86400.0
MIN_ROWS = 5
MIN_DISTANCE_YEARS = 50.0
MIN_BULK_YEARS = 10.0


@dataclass(frozen=True)
class Outliers:
    """Which values are outliers, and the bulk's first and last instant."""

    mask: np.ndarray
    bulk_start: pd.Timestamp
    bulk_end: pd.Timestamp

    @property
    def count(self) -> int:
        """How many values are outliers."""
        return int(self.mask.sum())


def find(instants: pd.Series) -> Outliers | None:
    """The outliers of a column of instants, or None when there are none (or too few values to tell).

    A column in time order (a dataset's starts) has its percentiles at their places; any other column is
    partitioned there. Most columns have no outlier: their first and last values say so, and no mask is made."""
    ticks = _ticks(instants)
    present = ticks != NAT
    count = int(np.count_nonzero(present))
    if count < MIN_ROWS:
        return None
    values = ticks if count == len(ticks) else ticks[present]
    places = np.around(np.array([0.1, 0.9]) * (count - 1)).astype(np.intp)  # as np.quantile's "nearest"
    ascending = bool((values[1:] >= values[:-1]).all())
    ordered = values if ascending else np.partition(values, places)
    low, high = ordered[places] / _MICROS
    width = max(high - low, MIN_BULK_YEARS * YEAR)
    reach = max(3 * width, MIN_DISTANCE_YEARS * YEAR)
    first, last = (values[0], values[-1]) if ascending else (values.min(), values.max())
    if first / _MICROS >= low - reach and last / _MICROS <= high + reach:
        return None
    seconds = ticks / _MICROS
    far = present & ((seconds < low - reach) | (seconds > high + reach))
    inside = present & ~far
    stamps = instants[inside]
    return Outliers(far, stamps.min(), stamps.max())


_MICROS = np.float64(1_000_000)


def _ticks(instants: pd.Series) -> np.ndarray:
    """Microseconds since 1970 (:data:`NAT` where none), whatever the column's zone."""
    if instants.dtype == UTC_DTYPE:
        return np.asarray(instants.array.asi8)
    seconds = np.asarray(to_seconds(instants), dtype=np.float64)
    ticks = np.full(len(seconds), NAT, dtype=np.int64)
    given = ~np.isnan(seconds)
    ticks[given] = np.round(seconds[given] * _MICROS).astype(np.int64)
    return ticks


def message(outliers: Outliers, instants: pd.Series, rows: np.ndarray) -> str:
    """A report line: how many, which years, the first rows, and the bulk they are far from."""
    years = sorted({int(t.year) for t in instants[outliers.mask].head(1000)})
    shown = ", ".join(map(str, years[:6])) + (" …" if len(years) > 6 else "")
    first = ", ".join(str(int(r)) for r in rows[outliers.mask][:5])
    counted = f"{outliers.count:,} date" + ("s" if outliers.count > 1 else "")
    return (f"{counted} far from the bulk of the column ({outliers.bulk_start.year}–"
            f"{outliers.bulk_end.year}): year{'s' if len(years) > 1 else ''} {shown} "
            f"(row{'s' if outliers.count > 1 else ''} {first}{' …' if outliers.count > 5 else ''}); "
            "kept, and the default window fitted to the bulk")


def report(columns: list[tuple[pd.DataFrame, str, str, Outliers | None]]) -> list[Problem]:
    """A warning for each (frame, column, file label, its outliers) that has outliers (frames carry a ``row``
    column)."""
    problems = []
    for frame, column, label, found in columns:
        if found is not None:
            text = message(found, frame[column], frame["row"].to_numpy())
            problems.append(Problem(label, text, None, column, "warning"))
    return problems


def bulk_window(events: pd.DataFrame, found: Outliers | None) -> tuple[PartialDate, PartialDate] | None:
    """The days from the first to the last event of the bulk, when the events' starts have outliers
    (``found``: :func:`find` of the starts)."""
    if found is None:
        return None
    last = events.loc[~found.mask, "span_end"].max()
    return PartialDate(found.bulk_start.floor("D"), "day"), PartialDate(last.floor("D"), "day")
