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
from viewer.model import clock, dates, graph_positions, query, text_arrow
from viewer.model.columns import is_in, normalise_lists, reordered, split_ids, stable_order
from viewer.model.columns import text as _text
from viewer.model.dates import outliers
from viewer.model.problems import LoadError, Problem
from viewer.model.reporting import Reporter, add_unknown_entities, unique_ids

if TYPE_CHECKING:
    from viewer.model.query import Diff
    from viewer.source.base import EventSource

EVENT_COLUMNS = ("id", "start", "end", "precision", "title", "description", "actors", "category",
                 "tags", "source_title", "source_url")
ENTITY_COLUMNS = ("id", "name", "kind", "country", "color", "note")
PRESENCE_COLUMNS = ("valid_from", "valid_to")  # optional: when an entity exists (empty: always)
RELATION_COLUMNS = ("id", "source", "target", "kind", "value", "valid_from", "valid_to", "event",
                    "note", "source_url")
# raw columns that are core fields; any other column of a raw table becomes an attribute
CORE = {"events": {*EVENT_COLUMNS, "end_precision"}, "entities": {*ENTITY_COLUMNS, *PRESENCE_COLUMNS},
        "relations": {*RELATION_COLUMNS, "valid_from_precision", "valid_to_precision"}}


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

    def when(self, value: object) -> dates.PartialDate | None:
        """A time as the queries take it: numbers (``42``, ``"42"``) read on a numeric clock; None stays None."""
        return None if value is None else clock.parse_instant(value, self.meta.clock)

    def format_time(self, stamp: pd.Timestamp, precision: str = "day") -> str:
        """A time of this dataset for a person: a date at ``precision``, or a number on a numeric clock."""
        return clock.format_instant(stamp, precision, self.meta.clock)

    def entity_name(self, entity_id: str) -> str:
        """The display name of an entity id (the id itself when unknown)."""
        names = self.entities.set_index("id")["name"]
        return str(names.get(entity_id, entity_id))

    def events_between(self, start: object = None, end: object = None, *, actors: object = None,
                       categories: object = None, tags: object = None, text: str | None = None,
                       where: dict[str, list[str]] | None = None) -> pd.DataFrame:
        """Events whose precision span overlaps ``[start, end]``, optionally filtered (``where``: attribute values).

        >>> import viewer
        >>> ds = viewer.load()
        >>> list(ds.events_between("2023-01-26", "2023-01-26", actors=["aob"])["id"])
        ['E053']
        """
        start, end = self.when(start), self.when(end)
        return query.events_between(self.events, start, end, actors=actors, categories=categories,
                                    tags=tags, text=text, where=where)

    def relations_at(self, when: object) -> pd.DataFrame:
        """Relations valid at an instant (``valid_from <= t < valid_to``; empty ends are open).

        Relations of an entity that does not exist at that instant (its own valid_from/valid_to) are left out.

        >>> import viewer
        >>> rel = viewer.load().relations_at("2022-12-31")
        >>> float(rel.query("source == 'renault' and target == 'nissan' and kind == 'equity_stake'")["value"].iloc[0])
        43.4
        """
        return query.relations_at(self.relations, self.when(when), self.entities)

    def diff(self, before: object, after: object) -> Diff:
        """What changed in the relations between two dates (added, removed, changed, unchanged).

        >>> import viewer
        >>> cut = viewer.load().diff("2018-11-19", "2023-11-09").of("changed").query("source == 'renault'")
        >>> cut[cut["target"] == "nissan"][["old_value", "new_value", "events"]].values.tolist()
        [[43.4, 15.0, 'E067']]
        """
        return query.diff(self.relations, self.when(before), self.when(after))

    def history(self, source: str, target: str, kind: str | None = None) -> pd.DataFrame:
        """Every relation from ``source`` to ``target`` over time, oldest first.

        >>> import viewer
        >>> viewer.load().history("renault", "nissan", "equity_stake")["value"].tolist()
        [36.8, 44.4, 43.4, 15.0]
        """
        return query.history(self.relations, source, target, kind)


def _with_attributes(out: pd.DataFrame, raw: pd.DataFrame | None, table: str, tables: Tables) -> pd.DataFrame:
    """``out`` (one row per raw row) with the raw table's extra columns as typed attributes (``attr:<name>``)."""
    names = attrs.extra_columns(raw, CORE[table]) if raw is not None else []
    if raw is None or not names:
        return out
    extra = attrs.build(raw.reset_index(drop=True), names, tables.attribute_types.get(table))
    return pd.concat([out, extra.set_axis(out.index)], axis=1)


