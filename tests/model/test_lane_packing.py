"""Lane assignment, packing, collapse, culling, label text and placement: pure arithmetic, no Qt."""

from __future__ import annotations

import heapq
import itertools
import time

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import viewer
from viewer.model import lane_packing, marks, sub_rows
from viewer.model.dates import parse_dates, span_end

DAY = 86400.0


def make_events(rows: list[tuple[str, str, str]]) -> pd.DataFrame:
    """Events from (id, start, actors) triples, with the columns lane_rows reads."""
    frame = pd.DataFrame(rows, columns=["id", "start", "actors"])
    parsed = parse_dates(frame["start"])
    frame["start"] = parsed.instants
    frame["precision"] = parsed.precisions
    frame["end"] = pd.Series(pd.NaT, index=frame.index, dtype=parsed.instants.dtype)
    frame["category"] = pd.Categorical(["legal"] * len(frame))
    frame["span_start"] = parsed.instants
    frame["span_end"] = span_end(parsed.instants, parsed.precisions)
    return frame.sort_values("start", kind="stable").reset_index(drop=True)


NAMES = {"a": "Alpha Corp.", "b": "Beta (the second)", "c": "Gamma"}


def test_an_event_with_two_principal_actors_appears_in_both_lanes() -> None:
    events = make_events([("E1", "2020-01-01", "a;b;x")])
    lanes = lane_packing.lane_rows(events, ("a", "b"), NAMES)
    assert lanes.keys == ("a", "b")
    assert sorted(lanes.lane.tolist()) == [0, 1]
    assert lanes.event_index.tolist() == [0, 0]


def test_events_without_a_principal_actor_go_to_the_other_lane_which_comes_last() -> None:
    events = make_events([("E1", "2020-01-01", "x"), ("E2", "2020-02-01", "b")])
    lanes = lane_packing.lane_rows(events, ("a", "b"), NAMES)
    assert lanes.labels == ("Beta", lane_packing.OTHER)
    assert lanes.lane[lanes.event_index == 0].tolist() == [1]


def test_lanes_follow_the_principal_order_not_the_actor_order() -> None:
    events = make_events([("E1", "2020-01-01", "c;a")])
    lanes = lane_packing.lane_rows(events, ("a", "b", "c"), NAMES)
    assert lanes.labels == ("Alpha", "Gamma")


def test_overlapping_items_in_a_lane_are_stacked_in_sub_rows() -> None:
    events = make_events([("E1", "2020-01", "a"), ("E2", "2020-01-10", "a"), ("E3", "2020-03-01", "a")])
    lanes = lane_packing.lane_rows(events, ("a",), NAMES)
    rows = dict(zip(lanes.event_index.tolist(), lanes.sub_row.tolist(), strict=True))
    assert rows == {0: 0, 1: 1, 2: 0}


def test_instants_get_the_minimum_width_when_packed() -> None:
    events = make_events([("E1", "2020-01-01", "a"), ("E2", "2020-01-03", "a")])
    assert lane_packing.lane_rows(events, ("a",), NAMES, min_width_seconds=DAY).sub_row.tolist() == [0, 0]
    assert lane_packing.lane_rows(events, ("a",), NAMES, min_width_seconds=5 * DAY).sub_row.tolist() == [0, 1]


def test_packing_takes_the_first_free_row_and_respects_a_row_cap() -> None:
    starts = np.array([0.0, 1.0, 2.0, 3.0, 10.0])
    ends = np.array([5.0, 5.0, 2.5, 4.0, 11.0])
    groups = np.zeros(5, dtype=np.int64)
    assert sub_rows.pack(starts, ends, groups, 0.0).tolist() == [0, 1, 2, 2, 0]
    capped = sub_rows.pack(starts, ends, groups, 0.0, max_rows=2)
    assert capped.max() == 1


def test_a_cap_of_one_row_is_the_walk_capped_at_one_row() -> None:
    """Rows thinner than text cap each lane at one sub-row: every item is on it, as the walk would put it
    (which cost ~20 ms a zoom level at 10,000 events in 50 lanes)."""
    rng = np.random.default_rng(5)
    starts = np.sort(rng.uniform(0, 1e6, 2_000))
    ends = starts + rng.uniform(0, 5e4, 2_000)
    groups = rng.integers(0, 5, 2_000)
    assert not sub_rows.pack(starts, ends, groups, 1e3, max_rows=1).any()
    two = sub_rows.pack(starts, ends, groups, 1e3, max_rows=2)
    assert two.max() == 1 and set(np.unique(two).tolist()) == {0, 1}  # a cap of two still walks


