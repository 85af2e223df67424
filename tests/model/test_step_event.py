"""Next / previous event (→ / ←): from the selected event, or from the cursor when none is selected."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from viewer.model.dataset import Dataset, Tables, build_dataset
from viewer.model.filters import Filters
from viewer.model.navigation import default_cursor, matches
from viewer.model.query import step_event


@pytest.fixture(scope="module")
def ds() -> Dataset:
    events = pd.DataFrame({"id": ["a", "b", "c", "d"], "start": ["2020-01", "2020-03-05", "2020-03-05T12:00Z", "2021"],
                           "title": ["Alpha", "Bravo", "Charlie", "Delta"], "actors": ["x", "y", "x", "y"]})
    relations = pd.DataFrame({"id": ["R1"], "source": ["x"], "target": ["y"], "kind": ["owns"]})
    return build_dataset(Tables(events, None, relations))


def at(text: str) -> pd.Timestamp:
    return pd.Timestamp(text, tz="UTC")


@pytest.mark.parametrize("cursor", [at("2020-02-01"), pd.Timestamp("2020-02-01"), "2020-02"],
                         ids=["aware", "naive", "text"])
def test_with_nothing_selected_the_cursor_decides_whatever_its_time_zone(ds: Dataset, cursor: object) -> None:
    assert step_event(ds.events, None, cursor, 1) == "b"
    assert step_event(ds.events, None, cursor, -1) == "a"


def test_an_event_under_the_cursor_is_the_next_one_and_not_the_previous(ds: Dataset) -> None:
    assert step_event(ds.events, None, at("2020-03-05"), 1) == "b"
    assert step_event(ds.events, None, at("2020-03-05"), -1) == "a"


def test_with_an_event_selected_the_neighbours_in_time_order_are_chosen(ds: Dataset) -> None:
    assert step_event(ds.events, "b", at("1900"), 1) == "c"
    assert step_event(ds.events, "c", at("1900"), -1) == "b"
    assert step_event(ds.events, "a", at("2030"), 2) == "c"
    assert step_event(ds.events, "d", at("2030"), -3) == "a"


def test_at_either_end_there_is_no_further_event(ds: Dataset) -> None:
    assert step_event(ds.events, "d", at("2000"), 1) is None
    assert step_event(ds.events, "a", at("2000"), -1) is None


@pytest.mark.parametrize("selected", ["x", "R1", "gone"], ids=["an entity", "a relation", "a stale id"])
def test_with_an_entity_or_relation_selected_the_cursor_decides(ds: Dataset, selected: str) -> None:
    assert step_event(ds.events, selected, at("2020-06-01"), 1) == "d"
    assert step_event(ds.events, selected, at("2020-06-01"), -1) == "c"


def test_a_cursor_before_the_first_event_steps_onto_it_and_not_back(ds: Dataset) -> None:
    assert step_event(ds.events, None, at("1999"), 1) == "a"
    assert step_event(ds.events, None, at("1999"), -1) is None


def test_a_cursor_after_the_last_event_steps_back_onto_it_and_not_forward(ds: Dataset) -> None:
    assert step_event(ds.events, None, at("2030"), -1) == "d"
    assert step_event(ds.events, None, at("2030"), 1) is None


def test_an_empty_dataset_has_no_event_to_step_to() -> None:
    empty = build_dataset(Tables(pd.DataFrame(columns=["id", "start", "title"])))
    cursor = default_cursor(empty)
    assert step_event(empty.events, None, cursor, 1) is None
    assert step_event(empty.events, None, cursor, -1) is None


def test_filters_that_hide_everything_leave_nothing_to_step_to(ds: Dataset) -> None:
    hidden = matches(ds, Filters(text="no such words anywhere"))
    assert not hidden.any()
    assert step_event(ds.events, None, at("2020-02-01"), 1, hidden) is None
    assert step_event(ds.events, "b", at("2020-02-01"), -1, hidden) is None


def test_hidden_events_are_stepped_over_even_from_a_hidden_selection(ds: Dataset) -> None:
    only_x = np.asarray(ds.events["actors"].astype(str) == "x")  # a and c
    assert step_event(ds.events, None, at("2020-02-01"), 1, only_x) == "c"
    assert step_event(ds.events, "b", at("1900"), 1, only_x) == "c"  # b itself is hidden
    assert step_event(ds.events, "b", at("1900"), -1, only_x) == "a"
    assert step_event(ds.events, "c", at("1900"), 1, only_x) is None


def test_the_alliance_steps_from_a_fresh_window(alliance: Dataset) -> None:
    cursor = default_cursor(alliance)
    after, before = step_event(alliance.events, None, cursor, 1), step_event(alliance.events, None, cursor, -1)
    assert after is not None and before is not None and after != before


def _walked(ids: list[str], current: str | None, step: int, matched: np.ndarray, after_cursor: int) -> str | None:
    """The step as a person counts it along the list: from the current event's row, else from the cursor's place."""
    rows = [i for i in range(len(ids)) if matched[i]]
    if current in ids:
        here = ids.index(current)
        later = [i for i in rows if i > here] if step > 0 else [i for i in rows if i < here][::-1]
    else:
        later = [i for i in rows if i >= after_cursor] if step > 0 else [i for i in rows if i < after_cursor][::-1]
    return ids[later[abs(step) - 1]] if len(later) >= abs(step) else None


def test_every_step_from_every_event_under_every_filter_is_the_one_counted_along_the_list(ds: Dataset) -> None:
    ids = ds.events["id"].tolist()
    after_cursor = int((ds.events["start"] < at("2020-02-01")).sum())
    for mask in range(1, 2 ** len(ids)):
        matched = np.array([bool(mask >> i & 1) for i in range(len(ids))])
        for current in [None, *ids]:
            for step in (-2, -1, 1, 2):
                expected = _walked(ids, current, step, matched, after_cursor)
                assert step_event(ds.events, current, at("2020-02-01"), step, matched) == expected
                known = ids.index(current) if current is not None else -1
                assert step_event(ds.events, current, at("2020-02-01"), step, matched, known) == expected
                assert step_event(ds.events, current, at("2020-02-01"), step, None) == _walked(
                    ids, current, step, np.ones(len(ids), bool), after_cursor)
