"""Navigation as pure functions of the visible window: presets, fit, reveal, playback steps, overview bins.

The timeline's toolbar, keys, overview strip and play button only translate gestures into these
functions and hand the resulting :class:`TimeWindow` or cursor to the shared view state.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from viewer.model import clock, codes, lists, query, text_arrow
from viewer.model.columns import arrow_text, entity_names
from viewer.model.dataset import Dataset
from viewer.model.dates import parse_date, to_seconds
from viewer.model.filters import Filters
from viewer.model.lane_packing import x_limits
from viewer.model.memo import Memo
from viewer.model.window import TimeWindow

DAY = 86400.0
TICKS_PER_SECOND = 20
STATED_MARGIN = 0.03  # of a dataset's stated default window, on each side
# A dataset without a stated window opens on all its events, unless a few stragglers (at most this share
# at an end, at least one) lie further from the rest than STRAGGLER_GAP times the rest's own span.
TAIL_SHARE = 0.02
STRAGGLER_GAP = 2.0
DENSE_FROM = 20  # events: fewer are all shown
# Data time that passes per second of playback; months and years are their average lengths.
SPEEDS: dict[str, float] = {"day": DAY, "week": 7 * DAY, "month": 30.436875 * DAY,
                            "quarter": 91.310625 * DAY, "year": 365.2425 * DAY}
# Numbers have no days: on the numeric clock each speed crosses a share of the window per second.
NUMBER_SPEEDS: dict[str, float] = {"day": 1 / 200, "week": 1 / 60, "month": 1 / 20, "quarter": 1 / 8, "year": 1 / 2}


@dataclass(frozen=True)
class Preset:
    """A named window for the toolbar: button text, tooltip and the window itself."""

    key: str
    label: str
    tooltip: str
    window: TimeWindow


def data_span(dataset: Dataset) -> tuple[float, float] | None:
    """First instant and end of the last event's span in Unix seconds (None without events)."""
    span = dataset.span()
    if span is None:
        return None
    return float(to_seconds(span[0])), float(to_seconds(span[1]))


_TIES: Memo[tuple[float, float] | None] = Memo()  # asked at every selection (the toolbar's presets)


def relation_span(dataset: Dataset) -> tuple[float, float] | None:
    """First and last date any relation starts or ends, in Unix seconds (None when no relation is dated)."""
    return _TIES.get(dataset, "span", lambda: _relation_span(dataset))


def _relation_span(dataset: Dataset) -> tuple[float, float] | None:
    relations = dataset.relations
    if relations.empty:
        return None
    stamps = pd.concat([relations["valid_from"], relations["valid_to"]]).dropna()
    if stamps.empty:
        return None
    return float(to_seconds(stamps.min())), float(to_seconds(stamps.max()))


def scale(dataset: Dataset) -> clock.Scale:
    """The lengths navigation uses for this dataset: days and hours on the calendar, a share of the span for numbers."""
    span = data_span(dataset) or relation_span(dataset)
    return clock.scale(dataset.meta.clock, span[1] - span[0] if span else 0.0)


def _today(today: pd.Timestamp | None) -> pd.Timestamp:
    stamp = pd.Timestamp.now(tz="UTC") if today is None else parse_date(today).start
    return stamp.floor("D").as_unit("us")


def fit_all(dataset: Dataset, today: pd.Timestamp | None = None) -> TimeWindow:
    """Every event with a small margin (2 %, at least a day, or for events within a day half their span; see
    :func:`_margin`).

    Without events: the relations' dates with the same margin (with them too, when the relations lie wholly
    before or after the events), and with nothing dated at all the current year (``today`` stands in for the
    clock in tests).
    """
    span = _events_or_ties(dataset)
    if span is None:
        if clock.numeric(dataset.meta.clock):  # nothing dated on a numeric clock: 0 to 100
            return TimeWindow(0.0, 100.0)
        year = str(_today(today).year)
        return TimeWindow.between(year, year)
    margin = _margin(dataset, span[1] - span[0])
    return TimeWindow(span[0] - margin, span[1] + margin)


def _events_or_ties(dataset: Dataset) -> tuple[float, float] | None:
    """The events' span, else the ties'; both, when the ties lie wholly before or after the events (a graph whose
    nodes "appear" in 1899–1970 and whose ties hold from 1999: its first view and cursor would show none)."""
    events, ties = data_span(dataset), relation_span(dataset)
    if events is None or ties is None or (ties[0] <= events[1] and ties[1] >= events[0]):
        return events or ties
    return min(events[0], ties[0]), max(events[1], ties[1])


