"""Timeline layout as pure arithmetic: lanes, their order and collapse, sub-row packing, zoom limits.

Everything here works on numpy arrays in Unix seconds or pixels, so the Qt timeline only
translates and these rules are tested without a screen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from viewer.model import lists
from viewer.model.attributes import PREFIX as ATTRIBUTE
from viewer.model.attributes import categorical, formatted, type_of
from viewer.model.columns import arrow_text
from viewer.model.dates import to_seconds
from viewer.model.sorting import order_by
from viewer.model.sub_rows import pack, rows_needed

OTHER = "Other"
FEW_NAMED = 0.1  # events naming an actor, at least, for lanes by actor to open before lanes by category (and the
# busiest actors' share of those: a lane each for a dozen of 100,000 users, an event each, was nine lanes of nothing)
ACTOR_LANES = 12  # lanes by actor: the busiest, the rest in "Other"
NATURAL_NAMES = 5000  # distinct values of a lane's column ordered as a person orders names; more, as text
CATEGORY_LANES = 40  # lanes by category: the busiest, the rest in "Other" (20,000 lanes took 0.5 s a step)
INSTANT, RANGE, COARSE = 0, 1, 2
_SUFFIXES = re.compile(r"(,?\s+(Co\.|Ltd\.?|Corporation|Corp\.?|Inc\.?|SA|S\.A\.|plc|AG))+$", re.IGNORECASE)


@dataclass(frozen=True)
class Lanes:
    """Events assigned to lanes: one entry per (event, lane) pair, sorted by start.

    ``event_index`` is the positional row in ``events``; ``start``/``end`` are the pair's span in
    Unix seconds (``end`` is the end of the precision span, never before ``start``).
    """

    keys: tuple[str, ...]
    labels: tuple[str, ...]
    event_index: np.ndarray
    lane: np.ndarray
    sub_row: np.ndarray
    start: np.ndarray
    end: np.ndarray
    rows: np.ndarray | None = None  # sub-rows per lane when the packing knew them (else counted when asked)

    def __len__(self) -> int:
        return len(self.event_index)

    def rows_per_lane(self) -> np.ndarray:
        """How many sub-rows each lane uses (at least one)."""
        if self.rows is not None:
            return self.rows
        counts = np.ones(len(self.keys), dtype=np.int64)
        if len(self.lane):
            np.maximum.at(counts, self.lane, self.sub_row + 1)
        return counts

    def repacked(self, min_width_seconds: float | np.ndarray, max_rows: int | None = None) -> Lanes:
        """The same lanes with sub-rows packed for another minimum item width (one, or one per pair)."""
        rows = pack(self.start, self.end, self.lane, min_width_seconds, max_rows)
        return Lanes(self.keys, self.labels, self.event_index, self.lane, rows, self.start, self.end)

    def on_one_row(self) -> Lanes:
        """The same lanes with every pair on its lane's first row (density ignores sub-rows)."""
        return Lanes(self.keys, self.labels, self.event_index, self.lane, np.zeros(len(self), dtype=np.int64),
                     self.start, self.end, np.ones(len(self.keys), dtype=np.int64))


def lane_tops(lanes: Lanes, padding: float, collapsed: np.ndarray | None = None,
              collapsed_height: float = 0.7) -> np.ndarray:
    """Lane edges: ``n_lanes + 1`` tops, in rows, the first lane at 0. A collapsed lane (``collapsed[lane]``
    true) is one thin row of ``collapsed_height`` rows."""
    heights = lanes.rows_per_lane() + 2 * padding
    if collapsed is not None and collapsed.any():
        heights = np.where(collapsed, collapsed_height, heights)
    return np.concatenate([[0.0], np.cumsum(heights)])