def _numbers(tables: Tables, table: str, raw: pd.DataFrame | None) -> np.ndarray | None:
    numbers = tables.rows.get(table)
    if numbers is None or raw is None or len(numbers) != len(raw):
        return None
    return np.asarray(numbers, dtype=np.int64)


def _build_entities(raw: pd.DataFrame | None, label: str, report: Reporter) -> pd.DataFrame:
    raw = raw if raw is not None else pd.DataFrame(columns=list(ENTITY_COLUMNS))
    raw = raw.reset_index(drop=True)
    ids = _text(raw, "id")
    names = _text(raw, "name")
    ids = ids.where(ids.str.strip() != "", names.str.strip().str.lower().str.replace(r"\W+", "_", regex=True))
    out = pd.DataFrame({"id": unique_ids(ids, label, "entity", report)})
    out["name"] = names.where(names.str.strip() != "", out["id"])
    out["kind"] = _text(raw, "kind", "unknown").str.strip().str.lower().replace("", "unknown")
    for column in ("country", "color", "note"):
        out[column] = _text(raw, column)
    return _presence(raw, out, label, report)


def _presence(raw: pd.DataFrame, out: pd.DataFrame, label: str, report: Reporter) -> pd.DataFrame:
    """The optional ``valid_from``/``valid_to`` of each entity, with their precisions (NaT: open)."""
    for column in PRESENCE_COLUMNS:
        parsed = _parse_column(raw, column, label, report, "warning") if column in raw.columns else None
        empty = pd.Series(pd.NaT, index=out.index, dtype="datetime64[us, UTC]")
        out[column] = parsed.instants.where(~parsed.invalid) if parsed is not None else empty
        precision = parsed.precisions.where(out[column].notna()) if parsed is not None else None
        out[f"{column}_precision"] = pd.Series(precision, index=out.index, dtype=dates.PRECISION_DTYPE)
    backwards = (out["valid_to"] < out["valid_from"]).fillna(False).to_numpy()
    if backwards.any():
        report.rows(label, np.flatnonzero(backwards), "valid_to", "valid_to is before valid_from; valid_to ignored",
                    raw["valid_to"], "warning")
        out.loc[backwards, "valid_to"] = pd.NaT
        out.loc[backwards, "valid_to_precision"] = np.nan
    return out


def _parse_column(raw: pd.DataFrame, column: str, label: str, report: Reporter,
                  level: str, given: Mapping[str, dates.ParsedDates] | None = None) -> dates.ParsedDates:
    values = raw[column] if column in raw.columns else pd.Series(pd.NA, index=raw.index, dtype="object")
    parsed = given[column] if given and column in given else clock.parse_on(values, report.clock)
    bad = np.flatnonzero(parsed.invalid.to_numpy())
    if len(bad):
        report.rows(label, bad, column, f"expected {clock.expected(report.clock)}",
                    values, level)
    if parsed.naive.any():
        count = int(parsed.naive.sum())
        report.problems.append(Problem(label, f"{count:,} times have no UTC offset; taken as UTC", None,
                                       column, "info"))
    return parsed


def _apply_precision(raw: pd.DataFrame, parsed: dates.ParsedDates, label: str,
                     report: Reporter) -> tuple[pd.Series, pd.Series]:
    """An explicit precision column wins over the inferred one; the instant snaps to its span start."""
    instants, precisions = parsed.instants, parsed.precisions
    if "precision" not in raw.columns or clock.numeric(report.clock):  # a number has no coarser precision
        return instants, precisions
    precisions = precisions.astype("object")
    given = _text(raw, "precision").str.strip().str.lower()
    given = given.replace({"minute": "time", "second": "time", "hour": "time", "datetime": "time"})
    known = given.isin(dates.PRECISIONS)
    bad = np.flatnonzero(((given != "") & ~known).to_numpy())
    if len(bad):
        report.rows(label, bad, "precision", "expected year, month, day or time; inferred it from the date",
                    given, "warning")
    use = known & instants.notna()
    if use.any():
        precisions = precisions.where(~use, given)
        naive = instants[use].dt.tz_localize(None).to_numpy(dtype="datetime64[us]")
        units = {"year": "Y", "month": "M", "day": "D"}
        snapped = naive.copy()
        for name, unit in units.items():
            mask = (given[use] == name).to_numpy()
            snapped[mask] = naive[mask].astype(f"datetime64[{unit}]").astype("datetime64[us]")
        instants = instants.copy()
        instants[use] = pd.Series(snapped, index=instants[use].index).dt.tz_localize("UTC")
    return instants, precisions


