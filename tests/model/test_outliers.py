"""Dates far from the bulk of their column: found by order statistics without a float copy of the column.

The reference below is the rule as it was first written (float seconds, numpy's nearest quantiles, a mask always
made): the quicker code must find the same outliers and the same bulk, sorted or not, with gaps or not.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.model.dates import outliers, to_seconds


def _reference(instants: pd.Series) -> tuple[list[bool], pd.Timestamp, pd.Timestamp] | None:
    seconds = np.asarray(to_seconds(instants), dtype=np.float64)
    present = ~np.isnan(seconds)
    if present.sum() < outliers.MIN_ROWS:
        return None
    low, high = np.quantile(seconds[present], [0.1, 0.9], method="nearest")
    width = max(high - low, outliers.MIN_BULK_YEARS * outliers.YEAR)
    reach = max(3 * width, outliers.MIN_DISTANCE_YEARS * outliers.YEAR)
    far = present & ((seconds < low - reach) | (seconds > high + reach))
    if not far.any():
        return None
    inside = instants[present & ~far]
    return far.tolist(), inside.min(), inside.max()


def _found(instants: pd.Series) -> tuple[list[bool], pd.Timestamp, pd.Timestamp] | None:
    found = outliers.find(instants)
    return None if found is None else (found.mask.tolist(), found.bulk_start, found.bulk_end)


YEARS = st.one_of(st.integers(1990, 2030), st.integers(1, 9999))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.none(), st.tuples(YEARS, st.integers(1, 12), st.integers(1, 28))), max_size=40),
       st.booleans())
def test_the_same_outliers_as_the_rule_first_written(days: list[tuple[int, int, int] | None], in_order: bool) -> None:
    stamps = pd.Series(pd.to_datetime([None if d is None else f"{d[0]:04d}-{d[1]:02d}-{d[2]:02d}" for d in days],
                                      utc=True, format="%Y-%m-%d"), dtype="datetime64[us, UTC]")
    if in_order:
        stamps = stamps.sort_values(na_position="last").reset_index(drop=True)
    assert _found(stamps) == _reference(stamps)


def test_a_typo_far_from_a_column_in_time_order_is_found_and_the_bulk_kept() -> None:
    stamps = pd.Series(pd.to_datetime(["1201-05-01", *[f"20{y:02d}-01-01" for y in range(10, 22)]], utc=True,
                                      format="%Y-%m-%d"), dtype="datetime64[us, UTC]")
    found = outliers.find(stamps)
    assert found is not None and found.mask.tolist() == [True] + [False] * 12
    assert (found.bulk_start.year, found.bulk_end.year) == (2010, 2021)
    assert outliers.find(stamps.iloc[1:]) is None


def test_a_column_in_another_zone_or_unit_is_read_as_its_instants() -> None:
    naive = pd.Series(pd.to_datetime(["1801-05-01", *[f"20{y:02d}-06-01" for y in range(10, 22)]], utc=True,
                                     format="%Y-%m-%d"))
    assert outliers.find(naive.astype("datetime64[ns, UTC]").iloc[1:]) is None
    for unit in ("datetime64[ns, UTC]", "datetime64[s, UTC]", "datetime64[ms, Asia/Tokyo]"):
        found = outliers.find(naive.astype(unit))
        assert found is not None and found.mask.tolist() == [True] + [False] * 12
        assert _found(naive.astype(unit)) == _reference(naive.astype(unit))
