"""Sub-rows within a lane: each item on the first row free at its start, greedily, with an optional cap.

Items that overlap nothing before them start a fresh cluster on row 0 without any Python work; only
crowded clusters are walked, with two heaps. A full lane's pile of items that all end before its first
row frees (events at one instant, say) goes onto that row in one step.
"""

from __future__ import annotations

import heapq

import numpy as np


def _stops(starts: np.ndarray, ends: np.ndarray, min_width_seconds: float | np.ndarray) -> np.ndarray:
    return np.maximum(np.nan_to_num(ends, nan=-np.inf), starts + min_width_seconds)


def pack(starts: np.ndarray, ends: np.ndarray, groups: np.ndarray, min_width_seconds: float | np.ndarray,
         max_rows: int | None = None) -> np.ndarray:
    """Greedy sub-rows per group: each item goes to the first sub-row whose last item has ended.

    An item covers ``[start, max(end, start + min_width_seconds))``; give one width per item to
    reserve room for each label. With ``max_rows``, an item that finds no free row joins the row
    that frees up first (it overlaps, but lanes stay bounded). Items that overlap nothing before
    them start a fresh cluster on row 0 without any Python work; only crowded clusters are walked,
    with two heaps, so the cost is O(n log n) at worst.
    """
    n = len(starts)
    out = np.zeros(n, dtype=np.int64)
    if n == 0 or (max_rows is not None and max_rows <= 1):  # one row: every item is on it, nothing to walk
        return out
    stops = _stops(starts, ends, min_width_seconds)
    order = np.lexsort((starts, groups))
    bounds = np.flatnonzero(np.diff(groups[order])) + 1
    limit = max_rows if max_rows is not None else n
    starts_l, stops_l = starts.tolist(), stops.tolist()
    for chunk in np.split(order, bounds):
        fresh = np.ones(len(chunk), dtype=bool)
        fresh[1:] = starts[chunk][1:] >= np.maximum.accumulate(stops[chunk])[:-1]
        cluster = np.cumsum(fresh)
        crowded = np.bincount(cluster)[cluster] > 1
        free: list[int] = []  # row indices free at the current start (lowest first)
        busy: list[tuple[float, int]] = []  # (end, row) of rows still occupied
        rows_used = 0
        walked = chunk[crowded]
        items, opens = walked.tolist(), fresh[crowded].tolist()
        k = 0
        while k < len(items):
            i = items[k]
            s = starts_l[i]
            if opens[k]:  # everything before has ended: all rows are free again
                free, busy, rows_used = [], [], 0
            while busy and busy[0][0] <= s:
                heapq.heappush(free, heapq.heappop(busy)[1])
            if free:
                row = heapq.heappop(free)
            elif rows_used < limit:
                row, rows_used = rows_used, rows_used + 1
            else:  # every row taken: the one that frees first takes the item (and runs until both end)
                end, row = busy[0]
                if stops_l[i] <= end:  # the row's end stays: so do the rows of a pile of such items after it
                    run = _onto_one_row(walked, k, starts, stops, opens, end)
                    out[walked[k:k + run]] = row
                    k += run
                    continue
                heapq.heapreplace(busy, (stops_l[i], row))
                out[i] = row
                k += 1
                continue
            heapq.heappush(busy, (stops_l[i], row))
            out[i] = row
            k += 1
    return out


def _onto_one_row(walked: np.ndarray, k: int, starts: np.ndarray, stops: np.ndarray, opens: list[bool],
                  end: float) -> int:
    """How many items from the ``k``-th walked on all go to the full lane's first-freeing row, which frees at
    ``end``: those that start before it frees and stop by then (no row frees, the heap stays as it is), in
    the same cluster. A pile of items at one instant walked one by one cost 2.7 µs each (0.27 s for
    100,000 beside the view); a few are looked at in Python, a long pile in numpy, in doubling slices."""
    n = len(walked)
    at = k + 1
    while at < min(n, k + 8):  # most runs are short: no array work for them
        j = int(walked[at])
        if opens[at] or not (starts[j] < end and stops[j] <= end):
            return at - k
        at += 1
    size = 64
    while at < n:
        part = walked[at:at + size]
        fits = (starts[part] < end) & (stops[part] <= end) & ~np.asarray(opens[at:at + size], dtype=bool)
        misfit = np.flatnonzero(~fits)
        if len(misfit):
            return at + int(misfit[0]) - k
        at += len(part)
        size *= 2
    return n - k


def rows_needed(starts: np.ndarray, ends: np.ndarray, groups: np.ndarray, n_groups: int,
                min_width_seconds: float | np.ndarray) -> np.ndarray:
    """Sub-rows :func:`pack` would use per group (the most items running at once), without packing."""
    stops = _stops(starts, ends, min_width_seconds)
    times = np.concatenate([starts, stops])
    delta = np.concatenate([np.ones(len(starts), dtype=np.int64), -np.ones(len(stops), dtype=np.int64)])
    group = np.concatenate([groups, groups])
    order = np.lexsort((delta, times, group))  # an end frees its row before a start at the same time
    running = np.cumsum(delta[order])  # each group sums back to zero, so one cumsum serves all
    out = np.zeros(n_groups, dtype=np.int64)
    np.maximum.at(out, group[order], running)
    return np.maximum(out, 1)