def test_packing_a_hundred_thousand_events_keeps_to_the_cap() -> None:
    rng = np.random.default_rng(1)
    starts = np.sort(rng.uniform(0, 1e9, 100_000))
    groups = rng.integers(0, 8, 100_000)
    rows = sub_rows.pack(starts, starts, groups, 1e4, max_rows=8)
    assert rows.max() <= 7


def test_grouping_by_category_or_none_gives_category_lanes_or_one_lane() -> None:
    ds = viewer.load()
    by_category = lane_packing.lane_rows(ds.events, ds.meta.principal, {}, group_by="category")
    assert "Legal" in by_category.labels
    assert len(by_category) == len(ds.events)
    assert lane_packing.lane_rows(ds.events, (), {}, group_by="none").labels == ("Events",)
    with pytest.raises(ValueError, match="group_by"):
        lane_packing.lane_rows(ds.events, (), {}, group_by="colour")


def test_short_names_drop_brackets_and_company_suffixes() -> None:
    assert lane_packing.short_name("Renault Group (Renault SA)") == "Renault Group"
    assert lane_packing.short_name("Nissan Motor Co., Ltd.") == "Nissan Motor"
    assert lane_packing.short_name("Horse / HORSE Powertrain Ltd") == "Horse"


def test_visible_indices_include_a_long_range_that_started_before_the_window() -> None:
    starts = np.array([0.0, 50.0, 100.0, 200.0])
    ends = np.array([150.0, 60.0, 100.0, 210.0])
    assert marks.visible_indices(starts, ends, 120.0, 180.0).tolist() == [0]
    assert marks.visible_indices(starts, ends, 55.0, 100.0).tolist() == [0, 1, 2]


def test_labels_never_overlap_within_a_row_and_priority_wins() -> None:
    x = np.array([0.0, 10.0, 100.0, 5.0])
    widths = np.array([50.0, 50.0, 20.0, 50.0])
    rows = np.array([0, 0, 0, 1])
    assert marks.place_labels(x, widths, rows).tolist() == [True, False, True, True]
    priority = np.array([0, 1, 0, 0])
    assert marks.place_labels(x, widths, rows, priority).tolist() == [False, True, True, True]


def test_room_to_next_measures_the_gap_to_the_next_mark_on_the_same_row() -> None:
    room = marks.room_to_next(np.array([10.0, 0.0, 5.0]), np.array([0, 0, 1]))
    assert room.tolist() == [np.inf, 10.0, np.inf]


def test_hit_test_finds_the_nearest_mark_within_a_few_pixels() -> None:
    x0 = np.array([100.0, 200.0, 300.0])
    x1 = np.array([100.0, 260.0, 300.0])
    y = np.array([50.0, 50.0, 80.0])
    assert marks.hit_test(103, 51, x0, x1, y) == 0
    assert marks.hit_test(240, 50, x0, x1, y) == 1
    assert marks.hit_test(150, 50, x0, x1, y) == -1


def test_density_counts_items_per_lane_and_bin() -> None:
    counts = marks.density(np.array([0.0, 1.0, 9.0, 20.0]), np.array([0, 0, 1, 1]), 2, 0.0, 10.0, 2)
    assert counts.tolist() == [[2, 0], [0, 1]]


def test_event_kinds_tell_instants_ranges_and_coarse_dates_apart() -> None:
    ds = viewer.load()
    kinds = dict(zip(ds.events["id"], lane_packing.event_kinds(ds.events).tolist(), strict=True))
    assert kinds["E011"] == lane_packing.INSTANT
    assert kinds["E017"] == lane_packing.RANGE
    assert kinds["E036"] == lane_packing.COARSE


def test_the_row_cap_shrinks_until_the_lanes_fit_the_height() -> None:
    assert lane_packing.rows_cap(np.array([5, 1, 1]), budget=20, lane_padding=0.5) == 8
    assert lane_packing.rows_cap(np.array([5, 3, 1]), budget=7, lane_padding=0.5) == 2
    assert lane_packing.rows_cap(np.array([5, 3, 1]), budget=1, lane_padding=0.5) == 1


def test_rows_needed_matches_what_packing_uses() -> None:
    rng = np.random.default_rng(7)
    starts = np.sort(rng.uniform(0, 1000, 500))
    ends = starts + rng.exponential(5, 500)
    groups = rng.integers(0, 3, 500)
    rows = sub_rows.pack(starts, ends, groups, 3.0)
    needed = sub_rows.rows_needed(starts, ends, groups, 3, 3.0)
    assert needed.tolist() == [int(rows[groups == g].max()) + 1 for g in range(3)]