@dataclass(frozen=True)
class RowCentres:
    """Each pair's row centre (in rows, from the top) under lane edges ``tops``, worked out for the pairs
    asked: a repack of a million pairs computes none of them, a frame only those in view. A collapsed
    lane has every one of its marks on its one row."""

    lanes: Lanes
    tops: np.ndarray
    padding: float
    collapsed: np.ndarray | None = None
    collapsed_height: float = 0.7

    def __len__(self) -> int:
        return len(self.lanes)

    def __getitem__(self, pairs: np.ndarray) -> np.ndarray:
        lane = self.lanes.lane[pairs]
        centre = self.padding + self.lanes.sub_row[pairs] + 0.5
        if self.collapsed is not None and self.collapsed.any():
            centre = np.where(self.collapsed[lane], self.collapsed_height / 2, centre)
        return self.tops[lane] + centre


def x_limits(first: float, last: float, window: tuple[float, float], margin_fraction: float = 0.05,
             min_margin: float = 30 * 86400.0) -> tuple[float, float]:
    """How far the view may pan: the data span plus a margin, widened to hold ``window``."""
    margin = max((last - first) * margin_fraction, min_margin)
    return min(first - margin, window[0]), max(last + margin, window[1])


def category_label(key: str) -> str:
    """A category as a lane or a picker names it: a code written in lower case as words (``equity_stake`` →
    ``Equity stake``), a name as written (``Video Browsing History``, ``THEFT``, ``NATO summit``).

    >>> category_label("equity_stake"), category_label("Like List")
    ('Equity stake', 'Like List')
    """
    return key.replace("_", " ").capitalize() if key == key.lower() else key


def short_name(name: str) -> str:
    """A lane-sized name: ``Renault Group (Renault SA)`` → ``Renault Group``, ``Nissan Co., Ltd.`` → ``Nissan``."""
    text = re.sub(r"\s*\(.*?\)\s*", " ", name).strip()
    text = text.split(" / ")[0].strip()
    return _SUFFIXES.sub("", text).strip() or name


def lane_rows(events: pd.DataFrame, principal: tuple[str, ...] | list[str], entity_names: dict[str, str],
              group_by: str = "actor", min_width_seconds: float | np.ndarray = 0.0,
              max_rows: int | None = None, packed: bool = True, max_lanes: int = ACTOR_LANES) -> Lanes:
    """Assign events to lanes and pack each lane into sub-rows (all on row 0 when not ``packed``).

    ``group_by="actor"``: one lane per principal entity (in the given order) that has events, then
    "Other" for events with no principal actor; an event with several principal actors appears in
    each of their lanes. A dataset that names no principal entities gets lanes for its busiest
    actors (most events first, up to ``max_lanes``). ``"category"``: one lane per category, the
    busiest first, up to :data:`CATEGORY_LANES` (the rest in "Other"). ``"attr:<name>"`` (an attribute
    column, e.g. ``"attr:State"``): one lane per value, the busiest first, up to ``max_lanes``; the rest and
    empty values in "Other". ``"none"``: one lane.
    """
    if group_by == "actor":
        keys, pair_event, pair_lane = _by_actor(events, list(principal) or busiest_actors(events, max_lanes))
        labels = [OTHER if key == OTHER else short_name(entity_names.get(key, key)) for key in keys]
    elif group_by == "category":
        keys, pair_event, pair_lane = _by_category(events, max_lanes=CATEGORY_LANES)
        labels = [category_label(key) for key in keys]  # ("Other" is written as a name: kept)
    elif group_by.startswith(ATTRIBUTE) and group_by in events.columns:
        keys, pair_event, pair_lane = _by_category(events, group_by, max_lanes)
        labels = list(keys)
    elif group_by == "none":
        keys, labels = ["all"], ["Events"]
        pair_event = np.arange(len(events), dtype=np.int64)
        pair_lane = np.zeros(len(events), dtype=np.int64)
    else:
        raise ValueError(f"group_by must be 'actor', 'category', 'none' or an attribute column ('attr:<name>'), "
                         f"got {group_by!r}")
    starts = np.asarray(to_seconds(events["span_start"]), dtype=np.float64)
    ends = np.asarray(to_seconds(events["span_end"]), dtype=np.float64)
    ends = np.where(np.isnan(ends), starts, np.maximum(ends, starts))
    start, end = starts[pair_event], ends[pair_event]
    del starts, ends
    order = order_by(start, pair_lane)  # by start; ties keep lane order
    moved = np.flatnonzero(order != np.arange(len(order)))
    if len(moved) < len(order) // 4:  # pairs come in start order: only tied starts moved, in place
        taken = order[moved]
        for column in (pair_event, pair_lane, start, end):
            column[moved] = column[taken]
    else:  # one at a time: each old array goes as its sorted copy is made (a million events: 8 MB each)
        pair_event = pair_event[order]
        pair_lane = pair_lane[order]
        start = start[order]
        end = end[order]
    del order, moved
    rows = pack(start, end, pair_lane, min_width_seconds, max_rows) if packed else np.zeros(len(start), np.int64)
    return Lanes(tuple(keys), tuple(labels), pair_event, pair_lane, rows, start, end)


