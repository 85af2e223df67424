"""The filter pickers' lists are made when a user first opens one, not while the window opens (ranking a register's
99,000 officers by name took 0.4 s of its first window): what they offer is what they offered when made at once,
a value checked elsewhere meanwhile is checked in them, and a pick by hand filters."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from viewer.model import navigation
from viewer.model.columns import entity_names
from viewer.model.dataset import DatasetMeta, Tables, build_dataset
from viewer.model.filters import Filters
from viewer.ui.shared.state import ViewState
from viewer.ui.shell.main_window import MainWindow
from viewer.ui.timeline.filter_bar import FACETS, _labelled

from ..window_reading import pick


def _register(people: int = 3_000) -> ViewState:
    """Companies and the people who sit on their boards: many names, several per event, tags of their own."""
    rng = np.random.default_rng(3)
    n = 4_000
    first, second = rng.integers(0, people, n), rng.integers(0, people, n)
    events = pd.DataFrame({"id": [f"e{i}" for i in range(n)], "title": [f"Board seat {i}" for i in range(n)],
                           "start": (pd.Timestamp("2010-01-01") + pd.to_timedelta(rng.integers(0, 3650, n), unit="D"))
                           .strftime("%Y-%m-%d"),
                           "actors": [f"p{a};p{b}" for a, b in zip(first.tolist(), second.tolist(), strict=True)],
                           "category": rng.choice(["appointed", "resigned", "Unit 2", "Unit 10"], n),
                           "tags": rng.choice(["", "bvi;panama", "panama", " ; "], n)})
    entities = pd.DataFrame({"id": [f"p{k}" for k in range(people)], "name": [f"Officer {k}" for k in range(people)],
                             "kind": "person"})
    return ViewState(build_dataset(Tables(events, entities), DatasetMeta()))


def _at_once(window: MainWindow) -> dict[str, list[tuple[str, str]]]:
    """What each picker offered when its list was made with the window (the code before)."""
    ds = window.state.dataset
    names = entity_names(ds.entities)
    out = {}
    for field in FACETS:
        entries = _labelled(field, navigation.facet_counts(ds.events[field]), names)
        out[field] = [(value, f"{label}  ({count:,})") for value, label, count in entries]
    return out


def test_the_lists_wait_for_a_click_and_offer_what_they_offered(qtbot: QtBot,
                                                                  make_window: Callable[..., MainWindow]) -> None:
    window = make_window(_register())
    bar = window.tools.filter_bar
    pickers = {"actors": bar.actors, "category": bar.categories, "tags": bar.tags}
    assert all(picker.model.rowCount() == 0 for picker in pickers.values()), "nothing made with the window"
    assert all(picker.isEnabled() for picker in pickers.values())
    pick(bar.actors, "p17")  # a click opens the list: made then
    assert window.state.filters.actors == frozenset({"p17"})
    assert bar.actors.text() == "Actors (1)"
    expected = _at_once(window)
    for field, picker in pickers.items():
        assert picker.offered() == expected[field], field
    assert [value for value, _text in bar.tags.offered()] == ["panama", "bvi"]  # " ; " and "" name no tag


def test_a_value_checked_elsewhere_before_the_list_is_made_is_checked_in_it(
        qtbot: QtBot, make_window: Callable[..., MainWindow]) -> None:
    window = make_window(_register())
    bar = window.tools.filter_bar
    window.state.set_filters(Filters(actors=frozenset({"p5", "p9"})))
    assert bar.actors.model.rowCount() == 0 and bar.actors.text() == "Actors (2)"
    pick(bar.actors, "p9")  # unchecks it
    assert window.state.filters.actors == frozenset({"p5"})
    assert bar.actors.checked() == frozenset({"p5"})


def test_a_column_of_no_values_leaves_its_picker_disabled(qtbot: QtBot, window: MainWindow) -> None:
    bar = window.tools.filter_bar  # the alliance: actors and categories, no tags
    assert bar.actors.isEnabled() and bar.categories.isEnabled()
    assert not bar.tags.isEnabled() and bar.tags.toolTip() == "This dataset has no tags"
    QTest.mouseClick(bar.tags, Qt.MouseButton.LeftButton)  # a disabled button opens nothing
    assert bar.tags.offered() == []
