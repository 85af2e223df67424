"""Background events leave the lanes and become spans, each shading its actor's lane or every lane."""

from __future__ import annotations

import pandas as pd

from viewer.model.backgrounds import EVERY_LANE, split_backgrounds
from viewer.model.dataset import Tables, build_dataset
from viewer.model.lane_packing import lane_rows

EVENTS = pd.DataFrame({"id": ["kick", "freeze", "holiday", "build"],
                       "start": ["2024-01-05", "2024-01-15", "2024-02-01", "2024-01-08"],
                       "end": [None, "2024-01-22", "2024-02-03", "2024-01-20"],
                       "title": ["Kick-off", "Code freeze", "Holiday", "Build"],
                       "actors": ["a", "", "a", "b"], "category": ["", "background", "", ""],
                       "tags": ["", "", "era", ""]})


def test_spans_leave_the_lanes_and_keep_their_actors_lane() -> None:
    ds = build_dataset(Tables(EVENTS))
    lanes, spans = split_backgrounds(lane_rows(ds.events, (), {}), ds.events, "actor")
    titles = ds.events["title"].to_numpy()
    assert sorted(titles[lanes.event_index].tolist()) == ["Build", "Kick-off"]
    by_title = dict(zip(spans.titles, spans.lane_key, strict=True))
    assert by_title == {"Code freeze": EVERY_LANE, "Holiday": "a"}
    assert spans.lanes_in(lanes.keys).tolist() == [lanes.keys.index("a") if k == "a" else -1
                                                   for k in spans.lane_key]


def test_lanes_by_category_shade_every_lane_and_a_dataset_without_spans_is_untouched() -> None:
    ds = build_dataset(Tables(EVENTS))
    _, spans = split_backgrounds(lane_rows(ds.events, (), {}, group_by="category"), ds.events, "category")
    assert set(spans.lane_key) == {EVERY_LANE} and len(spans) == 2
    plain = build_dataset(Tables(EVENTS.assign(category="", tags="")))
    lanes = lane_rows(plain.events, (), {})
    kept, none = split_backgrounds(lanes, plain.events, "actor")
    assert kept is lanes and not len(none)
