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

    def joined(self, other: Clusters) -> Clusters:
        """These runs, then ``other``'s."""
        return Clusters(*(np.concatenate([getattr(self, f), getattr(other, f)])
                          for f in ("x0", "x1", "rows", "counts", "t0", "t1")))

    def subset(self, keep: np.ndarray) -> Clusters:
        """The runs ``keep`` (a mask or indices) picks."""
        return Clusters(self.x0[keep], self.x1[keep], self.rows[keep], self.counts[keep], self.t0[keep],
                        self.t1[keep])


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


def piled(runs: Clusters, x: np.ndarray, starts: np.ndarray, rows: np.ndarray, told: np.ndarray,
          within: int = 1) -> np.ndarray:
    """Which runs start at the very instant of a told (labelled or quiet) mark of their row, within ``within``
    pixels of it: marks drawn under it, which neither its title nor a crowd's badge tells of, and which no zoom
    sets apart (twelve events of one day in a lane of eight rows: four sit under others). Marks that merely share
    a pixel at a coarse zoom are not piled: zooming in parts them.

    >>> x, t = np.array([10., 10, 10, 50, 80, 80]), np.array([5., 5, 5, 9, 12, 13])
    >>> told = np.array([1, 0, 0, 0, 1, 0], bool)
    >>> runs = crowded_runs(x, np.zeros(6, int), told, t, t, min_count=1)
    >>> runs.counts.tolist(), piled(runs, x, t, np.zeros(6, int), told).tolist()
    ([2, 1, 1], [True, False, False])
    """
    near = np.zeros(len(runs), dtype=bool)
    points = np.flatnonzero(runs.x1 - runs.x0 <= within)  # (most runs of a crowded view are single marks)
    titled = np.flatnonzero(told)
    if not len(points) or not len(titled):
        return near
    keys = _keys(rows[titled], x[titled])
    order = np.argsort(keys, kind="stable")
    keys = keys[order]
    wanted = _keys(runs.rows[points], runs.x0[points])
    for shift in range(-within, within + 1):
        at = np.minimum(np.searchsorted(keys, wanted + shift), len(keys) - 1)
        hit = keys[at] == wanted + shift
        near[points[hit]] |= starts[titled[order[at[hit]]]] == runs.t0[points[hit]]
    return near


def pile_totals(piles: Clusters, pile_lanes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The piles' groups (one per lane and whole pixel: a pile spread over a lane's rows is one; ``pile_lanes``:
    each pile's lane, :func:`lanes_of` its row) in the order of their rows, top first, and each pile's group total.

    >>> p = Clusters(np.array([10., 10, 40]), np.array([10., 10, 40]), np.array([8, 4, 4]), np.array([1, 3, 2]),
    ...              np.zeros(3), np.zeros(3))
    >>> [a.tolist() for a in pile_totals(p, np.array([0, 0, 0]))]
    [[0, 0, 1], [4, 4, 2]]
    """
    _, group = np.unique(_keys(pile_lanes, piles.x0), return_inverse=True)
    return group, np.bincount(group, weights=piles.counts).astype(np.int64)[group]


@dataclass(frozen=True)
class Spots:
    """Where a pile's badge may stand: one entry per row of the pile (as a run on that row, from the pile's first
    run), the pile run each comes from, and the marks (indices) of the pile's lane at its instant."""

    at: Clusters
    first: np.ndarray
    members: list[np.ndarray]


def pile_spots(piles: Clusters, group: np.ndarray, pile_lanes: np.ndarray, starts: np.ndarray, rows: np.ndarray,
               lanes: np.ndarray) -> Spots:
    """For each pile (the runs of one ``group``: a lane, ``pile_lanes``, at one instant), every row of its lane
    holding a mark starting then (the marks' ``starts``, ``rows`` and ``lanes``), top first: its badge goes on the
    first with room.

    >>> p = Clusters(np.array([10.]), np.array([10.]), np.array([8]), np.array([2]), np.full(1, 5.), np.full(1, 5.))
    >>> s = pile_spots(p, np.array([0]), np.array([0]), np.array([5., 5, 5, 5, 7]), np.array([4, 8, 8, 12, 4]),
    ...                np.zeros(5, int))
    >>> s.at.rows.tolist(), s.first.tolist(), [m.tolist() for m in s.members]
    ([4, 8, 12], [0, 0, 0], [[0, 1, 2, 3], [0, 1, 2, 3], [0, 1, 2, 3]])
    """
    picked, where, members = [], [], []
    for g in np.unique(group).tolist():
        first = int(np.flatnonzero(group == g)[0])
        marks = np.flatnonzero((lanes == pile_lanes[first]) & (starts == piles.t0[first]))
        for row in np.unique(rows[marks]).tolist():
            picked.append(first)
            where.append(row)
            members.append(marks)
    chosen = np.array(picked, dtype=np.int64)
    at = Clusters(piles.x0[chosen], piles.x1[chosen], np.array(where, dtype=np.int64), piles.counts[chosen],
                  piles.t0[chosen], piles.t1[chosen])
    return Spots(at, chosen, members)


def stacks(x: np.ndarray, starts: np.ndarray, lanes: np.ndarray, least: int
           ) -> tuple[np.ndarray, np.ndarray, list[np.ndarray]]:
    """Marks of one lane at one instant, ``least`` or more of them (where rows are thinner than text, one mark
    hides the rest): each stack's lane and pixel (``x`` of its first mark), and its marks (indices), biggest first.

    >>> lane, at, members = stacks(np.array([5., 5, 9, 5, 5, 5]), np.array([2., 2, 3, 2, 2, 2]),
    ...                            np.array([0, 0, 0, 1, 1, 1]), 3)
    >>> lane.tolist(), at.tolist(), [m.tolist() for m in members]
    ([1], [5.0], [[3, 4, 5]])
    """
    order = np.lexsort((starts, lanes))
    ordered_lanes, ordered_starts = lanes[order], starts[order]
    breaks = np.ones(len(order), dtype=bool)
    breaks[1:] = (ordered_lanes[1:] != ordered_lanes[:-1]) | (ordered_starts[1:] != ordered_starts[:-1])
    begins = np.flatnonzero(breaks)
    counts = np.diff(np.append(begins, len(order)))
    big = np.flatnonzero(counts >= least)
    big = big[np.argsort(-counts[big], kind="stable")]
    first = order[begins[big]]
    members = [order[begins[i]:begins[i] + counts[i]] for i in big.tolist()]
    return lanes[first], x[first], members


def lanes_of(keys: np.ndarray, rows: np.ndarray, lanes: np.ndarray) -> np.ndarray:
    """The lane of each row key (-1 for a key no mark has), from the marks' rows and lanes."""
    lane_of = dict(zip(rows.tolist(), lanes.tolist(), strict=True))
    return np.array([lane_of.get(r, -1) for r in keys.tolist()], dtype=np.int64)


def first_of_groups(group: np.ndarray, kept: np.ndarray) -> np.ndarray:
    """Of the kept items, only each group's first (a pile's badge on one of its rows, not on each)."""
    first = np.zeros(len(group), dtype=bool)
    seen: set[int] = set()
    for i in np.flatnonzero(kept).tolist():
        if int(group[i]) not in seen:
            seen.add(int(group[i]))
            first[i] = True
    return first


def _keys(rows: np.ndarray, x: np.ndarray) -> np.ndarray:
    """One integer per (row, whole pixel)."""
    return rows.astype(np.int64) * 2**32 + np.round(x).astype(np.int64)
