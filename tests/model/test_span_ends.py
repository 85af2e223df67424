"""Where an event's span ends: its end's precision span, else its start's. Worked out only for the ends that are
written; the reference is the formula over every row, as first written."""

from __future__ import annotations

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.model import dates
from viewer.model.table_build import _span_ends

PRECISIONS = st.sampled_from(["year", "month", "day", "time"])
DAY = st.tuples(st.integers(1, 9998), st.integers(1, 12), st.integers(1, 28), st.integers(0, 23))
Day = tuple[int, int, int, int]


def _reference(out: pd.DataFrame) -> pd.Series:
    start_span = dates.span_end(out["start"], out["precision"])
    end_span = dates.span_end(out["end"].fillna(out["start"]), out["end_precision"].fillna(out["precision"]))
    return end_span.where(out["end"].notna(), start_span)


def _stamps(days: list[Day] | list[Day | None]) -> pd.Series:
    written = [None if d is None else f"{d[0]:04d}-{d[1]:02d}-{d[2]:02d}T{d[3]:02d}:00" for d in days]
    return pd.Series(pd.to_datetime(written, utc=True, format="%Y-%m-%dT%H:%M"), dtype=dates.UTC_DTYPE)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(DAY, PRECISIONS, st.one_of(st.none(), DAY), st.one_of(st.none(), PRECISIONS)),
                min_size=1, max_size=30), st.booleans())
def test_span_ends_as_first_written(rows: list[tuple[Day, str, Day | None, str | None]], gaps: bool) -> None:
    out = pd.DataFrame({
        "start": _stamps([r[0] for r in rows]),
        "precision": pd.Series([r[1] for r in rows], dtype=dates.PRECISION_DTYPE),
        "end": _stamps([r[2] for r in rows]),
        "end_precision": pd.Series([r[3] for r in rows], dtype=dates.PRECISION_DTYPE),
    })
    if gaps:  # rows dropped before (no start): the index has holes
        out.index = range(0, 3 * len(out), 3)
    pd.testing.assert_series_equal(_span_ends(out), _reference(out), check_names=False)
