"""The session: one announcement per field, batches, equal values ignored, saved and restored whole."""

from __future__ import annotations

import pandas as pd
import pytest

from viewer.model.dataset import Dataset
from viewer.model.filters import Filters
from viewer.model.navigation import default_window
from viewer.model.window import TimeWindow
from viewer.session import Selection, Session, ViewChoices


@pytest.fixture
def session(alliance: Dataset) -> Session:
    return Session(alliance)


def record(session: Session) -> list[frozenset[str]]:
    seen: list[frozenset[str]] = []
    session.subscribe(seen.append)
    return seen


def test_a_session_starts_on_the_datasets_default_window_and_cursor(session: Session) -> None:
    assert session.window == default_window(session.dataset)  # 19 Nov 2018 – 6 Feb 2023 with a margin
    assert session.cursor.date().isoformat() == "2023-02-06"
    assert session.selection.empty and not session.filters.active and session.view == ViewChoices()


def test_setting_an_equal_value_announces_nothing(session: Session) -> None:
    seen = record(session)
    session.set(window=session.window, selection=Selection(), filters=Filters())
    session.move_cursor(session.cursor)
    assert seen == []


def test_each_set_announces_the_fields_it_changed(session: Session) -> None:
    seen = record(session)
    values: list[object] = []
    session.on("cursor", values.append)
    session.move_cursor("2020-05")
    assert seen == [frozenset({"cursor"})] and values == [pd.Timestamp("2020-05-01", tz="UTC")]


def test_a_batch_announces_each_field_once_at_its_end(session: Session) -> None:
    seen = record(session)
    with session.batch():
        session.move_cursor("2020")
        session.move_cursor("2021")
        session.set(hover="E001")
        assert seen == []
    assert seen == [frozenset({"cursor", "hover"})]


def test_a_field_changed_and_changed_back_in_a_batch_announces_nothing(session: Session) -> None:
    seen = record(session)
    before = session.cursor
    with session.batch():
        session.move_cursor("2020")
        session.move_cursor(before)
    assert seen == []


def test_opening_a_dataset_announces_each_field_once(session: Session, alliance: Dataset) -> None:
    session.move_cursor("2020")
    session.select_event("E001")
    seen = record(session)
    session.open(alliance)
    assert len(seen) == 1 and {"dataset", "cursor", "selection"} <= seen[0]
    assert session.selection.empty


def test_selecting_an_event_moves_the_cursor_in_the_same_announcement(session: Session) -> None:
    seen = record(session)
    session.select_event("E001")
    assert seen == [frozenset({"selection", "cursor"})]


def test_an_unknown_field_is_an_error(session: Session) -> None:
    with pytest.raises(AttributeError, match="zoom"):
        session.set(zoom=2)


def test_the_view_choices_round_trip_through_a_dict() -> None:
    view = ViewChoices(group_by="category", collapsed=frozenset({"nissan"}), hide_unmatched=True, graph_mode="diff",
                       compare=(pd.Timestamp("2019-01-01", tz="UTC"), pd.Timestamp("2023-11-09", tz="UTC")),
                       hidden_kinds=frozenset({"leadership"}), people=True,
                       node_positions=(("renault", 0.25, 0.5),), speed="year", theme="dark")
    assert ViewChoices.from_dict(view.to_dict()) == view


@pytest.mark.parametrize("mode", ["cursor", "diff", "window"])
def test_every_graph_mode_is_remembered(mode: str) -> None:
    assert ViewChoices.from_dict(ViewChoices(graph_mode=mode).to_dict()).graph_mode == mode


def test_unreadable_saved_choices_keep_their_defaults() -> None:
    view = ViewChoices.from_dict({"group_by": "colour", "collapsed": "nissan", "compare": ["x", "y"], "people": "yes",
                                  "node_positions": {"a": ["nan", 1], "b": [float("inf"), 0]}, "theme": 3})
    assert view == ViewChoices()


def test_the_whole_session_round_trips_through_a_dict(session: Session, alliance: Dataset) -> None:
    session.set(window=TimeWindow(1.5e9, 1.6e9))
    session.move_cursor("2021-03-04")
    session.set_view(group_by="none", theme="light", hidden_kinds=frozenset({"partnership"}))
    again = Session.from_dict(alliance, session.to_dict())
    assert (again.window, again.cursor, again.view) == (session.window, session.cursor, session.view)


def test_lanes_by_an_attribute_the_next_dataset_lacks_become_lanes_by_actor_in_one_announcement(
        session: Session, alliance: Dataset) -> None:
    session.set_view(group_by="attr:State")  # a saved choice: the bundled dataset has no such column
    assert session.view.group_by == "actor"
    with_state = alliance.events.assign(**{"attr:State": "IL"})
    session.open(Dataset(with_state, alliance.entities, alliance.relations, alliance.meta))
    session.set_view(group_by="attr:State")
    assert session.view.group_by == "attr:State"
    heard: list[frozenset[str]] = []
    session.subscribe(heard.append)
    session.open(alliance)
    assert session.view.group_by == "actor" and heard == [heard[0]] and {"dataset", "view"} <= heard[0]


def _actorless(alliance: Dataset, categories: list[str]) -> Dataset:
    events = alliance.events.assign(actors="", category=[categories[i % len(categories)]
                                                         for i in range(len(alliance.events))])
    return Dataset(events, alliance.entities.iloc[:0], alliance.relations.iloc[:0], alliance.meta)


def test_a_dataset_whose_events_name_no_actor_opens_in_lanes_by_category_then_the_next_by_actor(
        session: Session, alliance: Dataset) -> None:
    heard = record(session)
    session.open(_actorless(alliance, ["theft", "arson", "fraud"]))
    assert session.view.group_by == "category" and heard == [heard[0]] and {"dataset", "view"} <= heard[0]
    session.open(_actorless(alliance, ["theft"]))  # one category: one lane, not one "Other" lane
    assert session.view.group_by == "none"
    session.open(alliance)
    assert session.view.group_by == "actor"


def test_lanes_the_user_chose_are_kept_and_a_saved_view_is_applied_as_saved(session: Session,
                                                                            alliance: Dataset) -> None:
    session.open(_actorless(alliance, ["theft", "arson"]))
    session.set_view(group_by="actor")  # chosen by hand on the actorless dataset: one "Other" lane, as asked
    assert session.view.group_by == "actor"
    session.set_view(group_by="none")
    session.open(alliance)
    assert session.view.group_by == "none"  # the user's choice, not the dataset's
    session.open(_actorless(alliance, ["theft", "arson"]))
    assert session.view.group_by == "none"
    session.open(alliance, ViewChoices(group_by="category"))
    session.open(_actorless(alliance, ["theft", "arson"]), ViewChoices(group_by="actor"))
    assert session.view.group_by == "category"  # a saved "actor" is the default saved: fitted as a fresh one
    session.open(alliance, ViewChoices(group_by="category"))
    assert session.view.group_by == "category"  # its saved view, not the fit undone


def test_a_session_made_on_an_actorless_dataset_starts_in_lanes_by_category(alliance: Dataset) -> None:
    assert Session(_actorless(alliance, ["theft", "arson"])).view.group_by == "category"