def _margin(dataset: Dataset, span: float) -> float:
    """The room each side of a span of events: 2 % of it, at least a day on the calendar, but no more than half
    the span (at least half an hour) when the events last less than that: a three-minute GPS track is shown in an
    hour, not lost in two days. Without events, ties get the whole margin: ties all held from one day open on days,
    not on an hour."""
    lengths = scale(dataset)
    if clock.numeric(dataset.meta.clock) or data_span(dataset) is None:  # (ties alone: a graph's, all from one day,
        return max(span * 0.02, lengths.margin)                          # opened on an hour of axis)
    return max(span * 0.02, min(lengths.margin, max(span * 0.5, lengths.min_span / 2)))


@dataclass(frozen=True)
class Dense:
    """Where most events lie, in Unix seconds, and how many events are not wholly inside."""

    start: float
    end: float
    outside: int


_DENSE: Memo[Dense | None] = Memo()  # asked at every selection (the toolbar's presets): two passes over the events


def dense_span(dataset: Dataset) -> Dense | None:
    """The stretch of the events without their stragglers, when stragglers squeeze the rest (else None).

    The first :data:`TAIL_SHARE` of the events by start, or the last by end, are stragglers when they
    lie further from the rest than :data:`STRAGGLER_GAP` times the rest's span; each end is judged on
    its own. A report of 71 events in 2011 and one in 2007 opens on 2011, not on four years with the
    events in their last tenth.
    """
    return _DENSE.get(dataset, "dense", lambda: _dense(dataset))


def _dense(dataset: Dataset) -> Dense | None:
    if dataset.source is not None:  # a data platform's table: its events are not in memory
        return None
    events = dataset.events
    n = len(events)
    full = data_span(dataset)
    if n < DENSE_FROM or full is None:
        return None
    starts = np.asarray(to_seconds(events["span_start"]), dtype=np.float64)
    ends = np.fmax(np.asarray(to_seconds(events["span_end"]), dtype=np.float64), starts)
    k = max(1, int(n * TAIL_SHARE))
    low = float(np.partition(starts, k)[k])
    high = float(np.partition(ends, n - 1 - k)[n - 1 - k])
    core = max(high - low, 0.0)
    low = low if low - full[0] > STRAGGLER_GAP * core else full[0]
    high = high if full[1] - high > STRAGGLER_GAP * core else full[1]
    if (low, high) == full:
        return None
    return Dense(low, high, int(((starts < low) | (ends > high)).sum()))


def default_window(dataset: Dataset, today: pd.Timestamp | None = None) -> TimeWindow:
    """The dataset's own default window with a margin, else its events (or relations) with a small margin.

    The stated window stays inside: the margin (3 % each side, at least a day) keeps the markers of its
    first and last events whole and leaves room for their labels instead of cutting them at the edges.
    Without a stated window, a few stragglers far from the rest are left out (:func:`dense_span`).
    """
    meta = dataset.meta
    if meta.default_start and meta.default_end:
        stated = TimeWindow.between(meta.default_start, meta.default_end)
        margin = max(stated.span * STATED_MARGIN, scale(dataset).margin)
        return TimeWindow(stated.start - margin, stated.end + margin)
    dense = dense_span(dataset)
    if dense is not None:
        margin = _margin(dataset, dense.end - dense.start)
        return TimeWindow(dense.start - margin, dense.end + margin)
    return fit_all(dataset, today)


def default_cursor(dataset: Dataset, window: TimeWindow | None = None, today: pd.Timestamp | None = None
                   ) -> pd.Timestamp:
    """Where the cursor starts: the dataset's own cursor, else the end of its default window.

    The end of the window shows the relations as they stand after everything the dataset tells; when every tie
    ended before it (a graph's ties to 2023 in a window to 2026), the last day one holds. A
    dataset with nothing dated (empty, or only entities) starts on today, inside the current year.
    """
    meta = dataset.meta
    if meta.default_cursor:
        return meta.default_cursor.start
    if meta.default_end:
        return meta.default_end.start
    window = window or default_window(dataset, today)
    if data_span(dataset) is None and relation_span(dataset) is None:
        now = _today(today) if dataset.meta.clock == clock.CALENDAR else window.start_time
        return now if window.start_time <= now <= window.end_time else window.start_time
    numeric = clock.numeric(dataset.meta.clock)  # (a round number, not the margin's float noise, 510.06)
    end = clock.snap(window.end, window.span, dataset.meta.clock, down=True) if numeric else window.end_time
    if len(dataset.relations) and not len(dataset.relations_at(end)):  # every tie ended before the window does
        return query.last_held(dataset.relations, dataset.entities, window.start_time, end, days=not numeric) or end
    return end


