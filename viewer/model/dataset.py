"""The Dataset: three tables (events, entities, relations) and their metadata, checked once.

:func:`build_dataset` is the one door into the model. Loaders hand it raw tables (strings or
already-parsed dates) and it parses dates with their precision, fills defaults, and checks the
references between tables. Rows it cannot use are dropped *and reported*; references to unknown
entities keep the row and add the entity, with a warning, so nothing a user wrote is lost silently.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from viewer.model import attributes as attrs
from viewer.model import (
    clock,
    dates,
    graph_positions,
    instants,
    lists,
    overflow,
    query,
    references,
    reversed_text,
    self_ties,
    stake_sums,
)
from viewer.model.columns import IdLookup, distinct, entity_names, is_in
from viewer.model.dates import outliers
from viewer.model.problems import Problem
from viewer.model.reporting import Reporter, add_unknown_entities, in_own_names
from viewer.model.table_build import (
    build_entities,
    build_events,
    build_relations,
    row_numbers,
    with_attributes,
)

if TYPE_CHECKING:
    from viewer.model.query import Diff
    from viewer.source.base import EventSource

@dataclass(frozen=True)
class DatasetMeta:
    """What a dataset says about itself: title, default window, principal entities, sources, its clock.

    ``clock`` is ``"calendar"`` (dates), ``"number"`` (plain numbers such as simulation ticks, stored
    as instants: see :mod:`viewer.model.clock`) or ``"years"`` (decimal years reaching beyond the calendar's
    ±290,000 years, stored the same way: see :mod:`viewer.model.years`).
    """

    title: str = ""
    description: str = ""
    default_start: dates.PartialDate | None = None
    default_end: dates.PartialDate | None = None
    default_cursor: dates.PartialDate | None = None
    window_label: str = ""
    licence: str = ""
    sources: tuple[str, ...] = ()
    principal: tuple[str, ...] = ()
    path: str = ""
    clock: str = clock.CALENDAR
    parts: tuple[str, ...] = ()  # the files a dataset made of several was read from, in order (else empty)

    @property
    def key(self) -> str:
        """What the settings know this dataset by (its session, Open recent): its path, or its parts' paths."""
        return "\n".join(self.parts) if self.parts else self.path


@dataclass(frozen=True)
class Tables:
    """Raw tables as a loader read them, with the labels (file names) used in problem messages."""

    events: pd.DataFrame
    entities: pd.DataFrame | None = None
    relations: pd.DataFrame | None = None
    events_label: str = "events"
    entities_label: str = "entities"
    relations_label: str = "relations"
    # events columns the loader already parsed (instants + precision), so they are not read as text again
    dates: Mapping[str, dates.ParsedDates] = field(default_factory=dict)
    # per table ("events", "entities", "relations"): attribute name → type, overriding the inferred one
    attribute_types: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    # per table: each raw row's number in its file as a text editor shows it (default: position + 1)
    rows: Mapping[str, np.ndarray] = field(default_factory=dict)
    # what the loader found of the events' ids while their dates parsed: True, every one written and none repeated;
    # False, one blank or repeated (they go to be named); None, not looked at (the model checks them)
    ids_distinct: bool | None = None
    # per table: a field → the column the file names it by, when a loader made the table from columns of other
    # names (a tie's ``valid_to`` read from ``to_date``): its problems name what the user wrote
    names: Mapping[str, Mapping[str, str]] = field(default_factory=dict)


