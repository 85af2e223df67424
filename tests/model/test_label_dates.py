"""Labels of events known only to the month or year: written for a whole column at once, as the per-event
text (:func:`describe_span` through pandas, written out here as the reference) wrote them."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import viewer
from viewer.model import label_dates, marks
from viewer.model.dates import PRECISION_DTYPE, PRECISIONS, UTC_DTYPE, format_date
from viewer.model.query import describe_span


def _reference(events: pd.DataFrame) -> list[str]:
    titles = events["title"].astype(str).tolist()
    coarse = np.flatnonzero(events["precision"].astype("object").isin(["year", "month"]).to_numpy())
    for i in coarse.tolist():
        row = events.iloc[i]
        end, end_precision = row["end"], row["end_precision"] if pd.notna(row["end_precision"]) else None
        if row["precision"] == "month" and end_precision == "month" and end.year == row["start"].year:
            when = f"{format_date(row['start'], 'month')[:3]}–{format_date(end, 'month')}"
        else:
            when = describe_span(row["start"], str(row["precision"]), end, end_precision)
        titles[i] = f"{when} · {titles[i]}"
    return titles


def _events(rows: list[tuple[int, int, str, int | None, str | None]]) -> pd.DataFrame:
    """(start in hours from 1970, precision, end in hours or None, end precision or None) per event."""
    hours = np.timedelta64(1, "h")
    start = [np.datetime64("1970-01-01T00", "us") + h * hours for h, _p, _e, _ep in
             ((r[0] * 997 + r[1], r[2], r[3], r[4]) for r in rows)]
    end = [None if r[3] is None else np.datetime64("1970-01-01T00", "us") + (r[3] * 997 + r[1]) * hours
           for r in rows]
    return pd.DataFrame({
        "start": pd.Series(start, dtype="datetime64[us]").dt.tz_localize("UTC").astype(UTC_DTYPE),
        "end": pd.Series(end, dtype="datetime64[us]").dt.tz_localize("UTC").astype(UTC_DTYPE),
        "precision": pd.Series([r[2] for r in rows], dtype=PRECISION_DTYPE),
        "end_precision": pd.Series([r[4] if r[3] is not None else None for r in rows], dtype=PRECISION_DTYPE),
        "title": pd.Series([f"event {i}" for i in range(len(rows))], dtype="string[pyarrow]"),
    })


def _check(events: pd.DataFrame) -> None:
    expected = _reference(events)
    lazy = marks.LabelTexts(events)
    assert marks.label_texts(events) == expected
    assert lazy.take(np.arange(len(events))[::-1]) == expected[::-1]
    assert [lazy[i] for i in range(len(events))] == expected
    assert lazy.lengths().tolist() == [float(len(t)) for t in expected]


precisions = st.sampled_from(list(PRECISIONS))
event = st.tuples(st.integers(-3_000_000, 3_000_000), st.integers(0, 996), precisions,
                  st.one_of(st.none(), st.integers(-3_000_000, 3_000_000)), st.one_of(st.none(), precisions))


@settings(max_examples=200, deadline=None)
@given(st.lists(event, min_size=1, max_size=30))
def test_coarse_labels_read_as_the_per_event_text(rows: list[tuple[int, int, str, int | None, str | None]]) -> None:
    _check(_events(rows))  # years about 1630-2310, months apart and alike, ends of every precision or none


def test_labels_of_deep_time_year_zero_and_powers_of_ten_read_as_the_per_event_text() -> None:
    written = ["-0044-03-15", "0000-06-01", "-50000-01-01", "12000-12-31", "2002-03-01", "1000-01-10T10:00",
               "10000-10-10", "-1000-01-01", "0100-05-05", "0010-02-10", "2019-10-10T00:00"]
    stamps = pd.Series(np.array(written, dtype="datetime64[us]")).dt.tz_localize("UTC")
    kinds = ["year", "month", "year", "month", "month", "year", "month", "year", "month", "year", "month"]
    ends = ["month", "year", None, "day", None, "time", "day", "day", "year", "day", None]
    events = pd.DataFrame({"start": stamps, "end": stamps.shift(-1).astype(UTC_DTYPE),
                           "precision": pd.Series(kinds, dtype=PRECISION_DTYPE),
                           "end_precision": pd.Series(ends, dtype=PRECISION_DTYPE),
                           "title": list("abcdefghijk")})
    _check(events)


def test_the_bundled_labels_read_as_the_per_event_text() -> None:
    _check(viewer.load().events)


def test_labels_kept_past_their_budget_are_written_again(monkeypatch: pytest.MonkeyPatch) -> None:
    events = viewer.load().events
    expected = _reference(events)
    monkeypatch.setattr(marks, "KEPT_LABELS", 5)
    lazy = marks.LabelTexts(events)
    dated = np.flatnonzero(label_dates.coarse(events))
    assert len(dated) >= 8
    for rows in (dated[:5], dated[2:9], np.arange(len(events)), dated[::-2]):
        assert lazy.take(rows) == [expected[i] for i in rows.tolist()]
        assert [lazy[int(i)] for i in rows[:7]] == [expected[i] for i in rows[:7].tolist()]
