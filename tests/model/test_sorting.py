"""The stable orders are numpy's stable argsort, whatever the keys: the radix passes only change the speed."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.model.sorting import order_by, stable_order

MICROS = 1_000_000
DAY = 86_400 * MICROS


def _same_as_numpy(keys: np.ndarray) -> None:
    assert stable_order(keys).tolist() == np.argsort(keys, kind="stable").tolist()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(-5, 5), max_size=80))
def test_small_integers(keys: list[int]) -> None:
    _same_as_numpy(np.array(keys, dtype=np.int64))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(-(2**63), 2**63 - 1), max_size=60))
def test_any_int64_including_a_span_wider_than_the_type(keys: list[int]) -> None:
    _same_as_numpy(np.array(keys, dtype=np.int64))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(-3_000, 3_000), min_size=2, max_size=80),
       st.sampled_from([DAY, MICROS, 1_000, 1, 7 * MICROS + 3]), st.integers(-(2**50), 2**50))
def test_times_in_a_coarse_unit_from_any_origin(steps: list[int], unit: int, origin: int) -> None:
    _same_as_numpy(np.array(steps, dtype=np.int64) * unit + origin)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.integers(-(2**40), 2**40).map(float),
                          st.floats(-1e12, 1e12, allow_nan=False), st.just(-0.0), st.just(0.0)), max_size=80))
def test_floats_whole_or_not(keys: list[float]) -> None:
    _same_as_numpy(np.array(keys, dtype=np.float64))


def test_a_million_seconds_microseconds_days_and_nearly_sorted_times() -> None:
    rng = np.random.default_rng(4)
    origin = 946_684_800 * MICROS
    seconds = origin + rng.integers(0, 5 * 365 * 86_400, 1_000_000) * MICROS
    nearly = np.sort(seconds)
    swapped = rng.integers(0, len(nearly), 5_000)
    nearly[swapped] = nearly[swapped[::-1]]
    for keys in (seconds, origin + rng.integers(0, 5 * 365 * DAY, 1_000_000), rng.integers(0, 400, 1_000_000) * DAY,
                 nearly, (seconds // MICROS).astype(np.float64), np.zeros(1_000_000, dtype=np.int64)):
        assert (stable_order(keys) == np.argsort(keys, kind="stable")).all()


def test_unsigned_and_tiny_inputs() -> None:
    _same_as_numpy(np.array([2**64 - 1, 0, 2**63, 5], dtype=np.uint64))
    _same_as_numpy(np.array([], dtype=np.int64))
    _same_as_numpy(np.array([3], dtype=np.int64))
    _same_as_numpy(np.array([3, 3], dtype=np.int32))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 6).map(float), st.integers(0, 4)), max_size=80))
def test_order_by_is_lexsort_by_key_then_lane(pairs: list[tuple[float, int]]) -> None:
    keys = np.array([k for k, _ in pairs], dtype=np.float64)
    lanes = np.array([lane for _, lane in pairs], dtype=np.int64)
    assert order_by(keys, lanes).tolist() == np.lexsort((lanes, keys)).tolist()
    ascending = np.sort(keys)  # the timeline's pairs come sorted by start: only ties are put in lane order
    assert order_by(ascending, lanes).tolist() == np.lexsort((lanes, ascending)).tolist()
