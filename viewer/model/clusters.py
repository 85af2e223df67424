"""Mid-density lanes: runs of marks too close to label, told as "14 events" badges that zoom in when clicked.

Between "every label fits" and the density view, a lane can hold hundreds of marks whose labels have no
room. KronoGraph and i2 users expect such runs gathered into a count. A cluster is a run of unlabelled
marks on one row, each within ``gap`` pixels of the next; it is worth a badge from ``min_count`` marks.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Clusters:
    """Runs of crowded marks: pixel extent, row key, count, and the data extent to zoom to."""

    x0: np.ndarray
    x1: np.ndarray
    rows: np.ndarray
    counts: np.ndarray
    t0: np.ndarray
    t1: np.ndarray

    def __len__(self) -> int:
        return len(self.counts)


def crowded_runs(x: np.ndarray, rows: np.ndarray, labelled: np.ndarray, t0: np.ndarray, t1: np.ndarray,
                 gap: float = 24.0, min_count: int = 3, longest: float = 160.0) -> Clusters:
    """Runs of unlabelled marks (pixel ``x`` on row ``rows``) closer than ``gap`` to the next one.

    A run is cut every ``longest`` pixels, so a badge tells a stretch one can zoom into, not a whole
    crowded row. ``t0``/``t1`` are each mark's start and end in data units, so a run can be zoomed to.

    >>> c = crowded_runs(np.array([0., 5, 10, 100, 200, 205, 210, 215]), np.zeros(8, int), np.zeros(8, bool),
    ...                  np.arange(8.), np.arange(8.) + 1)
    >>> c.counts.tolist(), c.x0.tolist(), c.t1.tolist()
    ([3, 4], [0.0, 200.0], [3.0, 8.0])
    """
    free = np.flatnonzero(~labelled)
    empty = np.zeros(0)
    if len(free) < min_count:
        return Clusters(empty, empty, np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), empty, empty)
    order = free[np.lexsort((x[free], rows[free]))]
    xs, rs = x[order], rows[order]
    breaks = np.ones(len(order), dtype=bool)
    breaks[1:] = (rs[1:] != rs[:-1]) | (xs[1:] - xs[:-1] > gap)
    run = np.cumsum(breaks) - 1
    offset = xs - xs[np.flatnonzero(breaks)][run]  # pixels from the start of its run
    piece = np.floor(offset / longest).astype(np.int64)
    breaks[1:] |= (run[1:] == run[:-1]) & (piece[1:] != piece[:-1])
    run = np.cumsum(breaks) - 1
    counts = np.bincount(run)
    starts = np.flatnonzero(breaks)
    ends = np.append(starts[1:], len(order)) - 1
    keep = counts >= min_count
    first, last = starts[keep], ends[keep]
    lo = np.minimum.reduceat(t0[order], starts)[keep]
    hi = np.maximum.reduceat(t1[order], starts)[keep]
    return Clusters(xs[first], xs[last], rs[first], counts[keep], lo, hi)
