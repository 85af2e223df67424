"""Extra columns are typed attributes: searched, filtered, offered as lanes, listed for Details."""

import numpy as np
import pandas as pd

from viewer.model import attributes, lane_packing
from viewer.model.dataset import Tables, build_dataset
from viewer.model.filters import Filters


def dataset() -> object:
    raw = pd.DataFrame({"start": ["2020-01-01", "2020-02-01", "2020-03-01", "2020-04-01"],
                        "title": ["a", "b", "c", "d"],
                        "State": ["IL", "IL", "AZ", "IL"], "City": ["Chicago", "Evanston", "Phoenix", "Peoria"],
                        "Cert": ["101", "102", "103", "104"], "Zip": ["01234", "60601", "85001", "61602"],
                        "Opened": ["1990-05-01", "1991-06-01", "", "1993-08-01"]})
    return build_dataset(Tables(raw))


def test_extra_columns_become_attributes_typed_from_their_values() -> None:
    ds = dataset()
    types = {a.name: a.type for a in ds.attributes}  # type: ignore[attr-defined]
    assert types == {"State": "category", "City": "text", "Cert": "number", "Zip": "text", "Opened": "date"}
    events = ds.events  # type: ignore[attr-defined]
    assert isinstance(events["attr:State"].dtype, pd.CategoricalDtype)
    assert events["attr:Cert"].dtype == "float64"
    assert events["attr:Zip"].tolist()[0] == "01234"  # a leading zero keeps it text


def test_details_list_an_events_attributes_as_names_and_formatted_values() -> None:
    events = dataset().events  # type: ignore[attr-defined]
    assert attributes.items(events, 0) == [("State", "IL"), ("City", "Chicago"), ("Cert", "101"),
                                           ("Zip", "01234"), ("Opened", "1990-05-01")]
    assert ("Opened", "") not in attributes.items(events, 2)


def test_search_matches_attribute_values() -> None:
    ds = dataset()
    assert ds.events_between(text="chicago")["title"].tolist() == ["a"]  # type: ignore[attr-defined]
    assert ds.events_between(text="103")["title"].tolist() == ["c"]  # type: ignore[attr-defined]


def test_filters_keep_events_with_a_chosen_attribute_value() -> None:
    events = dataset().events  # type: ignore[attr-defined]
    filters = Filters().with_attribute("State", {"AZ"})
    assert filters.active and events[filters.mask(events)]["title"].tolist() == ["c"]
    assert not filters.with_attribute("State", set()).active
    assert attributes.distinct_values(events, "State") == [("IL", 3), ("AZ", 1)]


def test_lanes_by_a_categorical_attribute_put_the_busiest_value_first() -> None:
    events = dataset().events  # type: ignore[attr-defined]
    lanes = lane_packing.lane_rows(events, (), {}, group_by="attr:State")
    assert lanes.labels == ("IL", "AZ")
    assert ("attr:State", "State") in lane_packing.lane_choices(events)


def test_an_attribute_type_can_be_overridden() -> None:
    raw = pd.DataFrame({"start": ["2020", "2021"], "Cert": ["101", "102"]})
    ds = build_dataset(Tables(raw, attribute_types={"events": {"Cert": "category"}}))
    assert [a.type for a in ds.attributes] == ["category"]


def test_a_wide_tables_columns_typed_on_several_threads_are_typed_as_on_one(monkeypatch) -> None:
    """Sixty columns of every kind, 4,000 rows: over the cells from which they share threads, and the same
    columns, in the same order, as typed one after another."""
    rng = np.random.default_rng(3)
    rows = 4_000
    kinds = [lambda: rng.normal(size=rows).round(2).astype(str), lambda: rng.choice(["a", "b", "c"], rows),
             lambda: np.array([f"note {x}" for x in rng.integers(0, 10**6, rows)]),
             lambda: (pd.Timestamp("2020-01-01") + pd.to_timedelta(rng.integers(0, 10**6, rows), unit="min"))
             .strftime("%Y-%m-%d %H:%M").to_numpy(), lambda: np.char.zfill(rng.integers(0, 999, rows).astype(str), 5)]
    raw = pd.DataFrame({f"c{i}": kinds[i % len(kinds)]() for i in range(60)})
    assert raw.size >= attributes.SHARED_FROM_CELLS
    shared = attributes.build(raw, list(raw.columns))
    monkeypatch.setattr(attributes, "SHARED_FROM_CELLS", 10**12)
    alone = attributes.build(raw, list(raw.columns))
    pd.testing.assert_frame_equal(shared, alone)
    assert [a.type for a in attributes.attributes(shared)][:5] == ["number", "category", "text", "date", "text"]