def _build_events(raw: pd.DataFrame, label: str, report: Reporter, tables: Tables) -> pd.DataFrame:
    given = tables.dates
    raw = raw.reset_index(drop=True)
    if raw.empty and "start" not in raw.columns:
        raw = pd.DataFrame(columns=list(EVENT_COLUMNS))
    if "start" not in raw.columns:
        raise LoadError(f"{label}: no 'start' column; expected columns {', '.join(EVENT_COLUMNS)}")
    start = _parse_column(raw, "start", label, report, "error", given)
    empty = np.flatnonzero((start.instants.isna() & ~start.invalid).to_numpy())
    if len(empty):
        report.rows(label, empty, "start", "no start date; row skipped", None)
    end = _parse_column(raw, "end", label, report, "warning", given)
    start_at, precision = _apply_precision(raw, start, label, report)
    end_at, end_precision = end.instants, end.precisions
    backwards = (end_at < start_at).fillna(False).to_numpy()
    if backwards.any():
        report.rows(label, np.flatnonzero(backwards), "end", "end is before start; end ignored",
                    raw["end"], "warning")
        end_at = end_at.mask(backwards)
    ids = unique_ids(_text(raw, "id"), label, "row", report)
    title = _text(raw, "title")
    numbers = report.numbers if report.numbers is not None else np.arange(1, len(raw) + 1)
    out = pd.DataFrame({
        "id": ids, "start": start_at, "end": end_at,
        "precision": precision.astype(dates.PRECISION_DTYPE),
        "end_precision": end_precision.astype(dates.PRECISION_DTYPE).where(end_at.notna()),
        "title": title.where(title.str.strip() != "", ids),
    })
    # columns the file lacks are filled after sorting: taking a million empty strings costs as much as real ones
    absent = [c for c in ("description", "tags", "source_title", "source_url") if c not in raw.columns]
    for column in ("description", "actors", "category", "tags", "source_title", "source_url"):
        if column not in absent:
            out[column] = _text(raw, column)
    out["actors"] = normalise_lists(out["actors"])
    out["row"] = numbers
    out = _with_attributes(out, raw, "events", tables)
    if out["start"].isna().any():
        out = out[out["start"].notna()]
    out["span_start"] = out["start"]
    start_span = dates.span_end(out["start"], out["precision"])
    end_span = dates.span_end(out["end"].fillna(out["start"]), out["end_precision"].fillna(out["precision"]))
    out["span_end"] = end_span.where(out["end"].notna(), start_span)
    out["precision"] = out["precision"].astype(dates.PRECISION_DTYPE)
    out["end_precision"] = out["end_precision"].astype(dates.PRECISION_DTYPE)
    for column in ("category",):
        out[column] = out[column].astype("category")
    stamps = out["start"].to_numpy(dtype="datetime64[us]")
    if len(stamps) and not (stamps[1:] >= stamps[:-1]).all():  # most files are in time order already
        out = reordered(out, stable_order(stamps.view(np.int64)))
    out = out.reset_index(drop=True)
    for column in absent:
        out[column] = text_arrow.empty_strings(len(out), np.nan)
    extra = [c for c in out.columns if str(c).startswith(attrs.PREFIX)]
    return out[[*EVENT_COLUMNS[:3], "precision", "end_precision", *EVENT_COLUMNS[4:], "row", "span_start",
                "span_end", *extra]]