def around(event: pd.Series, margin: float | None = None, least: float = 30 * DAY) -> TimeWindow:
    """The period around one event: its precision span widened on both sides.

    The margin defaults to the event's own length, at least ``least`` (30 days: an instant shows the
    two months around it and a two-year range shows six years; a share of the span for numbers).
    """
    start = float(to_seconds(event["span_start"]))
    end = float(to_seconds(event["span_end"])) if pd.notna(event["span_end"]) else start
    end = max(end, start)
    pad = margin if margin is not None else max(end - start, least)
    return TimeWindow(start - pad, end + pad)


def _days(window: TimeWindow, on: str = clock.CALENDAR) -> str:
    """``2018-11-19 → 2023-02-06``, for any year (strftime stops at 1 and 9999); ``-10 → 510`` for numbers."""
    if clock.numeric(on):
        return " → ".join(clock.format_range(window.start, window.end, on))
    return f"{clock.iso_instant(window.start_time, 'day')} → {clock.iso_instant(window.end_time, 'day')}"


def presets(dataset: Dataset, selected: pd.Series | None = None) -> list[Preset]:
    """The toolbar's windows: the dataset's default, all events, and (with a selection) around it."""
    meta = dataset.meta
    default = default_window(dataset)
    if meta.default_start and meta.default_end:
        tooltip = " → ".join(clock.iso_instant(d.start, d.precision, meta.clock)
                             for d in (meta.default_start, meta.default_end))
    else:
        tooltip = _days(default, meta.clock)
        dense = dense_span(dataset)
        if dense is not None:
            few = dense.outside == 1
            tooltip += (f": where most events lie; {dense.outside:,} event{'' if few else 's'} not wholly inside "
                        f"(All events shows {'it' if few else 'them'})")
    everything = fit_all(dataset)
    out = [Preset("default", meta.window_label or "Default window", tooltip, default),
           Preset("all", "All events", f"{len(dataset.events):,} events", everything)]
    if selected is not None:
        window = around(selected, least=scale(dataset).pad)
        out.append(Preset("around", "Around selection", _days(window, meta.clock), window))
    return out


def clamp(window: TimeWindow, dataset: Dataset) -> TimeWindow:
    """The window kept between one hour and the data span plus a margin, and inside those bounds."""
    span = data_span(dataset)
    if span is None:
        return window
    lengths = scale(dataset)
    lo, hi = x_limits(span[0], span[1], (span[0], span[1]), min_margin=lengths.pan_margin)
    return window.clamp(lo, hi, lengths.min_span)


def reveal(window: TimeWindow, start: float, end: float | None = None, margin_fraction: float = 0.05) -> TimeWindow:
    """The same window, panned (never zoomed) just enough to show ``[start, end]`` if it was outside."""
    end = start if end is None else end
    if end >= window.start and start <= window.end:
        return window
    pad = window.span * margin_fraction
    if start > window.end:  # later: bring its end in from the right, unless that hides its start
        shift = min(end + pad - window.end, start - pad - window.start)
    else:  # earlier: bring its start in from the left
        shift = start - pad - window.start
    return window.pan(shift)


def next_cursor(cursor: pd.Timestamp, speed: str, ticks: int = 1, ticks_per_second: int = TICKS_PER_SECOND,
                window_span: float | None = None) -> pd.Timestamp:
    """The cursor after ``ticks`` timer ticks of playback at ``speed`` (a key of :data:`SPEEDS`).

    With ``window_span`` (the numeric clock) the speed is a share of the window per second
    (:data:`NUMBER_SPEEDS`).
    """
    per_second = SPEEDS[speed] if window_span is None else NUMBER_SPEEDS[speed] * window_span
    step = per_second * ticks / ticks_per_second
    return (cursor + pd.Timedelta(microseconds=round(step * 1e6))).as_unit("us")


def play_step(cursor: pd.Timestamp, speed: str, window: TimeWindow, ticks: int = 1,
              on: str = clock.CALENDAR) -> tuple[pd.Timestamp, bool]:
    """One playback step inside the window: the new cursor and whether playback reached the end."""
    moved = next_cursor(cursor, speed, ticks, window_span=window.span if clock.numeric(on) else None)
    end = window.end_time
    return (end, True) if moved >= end else (moved, False)