def lane_choices(events: pd.DataFrame) -> list[tuple[str, str]]:
    """What "Lanes by …" offers: (``group_by`` key, label) for actors, category, each categorical attribute, none."""
    return [("actor", "Actor"), ("category", "Category"),
            *((a.column, a.name) for a in categorical(events)), ("none", "None")]


def grouping_for(events: pd.DataFrame) -> str:
    """The lanes a dataset opens in: by actor; when no event names one (a city's crime log, a project's
    releases), or hardly any (a personal export's chats among its searches and likes: nine in ten events would
    be "Other"), or its busiest actors hardly any of those (100,000 users, an event each), by category if there are
    several, and few enough for a lane each (5,000 conversations' ids are not), else by actor, or one lane where no
    event names an actor or its actors are so scattered.

    >>> grouping_for(pd.DataFrame({"actors": ["", ""], "category": ["theft", "arson"]}))
    'category'
    """
    names, counts = _distinct_counts(events["actors"])
    found = lists.members(names)  # (a list naming no one, "" or ";", has no members)
    named = int(np.asarray(counts, dtype=np.int64)[np.unique(found.text)].sum()) if len(found.text) else 0
    # (not a log of 100,000 users, an event each: a lane each for a dozen, the rest "Other")
    scattered = named and int(np.sort(found.totals(counts))[-ACTOR_LANES:].sum()) < FEW_NAMED * named
    if named and named >= FEW_NAMED * len(events) and not scattered:
        return "actor"
    names, counts = _distinct_counts(events["category"])
    kinds = [name for name, count in zip(names, counts, strict=True) if count and name.strip()]
    return "category" if 1 < len(kinds) <= CATEGORY_LANES else "actor" if named and not scattered else "none"


def busiest_actors(events: pd.DataFrame, n: int) -> list[str]:
    """The ``n`` entity ids with the most events, most first (ties by id)."""
    uniques, counts = _distinct_counts(events["actors"])
    return [a for a, _ in lists.members(uniques).ranked(counts, n)]


def _by_actor(events: pd.DataFrame, principal: list[str]) -> tuple[list[str], np.ndarray, np.ndarray]:
    lane_of = {entity: i for i, entity in enumerate(dict.fromkeys(principal))}
    other = len(lane_of)
    # Split only the distinct actor strings: the column repeats a lot in big datasets.
    uniques, inverse = _codes(events["actors"])
    lengths, flat = _lanes_of_texts(uniques, lane_of, other)
    counts = lengths[inverse]
    pair_event = np.repeat(np.arange(len(events), dtype=np.int64), counts)
    # The k-th pair of an event takes the k-th lane of its actor string.
    first = np.repeat((np.cumsum(lengths) - lengths)[inverse], counts)
    within = np.arange(len(pair_event)) - np.repeat(np.cumsum(counts) - counts, counts)
    pair_lane = flat[first + within]
    keys = [*lane_of, OTHER]
    return _drop_empty(keys, pair_event, pair_lane)


