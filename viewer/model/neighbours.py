"""Nearest-neighbour questions for graph layouts: close pairs, nearest distances, points near a spot.

A small graph is answered with numpy over every pair (a distance matrix), which is as quick as a
KD-tree at that size and spares the 0.4 s it takes to import scipy: the window's first frame (the
bundled dataset has 37 entities) never waits for scipy. Past :data:`BRUTE` distances in one
question, scipy's cKDTree answers it, in O(n log n). Both give the same answers; pairs come sorted,
so what follows from them does not depend on which one was asked. Qt-free and pandas-free.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from scipy.spatial import cKDTree

BRUTE = 16_384  # distances one question may compute with numpy: 128 points against each other
# (a pass of overlap removal at 128 nodes: 0.3 ms with numpy, 0.1 ms with the tree)


class Near:
    """The points of a layout (an (n, 2) array), asked about in bulk; the KD-tree is built when first needed."""

    def __init__(self, points: np.ndarray) -> None:
        self.points = np.asarray(points, dtype=float).reshape(-1, 2)
        self._tree: cKDTree | None = None

    def tree(self) -> cKDTree:
        if self._tree is None:
            from scipy.spatial import cKDTree  # noqa: PLC0415 - only big layouts pay for importing scipy
            self._tree = cKDTree(self.points)
        return self._tree

    def pairs(self, radius: float) -> np.ndarray:
        """Pairs (rows ``i, j`` with ``i < j``, sorted) no further apart than ``radius``.

        >>> Near(np.array([[0.0, 0.0], [1.0, 0.0], [0.5, 0.0]])).pairs(0.6).tolist()
        [[0, 2], [1, 2]]
        """
        n = len(self.points)
        if n * n <= BRUTE:
            i, j = np.nonzero(np.triu(self._squares(self.points) <= radius * radius, 1))
            found = np.stack([i, j], axis=1).astype(np.intp)
        else:
            found = self.tree().query_pairs(r=radius, output_type="ndarray").astype(np.intp)
        return found[np.lexsort((found[:, 1], found[:, 0]))] if len(found) else found.reshape(0, 2)

    def nearest_other(self) -> np.ndarray:
        """For each point, the distance to the nearest other point (0 for a point on top of another)."""
        n = len(self.points)
        if n < 2:
            return np.full(n, np.inf)
        if n * n <= BRUTE:
            square = self._squares(self.points)
            np.fill_diagonal(square, np.inf)
            return np.asarray(np.sqrt(square.min(axis=1)))
        return np.asarray(self.tree().query(self.points, k=2)[0][:, 1])

    def nearest(self, spots: np.ndarray) -> np.ndarray:
        """For each spot (an (m, 2) array), the distance to the nearest point (inf when there are none)."""
        spots = np.asarray(spots, dtype=float).reshape(-1, 2)
        if not len(self.points):
            return np.full(len(spots), np.inf)
        if len(spots) * len(self.points) <= BRUTE:
            return np.asarray(np.sqrt(self._squares(spots).min(axis=1)))
        return np.asarray(self.tree().query(spots)[0])

    def around(self, spot: np.ndarray, radius: float) -> np.ndarray:
        """Indices (ascending) of the points no further than ``radius`` from ``spot``."""
        if len(self.points) <= BRUTE:
            return np.flatnonzero(self._squares(np.asarray(spot, dtype=float).reshape(1, 2))[0] <= radius * radius)
        return np.sort(np.asarray(self.tree().query_ball_point(spot, radius), dtype=np.intp))

    def _squares(self, spots: np.ndarray) -> np.ndarray:
        """Squared distances from each spot (rows) to each point (columns)."""
        dx = spots[:, 0][:, None] - self.points[:, 0]
        dy = spots[:, 1][:, None] - self.points[:, 1]
        return np.asarray(dx * dx + dy * dy)