@dataclass
class Dataset:
    """Events, entities and relations, parsed and cross-checked; treat the frames as read-only.

    ``events`` is sorted by start and carries ``span_start``/``span_end``: the whole stretch of time
    the event may cover given its precision (a month-precision event spans its month).

    With a ``source`` (an engine table too big to load), ``events`` is empty and the events are asked
    of the source; entities and relations are still held here. Its count and span must already be
    known (the opener asks them off the UI thread), so :meth:`span` and :attr:`event_count` stay cheap.
    """

    events: pd.DataFrame
    entities: pd.DataFrame
    relations: pd.DataFrame
    meta: DatasetMeta = field(default_factory=DatasetMeta)
    problems: list[Problem] = field(default_factory=list)
    source: EventSource | None = field(default=None, compare=False, repr=False)
    _positions: Mapping[str, tuple[float, float]] | None = field(default=None, init=False, repr=False,
                                                                 compare=False)
    _span: tuple[tuple[pd.Timestamp, pd.Timestamp] | None] | None = field(default=None, init=False, repr=False,
                                                                          compare=False)
    _ids: IdLookup | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def ids(self) -> IdLookup:
        """The events' ids by position, and positions by id: one lookup per id asked, shared by every panel (a
        selection at 5M events was looked up five times over, 15-30 ms each)."""
        if self._ids is None:
            self._ids = IdLookup(self.events["id"])
        return self._ids

    @property
    def positions(self) -> Mapping[str, tuple[float, float]]:
        """Where each entity sits in the relationship graph: one layout over all dates, computed once."""
        if self._positions is None:
            self._positions = MappingProxyType(graph_positions.dataset_layout(self))
        return self._positions

    @positions.setter
    def positions(self, positions: Mapping[str, tuple[float, float]]) -> None:
        self._positions = MappingProxyType(dict(positions))

    def has_positions(self) -> bool:
        """True once the layout is computed (or was read from the cache)."""
        return self._positions is not None

    @property
    def attributes(self) -> tuple[attrs.Attribute, ...]:
        """The events' attributes (extra columns of the file), in file order."""
        return attrs.attributes(self.events)

    @property
    def title(self) -> str:
        """The dataset's title, or its file name when it has none."""
        return self.meta.title or self.meta.path

    def __repr__(self) -> str:
        """What it holds in one line (the dataclass's repr wrote out every frame and problem: pages at a million).

        >>> import viewer
        >>> viewer.load()
        Dataset('Renault–Nissan–Mitsubishi Alliance, 1999–2025': 69 events, 37 entities, 53 relations, 0 problems)
        """
        counts = (f"{self.event_count:,} events, {len(self.entities):,} entities, {len(self.relations):,} relations, "
                  f"{len(self.problems):,} problem{'' if len(self.problems) == 1 else 's'}")
        return f"Dataset({self.title!r}: {counts})"

    @property
    def event_count(self) -> int:
        """How many events there are: the rows held, or the source's count."""
        return self.source.count() if self.source is not None else len(self.events)

    def span(self) -> tuple[pd.Timestamp, pd.Timestamp] | None:
        """The first instant and the end of the last event's span, or None when there are no events."""
        if self.source is not None:
            return self.source.span()
        if self._span is None:  # asked by every panel as a dataset arrives: the frames are read-only
            events = self.events
            self._span = (None if events.empty else (events["span_start"].min(), events["span_end"].max()),)
        return self._span[0]

    def when(self, value: object, *, upper: bool = False, required: bool = False) -> dates.PartialDate | None:
        """A time as the queries take it (see :func:`viewer.model.instants.read`): a number is a year on the
        calendar (``2019``) and the number on a numeric clock; a named period (``Q1 2019``) its first date (its last
        when ``upper``, a window's end); None stays None unless ``required``; ValueError for NaN or what no clock
        reads."""
        return instants.read(value, self.meta.clock, upper=upper, required=required)

    def format_time(self, stamp: pd.Timestamp, precision: str = "day") -> str:
        """A time of this dataset for a person: a date at ``precision``, or a number on a numeric clock."""
        return clock.format_instant(stamp, precision, self.meta.clock)

    def entity_name(self, entity_id: str) -> str:
        """The display name of an entity id (the id itself when unknown). The names are gathered once per entity
        table: each call indexed the whole table again, and selecting a hub of 5,000 ties, whose details name both
        ends of each, held the window for 50 s."""
        return str(entity_names(self.entities).get(entity_id, entity_id))

    def events_between(self, start: object = None, end: object = None, *, actors: object = None,
                       categories: object = None, tags: object = None, text: str | None = None,
                       where: dict[str, list[str]] | None = None) -> pd.DataFrame:
        """Events whose precision span overlaps ``[start, end]``, optionally filtered (``where``: attribute values).

        >>> import viewer
        >>> ds = viewer.load()
        >>> list(ds.events_between("2023-01-26", "2023-01-26", actors=["aob"])["id"])
        ['E053']
        """
        first, last = self.when(start), self.when(end, upper=True)
        return query.events_between(self.events, first, last, actors=actors, categories=categories, tags=tags,
                                    text=text, where=where, entity_names=entity_names(self.entities))

    def relations_at(self, when: object) -> pd.DataFrame:
        """Relations valid at an instant (``valid_from <= t < valid_to``; empty ends are open).

        Relations of an entity that does not exist at that instant (its own valid_from/valid_to) are left out.

        >>> import viewer
        >>> rel = viewer.load().relations_at("2022-12-31")
        >>> float(rel.query("source == 'renault' and target == 'nissan' and kind == 'equity_stake'")["value"].iloc[0])
        43.4
        """
        return query.relations_at(self.relations, self.when(when, required=True), self.entities)

    def diff(self, before: object, after: object) -> Diff:
        """What changed in the relations between two dates (added, removed, changed, unchanged).

        >>> import viewer
        >>> cut = viewer.load().diff("2018-11-19", "2023-11-09").of("changed").query("source == 'renault'")
        >>> cut[cut["target"] == "nissan"][["old_value", "new_value", "events"]].values.tolist()
        [[43.4, 15.0, 'E067']]
        """
        return query.diff(self.relations, self.when(before, required=True), self.when(after, required=True),
                          self.entities)

    def history(self, source: str, target: str, kind: str | None = None) -> pd.DataFrame:
        """Every relation from ``source`` to ``target`` over time, oldest first.

        >>> import viewer
        >>> viewer.load().history("renault", "nissan", "equity_stake")["value"].tolist()
        [36.8, 44.4, 43.4, 15.0]
        """
        return query.history(self.relations, source, target, kind)


