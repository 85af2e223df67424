"""vis-timeline item JSON: items with HTML content, ISO or millisecond dates, types and groups."""

import contextlib
import json
import tempfile
from functools import cache
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import viewer
from viewer.io import vis_timeline
from viewer.model.problems import LoadError

FIXTURES = Path(__file__).parent / "fixtures"


@cache
def _items():
    return vis_timeline.read(FIXTURES / "vis_items.json")


def test_item_content_is_html_turned_into_a_plain_title() -> None:
    assert _items().events.set_index("id").loc["1", "title"] == "Bold & plain"


def test_ids_may_be_numbers_strings_or_missing() -> None:
    ids = set(_items().events["id"])
    assert {"1", "two", "item-3", "4"} <= ids


def test_milliseconds_since_1970_are_read_as_utc_times() -> None:
    item = _items().events.set_index("id").loc["item-3"]
    assert item["start"] == pd.Timestamp(1397955600000, unit="ms", tz="UTC") and item["precision"] == "time"


def test_offsets_are_converted_to_utc() -> None:
    item = _items().events.set_index("id").loc["4"]
    assert item["end"] == pd.Timestamp("2014-04-21 10:30", tz="UTC")


def test_a_date_only_end_is_the_midnight_the_item_stops() -> None:
    item = _items().events.set_index("id").loc["two"]
    assert item["end"] == pd.Timestamp("2014-04-18", tz="UTC")
    assert item["span_end"] == pd.Timestamp("2014-04-19", tz="UTC")


def test_background_items_get_the_background_category() -> None:
    item = _items().events.set_index("id").loc["5"]
    assert item["category"] == "background" and item["tags"] == "background"


def test_bad_items_are_reported_at_their_position_and_skipped() -> None:
    ds = _items()
    errors = {p.row for p in ds.problems if p.level == "error"}
    assert {7, 8, 9} <= errors and len(ds.events) == 7
    assert any(p.row == 6 and p.field == "type" and p.level == "warning" for p in ds.problems)


def test_the_title_attribute_becomes_the_description() -> None:
    assert _items().events.set_index("id").loc["6", "description"] == "Tooltip"


def test_groups_become_entities_named_by_their_content() -> None:
    ds = vis_timeline.read(FIXTURES / "vis_groups.json")
    names = ds.entities.set_index("id")["name"]
    assert names["0"] == "First" and names["b"] == "Second"
    assert ds.events.set_index("id").loc["1", "actors"] == "b"
    assert any("9" in p.message and p.field == "actors" for p in ds.problems)
    assert any(p.field == "groups" and p.row == 3 for p in ds.problems)


def test_the_sniffer_accepts_item_lists_and_item_objects_only() -> None:
    for name in ("vis_items.json", "vis_groups.json"):
        assert vis_timeline.looks_like(json.loads((FIXTURES / name).read_text()))
    assert not vis_timeline.looks_like({"title": "x", "events": [], "items": []})
    assert not vis_timeline.looks_like([{"id": 1}])
    assert not vis_timeline.looks_like([])


@pytest.mark.parametrize("content", ["", "{broken", '{"no": "items"}'])
def test_files_without_items_are_refused_naming_the_file(tmp_path: Path, content: str) -> None:
    path = tmp_path / "vis.json"
    path.write_text(content)
    with pytest.raises(LoadError, match=str(path)):
        vis_timeline.read(path)


_VALUE = st.one_of(st.none(), st.integers(-10**17, 10**17), st.floats(), st.text(max_size=25), st.booleans(),
                   st.lists(st.integers(), max_size=2))
_ITEM = st.one_of(_VALUE, st.fixed_dictionaries({"start": _VALUE}, optional={
    "id": _VALUE, "content": _VALUE, "end": _VALUE, "type": _VALUE, "group": _VALUE, "title": _VALUE}))


@settings(max_examples=30, deadline=None)
@given(items=st.lists(_ITEM, max_size=6), groups=st.one_of(_VALUE, st.lists(st.dictionaries(
    st.sampled_from(["id", "content"]), _VALUE), max_size=3)))
def test_any_item_content_gives_a_dataset_or_a_load_error_never_a_crash(items: list[object], groups: object) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.json"
        path.write_text(json.dumps({"items": items, "groups": groups}))
        with contextlib.suppress(LoadError):
            vis_timeline.read(path)


def test_an_item_without_a_start_among_many_is_reported_and_the_rest_read_as_vis_items(tmp_path: Path) -> None:
    """Before, one item without a start made the file a generic list of records: no item's content was a title."""
    items = [{"id": i, "content": f"<b>Item {i}</b>", "start": f"2019-03-{i + 1:02d}", "group": "g"} for i in range(9)]
    items.insert(4, {"id": "lost", "content": "Never started", "group": "g"})
    path = tmp_path / "items.json"
    path.write_text(json.dumps(items), encoding="utf-8")
    ds = viewer.load(path)
    assert ds.events["title"].tolist() == [f"Item {i}" for i in range(9)]
    assert [(p.row, p.field) for p in ds.problems] == [(5, "start")]
