"""Marks on the timeline as pure arithmetic: culling, label text and placement, hit tests, density.

Everything here works on numpy arrays in Unix seconds or pixels, so the Qt item only translates
and these rules are tested without a screen.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from typing import overload

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from viewer.model import label_dates
from viewer.model.sorting import small_order, stable_order

DENSITY_LIMIT = 3000  # above this many visible marks, per-pixel counts replace shapes and labels
DENSITY_EXIT = 2400  # and shapes come back only below this many: a view near the limit does not flip


def crowded(count: int, before: bool) -> bool:
    """Whether ``count`` visible marks are drawn as density, given what the last frame drew (hysteresis).

    A zoom or pan that hovers around :data:`DENSITY_LIMIT` would otherwise switch between shapes with
    labels (the costly frame) and density (the cheap one) at every step.

    >>> crowded(3001, False), crowded(2800, True), crowded(2399, True), crowded(3000, False)
    (True, True, False, False)
    """
    return count > (DENSITY_EXIT if before else DENSITY_LIMIT)


@dataclass(frozen=True)
class IntervalIndex:
    """Intervals bucketed by log2 of their duration, each bucket sorted by start.

    One global longest duration would make a window scan everything since the longest range began;
    per bucket, only items starting within that bucket's longest duration before the window are
    looked at, so heavy-tailed durations (a few decade-long ranges among a million instants) cull well.
    When the items come sorted by start (the timeline's pairs do), everything starting inside the
    window is one run of positions, so a wide window costs a slice, not a sort of a million indices.
    """

    buckets: tuple[tuple[np.ndarray, np.ndarray, np.ndarray, float], ...]  # (indices, starts, ends, longest)
    size: int
    starts: np.ndarray | None = None  # all starts, ascending (None when the items were not sorted)
    sorted_ends: np.ndarray | None = None  # all ends, ascending: counts without materialising
    positions: np.ndarray | None = None  # 0..size-1, read-only: sliced into answers

    @classmethod
    def build(cls, starts: np.ndarray, ends: np.ndarray) -> IntervalIndex:
        """Index items by position (``ends`` may be NaN for instants)."""
        ends = np.where(np.isnan(ends), starts, np.maximum(ends, starts))
        durations = ends - starts
        # the bucket: 0 for an instant, 1 up to 2 s, then one per doubling (the exponent of the duration)
        key = np.where(durations > 0, np.maximum(np.frexp(durations)[1], 1), 0).astype(np.int16)
        del durations
        # by bucket, then start: the starts' order (none needed when sorted), then the buckets' (radix)
        ascending = len(starts) < 2 or bool(np.all(starts[1:] >= starts[:-1]))
        if ascending:
            order = np.argsort(key, kind="stable")
        else:
            by_start = stable_order(starts)
            order = by_start[np.argsort(key[by_start], kind="stable")]
        bounds = np.cumsum(np.bincount(key))[:-1]  # each bucket's end among the ordered positions
        buckets = []
        for chunk in np.split(order, bounds):
            if len(chunk):
                chunk_starts, chunk_ends = starts[chunk], ends[chunk]
                buckets.append((chunk, chunk_starts, chunk_ends, float((chunk_ends - chunk_starts).max())))
        if not ascending:
            return cls(tuple(buckets), len(starts))
        positions = np.arange(len(starts), dtype=np.int64)
        positions.setflags(write=False)
        # ends in time order as numbers (timsort: a sorted dataset's ends run mostly in order, its instants' all)
        return cls(tuple(buckets), len(starts), starts, np.sort(ends, kind="stable"), positions)

    def count(self, t0: float, t1: float) -> int:
        """How many items overlap ``[t0, t1]`` (two binary searches when the items were sorted)."""
        if self.starts is None or self.sorted_ends is None:
            return len(self.overlapping(t0, t1))
        # every item ending before t0 also starts before t1, so the difference counts the overlap exactly
        return max(int(np.searchsorted(self.starts, t1, side="right"))
                   - int(np.searchsorted(self.sorted_ends, t0, side="left")), 0)

    def overlapping(self, t0: float, t1: float) -> np.ndarray:
        """Positions of the items overlapping ``[t0, t1]``, ascending."""
        if self.starts is not None and self.positions is not None:
            return self._overlapping_sorted(t0, t1, self.starts, self.positions)
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

    def _overlapping_sorted(self, t0: float, t1: float, starts: np.ndarray, positions: np.ndarray) -> np.ndarray:
        lo = int(np.searchsorted(starts, t0, side="left"))
        hi = int(np.searchsorted(starts, t1, side="right"))
        early = []  # items that began before t0 and still run: looked up per duration bucket
        for index, bucket_starts, ends, longest in self.buckets:
            a = int(np.searchsorted(bucket_starts, t0 - longest, side="left"))
            b = int(np.searchsorted(bucket_starts, t0, side="left"))
            if b > a:
                early.append(index[a:b][ends[a:b] >= t0])
        inside = positions[lo:max(hi, lo)]
        if not any(len(e) for e in early):
            return inside
        return np.concatenate([np.sort(np.concatenate(early)), inside])


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
    rows = np.flatnonzero(label_dates.coarse(events))
    for i, text in zip(rows.tolist(), label_dates.labels(events, rows).to_pylist(), strict=True):
        titles[i] = text
    return titles


KEPT_LABELS = 100_000  # labels of month- and year-dated events kept written
# a label is one line: its line breaks and tabs are spaces ("Line one\nline two" was drawn "Line oneline two"), and
# the controls that turn text's direction are dropped (U+202E drew "evil" as "live")
_BREAKS = r"[\r\n\t\v\f\x{85}\x{2028}\x{2029}]+"
_TURNS = r"[\x{202a}-\x{202e}\x{2066}-\x{2069}]"
_MAY_HOLD = (0x20, 0xC2, 0xE2)  # their bytes: below a space, or the first of U+0085's or of the others'


def one_line(labels: pa.Array | pa.ChunkedArray) -> pa.Array:
    r"""The labels as one line each (see above); the array itself when no byte of those characters is in it.

    >>> one_line(pa.array(["Line one\r\nline two", "\u202eevil", "plain"])).to_pylist()
    ['Line one line two', 'evil', 'plain']
    >>> one_line(pa.chunked_array([["a\nb"], ["c"]])).to_pylist()  # (a table's column, as a folder of files gives)
    ['a b', 'c']
    """
    labels = labels.combine_chunks() if isinstance(labels, pa.ChunkedArray) else labels
    data = labels.buffers()[2] if labels.type == pa.string() else None
    if data is not None:
        held = np.frombuffer(data, dtype=np.uint8)
        if not ((held < _MAY_HOLD[0]).any() or (held == _MAY_HOLD[1]).any() or (held == _MAY_HOLD[2]).any()):
            return labels
    return pc.replace_substring_regex(pc.replace_substring_regex(labels, _BREAKS, " "), _TURNS, "")


class LabelTexts(Sequence[str]):
    """:func:`label_texts` computed per event when asked (labels are drawn for a few hundred at a time),
    so a million events hold no million Python strings."""

    def __init__(self, events: pd.DataFrame) -> None:
        self._events = events
        self._titles = events["title"]
        self._coarse = label_dates.coarse(events)
        self._done: dict[int, str] = {}
        self._arrow: pa.Array | None = None

    def __len__(self) -> int:
        return len(self._titles)

    @overload
    def __getitem__(self, i: int) -> str: ...
    @overload
    def __getitem__(self, i: slice) -> list[str]: ...

    def __getitem__(self, i: int | slice) -> str | list[str]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        i = int(i)
        if i not in self._done:
            if len(self._done) > KEPT_LABELS:
                self._done.clear()
            label = (label_dates.labels(self._events, np.array([i]))[0] if self._coarse[i]
                     else self._titles.iloc[i])
            self._done[i] = str(one_line(pa.array([str(label)]))[0])
        return self._done[i]

    def take(self, indices: np.ndarray) -> list[str]:
        """The labels of many events at once: one Arrow ``take`` for the titles, no pandas per label."""
        indices = np.asarray(indices, dtype=np.int64)
        if self._arrow is None:
            self._arrow = pa.array(self._titles, type=pa.string(), from_pandas=True).fill_null("")
        out: list[str] = one_line(self._arrow.take(pa.array(indices))).to_pylist()
        dated = np.flatnonzero(self._coarse[indices])
        if len(self._done) + len(dated) > KEPT_LABELS:
            self._done.clear()
        new = [k for k in dated.tolist() if int(indices[k]) not in self._done]
        if new:  # written once, for all at once; a frame after reads them from what is kept
            rows = indices[new]
            self._done.update(zip(rows.tolist(), one_line(label_dates.labels(self._events, rows)).to_pylist(),
                                  strict=True))
        for k in dated.tolist():
            out[k] = self._done[int(indices[k])]
        return out

    def lengths(self) -> np.ndarray:
        """Characters per label (for packing), computed in C++ except for month/year-dated events."""
        chars = pc.utf8_length(pa.array(self._titles, type=pa.string(), from_pandas=True)).fill_null(0)
        out = np.asarray(chars.to_numpy(zero_copy_only=False), dtype=np.float64)
        dated = np.flatnonzero(self._coarse)
        if len(dated):  # counted for all at once: per event through pandas it was 0.6 ms each
            out[dated] = label_dates.lengths(self._events, dated)
        return out


def place_labels(x: np.ndarray, widths: np.ndarray, rows: np.ndarray, priority: np.ndarray | None = None,
                 gap: float = 6.0) -> np.ndarray:
    """Which labels to draw so that none overlap within a row (greedy: priority first, then order).

    Label ``i`` covers ``[x[i], x[i] + widths[i] + gap)`` on row ``rows[i]``; a label with zero
    or negative width is never drawn.
    """
    n = len(x)
    keep = np.zeros(n, dtype=bool)
    # only labels with room are placed: in a crowded view most have none, and are not looked at one by one
    chosen = np.flatnonzero(np.asarray(widths) > 0)
    if not len(chosen):
        return keep
    rank = np.zeros(len(chosen)) if priority is None else -np.asarray(priority, dtype=float)[chosen]
    order = chosen[np.lexsort((chosen, rank))]
    lows = np.asarray(x, dtype=float)[order]
    taken: dict[int, tuple[list[float], list[float]]] = {}
    for i, lo, hi, row in zip(order.tolist(), lows.tolist(), (lows + np.asarray(widths)[order] + gap).tolist(),
                              np.asarray(rows)[order].tolist(), strict=True):
        lefts, rights = taken.setdefault(int(row), ([], []))
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


def end_before(x: np.ndarray, rows: np.ndarray, ends: np.ndarray, end_rows: np.ndarray) -> np.ndarray:
    """For each point ``x`` on its row, the rightmost of ``ends`` on that row at or before it (``-inf`` where
    none is): where the label drawn before a mark stops.

    >>> end_before(np.array([50.0, 50.0, 5.0]), np.array([0, 1, 0]), np.array([10.0, 40.0, 60.0]),
    ...            np.array([0, 0, 0])).tolist()
    [40.0, -inf, -inf]
    """
    if not len(ends):
        return np.full(len(x), -np.inf)
    order = np.lexsort((ends, end_rows))
    sorted_rows, sorted_ends = end_rows[order], ends[order]
    at = np.empty(len(x), dtype=np.int64)
    for row in np.unique(rows).tolist():  # a row at a time: a few dozen at most on a screen
        mine = rows == row
        lo, hi = np.searchsorted(sorted_rows, row, "left"), np.searchsorted(sorted_rows, row, "right")
        at[mine] = lo + np.searchsorted(sorted_ends[lo:hi], x[mine], "right") - 1
        at[mine & (at < lo)] = -1
    found = at >= 0
    out = np.full(len(x), -np.inf)
    out[found] = sorted_ends[at[found]]
    return out


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


def lane_order(lanes: np.ndarray, starts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Starts grouped by lane, ascending within each (given starts ascending), and each lane's offset.

    With these, :func:`density_sorted` counts a window in O(lanes × bins × log n), not O(events).
    """
    order = small_order(lanes)
    offsets = np.concatenate([[0], np.cumsum(np.bincount(lanes, minlength=int(lanes.max(initial=-1)) + 1))])
    return starts[order], offsets


def density_sorted(grouped: np.ndarray, offsets: np.ndarray, n_lanes: int, t0: float, t1: float,
                   n_bins: int) -> np.ndarray:
    """:func:`density` from :func:`lane_order`'s arrays: counts per lane and bin by binary search."""
    n_bins = max(n_bins, 1)
    out = np.zeros((n_lanes, n_bins), dtype=np.int64)
    if t1 <= t0:
        return out
    edges = t0 + (t1 - t0) * (np.arange(n_bins + 1) / n_bins)
    for lane in range(min(n_lanes, len(offsets) - 1)):
        run = grouped[offsets[lane]:offsets[lane + 1]]
        if len(run):
            out[lane] = np.diff(np.searchsorted(run, edges, side="left"))
    return out


def density(x: np.ndarray, lanes: np.ndarray, n_lanes: int, t0: float, t1: float, n_bins: int) -> np.ndarray:
    """Counts per lane and time bin over ``[t0, t1)``: shape ``(n_lanes, n_bins)``."""
    n_bins = max(n_bins, 1)
    if len(x) == 0 or t1 <= t0:
        return np.zeros((n_lanes, n_bins), dtype=np.int64)
    bins = np.floor((x - t0) * (n_bins / (t1 - t0))).astype(np.int64)
    inside = (bins >= 0) & (bins < n_bins)
    flat = np.bincount(lanes[inside] * n_bins + bins[inside], minlength=n_lanes * n_bins)
    return flat.reshape(n_lanes, n_bins)


def at_one_instant(starts: np.ndarray, lanes: np.ndarray, events: np.ndarray, hidden: np.ndarray, lane: int,
                   t0: float, t1: float) -> np.ndarray:
    """The events (rows) of ``lane``'s marks starting in ``[t0, t1)``, but those ``hidden`` (per event), when they
    all start at one instant; else none (a density column's badge: zoomed into, such marks would never part).

    >>> starts, lanes, events = np.array([5., 5, 7, 5]), np.array([0, 0, 1, 0]), np.array([10, 11, 12, 13])
    >>> at_one_instant(starts, lanes, events, np.zeros(0, dtype=bool), 0, 4, 6).tolist()
    [10, 11, 13]
    >>> at_one_instant(np.array([5., 5.5]), np.array([0, 0]), np.array([0, 1]), np.zeros(2, dtype=bool), 0, 4, 6)
    array([], dtype=int64)
    """
    inside = np.flatnonzero((lanes == lane) & (starts >= t0) & (starts < t1))
    inside = inside[~hidden[events[inside]]] if len(hidden) else inside
    return events[inside] if len(inside) and starts[inside].min() == starts[inside].max() else events[:0]