def build_dataset(tables: Tables, meta: DatasetMeta | None = None,
                  problems: list[Problem] | None = None) -> Dataset:
    """Parse and cross-check raw tables into a :class:`Dataset`, reporting every row it changes or drops."""
    problems = list(problems or [])
    meta = meta or DatasetMeta()
    report = Reporter(problems, clock=clock.check(meta.clock))
    raw_entities = tables.entities.reset_index(drop=True) if tables.entities is not None else None
    entities = build_entities(raw_entities, tables.entities_label,
                               report.numbered(row_numbers(tables, "entities", raw_entities)))
    entities = with_attributes(entities, raw_entities, "entities", tables)
    events = build_events(tables.events, tables.events_label,
                           report.numbered(row_numbers(tables, "events", tables.events)), tables)
    said = len(problems)
    relations = build_relations(tables.relations, tables.relations_label,
                                 report.numbered(row_numbers(tables, "relations", tables.relations)), tables)
    in_own_names(problems, said, tables.names.get("relations", {}))
    actor_ids = set(lists.members(distinct(events["actors"])).names)
    ends = set(distinct(relations["source"])) | set(distinct(relations["target"]))  # (each distinct id once)
    shared: set[str] = set()  # names two entities share, said as such
    if tables.entities is not None:  # "Renault Group" for the id renault: that entity, not a new one
        events, relations, actor_ids, ends, shared = _named(entities, events, relations, actor_ids, ends, tables,
                                                            report)
    level = "warning" if tables.entities is not None else ""
    entities = add_unknown_entities(entities, actor_ids, tables.events_label, "actors", report, level, shared)
    entities = add_unknown_entities(entities, ends, tables.relations_label, "source/target", report, level, shared)
    linked = relations["event"] != ""
    unknown = linked & ~is_in(relations["event"], events["id"]) if linked.any() else linked
    if unknown.any():
        report.rows(tables.relations_label, relations.loc[unknown, "row"].to_numpy() - 1, "event",
                    "refers to an event id that is not in the events table; link dropped",
                    relations.set_index(relations["row"] - 1)["event"], "warning")
        relations.loc[unknown, "event"] = ""
    problems += reversed_text.said(events["title"], tables.events_label, "title", events["row"], "title")
    problems += overflow.said(events, tables.events_label) + overflow.said(relations, tables.relations_label)
    if tables.entities is not None:
        problems += overflow.said(entities, tables.entities_label)
    problems += reversed_text.said(entities["name"], tables.entities_label if tables.entities is not None
                                   else tables.events_label, "name" if tables.entities is not None else "actors")
    said = len(problems)
    names = entity_names(entities)
    problems.extend(self_ties.said(relations, names, tables.relations_label))  # (a stake in itself: kept, said)
    problems.extend(stake_sums.checked(relations, names, tables.relations_label, meta.clock))
    in_own_names(problems, said, tables.names.get("relations", {}))
    for frame, column in ((entities, "kind"), (relations, "kind")):
        frame[column] = frame[column].astype("category")
    if meta.clock == clock.CALENDAR:  # "far from the bulk" is said in years: numbers have no such scale
        meta = _fit_to_bulk(events, relations, tables, meta, report)
    return Dataset(events, entities, relations, meta, problems)