def _geometry(lanes: lane_packing.Lanes, padding: float, collapsed: np.ndarray | None = None,
              collapsed_height: float = 0.7) -> tuple[np.ndarray, np.ndarray]:
    """The lanes' tops and every pair's row centre."""
    tops = lane_packing.lane_tops(lanes, padding, collapsed, collapsed_height)
    return tops, lane_packing.RowCentres(lanes, tops, padding, collapsed, collapsed_height)[np.arange(len(lanes))]


def test_lane_geometry_stacks_lanes_by_their_sub_rows_with_padding() -> None:
    events = make_events([("E1", "2020-01", "a"), ("E2", "2020-01-10", "a"), ("E3", "2020-03-01", "b")])
    lanes = lane_packing.lane_rows(events, ("a", "b"), NAMES)
    tops, y = _geometry(lanes, padding=0.25)
    assert tops.tolist() == [0.0, 2.5, 4.0]
    assert sorted(y.tolist()) == [0.75, 1.75, 3.25]


def test_the_view_may_pan_a_little_past_the_data_and_always_over_the_window() -> None:
    lo, hi = lane_packing.x_limits(0.0, 1000 * DAY, (-5000 * DAY, 10.0))
    assert (lo, hi) == (-5000 * DAY, 1050 * DAY)


def test_a_collapsed_lane_is_one_thin_row_holding_all_its_marks() -> None:
    events = make_events([("E1", "2020-01", "a"), ("E2", "2020-01-10", "a"), ("E3", "2020-03-01", "b")])
    lanes = lane_packing.lane_rows(events, ("a", "b"), NAMES)
    tops, y = _geometry(lanes, padding=0.25, collapsed=np.array([True, False]), collapsed_height=0.5)
    assert tops.tolist() == [0.0, 0.5, 2.0]
    in_a = lanes.lane == 0
    assert y[in_a].tolist() == [0.25, 0.25]
    assert y[~in_a].tolist() == [1.25]


def test_a_dataset_without_principal_entities_gets_lanes_for_its_busiest_actors() -> None:
    events = make_events([("E1", "2020-01-01", "c"), ("E2", "2020-01-02", "c;b"), ("E3", "2020-01-03", "b;c"),
                          ("E4", "2020-01-04", "a")])
    assert lane_packing.busiest_actors(events, 2) == ["c", "b"]
    lanes = lane_packing.lane_rows(events, (), NAMES, max_lanes=2)
    assert lanes.labels == ("Gamma", "Beta", lane_packing.OTHER)


def test_category_lanes_come_busiest_first() -> None:
    events = make_events([("E1", "2020-01-01", "a"), ("E2", "2020-01-02", "a"), ("E3", "2020-01-03", "a")])
    events["category"] = pd.Categorical(["legal", "capital", "capital"])
    assert lane_packing.lane_rows(events, (), {}, group_by="category").labels == ("Capital", "Legal")


def test_lanes_of_like_counts_come_as_a_person_orders_names() -> None:
    """Three hundred authors of as many commits each had lanes "Dev 0, Dev 1, Dev 10, Dev 100 …" (ties as text)."""
    names = [f"Dev {i}" for i in range(120)]
    events = make_events([(f"E{i}", "2020-01-01", name) for i, name in enumerate(names)])
    assert lane_packing.busiest_actors(events, 4) == ["Dev 0", "Dev 1", "Dev 2", "Dev 3"]
    events["category"] = pd.Categorical([f"Unit {i % 12}" for i in range(120)])
    labels = lane_packing.lane_rows(events, (), {}, group_by="category").labels
    assert labels[:4] == ("Unit 0", "Unit 1", "Unit 2", "Unit 3") and labels[-2:] == ("Unit 10", "Unit 11")


def test_the_interval_index_finds_what_one_global_maximum_would_find() -> None:
    rng = np.random.default_rng(3)
    starts = np.sort(rng.uniform(0, 1e6, 5000))
    durations = np.where(rng.random(5000) < 0.3, rng.pareto(1.2, 5000) * 100, 0.0)
    ends = starts + durations
    index = marks.IntervalIndex.build(starts, ends)
    for t0, t1 in ((0.0, 10.0), (5e5, 5e5 + 300), (9.9e5, 2e6), (-10.0, -1.0)):
        assert index.overlapping(t0, t1).tolist() == marks.visible_indices(starts, ends, t0, t1).tolist()


def test_the_interval_index_treats_a_missing_end_as_an_instant() -> None:
    index = marks.IntervalIndex.build(np.array([0.0, 10.0]), np.array([np.nan, 20.0]))
    assert index.overlapping(5.0, 15.0).tolist() == [1]
    assert index.overlapping(0.0, 0.0).tolist() == [0]


