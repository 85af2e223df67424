"""Filters are values: the same predicate for the timeline, the overview, the graph and the CLI."""

from viewer.model.dataset import Dataset
from viewer.model.filters import Filters, involved_entities


def ids(ds: Dataset, filters: Filters) -> set[str]:
    return set(ds.events[filters.mask(ds.events)]["id"])


def test_an_empty_filter_matches_everything(alliance: Dataset) -> None:
    assert not Filters().active
    assert Filters().mask(alliance.events).all()


def test_text_matches_titles_descriptions_and_actor_names(alliance: Dataset) -> None:
    names = dict(zip(alliance.entities["id"], alliance.entities["name"], strict=True))
    assert ids(alliance, Filters(text="beirut")) == {"E029", "E030"}
    assert "E031" in ids(alliance, Filters(text="Luca de Meo"))
    by_name = Filters(text="Agence des participations").mask(alliance.events, names)
    assert by_name.sum() == len(alliance.events_between(actors="french_state"))


def test_actor_category_and_date_filters_combine(alliance: Dataset) -> None:
    found = ids(alliance, Filters(actors=frozenset({"aob"}), categories=frozenset({"strategy"}), start="2020"))
    assert found == {"E032", "E033"}


def test_a_date_range_counts_events_that_match_only_because_they_are_imprecise(alliance: Dataset) -> None:
    filters = Filters(start="2022-12-15", end="2022-12-31")
    matched = filters.mask(alliance.events)
    assert "E051" in set(alliance.events[matched]["id"])
    assert filters.imprecise_count(alliance.events, matched) == 1


def test_involved_entities_are_the_actors_of_matched_events(alliance: Dataset) -> None:
    filters = Filters(text="beirut")
    assert involved_entities(alliance.events, filters.mask(alliance.events)) == {
        "ghosn", "tokyo_prosecutors", "nissan", "renault"}
