"""Navigation as pure functions: presets, fit, clamp, reveal, playback steps, overview bins, summaries."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from viewer.model import navigation, query
from viewer.model.dataset import Dataset
from viewer.model.filters import Filters
from viewer.model.window import TimeWindow

DAY = 86400.0


def row(ds: Dataset, event_id: str) -> pd.Series:
    return ds.events.loc[ds.events["id"] == event_id].iloc[0]


def test_the_default_preset_is_the_datasets_window_with_its_label_and_dates(alliance: Dataset) -> None:
    default = navigation.presets(alliance)[0]
    assert default.label == "Ghosn arrest → London"
    assert default.tooltip == "2018-11-19 → 2023-02-06"
    assert default.window == navigation.default_window(alliance)
    stated = TimeWindow.between("2018-11-19", "2023-02-06")
    assert default.window.start < stated.start and stated.end < default.window.end


def test_around_selection_is_offered_only_with_a_selected_event(alliance: Dataset) -> None:
    assert [p.key for p in navigation.presets(alliance)] == ["default", "all"]
    keys = [p.key for p in navigation.presets(alliance, row(alliance, "E060"))]
    assert keys == ["default", "all", "around"]


def test_fit_all_holds_every_event_with_a_small_margin(alliance: Dataset) -> None:
    window = navigation.fit_all(alliance)
    first, last = navigation.data_span(alliance) or (0.0, 0.0)
    assert window.start < first and window.end > last
    assert window.span < (last - first) * 1.05


def test_around_an_instant_shows_a_month_either_side(alliance: Dataset) -> None:
    window = navigation.around(row(alliance, "E060"))
    assert window.start_time.date().isoformat() == "2023-01-07"
    assert window.end_time.date().isoformat() == "2023-03-09"


def test_around_a_range_widens_it_by_its_own_length_or_a_month(alliance: Dataset) -> None:
    event = row(alliance, "E017")
    window = navigation.around(event)
    length = (event["span_end"] - event["span_start"]) / pd.Timedelta(seconds=1)
    assert window.span == pytest.approx(length + 2 * max(length, 30 * DAY))


def test_clamp_keeps_the_window_between_an_hour_and_the_data_span_plus_a_margin(alliance: Dataset) -> None:
    tiny = navigation.clamp(TimeWindow(1.6e9, 1.6e9 + 60), alliance)
    assert tiny.span == pytest.approx(3600.0)
    huge = navigation.clamp(TimeWindow(0.0, 4e9), alliance)
    first, last = navigation.data_span(alliance) or (0.0, 0.0)
    assert huge.span <= (last - first) * 1.11


def test_reveal_leaves_a_window_that_already_shows_the_event_alone() -> None:
    window = TimeWindow(0.0, 100.0)
    assert navigation.reveal(window, 50.0) is window


def test_reveal_pans_just_enough_to_show_a_later_or_earlier_event() -> None:
    window = TimeWindow(0.0, 100.0)
    later = navigation.reveal(window, 150.0)
    assert later.span == window.span and later.contains(150.0) and later.end == pytest.approx(155.0)
    earlier = navigation.reveal(window, -50.0)
    assert earlier.contains(-50.0) and earlier.start == pytest.approx(-55.0)


def test_a_second_of_playback_at_a_month_per_second_moves_the_cursor_a_month() -> None:
    start = pd.Timestamp("2020-01-01", tz="UTC")
    moved = navigation.next_cursor(start, "month", ticks=navigation.TICKS_PER_SECOND)
    assert moved.date().isoformat() == "2020-01-31"  # an average month: 30.44 days
    assert navigation.next_cursor(start, "day", ticks=20) == pd.Timestamp("2020-01-02", tz="UTC")


def test_playback_stops_at_the_end_of_the_window() -> None:
    window = TimeWindow.between("2020-01-01", "2020-01-10")
    cursor, done = navigation.play_step(pd.Timestamp("2020-01-09", tz="UTC"), "week", window, ticks=20)
    assert done and cursor == window.end_time
    cursor, done = navigation.play_step(pd.Timestamp("2020-01-01", tz="UTC"), "day", window, ticks=20)
    assert not done and cursor == pd.Timestamp("2020-01-02", tz="UTC")


def test_playback_starts_at_the_window_start_when_the_cursor_is_outside_it() -> None:
    window = TimeWindow.between("2020-01", "2020-02")
    outside = pd.Timestamp("2023-01-01", tz="UTC")
    assert navigation.play_start(outside, window) == window.start_time
    inside = pd.Timestamp("2020-01-15", tz="UTC")
    assert navigation.play_start(inside, window) == inside


def test_the_first_and_last_events_respect_the_matched_ones(alliance: Dataset) -> None:
    assert navigation.boundary_event(alliance.events, None, last=False) == "E001"
    matched = Filters(text="beirut").mask(alliance.events)
    assert navigation.boundary_event(alliance.events, matched, last=False) == "E029"
    assert navigation.boundary_event(alliance.events, matched, last=True) == "E030"
    assert navigation.boundary_event(alliance.events, np.zeros(len(alliance.events), bool), last=True) is None


def test_matches_are_all_events_without_filters_and_remembered_with_them(alliance: Dataset) -> None:
    assert navigation.matches(alliance, Filters()).all()
    first = navigation.matches(alliance, Filters(text="beirut"))
    assert first is navigation.matches(alliance, Filters(text="beirut"))
    assert int(first.sum()) == 2


def test_a_month_precise_event_matches_a_range_that_only_touches_its_month(alliance: Dataset) -> None:
    filters = Filters(start="2023-01-20", end="2023-01-22")
    matched = navigation.matches(alliance, filters)
    ids = set(alliance.events.loc[matched, "id"])
    assert "E052" in ids  # dated "Jan 2023": somewhere in the month, so it may be in the range
    assert filters.imprecise_count(alliance.events, matched) >= 1


def test_the_match_summary_mentions_imprecise_dates_only_when_there_are_some() -> None:
    assert navigation.match_summary(12, 69, 0) == "12 of 69 events match"
    assert navigation.match_summary(12, 69, 3) == "12 of 69 events match (3 dated only to the month or year)"


def test_facet_counts_split_lists_and_put_the_most_common_first() -> None:
    column = pd.Series(["a;b", "b", "", "b;c", "a"])
    assert navigation.facet_counts(column) == [("b", 3), ("a", 2), ("c", 1)]


def test_presets_for_events_outside_years_1_to_9999_have_date_tooltips() -> None:
    from viewer.model.dataset import Tables, build_dataset
    starts = np.array(["-0473-03-15T10:00:00.5", "12000-01-01"], dtype="datetime64[us]")
    ds = build_dataset(Tables(pd.DataFrame({"id": ["ides", "far"], "start": pd.Series(starts),
                                            "title": ["Ides of March", "Far future"]})))
    tips = [p.tooltip for p in navigation.presets(ds, row(ds, "ides"))]
    assert tips[0].startswith("-07") and tips[0].endswith("-06-15")  # strftime raised on both ends
    assert tips[2] == "-0473-02-13 → -0473-04-14"


def _dataset(relations: pd.DataFrame | None = None, entities: pd.DataFrame | None = None) -> Dataset:
    from viewer.model.dataset import Tables, build_dataset
    return build_dataset(Tables(pd.DataFrame(columns=["id", "start", "title"]), entities, relations))


TODAY = pd.Timestamp("2024-05-17T15:30:00Z")


@pytest.mark.parametrize("ds", [
    _dataset(),
    _dataset(entities=pd.DataFrame({"id": ["acme"], "name": ["Acme"], "kind": ["company"]})),
    _dataset(relations=pd.DataFrame({"source": ["a"], "target": ["b"], "kind": ["owns"]})),  # never dated
], ids=["empty", "entities only", "undated relations"])
def test_a_dataset_with_nothing_dated_opens_on_the_current_year_with_the_cursor_on_today(ds: Dataset) -> None:
    window = navigation.default_window(ds, TODAY)
    assert window == TimeWindow.between("2024", "2024")
    assert navigation.fit_all(ds, TODAY) == window
    assert navigation.default_cursor(ds, window, TODAY) == pd.Timestamp("2024-05-17", tz="UTC")


def test_without_a_date_given_the_clock_decides_the_year() -> None:
    ds = _dataset()
    now = pd.Timestamp.now(tz="UTC")
    window = navigation.default_window(ds)
    assert window.start_time <= now <= window.end_time
    assert navigation.default_cursor(ds).year == now.year


def test_a_dataset_with_only_relations_opens_on_their_span() -> None:
    ds = _dataset(relations=pd.DataFrame({"source": ["a", "a"], "target": ["b", "c"], "kind": ["owns", "owns"],
                                          "valid_from": ["2010-03", "2015"], "valid_to": ["2018-06-30", ""]}))
    window = navigation.default_window(ds, TODAY)
    assert window.start_time < pd.Timestamp("2010-03-01", tz="UTC")
    assert pd.Timestamp("2018-06-30", tz="UTC") < window.end_time < pd.Timestamp("2019-01-01", tz="UTC")
    cursor = navigation.default_cursor(ds, window, TODAY)
    assert cursor == window.end_time  # after every change: the relations as they stand at the end
    assert len(ds.relations_at(cursor)) == 1


def test_an_empty_dataset_keeps_its_own_cursor_and_window() -> None:
    from dataclasses import replace

    from viewer.model.dates import parse_date
    ds = _dataset()
    ds.meta = replace(ds.meta, default_start=parse_date("1990"), default_end=parse_date("1995"),
                      default_cursor=parse_date("1992-07"))
    window, stated = navigation.default_window(ds, TODAY), TimeWindow.between("1990", "1995")
    assert window.start < stated.start and stated.end < window.end
    assert window.start == pytest.approx(stated.start - 0.03 * stated.span)
    assert navigation.default_cursor(ds, today=TODAY) == pd.Timestamp("1992-07-01", tz="UTC")


def test_a_dataset_with_events_and_no_cursor_starts_at_the_end_of_its_window(alliance: Dataset) -> None:
    from dataclasses import replace
    ds = Dataset(alliance.events, alliance.entities, alliance.relations, meta=replace(alliance.meta,
                 default_start=None, default_end=None, default_cursor=None))
    window = navigation.default_window(ds)
    assert window == navigation.fit_all(alliance)
    assert navigation.default_cursor(ds, window) == window.end_time
    assert navigation.default_cursor(alliance) == alliance.meta.default_cursor.start  # type: ignore[union-attr]


@pytest.mark.parametrize("dtype", ["str", "string[pyarrow]", object, "category"])
def test_distinct_counts_per_value_whatever_the_columns_type(dtype: object) -> None:
    rng = np.random.default_rng(1)
    values = pd.Series(rng.choice(np.array(["a;b", "", "c", None, "Zé"], dtype=object), 500), dtype=dtype)
    codes, uniques = pd.factorize(values.astype(object), use_na_sentinel=False)
    expected: dict[str, int] = {}
    for key, count in zip(uniques, np.bincount(codes).tolist(), strict=True):
        expected["" if pd.isna(key) else str(key)] = expected.get("" if pd.isna(key) else str(key), 0) + count
    assert navigation.distinct_counts(values) == (sorted(expected), [expected[k] for k in sorted(expected)])


def test_an_empty_text_column_counts_one_empty_value_and_unused_categories_none() -> None:
    assert navigation.distinct_counts(pd.Series([""] * 4, dtype="str")) == ([""], [4])
    assert navigation.distinct_counts(pd.Series([], dtype="str")) == ([], [])
    coded = pd.Series(pd.Categorical(["x", "x"], categories=["x", "unused"]))
    assert navigation.distinct_counts(coded) == (["x"], [2])


def _daily(starts: list[str], ends: list[str] | None = None) -> Dataset:
    from viewer.model.dataset import Tables, build_dataset
    frame = pd.DataFrame({"id": [f"e{i}" for i in range(len(starts))], "start": starts,
                          "title": [f"Event {i}" for i in range(len(starts))]})
    if ends is not None:
        frame["end"] = ends
    return build_dataset(Tables(frame))


def test_one_early_straggler_is_left_out_of_the_default_window_and_named_in_its_tooltip() -> None:
    spring = [str(d.date()) for d in pd.date_range("2011-01-03", "2011-03-30", periods=71)]
    ds = _daily(["2007-07-12", *spring])
    window = navigation.default_window(ds)
    assert pd.Timestamp("2011-01-01", tz="UTC") < window.start_time < pd.Timestamp("2011-01-03", tz="UTC")
    assert pd.Timestamp("2011-03-31", tz="UTC") < window.end_time < pd.Timestamp("2011-04-05", tz="UTC")
    assert navigation.default_cursor(ds, window) == window.end_time
    tip = navigation.presets(ds)[0].tooltip
    assert tip.startswith("2011-01-0") and "1 event not wholly inside (All events shows it)" in tip
    assert navigation.fit_all(ds).start_time < pd.Timestamp("2007-07-12", tz="UTC")  # All events: still all


def test_stragglers_at_both_ends_and_one_long_range_are_left_out() -> None:
    bulk = [str(d.date()) for d in pd.date_range("2020-01-01", "2020-12-31", periods=96)]
    ds = _daily(["1990-05-01", "1995-01-01", *bulk, "2045-01-01", "2050-01-01"])
    window = navigation.default_window(ds)
    assert window.start_time.year == 2019 and window.end_time.year == 2021
    assert "4 events not wholly inside (All events shows them)" in navigation.presets(ds)[0].tooltip
    ranged = _daily([*bulk[:-1], "2020-06-01"], [""] * 95 + ["2030-06-01"])  # one range reaching 2030
    window = navigation.default_window(ranged)
    assert window.end_time.year == 2021 and window.start_time < pd.Timestamp("2020-06-01", tz="UTC")  # it shows
    assert "1 event not wholly inside" in navigation.presets(ranged)[0].tooltip


@pytest.mark.parametrize("starts", [
    ["2007-07-12"] + [f"2011-01-{d:02d}" for d in range(1, 15)],  # too few events to tell a straggler
    [str(d.date()) for d in pd.date_range("2000-01-01", "2020-01-01", periods=200)],  # spread evenly
    ["2007-07-12"] * 3 + [f"2011-02-{d:02d}" for d in range(1, 28)] * 2,  # 3 in 57: more than a tail
], ids=["few", "even", "a group"])
def test_without_stragglers_the_default_window_holds_every_event(starts: list[str]) -> None:
    ds = _daily(starts)
    assert navigation.dense_span(ds) is None
    assert navigation.default_window(ds) == navigation.fit_all(ds)


def test_events_within_minutes_open_in_an_hour_not_in_two_days() -> None:
    ds = _daily([f"2021-03-01T08:0{i}:00Z" for i in range(4)])  # a three-minute GPS track
    window = navigation.default_window(ds)
    assert window.start_time == pd.Timestamp("2021-03-01T07:30Z")  # half an hour each side, at least
    assert pd.Timestamp("2021-03-01T08:33Z") <= window.end_time < pd.Timestamp("2021-03-01T08:34Z")
    week = _daily([f"2021-03-0{d}" for d in range(1, 8)])  # a week of days: a day each side, as before
    assert navigation.fit_all(week).start_time == pd.Timestamp("2021-02-28T00:00Z")


def test_ties_wholly_after_the_events_are_in_the_first_view_too() -> None:
    from viewer.model.dataset import Tables, build_dataset
    events = pd.DataFrame({"id": ["a", "b"], "start": ["1899-02-25", "1970-04-22"],  # nodes that "appear"
                           "title": ["Renault appears", "Mitsubishi Motors appears"]})
    ties = pd.DataFrame({"source": ["renault"], "target": ["nissan"], "kind": ["equity_stake"], "value": ["43.4"],
                         "valid_from": ["1999-05-28"], "valid_to": [""]})
    ds = build_dataset(Tables(events, None, ties))
    window = navigation.default_window(ds)
    assert window.start_time.year == 1897 and window.end_time.year == 2001
    assert len(query.relations_at(ds.relations, navigation.default_cursor(ds, window))) == 1
    overlapping = build_dataset(Tables(events, None, ties.assign(valid_from=["1950-01-01"])))
    assert navigation.default_window(overlapping).end_time.year == 1971  # ties among the events: the events' span


def test_when_every_tie_ended_before_the_window_does_the_cursor_opens_on_the_last_day_one_holds() -> None:
    from viewer.model.dataset import Tables, build_dataset
    events = pd.DataFrame({"id": ["a", "b"], "start": ["2019-01-10", "2026-03-01"], "title": ["Signed", "Wound up"]})
    ties = pd.DataFrame({"source": ["x", "x"], "target": ["y", "z"], "kind": ["partner", "partner"],
                         "valid_from": ["2019-01-10", "2020-05-01T15:00Z"], "valid_to": ["2021-01-01", "2023-07-01"]})
    ds = build_dataset(Tables(events, None, ties))
    window = navigation.default_window(ds)
    assert window.end_time.year == 2026
    cursor = navigation.default_cursor(ds, window)
    assert cursor == pd.Timestamp("2023-06-30", tz="UTC")  # the day before it ends
    assert list(ds.relations_at(cursor)["target"]) == ["z"]
    still = build_dataset(Tables(events, None, ties.assign(valid_to=["", "2023-07-01"])))  # one tie still holds
    assert navigation.default_cursor(still, window) == window.end_time
    entities = pd.DataFrame({"id": ["x", "y", "z"], "name": ["X", "Y", "Z"],
                             "valid_to": ["", "", "2022-06-15T12:00Z"]})  # z is gone before its tie ends
    gone = build_dataset(Tables(events, entities, ties))
    assert navigation.default_cursor(gone, window) == pd.Timestamp("2022-06-15", tz="UTC")
    assert list(gone.relations_at(navigation.default_cursor(gone, window))["target"]) == ["z"]


def test_a_graph_whose_ties_all_start_one_day_opens_on_days_not_an_hour(write_dataset) -> None:
    """A GEXF or GraphML with no events whose ties all hold from 2010-01-01 opened on an hour ("23:45 … 00:15")."""
    import viewer
    ds = viewer.load(write_dataset("id,start,title\n", "id,name,kind\na,A,company\nb,B,company\nc,C,company\n",
                                   "source,target,kind,valid_from\na,b,partnership,2010-01-01\nb,c,partnership,"
                                   "2010-01-01\n"))
    window = navigation.default_window(ds)
    assert window.end - window.start >= 2 * 86_400
    assert window.start <= pd.Timestamp("2010-01-01", tz="UTC").timestamp() <= window.end
