"""Previous / next event and the filter bar's value counts on an engine source answer as memory does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

from viewer.model import navigation, query
from viewer.model.dataset import Dataset
from viewer.model.dates import to_seconds
from viewer.model.filters import Filters
from viewer.source.engine import EngineSource
from viewer.source.lazy import LazyDataset
from viewer.source.opening import open_dataset
from viewer.source.stepping import step

from .conftest import FILTERS


@pytest.fixture(scope="module")
def engine(generated: Path) -> EngineSource:
    lazy = open_dataset(generated, threshold=0)
    assert isinstance(lazy, LazyDataset) and isinstance(lazy.source, EngineSource)
    return lazy.source


def _memory_walk(ds: Dataset, cursor: pd.Timestamp, direction: int, steps: int,
                 filters: Filters) -> list[pd.Timestamp]:
    matched = navigation.matches(ds, filters) if filters.active else None
    starts, current = [], None
    by_id = ds.events.set_index("id")["start"]
    for _ in range(steps):
        current = query.step_event(ds.events, current, cursor, direction, matched)
        if current is None:
            break
        starts.append(by_id[current])
    return starts


def _engine_walk(source: EngineSource, cursor: pd.Timestamp, direction: int, steps: int,
                 filters: Filters) -> list[pd.Timestamp]:
    starts, current = [], None
    for _ in range(steps):
        row = step(source, float(to_seconds(cursor)), direction, current, filters)
        if row is None:
            break
        starts.append(row["start"])
        current = (float(to_seconds(row["start"])), str(row["id"]))
    return starts


CURSORS = ["1994-01-01", "2012-03-14T10:00:00Z", "2030-01-01"]
STEPS = 8


@pytest.mark.parametrize("cursor", CURSORS)
@pytest.mark.parametrize("direction", [1, -1])
@pytest.mark.parametrize("filtered", ["none", "categories", "everything"])
def test_a_walk_of_steps_visits_the_events_memory_visits(generated_dataset: Dataset, engine: EngineSource,
                                                         cursor: str, direction: int, filtered: str) -> None:
    """Ties (events starting at the same instant) are taken in id order by the engine and in file order in
    memory, so the walks are compared by the starts they visit, which must be the same, one for one."""
    filters = FILTERS.get(filtered, Filters())
    at = pd.Timestamp(cursor, tz="UTC") if "Z" not in cursor else pd.Timestamp(cursor)
    expected = _memory_walk(generated_dataset, at, direction, STEPS, filters)
    assert _engine_walk(engine, at, direction, STEPS, filters) == expected
    if cursor == "2012-03-14T10:00:00Z" or (cursor == "1994-01-01") == (direction == 1):
        assert len(expected) == STEPS  # the walk is not trivially empty


def test_a_step_from_the_current_event_goes_past_its_ties_in_id_order(engine: EngineSource) -> None:
    first = step(engine, float(to_seconds(pd.Timestamp("2005-01-01", tz="UTC"))), 1)
    assert first is not None
    here = (float(to_seconds(first["start"])), str(first["id"]))
    after = step(engine, 0.0, 1, here)
    before = step(engine, 0.0, -1, here)
    assert after is not None and before is not None
    assert (after["start"], after["id"]) > (first["start"], first["id"]) > (before["start"], before["id"])


def test_nothing_lies_beyond_either_end(engine: EngineSource) -> None:
    span = engine.span()
    assert span is not None
    lo, hi = span
    assert step(engine, float(to_seconds(hi)) + 86400, 1) is None
    assert step(engine, float(to_seconds(lo)) - 86400, -1) is None
    assert step(engine, 0.0, 1, None, Filters(text="no event says this")) is None


@pytest.mark.parametrize("field", ["actors", "category", "tags"])
def test_the_filter_bar_values_are_counted_as_in_memory(generated_dataset: Dataset, engine: EngineSource,
                                                        field: str) -> None:
    expected = navigation.facet_counts(generated_dataset.events[field])
    assert engine.facets(field) == expected
    assert len(expected) >= 2 and all(n > 0 for _, n in expected)


def test_facets_are_remembered(engine: EngineSource) -> None:
    engine.facets("category")
    assert engine.facts.known("facets category")
    with pytest.raises(ValueError, match="facets are"):
        engine.facets("title")


def test_a_step_near_the_cursor_reads_a_narrow_window_first(engine: EngineSource,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """The first window looked in is a small part of the span: the widening stops as soon as one answers."""
    from viewer.source import stepping
    widths: list[tuple[float | None, float | None]] = []
    real = stepping._nearest

    def spy(source: Any, view: Any, bounds: tuple[float | None, float | None], direction: int,
            current: tuple[float, str] | None) -> Any:
        widths.append(bounds)
        return real(source, view, bounds, direction, current)

    monkeypatch.setattr(stepping, "_nearest", spy)
    assert step(engine, float(to_seconds(pd.Timestamp("2012-03-14", tz="UTC"))), 1) is not None
    span = engine.span()
    assert span is not None
    lo, hi = (float(to_seconds(t)) for t in span)
    a, b = widths[0]
    assert len(widths) == 1 and a is not None and b is not None and b - a <= (hi - lo) / 1000
    assert np.isfinite(a)
