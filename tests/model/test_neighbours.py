"""Nearest-neighbour questions: numpy for small layouts, scipy's KD-tree for big ones, the same answers."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.spatial import cKDTree

from viewer.model import neighbours
from viewer.model.neighbours import Near


def _points(n: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    points = rng.random((n, 2)) * np.sqrt(n) * 0.12
    points[n // 2:n // 2 + 3] = points[:1]  # a few on top of each other, as a layout's start may have
    return points


@pytest.mark.parametrize("n", [0, 1, 2, 40, 127, 129, 400])
def test_both_ways_agree_with_the_kd_tree(n: int, monkeypatch: pytest.MonkeyPatch) -> None:
    points, spots, radius = _points(n, n), _points(30, 1), 0.12
    tree = cKDTree(points) if n else None
    for brute in (0, 10**9):  # always the tree, always numpy
        monkeypatch.setattr(neighbours, "BRUTE", brute)
        near = Near(points)
        pairs = near.pairs(radius)
        expected = tree.query_pairs(radius, output_type="ndarray") if tree else np.zeros((0, 2))
        assert sorted(map(tuple, pairs.tolist())) == sorted(map(tuple, expected.tolist()))
        assert pairs.tolist() == sorted(pairs.tolist())  # sorted, whichever way answered
        if tree is None:
            assert near.nearest(spots).tolist() == [np.inf] * 30
            continue
        assert np.allclose(near.nearest(spots), tree.query(spots)[0])
        assert near.around(spots[3], 0.3).tolist() == sorted(tree.query_ball_point(spots[3], 0.3))
        if n > 1:
            assert np.allclose(near.nearest_other(), tree.query(points, k=2)[0][:, 1])


def test_a_big_layout_asks_the_kd_tree() -> None:
    near = Near(_points(2_000, 5))
    assert len(near.pairs(0.05)) > 0
    assert near._tree is not None  # which way answered is the point of this test
