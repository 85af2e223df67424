"""Level of detail for big timelines: counts without index lists, density by binary search, lazy labels."""

from __future__ import annotations

import numpy as np
import pandas as pd

import viewer
from viewer.model import marks
from viewer.model.columns import IdLookup


def _intervals(n: int, seed: int = 7) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    starts = np.sort(rng.uniform(0, 1e6, n))
    ends = starts + np.where(rng.random(n) < 0.3, rng.pareto(1.1, n) * 500, 0.0)
    return starts, ends


def test_the_count_equals_the_number_of_overlapping_items_for_any_window() -> None:
    starts, ends = _intervals(20_000)
    index = marks.IntervalIndex.build(starts, ends)
    for t0, t1 in ((-5.0, -1.0), (0.0, 1e6), (4e5, 4e5 + 10.0), (123.0, 9e5), (2e6, 3e6), (5e5, 5e5)):
        assert index.count(t0, t1) == len(marks.visible_indices(starts, ends, t0, t1))


def test_sorted_items_are_answered_in_start_order_like_the_bucket_scan() -> None:
    starts, ends = _intervals(20_000, seed=11)
    index = marks.IntervalIndex.build(starts, ends)
    assert index.starts is not None  # the sorted fast path is in use
    for t0, t1 in ((3e5, 3.5e5), (-1.0, 2e6), (7e5, 7e5 + 1.0)):
        assert index.overlapping(t0, t1).tolist() == marks.visible_indices(starts, ends, t0, t1).tolist()


def test_each_bucket_holds_one_doubling_of_durations_and_knows_its_longest() -> None:
    starts, ends = _intervals(5_000, seed=3)
    starts[:3] = [10.0, 10.0, 10.0]
    ends[:3] = [10.0, 10.5, 12.0]  # an instant, a half second, two seconds
    index = marks.IntervalIndex.build(starts, ends)
    seen = np.concatenate([positions for positions, _s, _e, _longest in index.buckets])
    assert sorted(seen.tolist()) == list(range(len(starts)))
    for positions, bucket_starts, bucket_ends, longest in index.buckets:
        durations = ends[positions] - starts[positions]
        assert np.all(np.diff(bucket_starts) >= 0) and bucket_ends.tolist() == ends[positions].tolist()
        assert longest == durations.max()
        assert durations.max() == 0 or durations.min() > 0  # instants alone
        if durations.min() >= 2:
            assert durations.max() < 2 * 2 ** np.floor(np.log2(durations.min()))  # one doubling


def test_unsorted_items_still_get_exact_answers() -> None:
    starts, ends = _intervals(2_000)
    order = np.random.default_rng(1).permutation(len(starts))
    index = marks.IntervalIndex.build(starts[order], ends[order])
    assert index.starts is None
    expected = np.flatnonzero((starts[order] <= 6e5) & (np.maximum(ends[order], starts[order]) >= 5e5))
    assert index.overlapping(5e5, 6e5).tolist() == expected.tolist()
    assert index.count(5e5, 6e5) == len(expected)


def test_density_by_binary_search_equals_counting_every_event_per_bin() -> None:
    rng = np.random.default_rng(2)
    x = np.sort(rng.uniform(0, 1000.0, 50_000))
    lanes = rng.integers(0, 5, len(x))
    grouped, offsets = marks.lane_order(lanes, x)
    for t0, t1, bins in ((0.0, 1000.0, 800), (100.5, 133.25, 97), (990.0, 2000.0, 10)):
        expected = marks.density(x, lanes, 5, t0, t1, bins)
        got = marks.density_sorted(grouped, offsets, 5, t0, t1, bins)
        assert got.sum() == expected.sum() == int(((x >= t0) & (x < t1)).sum())
        assert np.abs(got - expected).sum() <= 2  # only float rounding exactly at a bin edge may differ


def test_each_density_bin_counts_the_events_that_start_in_it() -> None:
    x = np.array([0.0, 0.5, 1.0, 2.5, 2.6, 2.7, 9.99])
    lanes = np.array([0, 1, 0, 0, 0, 1, 1])
    grouped, offsets = marks.lane_order(lanes, x)
    got = marks.density_sorted(grouped, offsets, 2, 0.0, 10.0, 5)
    assert got.tolist() == [[2, 2, 0, 0, 0], [1, 1, 0, 0, 1]]


def test_lazy_labels_read_like_the_eager_list() -> None:
    events = viewer.load().events
    lazy = marks.LabelTexts(events)
    eager = marks.label_texts(events)
    assert len(lazy) == len(eager) and list(lazy) == eager
    assert lazy.lengths().tolist() == [float(len(t)) for t in eager]


def test_ids_are_found_by_position_and_positions_by_id() -> None:
    ids = IdLookup(pd.Series(["E1", "E2", "E3"], dtype="str"))
    assert ids[1] == "E2" and len(ids) == 3
    assert ids.index["E3"] == 2 and ids.index.get("nope") == -1
    assert "E1" in ids.index and "E9" not in ids.index


def test_crowded_runs_are_cut_into_stretches_one_can_zoom_into() -> None:
    from viewer.model.clusters import crowded_runs
    x = np.arange(0.0, 400.0, 4.0)  # 100 marks, 4 px apart: one crowded row
    runs = crowded_runs(x, np.zeros(100, int), np.zeros(100, bool), x, x, gap=24.0, min_count=3, longest=160.0)
    assert runs.counts.tolist() == [40, 40, 20] and (runs.x1 - runs.x0 < 160).all()


def test_labelled_marks_break_no_run_and_are_not_counted() -> None:
    from viewer.model.clusters import crowded_runs
    x = np.arange(10.0)
    labelled = np.zeros(10, bool)
    labelled[[0, 5]] = True
    runs = crowded_runs(x, np.zeros(10, int), labelled, x, x, min_count=3)
    assert runs.counts.tolist() == [8]
