"""Overlap removal for graph positions: no two nodes closer than their spacing, in bounded work.

:func:`separate` pushes apart the pairs that are too close, found by
:class:`viewer.model.neighbours.Near` (numpy over every pair in a small graph, scipy's KD-tree in
O(n log n) in a big one). A few dozen passes settle almost every layout; whatever is still
crowded after them is moved, one node at a time, to the nearest free spot on rings around where
it was, so the result always holds. Fixed nodes never move.
Pandas-free and Qt-free.
"""

from __future__ import annotations

import numpy as np

from viewer.model.neighbours import Near

PASSES = 80  # push passes before the ring search takes over for what is left
SLACK = 0.999  # pushes converge onto the limit, so a pair only counts as too close just short of it
RING_SPOTS = 12  # candidate directions per ring in the fallback search
RINGS = 200  # rings tried around a node before giving up on that node (never reached in practice)


def too_close(pos: np.ndarray, spacing: np.ndarray) -> np.ndarray:
    """The pairs (rows of two indices, i < j) closer than the mean of their two spacings."""
    if len(pos) < 2:
        return np.zeros((0, 2), dtype=np.intp)
    pairs = Near(pos).pairs(float(spacing.max()))
    if not len(pairs):
        return pairs
    gap = np.hypot(*(pos[pairs[:, 0]] - pos[pairs[:, 1]]).T)
    return pairs[gap < (spacing[pairs[:, 0]] + spacing[pairs[:, 1]]) / 2 * SLACK]


def _directions(pairs: np.ndarray) -> np.ndarray:
    """A fixed unit direction per pair, for pairs that sit exactly on top of each other."""
    angle = (pairs[:, 0] * 2.399963 + pairs[:, 1] * 0.618034) % (2 * np.pi)  # golden-angle spread
    return np.stack([np.cos(angle), np.sin(angle)], axis=1)


def _push(pos: np.ndarray, pairs: np.ndarray, spacing: np.ndarray, movable: np.ndarray) -> np.ndarray:
    """One pass: each too-close pair moves apart by its overlap, shared unless one end is fixed."""
    i, j = pairs[:, 0], pairs[:, 1]
    delta = pos[i] - pos[j]
    gap = np.hypot(delta[:, 0], delta[:, 1])
    unit = np.where(gap[:, None] > 1e-12, delta / np.maximum(gap, 1e-12)[:, None], _directions(pairs))
    overlap = (spacing[i] + spacing[j]) / 2 - gap
    share_i = np.where(movable[j], 0.51, 1.02) * movable[i]  # a little past the limit: no creeping up on it
    share_j = np.where(movable[i], 0.51, 1.02) * movable[j]
    move = np.zeros_like(pos)
    np.add.at(move, i, unit * (overlap * share_i)[:, None])
    np.add.at(move, j, -unit * (overlap * share_j)[:, None])
    return pos + move


def separate(pos: np.ndarray, spacing: np.ndarray, movable: np.ndarray | None = None,
             passes: int = PASSES) -> np.ndarray:
    """Positions where no two nodes are closer than the mean of their spacings.

    ``spacing`` is per node (a hub may ask for more room); nodes where ``movable`` is False stay
    exactly where they are. Deterministic: no random numbers.

    >>> separate(np.array([[0.0, 0.0], [0.05, 0.0]]), np.array([0.1, 0.1])).round(3).tolist()
    [[-0.026, 0.0], [0.076, 0.0]]
    """
    pos = np.asarray(pos, dtype=float).copy()
    movable = np.ones(len(pos), dtype=bool) if movable is None else np.asarray(movable, dtype=bool)
    spacing = np.asarray(spacing, dtype=float)
    for _ in range(passes):
        pairs = too_close(pos, spacing)
        pairs = pairs[movable[pairs[:, 0]] | movable[pairs[:, 1]]]
        if not len(pairs):
            return pos
        pos = _push(pos, pairs, spacing, movable)
    pairs = too_close(pos, spacing)
    crowded = sorted({int(n) for n in pairs.ravel() if movable[n]})
    if not crowded:
        return pos
    settled = np.setdiff1d(np.arange(len(pos)), crowded)
    near = Near(pos[settled])
    moved: list[int] = []
    for node in crowded:  # crowded nodes go to the nearest free spot, one at a time, in index order
        pos[node] = _free_spot(pos, node, spacing, near, settled, moved)
        moved.append(node)
    return pos


def _free_spot(pos: np.ndarray, node: int, spacing: np.ndarray, settled: Near, index: np.ndarray,
               moved: list[int]) -> np.ndarray:
    """The nearest spot on rings around ``node`` clear of every settled and already moved node.

    ``settled`` holds the settled nodes (``index`` maps its rows back to node numbers).
    """
    angles = np.linspace(0, 2 * np.pi, RING_SPOTS, endpoint=False) + node * 0.5
    ring = np.stack([np.cos(angles), np.sin(angles)], axis=1)
    reach = float(spacing.max())
    others = np.array(moved, dtype=np.intp)
    for step in range(RINGS + 1):
        spots = pos[node] + ring * spacing[node] * 0.5 * step if step else pos[node][None, :]
        for spot in spots:
            near = index[settled.around(spot, reach)]
            if len(others):
                near = np.concatenate([near, others])
            near = near[near != node]
            gap = np.hypot(*(pos[near] - spot).T) if len(near) else np.zeros(0)
            if (gap >= (spacing[near] + spacing[node]) / 2).all():
                return np.asarray(spot)
    return np.asarray(pos[node])