def _lanes_of_texts(texts: list[str], lane_of: dict[str, int], other: int) -> tuple[np.ndarray, np.ndarray]:
    """Per distinct actor list: how many lanes it goes to, and those lanes, list after list (each list's in
    lane order; a list naming no principal actor goes to ``other`` alone)."""
    found = lists.members(texts)
    lane = np.array([lane_of.get(name, -1) for name in found.names], dtype=np.int64)[found.member]
    named = lane >= 0
    text, lane = found.text[named], lane[named]
    per_text = np.bincount(text, minlength=len(texts)).astype(np.int64)
    alone = np.flatnonzero(per_text == 0)
    text, lane = np.concatenate([text, alone]), np.concatenate([lane, np.full(len(alone), other, dtype=np.int64)])
    return np.maximum(per_text, 1), lane[np.lexsort((lane, text))]


def _by_category(events: pd.DataFrame, column: str = "category", max_lanes: int | None = None
                 ) -> tuple[list[str], np.ndarray, np.ndarray]:
    values = events[column]
    if type_of(values) in ("number", "date"):
        values = formatted(values)
    uniques, inverse = _codes(values)
    names = np.asarray(uniques, dtype=object)
    counts = np.bincount(inverse, minlength=len(names))
    if len(names) <= NATURAL_NAMES:  # busiest first, ties as a person orders them ("Unit 2" before "Unit 10")
        order = sorted(range(len(names)), key=lambda i: (-counts[i], lists.natural(str(names[i]))))
    else:  # (ties as text: 100,000 names took 0.33 s so, 6 ms as text)
        order = np.lexsort((names, -counts)).tolist()
    keys = [str(names[i]) for i in order if names[i] and counts[i]]
    keys = keys[:max_lanes] if max_lanes is not None else keys
    lane_of = {key: i for i, key in enumerate(keys)}
    pair_lane = np.array([lane_of.get(str(n), len(keys)) for n in names], dtype=np.int64)[inverse]
    return _drop_empty([*keys, OTHER], np.arange(len(events), dtype=np.int64), pair_lane)


def _codes(column: pd.Series) -> tuple[list[str], np.ndarray]:
    """Distinct texts ("" for empty) and each row's position among them, without a Python object per row."""
    codes, uniques = pd.factorize(column, use_na_sentinel=False)
    values = pd.Series(uniques.to_numpy(dtype=object) if hasattr(uniques, "to_numpy") else
                       np.asarray(uniques, dtype=object), dtype=object)
    names: list[str] = values.where(values.notna(), "").astype(str).tolist()  # no pd.isna per distinct value
    return names, np.asarray(codes, dtype=np.int64)


def _distinct_counts(column: pd.Series) -> tuple[list[str], list[int]]:
    names, codes = _codes(column)
    return names, np.bincount(codes, minlength=len(names)).tolist()


def only_events(lanes: Lanes, shown: np.ndarray) -> Lanes:
    """The lanes with only the pairs of the events ``shown`` (a mask per event); lanes left empty go.

    >>> lanes = Lanes(("a", "b"), ("A", "B"), np.array([0, 1]), np.array([0, 1]), np.zeros(2, dtype=np.int64),
    ...               np.array([0.0, 1.0]), np.array([0.0, 1.0]))
    >>> only_events(lanes, np.array([False, True])).labels
    ('B',)
    """
    keep = shown[lanes.event_index]
    used = np.bincount(lanes.lane[keep], minlength=len(lanes.keys)) > 0
    renumber = np.cumsum(used) - 1
    return Lanes(tuple(k for k, u in zip(lanes.keys, used, strict=True) if u),
                 tuple(label for label, u in zip(lanes.labels, used, strict=True) if u),
                 lanes.event_index[keep], renumber[lanes.lane[keep]], lanes.sub_row[keep], lanes.start[keep],
                 lanes.end[keep])