def test_the_interval_index_culls_a_million_items_with_a_few_decade_long_ranges_quickly() -> None:
    rng = np.random.default_rng(5)
    starts = np.sort(rng.uniform(0, 1e9, 1_000_000))
    ends = starts.copy()
    ends[::100_000] += 3e8  # ten ranges of about ten years
    index = marks.IntervalIndex.build(starts, ends)
    began = time.perf_counter()
    for i in range(20):
        found = index.overlapping(5e8 + i * 1e5, 5e8 + i * 1e5 + 86400.0)
    assert (time.perf_counter() - began) / 20 < 0.005
    assert len(found) < 200


def test_labels_of_month_and_year_dates_say_so_before_the_title() -> None:
    ds = viewer.load()
    texts = dict(zip(ds.events["id"], marks.label_texts(ds.events), strict=True))
    assert texts["E004"].startswith("2005 · Ghosn")
    assert texts["E003"].startswith("Mar–May 2002 · ")
    assert texts["E052"].startswith("Jan 2023 · ")
    assert texts["E011"] == str(ds.events.loc[ds.events["id"] == "E011", "title"].iloc[0])


def test_labels_placed_after_zooming_in_never_overlap_and_keep_the_selected_one() -> None:
    rng = np.random.default_rng(11)
    x = np.sort(rng.uniform(0, 2000, 300))
    rows = rng.integers(0, 5, 300)
    widths = rng.uniform(40, 160, 300)
    priority = np.zeros(300)
    priority[150] = 1
    kept = []
    for zoom in (1.0, 2.0, 8.0):
        keep = marks.place_labels(x * zoom, widths, rows, priority)
        kept.append(int(keep.sum()))
        assert keep[150]
        for row in range(5):
            spans = sorted((x[i] * zoom, x[i] * zoom + widths[i]) for i in np.flatnonzero(keep & (rows == row)))
            assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
    assert kept == sorted(kept) and kept[0] < kept[-1]  # zooming in makes room for more labels


def test_packing_a_part_leaves_the_pairs_outside_it_on_the_first_row() -> None:
    events = make_events([("E1", "2020-01-01", "a"), ("E2", "2020-01-02", "a"), ("E3", "2021-01-01", "a"),
                          ("E4", "2021-01-02", "a")])
    lanes = lane_packing.lane_rows(events, ("a",), NAMES, packed=False)
    chosen = np.array([2, 3])
    part = lane_packing.packed_part(lanes, chosen, np.full(2, 5 * DAY), budget=10, lane_padding=0.5)
    assert part.sub_row.tolist() == [0, 0, 0, 1]
    # the rows it knows per lane are the rows counted over every pair
    counted = lane_packing.Lanes(*(getattr(part, name) for name in ("keys", "labels", "event_index", "lane",
                                                                   "sub_row", "start", "end")))
    assert part.rows is not None and part.rows_per_lane().tolist() == counted.rows_per_lane().tolist() == [2]
    assert lanes.on_one_row().rows_per_lane().tolist() == [1]