def _named(entities: pd.DataFrame, events: pd.DataFrame, relations: pd.DataFrame, actor_ids: set[str],
           ends: set[str], tables: Tables, report: Reporter
           ) -> tuple[pd.DataFrame, pd.DataFrame, set[str], set[str], set[str]]:
    """References written by an entity's name read as its id (see :mod:`viewer.model.references`), said per table;
    with the names several entities share, said as such."""
    found = references.matches(entities, actor_ids | ends)
    named = {written: ids[0] for written, ids in found.items() if len(ids) == 1}
    for label, field_name, refs in ((tables.events_label, "actors", actor_ids), (tables.relations_label,
                                                                                  "source/target", ends)):
        twice = {written: ids for written, ids in found.items() if len(ids) > 1 and written in refs}
        if twice:
            report.problems.append(Problem(label, references.shared(twice), None, field_name, "warning"))
    shared = {written for written, ids in found.items() if len(ids) > 1}
    if not named:
        return events, relations, actor_ids, ends, shared
    in_actors = {k: v for k, v in named.items() if k in actor_ids}
    in_ends = {k: v for k, v in named.items() if k in ends}
    if in_actors:
        events = events.assign(actors=references.in_lists(events["actors"], in_actors))
        report.problems.append(Problem(tables.events_label, references.said(in_actors), None, "actors", "info"))
    if in_ends:
        relations = relations.assign(source=relations["source"].replace(in_ends),
                                     target=relations["target"].replace(in_ends))
        report.problems.append(Problem(tables.relations_label, references.said(in_ends), None, "source/target",
                                       "info"))
    return events, relations, {named.get(a, a) for a in actor_ids}, {named.get(e, e) for e in ends}, shared


def _fit_to_bulk(events: pd.DataFrame, relations: pd.DataFrame, tables: Tables, meta: DatasetMeta,
                 report: Reporter) -> DatasetMeta:
    """Report dates far from the bulk of their column; a dataset without a default window gets the bulk's."""
    labels = (tables.events_label, tables.relations_label)
    columns = [(events, "start", labels[0]), (events, "end", labels[0]), (relations, "valid_from", labels[1]),
               (relations, "valid_to", labels[1])]
    found = [outliers.find(frame[column]) for frame, column, _label in columns]
    report.problems.extend(outliers.report([(*column, far) for column, far in zip(columns, found, strict=True)]))
    window = outliers.bulk_window(events, found[0])
    if window is None or meta.default_start is not None or meta.default_end is not None:
        return meta
    return replace(meta, default_start=window[0], default_end=window[1])
