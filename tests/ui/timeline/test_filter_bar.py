"""The filter bar builds Filters for the shared state and follows it; the timeline fades what does not match."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

pytest.importorskip("pytestqt")

import viewer
from viewer.model.columns import entity_names
from viewer.model.dataset import Tables, build_dataset
from viewer.model.filters import Filters
from viewer.ui.shared.check_menu import CheckMenuButton
from viewer.ui.shared.state import ViewState
from viewer.ui.timeline.filter_bar import FilterBar

from ..window_reading import pick


@pytest.fixture
def bar(qtbot: object) -> FilterBar:
    widget = FilterBar(ViewState(viewer.load()))
    qtbot.addWidget(widget)  # type: ignore[attr-defined]
    widget.show()
    return widget


def check(button: CheckMenuButton, value: str) -> None:
    pick(button, value)


def test_typing_in_the_search_box_filters_once_typing_pauses(qtbot, bar: FilterBar) -> None:
    qtbot.keyClicks(bar.search, "Beirut")
    qtbot.waitUntil(lambda: bar.state.filters.text == "Beirut", timeout=2000)
    assert bar.clear_button.isEnabled()


def test_enter_applies_the_search_at_once(qtbot, bar: FilterBar) -> None:
    bar.search.setText("de meo")
    qtbot.keyClick(bar.search, Qt.Key.Key_Return)
    assert bar.state.filters.text == "de meo"


def test_checking_an_actor_filters_by_it(bar: FilterBar) -> None:
    check(bar.actors, "geely")
    assert bar.state.filters.actors == frozenset({"geely"})
    assert bar.actors.text() == "Actors (1)"


def test_the_actor_list_is_searchable_and_names_each_entity_with_its_count(bar: FilterBar) -> None:
    texts = [text for _value, text in bar.actors.offered()]
    assert texts[0].startswith("Renault Group") or texts[0].startswith("Nissan")
    bar.actors.search.setText("geel")
    shown = bar.actors.visible_texts()
    assert shown and all("Geely" in text for text in shown)


def test_checking_a_category_filters_by_it(bar: FilterBar) -> None:
    check(bar.categories, "legal")
    assert bar.state.filters.categories == frozenset({"legal"})


def test_a_dataset_without_tags_disables_the_tag_picker(bar: FilterBar) -> None:
    assert not bar.tags.isEnabled()


def test_tags_are_offered_and_filter_when_the_dataset_has_them(qtbot) -> None:
    ds = viewer.load()
    ds.events = ds.events.assign(tags=["ongoing" if i % 2 else "" for i in range(len(ds.events))])
    widget = FilterBar(ViewState(ds))
    qtbot.addWidget(widget)
    assert widget.tags.isEnabled()
    check(widget.tags, "ongoing")
    assert widget.state.filters.tags == frozenset({"ongoing"})


def test_partial_dates_are_accepted_and_bad_ones_flagged(qtbot, bar: FilterBar) -> None:
    bar.start.setText("2019-12")
    qtbot.keyClick(bar.start, Qt.Key.Key_Return)
    assert bar.state.filters.start == "2019-12"
    assert not bar.start.property("invalid")
    bar.end.setText("2020-13")
    qtbot.keyClick(bar.end, Qt.Key.Key_Return)
    assert bar.end.property("invalid")
    assert "Not a date" in bar.end.toolTip()
    assert bar.state.filters.end is None
    bar.end.setText("2019-06")
    qtbot.keyClick(bar.end, Qt.Key.Key_Return)
    assert bar.end.property("invalid")  # before "from"
    assert "before" in bar.end.toolTip()
    bar.end.setText("2020")
    qtbot.keyClick(bar.end, Qt.Key.Key_Return)
    assert bar.state.filters == Filters(start="2019-12", end="2020")


def test_clear_removes_every_filter(bar: FilterBar) -> None:
    bar.state.set_filters(Filters(text="x", actors=frozenset({"geely"}), start="2019"))
    bar.clear_button.click()
    assert bar.state.filters == Filters()
    assert bar.search.text() == "" and bar.start.text() == "" and bar.actors.checked() == frozenset()


def test_the_bar_shows_filters_set_elsewhere(bar: FilterBar) -> None:
    bar.state.set_filters(Filters(text="Ghosn", categories=frozenset({"legal"}), end="2020-06"))
    assert bar.search.text() == "Ghosn"
    assert bar.categories.checked() == frozenset({"legal"})
    assert bar.end.text() == "2020-06"


def test_a_new_dataset_empties_the_bar(bar: FilterBar) -> None:
    check(bar.actors, "geely")
    bar.state.set_dataset(viewer.load())
    assert bar.actors.checked() == frozenset()
    assert bar.state.filters == Filters()


def test_the_date_boxes_hint_at_the_datasets_own_range(qtbot, bar: FilterBar) -> None:
    import pandas as pd

    from viewer.model.dataset import Tables, build_dataset
    events = pd.DataFrame({"start": ["2003-05-17", "2011-02-01"], "end": ["", "2014-06-30"], "title": ["a", "b"]})
    bar.state.set_dataset(build_dataset(Tables(events)))
    assert (bar.start.placeholderText(), bar.end.placeholderText()) == ("2003-05", "2014")
    qtbot.keyClicks(bar.start, "2010")
    qtbot.keyClick(bar.start, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bar.state.filters.start == "2010", timeout=2000)
    bar.state.set_dataset(build_dataset(Tables(events.iloc[:0])))
    assert (bar.start.placeholderText(), bar.end.placeholderText()) == ("2019-12", "2023")


def test_thirty_thousand_categories_are_offered_searched_and_picked_by_hand(qtbot) -> None:
    ds = viewer.load()
    count = 30_000
    events = ds.events.iloc[np.arange(count) % len(ds.events)].reset_index(drop=True)
    events = events.assign(id=[f"e{i}" for i in range(count)], category=[f"site_{i:05d}" for i in range(count)])
    widget = FilterBar(ViewState(build_dataset(Tables(events), ds.meta)))
    qtbot.addWidget(widget)
    widget.show()
    picker = widget.categories
    assert len(picker.offered()) == count
    qtbot.keyClicks(picker.search, "site 2999")  # the labels read "Site 29990  (1)" …
    assert picker.visible_texts() == [f"Site {i}  (1)" for i in range(29990, 30000)]
    pick(picker, "site_29994")
    assert widget.state.filters.categories == frozenset({"site_29994"})
    assert picker.text() == "Categories (1)"
    qtbot.keyClicks(picker.search, "x")  # nothing left to show: the pick stays
    assert picker.visible_texts() == [] and picker.checked() == frozenset({"site_29994"})


def test_the_date_boxes_take_what_the_command_line_takes(qtbot, window) -> None:
    """A quarter and an ISO week, typed as a user types them, select what `entente events --from "Q1 2019" --to
    2019-W20` and the API select: the boxes refused them, framed in red, while --from took them."""
    bar = window.tools.filter_bar
    for box, text in ((bar.start, "Q1 2019"), (bar.end, "2019-W20")):
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
        box.selectAll()
        qtbot.keyClicks(box, text)
        qtbot.keyClick(box, Qt.Key.Key_Return)
    assert not bar.start.property("invalid") and not bar.end.property("invalid")
    ds = window.state.dataset
    shown = ds.events["id"][window.state.filters.mask(ds.events, entity_names(ds.entities))].tolist()
    assert shown == ds.events_between("Q1 2019", "2019-W20")["id"].tolist() and shown
    assert window.state.filters.bounds()[1].label() == "19 May 2019"