def _drop_empty(keys: list[str], pair_event: np.ndarray, pair_lane: np.ndarray
                ) -> tuple[list[str], np.ndarray, np.ndarray]:
    used = np.bincount(pair_lane, minlength=len(keys)) > 0
    renumber = np.cumsum(used) - 1
    return [k for k, u in zip(keys, used, strict=True) if u], pair_event, renumber[pair_lane]


def packed_part(lanes: Lanes, chosen: np.ndarray, slot_seconds: np.ndarray, budget: float, lane_padding: float
                ) -> Lanes:
    """Lanes with only the ``chosen`` pairs packed (rows capped to fit ``budget``); the rest stay on row 0.

    Big datasets pack just the stretch around the view: the other pairs are out of sight anyway.
    """
    start, end, lane = lanes.start[chosen], lanes.end[chosen], lanes.lane[chosen]
    needed = rows_needed(start, end, lane, len(lanes.keys), slot_seconds)
    rows = np.zeros(len(lanes), dtype=np.int64)
    rows[chosen] = pack(start, end, lane, slot_seconds, max_rows=rows_cap(needed, budget, lane_padding))
    per_lane = np.ones(len(lanes.keys), dtype=np.int64)  # the others are on row 0: no pass over them
    np.maximum.at(per_lane, lane, rows[chosen] + 1)
    return Lanes(lanes.keys, lanes.labels, lanes.event_index, lanes.lane, rows, lanes.start, lanes.end, per_lane)


BACKGROUND_TAGS = ("background", "era")


def background_mask(events: pd.DataFrame) -> np.ndarray:
    """Events to draw as shaded background spans, not bars: vis-timeline ``background`` items and
    TimelineJS / Timeline eras (category or tag ``background`` or ``era``).

    Asked on the UI thread whenever a dataset arrives: the categories are looked up once each, and the
    tag lists searched for the plain word before the pattern runs on the few that hold it."""
    category = _one_of(events["category"], BACKGROUND_TAGS)
    tags = arrow_text(events["tags"])
    tagged = np.zeros(len(events), dtype=bool)
    for tag in BACKGROUND_TAGS:
        near = np.flatnonzero(np.asarray(pc.match_substring(tags, tag).fill_null(False), dtype=bool))
        if len(near):
            exact = pc.match_substring_regex(tags.take(pa.array(near)), rf"(?:^|;){tag}(?:;|$)").fill_null(False)
            tagged[near[np.asarray(exact, dtype=bool)]] = True
    return category | tagged


def _one_of(values: pd.Series, words: tuple[str, ...]) -> np.ndarray:
    """Per row: its value (as text) is one of ``words``; a categorical column is looked up per category."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        found = np.append(values.cat.categories.astype("str").isin(words), False)  # code -1 (missing): no
        return found[values.cat.codes.to_numpy()]
    return values.astype("str").isin(words).to_numpy(dtype=bool)


def event_kinds(events: pd.DataFrame) -> np.ndarray:
    """How each event is drawn: INSTANT (day/time), RANGE (has an end) or COARSE (month/year)."""
    has_end = events["end"].notna().to_numpy()
    coarse = _one_of(events["precision"], ("year", "month"))
    return np.where(has_end, RANGE, np.where(coarse, COARSE, INSTANT)).astype(np.int8)


def rows_cap(rows_per_lane: np.ndarray, budget: float, lane_padding: float, most: int = 8) -> int:
    """The largest sub-row cap (1..most) for which every lane fits in ``budget`` rows of text."""
    for cap in range(most, 0, -1):
        if float(np.minimum(rows_per_lane, cap).sum() + lane_padding * len(rows_per_lane)) <= budget:
            return cap
    return 1