@pytest.mark.parametrize("seed", range(5))
def test_row_centres_asked_for_some_pairs_are_those_of_every_pair(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n, k = 2000, 7
    lanes = lane_packing.Lanes(tuple("abcdefg"), tuple("ABCDEFG"), np.arange(n), rng.integers(0, k, n),
                               np.where(rng.random(n) < 0.8, 0, rng.integers(0, 5, n)), np.zeros(n), np.zeros(n))
    collapsed = None if seed % 2 else rng.random(k) < 0.4
    tops = lane_packing.lane_tops(lanes, 0.25, collapsed, 0.5)
    # the centres as they were worked out for every pair at once, before they were asked per pair
    centre = 0.25 + lanes.sub_row + 0.5
    if collapsed is not None and collapsed.any():
        centre = np.where(collapsed[lanes.lane], 0.5 / 2, centre)
    every = tops[lanes.lane] + centre
    centres = lane_packing.RowCentres(lanes, tops, 0.25, collapsed, 0.5)
    some = rng.choice(n, 300)
    assert np.array_equal(centres[some], every[some]) and np.array_equal(centres.tops, tops) and len(centres) == n


def test_pairs_with_tied_starts_are_ordered_by_lane_as_a_full_sort_would() -> None:
    """The pairs come in start order; only tied starts move (in place), into lane order."""
    rng = np.random.default_rng(9)
    count = 400
    days = np.sort(rng.integers(0, 30, count))  # many events share a day
    events = pd.DataFrame({
        "start": pd.to_datetime(days, unit="D", utc=True).astype("datetime64[us, UTC]"),
        "actors": rng.choice(["b;a", "a", "c;b", "c", "a;b;c"], count),
    })
    events["span_start"] = events["start"]
    events["span_end"] = events["start"]
    lanes = lane_packing.lane_rows(events, ["a", "b", "c"], {}, packed=False)
    key = np.lexsort((lanes.lane, lanes.start))
    assert np.all(np.diff(lanes.start) >= 0)
    assert key.tolist() == list(range(len(key)))  # already in (start, lane) order
    for lane in range(3):  # within a lane, events keep their order
        assert np.all(np.diff(lanes.event_index[lanes.lane == lane]) > 0)


def _reference_pack(starts: np.ndarray, ends: np.ndarray, groups: np.ndarray, width: float,
                    max_rows: int | None) -> list[int]:
    """The greedy walk item by item, as pack did before piles went onto one row in one step."""
    stops = np.maximum(np.nan_to_num(ends, nan=-np.inf), starts + width)
    out = [0] * len(starts)
    for group in np.unique(groups).tolist():
        free: list[int] = []
        busy: list[tuple[float, int]] = []
        used = 0
        for i in np.flatnonzero(groups == group)[np.argsort(starts[groups == group], kind="stable")].tolist():
            while busy and busy[0][0] <= starts[i]:
                heapq.heappush(free, heapq.heappop(busy)[1])
            if free:
                row = heapq.heappop(free)
            elif max_rows is None or used < max_rows:
                row, used = used, used + 1
            else:
                end, row = heapq.heappop(busy)
                heapq.heappush(busy, (max(end, float(stops[i])), row))
                out[i] = row
                continue
            heapq.heappush(busy, (float(stops[i]), row))
            out[i] = row
    return out


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 12), st.integers(0, 6), st.integers(0, 1)), min_size=1, max_size=120),
       st.lists(st.tuples(st.integers(0, 12), st.integers(0, 3), st.integers(5, 60)), max_size=3),
       st.sampled_from([None, 2, 3]), st.sampled_from([0.0, 1.0, 2.0]))
def test_packing_rows_are_the_greedy_walks_piles_included(items: list[tuple[int, int, int]],
                                                         piles: list[tuple[int, int, int]], cap: int | None,
                                                         width: float) -> None:
    """Small whole numbers, so starts and ends tie often; piles of many items at one instant, some longer."""
    rows = list(items)
    for at, longest, size in piles:
        rows += [(at, k % (longest + 1), k % 2) for k in range(size)]
    starts = np.array([float(s) for s, _l, _g in rows])
    ends = starts + np.array([float(length) for _s, length, _g in rows])
    groups = np.array([g for _s, _l, g in rows], dtype=np.int64)
    assert sub_rows.pack(starts, ends, groups, width, max_rows=cap).tolist() == \
        _reference_pack(starts, ends, groups, width, cap)


@pytest.mark.parametrize(("actors", "categories", "lanes"), [
    (["", "", "", ""], ["theft", "arson", "theft", "fraud"], "category"),  # a crime log: no one named
    (["", "", "", ""], ["theft"] * 4, "none"),  # and one kind of event: one lane, not one "Other" lane
    (["a", "b;c", "", ""], ["x", "y", "x", "y"], "actor"),  # half named: by actor, as the alliance opens
    (["bob"] + [""] * 19, ["chat"] + ["search", "like"] * 9 + ["like"], "category"),  # one in twenty named
    (["bob"] + [""] * 19, ["chat"] * 20, "actor"),  # and one kind: by actor still, bob beside "Other"
    ([";", " ; ", "", ""], ["x", "y", "x", "y"], "category"),  # lists naming no one
    ([""] * 200, [f"chat {i}" for i in range(100)] * 2, "none"),  # more kinds than lanes: one lane
    # a log of 1,000 users, an event each: a dozen lanes of one event beside "Other" told nothing
    ([f"user{i}" for i in range(1000)], ["login"] * 1000, "none"),
    ([f"user{i}" for i in range(1000)], ["login", "logout"] * 500, "category"),
    ([f"user{i % 20}" for i in range(1000)], ["login"] * 1000, "actor"),  # twenty users: a lane for each busy one
    ([f"user{i}" for i in range(40)], ["login"] * 40, "actor"),  # (a few people, an event each: their lanes)
])
def test_the_lanes_a_dataset_opens_in(actors: list[str], categories: list[str], lanes: str) -> None:
    assert lane_packing.grouping_for(pd.DataFrame({"actors": actors, "category": categories})) == lanes
