"""Timeline labels are placed greedily without overlap on a row: the selection first, then left to right;
a label with no room is never drawn, and looking only at those with room gives the same answer."""

from __future__ import annotations

import numpy as np
import pytest

from viewer.model.marks import place_labels


def _greedy(x: np.ndarray, widths: np.ndarray, rows: np.ndarray, priority: np.ndarray | None,
            gap: float = 6.0) -> np.ndarray:
    """The rule, written plainly: by priority (highest first), then by index; a label is kept when its
    span ``[x, x + width + gap)`` meets no kept span on its row."""
    n = len(x)
    rank = np.zeros(n) if priority is None else -priority
    keep = np.zeros(n, dtype=bool)
    kept: list[tuple[float, float, int]] = []
    for i in sorted(range(n), key=lambda k: (rank[k], k)):
        if not widths[i] > 0:
            continue
        lo, hi = x[i], x[i] + widths[i] + gap
        if all(row != rows[i] or hi <= a or b <= lo for a, b, row in kept):
            kept.append((lo, hi, rows[i]))
            keep[i] = True
    return keep


@pytest.mark.parametrize("seed", range(40))
def test_placing_labels_follows_the_greedy_rule(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n = int(rng.integers(0, 400))
    x = rng.uniform(0.0, 1500.0, n).round(int(rng.integers(0, 3)))  # ties at whole pixels too
    crowded = rng.random() < 0.5
    widths = np.where(rng.random(n) < (0.97 if crowded else 0.3), 0.0, rng.uniform(-5.0, 220.0, n))
    rows = rng.integers(0, int(rng.integers(1, 12)), n)
    priority = None if seed % 3 == 0 else rng.integers(-1, 11, n).astype(float)
    assert np.array_equal(place_labels(x, widths, rows, priority), _greedy(x, widths, rows, priority))


def test_the_selection_wins_and_labels_on_other_rows_do_not_collide() -> None:
    x = np.array([0.0, 50.0, 50.0, 400.0])
    widths = np.array([100.0, 100.0, 100.0, 0.0])
    rows = np.array([0, 0, 1, 0])
    keep = place_labels(x, widths, rows, np.array([0.0, 1.0, 0.0, 1.0]))
    assert keep.tolist() == [False, True, True, False]  # the selected one first; no width, no label
