"""Marks on the timeline as pure arithmetic: culling, label text and placement, hit tests, density.

Everything here works on numpy arrays in Unix seconds or pixels, so the Qt item only translates
and these rules are tested without a screen.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import numpy as np
import pandas as pd

from viewer.model.dates import format_date
from viewer.model.query import describe_span

LABEL_SEPARATOR = " · "


@dataclass(frozen=True)
class IntervalIndex:
    """Intervals bucketed by log2 of their duration, each bucket sorted by start.

    One global longest duration would make a window scan everything since the longest range began;
    per bucket, only items starting within that bucket's longest duration before the window are
    looked at, so heavy-tailed durations (a few decade-long ranges among a million instants) cull well.
    """

    buckets: tuple[tuple[np.ndarray, np.ndarray, np.ndarray, float], ...]  # (indices, starts, ends, longest)
    size: int

    @classmethod
    def build(cls, starts: np.ndarray, ends: np.ndarray) -> IntervalIndex:
        """Index items by position (``ends`` may be NaN for instants)."""
        ends = np.where(np.isnan(ends), starts, np.maximum(ends, starts))
        durations = ends - starts
        key = np.zeros(len(starts), dtype=np.int64)
        positive = durations > 0
        key[positive] = np.floor(np.log2(np.maximum(durations[positive], 1.0))).astype(np.int64) + 1
        order = np.lexsort((starts, key))
        bounds = np.flatnonzero(np.diff(key[order])) + 1
        buckets = []
        for chunk in np.split(order, bounds):
            if len(chunk):
                buckets.append((chunk, starts[chunk], ends[chunk], float(durations[chunk].max())))
        return cls(tuple(buckets), len(starts))

    def overlapping(self, t0: float, t1: float) -> np.ndarray:
        """Positions of the items overlapping ``[t0, t1]``, ascending."""
        parts = []
        for index, starts, ends, longest in self.buckets:
            lo = int(np.searchsorted(starts, t0 - longest, side="left"))
            hi = int(np.searchsorted(starts, t1, side="right"))
            if hi > lo:
                parts.append(index[lo:hi][ends[lo:hi] >= t0])
        if not parts:
            return np.zeros(0, dtype=np.int64)
        out = np.concatenate(parts) if len(parts) > 1 else parts[0]
        return np.sort(out)


def visible_indices(starts: np.ndarray, ends: np.ndarray, t0: float, t1: float,
                    max_duration: float | None = None) -> np.ndarray:
    """Indices of items (sorted by start) overlapping ``[t0, t1]``, found with ``np.searchsorted``.

    Only items starting after ``t0 - max_duration`` can still be running at ``t0``; prefer
    :class:`IntervalIndex` when durations vary a lot.
    """
    longest = max_duration if max_duration is not None else (float(np.max(ends - starts)) if len(starts) else 0.0)
    lo = int(np.searchsorted(starts, t0 - longest, side="left"))
    hi = int(np.searchsorted(starts, t1, side="right"))
    candidates = np.arange(lo, hi)
    return candidates[ends[lo:hi] >= t0]


def label_texts(events: pd.DataFrame) -> list[str]:
    """Each event's label: its title, prefixed by its dates when they are known only to the month or year.

    ``Feb 2023 · Paris gives Tokyo…`` says the month is all we know, where a marker alone would
    suggest the 1st.
    """
    titles = events["title"].astype(str).tolist()
    coarse = np.flatnonzero(events["precision"].astype("object").isin(["year", "month"]).to_numpy())
    for i in coarse.tolist():
        row = events.iloc[i]
        end, end_precision = row["end"], row["end_precision"] if pd.notna(row["end_precision"]) else None
        if row["precision"] == "month" and end_precision == "month" and end.year == row["start"].year:
            when = f"{format_date(row['start'], 'month')[:3]}–{format_date(end, 'month')}"  # Mar–May 2002
        else:
            when = describe_span(row["start"], str(row["precision"]), end, end_precision)
        titles[i] = f"{when}{LABEL_SEPARATOR}{titles[i]}"
    return titles


def place_labels(x: np.ndarray, widths: np.ndarray, rows: np.ndarray, priority: np.ndarray | None = None,
                 gap: float = 6.0) -> np.ndarray:
    """Which labels to draw so that none overlap within a row (greedy: priority first, then order).

    Label ``i`` covers ``[x[i], x[i] + widths[i] + gap)`` on row ``rows[i]``; a label with zero
    or negative width is never drawn.
    """
    n = len(x)
    keep = np.zeros(n, dtype=bool)
    rank = np.zeros(n) if priority is None else -np.asarray(priority, dtype=float)
    taken: dict[int, tuple[list[float], list[float]]] = {}
    for i in np.lexsort((np.arange(n), rank)).tolist():
        if widths[i] <= 0:
            continue
        lo, hi = float(x[i]), float(x[i] + widths[i] + gap)
        lefts, rights = taken.setdefault(int(rows[i]), ([], []))
        at = bisect.bisect_left(lefts, lo)
        if (at > 0 and rights[at - 1] > lo) or (at < len(lefts) and lefts[at] < hi):
            continue
        lefts.insert(at, lo)
        rights.insert(at, hi)
        keep[i] = True
    return keep


def room_to_next(x: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """Distance from each mark to the next mark on its row (``inf`` for the last one)."""
    order = np.lexsort((x, rows))
    xs, rs = x[order], rows[order]
    gaps = np.full(len(x), np.inf)
    same = rs[1:] == rs[:-1]
    gaps_sorted = np.full(len(x), np.inf)
    gaps_sorted[:-1] = np.where(same, xs[1:] - xs[:-1], np.inf)
    gaps[order] = gaps_sorted
    return gaps


def hit_test(px: float, py: float, x0: np.ndarray, x1: np.ndarray, y: np.ndarray, radius: float = 6.0,
             half_height: float = 6.0) -> int:
    """The mark nearest to pixel ``(px, py)`` within ``radius``, or -1.

    Marks are spans ``[x0, x1]`` in pixels (equal for instants) centred on row ``y``.
    """
    if len(x0) == 0:
        return -1
    dx = np.maximum(np.maximum(x0 - px, px - x1), 0.0)
    dy = np.maximum(np.abs(y - py) - half_height + radius, 0.0)
    distance = np.hypot(dx, dy)
    best = int(np.argmin(distance))
    return best if distance[best] <= radius else -1


def density(x: np.ndarray, lanes: np.ndarray, n_lanes: int, t0: float, t1: float, n_bins: int) -> np.ndarray:
    """Counts per lane and time bin over ``[t0, t1)``: shape ``(n_lanes, n_bins)``."""
    n_bins = max(n_bins, 1)
    if len(x) == 0 or t1 <= t0:
        return np.zeros((n_lanes, n_bins), dtype=np.int64)
    bins = np.floor((x - t0) * (n_bins / (t1 - t0))).astype(np.int64)
    inside = (bins >= 0) & (bins < n_bins)
    flat = np.bincount(lanes[inside] * n_bins + bins[inside], minlength=n_lanes * n_bins)
    return flat.reshape(n_lanes, n_bins)
