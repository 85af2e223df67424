"""The overview strip's counts per bin of time."""

from __future__ import annotations

import numpy as np
import pytest

from viewer.model import bins


def test_overview_bins_count_all_and_matched_events() -> None:
    starts = np.array([0.0, 1.0, 5.0, 9.0])
    edges, counts, hits = bins.overview_bins(starts, 0.0, 10.0, np.array([True, False, False, True]), 2)
    assert edges.tolist() == [0.0, 5.0, 10.0]
    assert counts.tolist() == [2, 2]
    assert hits.tolist() == [1, 1]


@pytest.mark.parametrize("seed", range(6))
def test_overview_bins_of_starts_in_time_order_are_numpys_histogram(seed: int) -> None:
    """Counted by binary searches when the starts are in order (values on the edges, on the last edge, outside the
    range, repeated), by numpy's histogram when not (shuffled, or with a NaN): the same counts either way."""
    rng = np.random.default_rng(seed)
    lo, hi = 100.0, 900.0
    starts = np.concatenate([rng.uniform(0, 1000, 3000), np.linspace(lo, hi, 17), [lo, hi, hi, -5.0, 2000.0]])
    starts = np.round(starts, 0 if seed % 2 else 3)  # (whole seconds: many on the edges)
    matched = rng.random(len(starts)) < 0.4
    for n_bins in (1, 16, 512):
        edges = np.linspace(lo, hi, n_bins + 1)
        for values, mask in ((np.sort(starts), matched), (rng.permutation(starts), matched),
                             (np.append(np.sort(starts), np.nan), np.append(matched, True))):
            got_edges, counts, hits = bins.overview_bins(values, lo, hi, mask, n_bins)
            assert np.array_equal(got_edges, edges)
            assert counts.tolist() == np.histogram(values, bins=edges)[0].tolist()
            assert hits.tolist() == np.histogram(values[mask], bins=edges)[0].tolist()