def play_start(cursor: pd.Timestamp, window: TimeWindow) -> pd.Timestamp:
    """Where playback begins: the cursor, or the window's start when the cursor is outside the window."""
    return cursor if window.start_time <= cursor < window.end_time else window.start_time


def boundary_event(events: pd.DataFrame, matched: np.ndarray | None, last: bool) -> str | None:
    """The id of the first (or last) event in time order among the matched ones (None when none)."""
    # a row number, not every id made a Python string (0.35 s a key at 5M events)
    rows = np.flatnonzero(np.asarray(matched, dtype=bool)) if matched is not None else None
    count = len(events) if rows is None else len(rows)
    if count == 0:
        return None
    at = count - 1 if last else 0
    return str(events["id"].iloc[at if rows is None else int(rows[at])])


def distinct_counts(column: pd.Series) -> tuple[list[str], list[int]]:
    """Each distinct value of a text column ("" for empty) with its count; per category, not per row."""
    uniques, counts = _value_counts(pd.Series(column))
    text = pa.array(["" if _missing(key) else str(key) for key in uniques], type=pa.string())
    counts = np.asarray(counts, dtype=np.int64)
    if len(pc.unique(text)) < len(text):  # a missing value and "" both: one entry
        merged = pa.table({"name": text, "count": counts}).group_by("name").aggregate([("count", "sum")])
        text, counts = merged["name"].combine_chunks(), merged["count_sum"].to_numpy()
    order = pc.sort_indices(text).to_numpy()  # UTF-8 byte order is str order
    return text.take(order).to_pylist(), counts[order].tolist()


def _missing(value: object) -> bool:
    return value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and math.isnan(value))


def _value_counts(column: pd.Series) -> tuple[list[object], np.ndarray]:
    """Each value that occurs (missing ones as None) and how often: per code for a categorical, in Arrow for
    text (a column with no character at all, say "tags" left empty, without hashing a row)."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        used, counts, missing = codes.used_counts(column)
        values = used.to_numpy(dtype=object).tolist()  # (in C: 148,000 actors one by one from Arrow took 0.27 s)
        if missing:
            return [*values, None], np.append(counts, missing)
        return values, counts
    if pd.api.types.is_string_dtype(column.dtype):
        try:
            array = arrow_text(column)
        except (pa.ArrowInvalid, pa.ArrowTypeError):
            array = None
        if array is not None and not text_arrow.character_count(array) and not array.null_count:
            return ([""], np.array([len(array)])) if len(array) else ([], np.zeros(0, dtype=np.int64))
        if array is not None:
            found = pc.value_counts(array)
            return found.field("values").to_pylist(), found.field("counts").to_numpy().astype(np.int64)
    positions, uniques = pd.factorize(column, use_na_sentinel=False)
    return list(uniques), np.bincount(np.asarray(positions, dtype=np.int64), minlength=len(uniques))


def facet_counts(column: pd.Series) -> list[tuple[str, int]]:
    """The values of a ``;``-separated column with how many events carry each, most first (ties by value)."""
    return facet_totals(*distinct_counts(column))


def facet_totals(texts: list[str], counts: list[int]) -> list[tuple[str, int]]:
    """:func:`facet_counts` from each distinct ``;``-separated text and its number of events (an engine's
    grouped answer), most first (ties by value)."""
    return lists.members(texts).ranked(counts)


_last_match: list[tuple[pd.DataFrame, Filters, np.ndarray]] = []


def matches(dataset: Dataset, filters: Filters) -> np.ndarray:
    """Which events the filters match (all without filters); the last answer is remembered.

    The timeline, the overview strip and the status line all ask the same question after each
    change of filters; remembering one answer keeps a text search over a million titles to once.
    """
    events = dataset.events
    if not filters.active:
        return np.ones(len(events), dtype=bool)
    if _last_match and _last_match[0][0] is events and _last_match[0][1] == filters:
        return _last_match[0][2]
    names = entity_names(dataset.entities)
    mask = filters.mask(events, names)
    mask.setflags(write=False)
    _last_match[:] = [(events, filters, mask)]
    return mask


def match_summary(matched: int, total: int, imprecise: int) -> str:
    """``12 of 69 events match (3 dated only to the month or year)``."""
    text = f"{matched:,} of {total:,} events match"
    if imprecise:
        text += f" ({imprecise:,} dated only to the month or year)"
    return text