def _build_relations(raw: pd.DataFrame | None, label: str, report: Reporter, tables: Tables) -> pd.DataFrame:
    raw = raw if raw is not None else pd.DataFrame(columns=list(RELATION_COLUMNS))
    raw = raw.reset_index(drop=True)
    source, target = _text(raw, "source").str.strip(), _text(raw, "target").str.strip()
    missing = ((source == "") | (target == "")).to_numpy()
    if missing.any():
        report.rows(label, np.flatnonzero(missing), "source/target",
                    "a relation needs a source and a target; row skipped", None)
    value_text = _text(raw, "value").str.strip().str.rstrip("%").str.replace(",", ".", regex=False)
    value = pd.to_numeric(value_text.replace("", np.nan), errors="coerce")
    bad_value = (value.isna() & (value_text != "")).to_numpy()
    if bad_value.any():
        report.rows(label, np.flatnonzero(bad_value), "value", "expected a number (e.g. 43.4); value left empty",
                    raw["value"], "warning")
    start = _parse_column(raw, "valid_from", label, report, "error")
    end = _parse_column(raw, "valid_to", label, report, "error")
    backwards = (end.instants < start.instants).fillna(False).to_numpy()
    if backwards.any():
        report.rows(label, np.flatnonzero(backwards), "valid_to", "valid_to is before valid_from; row skipped",
                    raw["valid_to"], "error")
    keep = ~(missing | start.invalid.to_numpy() | end.invalid.to_numpy() | backwards)
    ids = unique_ids(_text(raw, "id"), label, "R", report)
    out = pd.DataFrame({
        "id": ids, "source": source, "target": target,
        "kind": _text(raw, "kind", "relation").str.strip().str.lower().replace("", "relation"),
        "value": value.astype("float64"),
        "valid_from": start.instants, "valid_from_precision": start.precisions,
        "valid_to": end.instants, "valid_to_precision": end.precisions,
        "event": _text(raw, "event").str.strip(), "note": _text(raw, "note"),
        "source_url": _text(raw, "source_url"),
    })
    out["row"] = report.numbers if report.numbers is not None else np.arange(1, len(out) + 1)
    out = _with_attributes(out, raw, "relations", tables)
    return out[keep].reset_index(drop=True)


def build_dataset(tables: Tables, meta: DatasetMeta | None = None,
                  problems: list[Problem] | None = None) -> Dataset:
    """Parse and cross-check raw tables into a :class:`Dataset`, reporting every row it changes or drops."""
    problems = list(problems or [])
    meta = meta or DatasetMeta()
    report = Reporter(problems, clock=clock.check(meta.clock))
    raw_entities = tables.entities.reset_index(drop=True) if tables.entities is not None else None
    entities = _build_entities(raw_entities, tables.entities_label,
                               report.numbered(_numbers(tables, "entities", raw_entities)))
    entities = _with_attributes(entities, raw_entities, "entities", tables)
    events = _build_events(tables.events, tables.events_label,
                           report.numbered(_numbers(tables, "events", tables.events)), tables)
    relations = _build_relations(tables.relations, tables.relations_label,
                                 report.numbered(_numbers(tables, "relations", tables.relations)), tables)
    actor_ids = {a for parts in split_ids(events["actors"]) for a in parts}
    level = "warning" if tables.entities is not None else ""
    entities = add_unknown_entities(entities, actor_ids, tables.events_label, "actors", report, level)
    ends = set(relations["source"]) | set(relations["target"])
    entities = add_unknown_entities(entities, ends, tables.relations_label, "source/target", report, level)
    linked = relations["event"] != ""
    unknown = linked & ~is_in(relations["event"], events["id"]) if linked.any() else linked
    if unknown.any():
        report.rows(tables.relations_label, relations.loc[unknown, "row"].to_numpy() - 1, "event",
                    "refers to an event id that is not in the events table; link dropped",
                    relations.set_index(relations["row"] - 1)["event"], "warning")
        relations.loc[unknown, "event"] = ""
    for frame, column in ((entities, "kind"), (relations, "kind")):
        frame[column] = frame[column].astype("category")
    if meta.clock == clock.CALENDAR:  # "far from the bulk" is said in years: numbers have no such scale
        meta = _fit_to_bulk(events, relations, tables, meta, report)
    return Dataset(events, entities, relations, meta, problems)


def _fit_to_bulk(events: pd.DataFrame, relations: pd.DataFrame, tables: Tables, meta: DatasetMeta,
                 report: Reporter) -> DatasetMeta:
    """Report dates far from the bulk of their column; a dataset without a default window gets the bulk's."""
    labels = (tables.events_label, tables.relations_label)
    report.problems.extend(outliers.report([(events, "start", labels[0]), (events, "end", labels[0]),
                                            (relations, "valid_from", labels[1]), (relations, "valid_to", labels[1])]))
    window = outliers.bulk_window(events)
    if window is None or meta.default_start is not None or meta.default_end is not None:
        return meta
    return replace(meta, default_start=window[0], default_end=window[1])
