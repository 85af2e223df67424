"""The Python API reads its time arguments as the command line does: a number is a year on a dated dataset, a
period (``Q1 2019``) as a table writes it; what it cannot read, or a window ending before it starts, is refused."""

import dataclasses
import math

import pandas as pd
import pytest

from viewer.model import clock, instants
from viewer.model.dataset import Dataset, Tables, build_dataset


def test_a_whole_number_is_a_year_on_a_dated_dataset(alliance: Dataset) -> None:
    assert len(alliance.relations_at(2019)) == len(alliance.relations_at("2019")) > 3
    assert list(alliance.events_between(2017, 2017)["id"]) == list(alliance.events_between("2017", "2017")["id"])
    assert len(alliance.events_between(2017, 2017))


@pytest.mark.parametrize("when", [None, math.nan, 2019.5, True, "2019-02-30", "nonsense"])
def test_what_is_no_time_is_refused_with_what_was_expected(alliance: Dataset, when: object) -> None:
    with pytest.raises(ValueError, match=r"expected|no 30th day"):
        alliance.relations_at(when)


def test_an_impossible_day_is_said_as_such(alliance: Dataset) -> None:
    with pytest.raises(ValueError, match="February 2019 has no 30th day"):
        alliance.relations_at("2019-02-30")


def test_a_number_is_the_number_on_a_clock_of_numbers() -> None:
    frame = pd.DataFrame({"start": ["1", "5", "2019"], "title": ["a", "b", "c"]})
    ds = build_dataset(Tables(frame), problems=[])
    ds.meta = dataclasses.replace(ds.meta, clock=clock.NUMBER)
    assert instants.needed(2019, ds.meta.clock).start == clock.instant(2019.0)
    with pytest.raises(ValueError):
        ds.relations_at(math.nan)


def test_periods_read_as_tables_write_them(alliance: Dataset) -> None:
    quarter = alliance.events_between("Q1 2019", "Q1 2019")
    assert list(quarter["id"]) == list(alliance.events_between("2019-01", "2019-03")["id"])
    assert instants.needed("2019-W05", alliance.meta.clock).label() == "28 Jan 2019"
    assert str(alliance.when("2019-W05", upper=True)) == "3 Feb 2019"


def test_a_window_that_ends_before_it_starts_is_refused(alliance: Dataset) -> None:
    with pytest.raises(ValueError, match=r"ends .* before it starts"):
        alliance.events_between("2020", "2010")


def test_the_search_finds_actors_by_their_names_as_the_window_does(alliance: Dataset) -> None:
    from viewer.model.columns import entity_names
    from viewer.model.filters import Filters

    found = alliance.events_between(text="Renault Group")
    shown = Filters(text="Renault Group").mask(alliance.events, entity_names(alliance.entities))
    assert len(found) == int(shown.sum()) > 0
