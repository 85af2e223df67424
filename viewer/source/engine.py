"""EngineSource: the event source answered by a query engine through ibis (DuckDB, Spark, Trino, …).

Nothing is loaded whole: every question becomes one query over the prepared view
(:func:`viewer.source.exprs.prepare`), and only bounded answers (counts, bins, a window's rows up to
a limit) come back. Filters push down as predicates with the in-memory path's semantics.
"""

from __future__ import annotations

import json
import math
import uuid
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import ibis
import numpy as np
import pandas as pd
import pyarrow as pa

from viewer.model import navigation
from viewer.model.attributes import PREFIX
from viewer.model.dates import parse_date, to_seconds
from viewer.model.filters import Filters
from viewer.model.lane_packing import CATEGORY_LANES, OTHER
from viewer.source import actor_lanes, exprs
from viewer.source.base import (
    EVENT_FIELDS,
    NEVER,
    NO_FILTERS,
    CancelToken,
    Density,
    DensityRequest,
    engine_error,
    to_stamp,
)
from viewer.source.connect import SourceSpec
from viewer.source.facts import Facts

if TYPE_CHECKING:
    from viewer.source.pyramid import Pyramid

YEAR_SLACK = pd.Timedelta(days=367).as_unit("us")  # a precision column may move a start back to its year's first day
FACETS = ("actors", "category", "tags")  # the fields the filter bar offers values of


class EngineSource:
    """Answers the :class:`~viewer.source.base.EventSource` questions with engine queries.

    ``table`` is an ibis table with native column names; ``entity_names`` (id → name) serves the
    text filter's match on names, as in memory.
    """

    def __init__(self, table: Any, entity_names: dict[str, str] | None = None, label: str = "",
                 facts: Facts | None = None) -> None:
        self.raw = table
        self.facts = facts or Facts()
        backend = table._find_backend().name
        self.midnight = self._midnight(backend)  # timestamp columns read to the day
        self.view, self._exact_start = exprs.prepare(table, self._barrier, backend, self.midnight)
        self.entity_names = dict(entity_names or {})
        self.label = label
        self._lists: list[tuple[str, int]] | None = None
        self.long_index: Any = None  # an indexes.LongIndex, when built: narrow windows then skip years
        self.estimate: Density | None = None  # row-group statistics over the span: a first, lane-less picture
        self.spec: SourceSpec | None = None  # where it was opened: a background thread connects again from it
        self.fingerprint: str | None = None  # what its pyramids are kept under (None: the cache is off)
        self.pyramids: list[Pyramid] = []  # found in the cache when it was opened, small levels in memory

    def _midnight(self, backend: str) -> frozenset[str]:
        """The timestamp columns (start, end) whose every value is at 00:00: read to the day, as the loader
        reads them (decided once per source, remembered)."""
        schema = self.raw.schema()
        stamped = [n for n in ("start", "end") if n in schema and schema[n].is_timestamp()]

        def ask(name: str) -> Callable[[], bool]:
            return lambda: exprs.all_midnight(self.raw, name, backend)

        try:
            return frozenset(n for n in stamped if self.facts.get(f"midnight {n}", ask(n)))
        except Exception as exc:
            if engine_error(exc) is None:
                raise
            return frozenset()  # unreadable rows (a damaged file): the questions that read them will say where

    def _barrier(self, step: Any) -> Any:
        """A step of the prepared view as a (temporary) view in the engine, where it can make one."""
        try:
            return self.raw._find_backend().create_view(f"entente_{uuid.uuid4().hex[:12]}", step, overwrite=True)
        except Exception:  # an engine without views (or without the right) answers the inlined query
            return step

    def persist(self) -> None:
        """Hold the prepared view in the engine's memory, for many questions over a table that fits it."""
        self.view = self.view.cache()

    @property
    def backend(self) -> Any:
        """The ibis backend the table lives in."""
        return self.raw._find_backend()

    def count(self, filters: Filters = NO_FILTERS) -> int:
        """How many events match."""
        if not filters.active:
            return self.facts.get("count", lambda: int(self.view.count().execute()))
        return int(self._filtered(filters).count().execute())

    def span(self) -> tuple[pd.Timestamp, pd.Timestamp] | None:
        """The first start and the last span end (one query, remembered)."""
        def ask() -> tuple[pd.Timestamp, pd.Timestamp] | None:
            row = self.view.aggregate(lo=self.view.span_start.min(), hi=self.view.span_end.max()).execute()
            lo, hi = row["lo"].iloc[0], row["hi"].iloc[0]
            return None if pd.isna(lo) else (_utc(lo), _utc(hi))

        return self.facts.get("span", ask, lambda v: v and [v[0].isoformat(), v[1].isoformat()],
                              lambda v: v and (_utc(v[0]), _utc(v[1])))

    def longest(self) -> float:
        """The longest precision span in seconds (one query, remembered): how far back a window must look."""
        def ask() -> float:
            v = self.view
            name = self.backend.name
            value = v.aggregate(d=(exprs.micros(v.span_end, name) - exprs.micros(v.span_start, name)).max()
                                ).execute()
            d = value["d"].iloc[0]
            return 0.0 if pd.isna(d) else float(d) / 1e6

        return self.facts.get("longest", ask)

    def lane_keys(self, group_by: str, principal: tuple[str, ...] = (), max_lanes: int = 12) -> tuple[str, ...]:
        """The lanes ``lane_rows`` would draw, in order (computed by the engine, remembered)."""
        key = _lanes_key(group_by, principal, max_lanes)
        return self.facts.get(key, lambda: self._lane_keys(group_by, principal, max_lanes), list, tuple)

    def knows_lanes(self, group_by: str, principal: tuple[str, ...] = (), max_lanes: int = 12) -> bool:
        """True when ``lane_keys`` answers without a query (asked before, here or in an earlier run)."""
        return (group_by == "none" and self.facts.known("count")) \
            or self.facts.known(_lanes_key(group_by, principal, max_lanes))

    def _lane_keys(self, group_by: str, principal: tuple[str, ...], max_lanes: int) -> tuple[str, ...]:
        v = self.view
        if group_by == "none":
            return ("all",) if self.count() else ()
        if group_by == "category":
            counts = v.group_by(key=v.category).aggregate(n=v.count()).execute()
            named = counts[counts["key"] != ""].sort_values(["n", "key"], ascending=[False, True])
            rest = (counts["key"] == "").any() or len(named) > CATEGORY_LANES  # as lane_rows caps them
            return (*named["key"].astype(str).head(CATEGORY_LANES), *((OTHER,) if rest else ()))
        if group_by != "actor":
            raise ValueError(f"group_by must be 'actor', 'category' or 'none', got {group_by!r}")
        counts = self._actor_counts()
        chosen = list(dict.fromkeys(principal)) or actor_lanes.busiest(counts, max_lanes)
        present = {lane for _, lane in actor_lanes.lane_pairs([text for text, _ in counts], (*chosen, OTHER))}
        return tuple(k for k in (*chosen, OTHER) if k in present)

    def _actor_counts(self) -> list[tuple[str, int]]:
        """Each distinct actor list and its number of events (one grouped query, remembered)."""
        def ask() -> list[tuple[str, int]]:
            frame = self.view.group_by("actors").aggregate(n=self.view.count()).execute()
            return [(str(a), int(n)) for a, n in zip(frame["actors"], frame["n"], strict=True)]

        if self._lists is None:
            self._lists = self.facts.get("actor lists", ask, lambda v: [list(p) for p in v],
                                         lambda v: [tuple(p) for p in v], keep=lambda v: len(v) <= 50_000)
        return self._lists

    def facets(self, field: str) -> list[tuple[str, int]]:
        """The values of ``actors``, ``category`` or ``tags`` with how many events carry each, most first
        (one grouped query, remembered): what the filter bar offers, as in memory."""
        if field not in FACETS:
            raise ValueError(f"facets are {', '.join(FACETS)}, got {field!r}")

        def ask() -> list[tuple[str, int]]:
            if field == "actors":
                pairs = self._actor_counts()
            else:
                frame = self.view.group_by(field).aggregate(n=self.view.count()).execute()
                pairs = [("" if pd.isna(v) else str(v), int(n)) for v, n in zip(frame[field], frame["n"], strict=True)]
            return navigation.facet_totals([text for text, _ in pairs], [n for _, n in pairs])

        return self.facts.get(f"facets {field}", ask, lambda v: [list(p) for p in v],
                              lambda v: [(str(a), int(n)) for a, n in v], keep=lambda v: len(v) <= 50_000)

    def with_lanes(self, view: Any, group_by: str, keys: tuple[str, ...]) -> Any:
        """The view with a ``lane`` column, the lane's position in ``keys`` (an integer groups faster than
        its name), one row per (event, lane) pair; rows in no lane are left out. Actor lanes by joining
        the small table of distinct actor lists and their lanes (no list is split per row)."""
        if group_by != "actor":
            return exprs.with_lanes(view, group_by, keys)
        lane_of = {key: i for i, key in enumerate(keys)}
        pairs = [(text, lane_of[key]) for text, key in
                 actor_lanes.lane_pairs([text for text, _ in self._actor_counts()], keys) if key in lane_of]
        frame = pd.DataFrame({"lane_list": pd.Series([t for t, _ in pairs], dtype="str"),
                              "lane": pd.Series([i for _, i in pairs], dtype="int32")})
        table = ibis.memtable(frame)
        return view.join(table, view.actors == table.lane_list).drop("lane_list")

    def density(self, request: DensityRequest, token: CancelToken = NEVER) -> np.ndarray:
        """Exact counts per lane per bin, by one grouped query."""
        token.check()
        t0, t1, n = request.t0, request.t1, request.bins
        keys = request.lanes.keys
        out = np.zeros((len(keys), n), dtype=np.int64)
        view = self._filtered(request.filters) if request.filters.active else self.view
        view = self.prune(view, t0, t1)
        view = view.filter((view.s >= t0) & (view.s < t1))
        pairs = self.with_lanes(view, request.lanes.group_by, keys)
        width = t1 - t0
        binned = pairs.mutate(b=((pairs.s - t0) * n / width).floor().cast("int64"))
        binned = binned.filter((binned.b >= 0) & (binned.b < n))
        result = binned.group_by(["lane", "b"]).aggregate(c=binned.count()).execute()
        token.check()
        np.add.at(out, (result["lane"].to_numpy(dtype=np.int64), result["b"].to_numpy(dtype=np.int64)),
                  result["c"].to_numpy(dtype=np.int64))
        return out

    def events(self, t0: float | None = None, t1: float | None = None, filters: Filters = NO_FILTERS,
               limit: int | None = None, token: CancelToken = NEVER) -> pd.DataFrame:
        """The events overlapping ``[t0, t1)`` that match, by start then id, up to ``limit``."""
        token.check()
        if self.long_index is not None and t0 is not None and limit is not None and not filters.active \
                and self.backend.name == "duckdb":
            return tidy(self._indexed_first(t0, t1, limit, token))
        query = self._query(t0, t1, filters).order_by(["span_start", "id"])
        if limit is not None:
            query = query.limit(limit)
        frame = query.execute()
        token.check()
        return tidy(frame)

    def _query(self, t0: float | None, t1: float | None, filters: Filters, attributes: bool = False) -> Any:
        """The window's matching events: through the long index when there is one (it holds no attributes)."""
        if self.long_index is not None and t0 is not None and not attributes and not filters.attributes:
            return self._indexed_window(t0, t1, filters)
        return self._window(t0, t1, filters).select(*EVENT_FIELDS, *(self.attributes if attributes else ()))

    def _indexed_first(self, t0: float, t1: float | None, limit: int, token: CancelToken) -> pd.DataFrame:
        """A narrow window's first ``limit`` events on DuckDB: the earliest of those near the window (one
        query) merged with the earliest of the long ones from the index (:meth:`LongIndex.first`)."""
        near = self._near(t0, t1, self.view).order_by(["span_start", "id"]).limit(limit).to_pyarrow()
        token.check()
        older = self.long_index.first(self.backend, t0, t1, limit)
        token.check()
        rows = near if older is None else pa.concat_tables([near, older.select(near.schema.names).cast(near.schema)])
        rows = rows.sort_by([("span_start", "ascending"), ("id", "ascending")]).slice(0, limit)
        return rows.to_pandas()

    def stream(self, t0: float | None = None, t1: float | None = None, filters: Filters = NO_FILTERS,
               limit: int | None = None, chunk: int = 50_000, attributes: bool = False) -> Iterator[pd.DataFrame]:
        """:meth:`events` in chunks of rows, for output that starts before the whole answer is in (with the
        attribute columns, ``attr:<name>``, when ``attributes``)."""
        query = self._query(t0, t1, filters, attributes).order_by(["span_start", "id"])
        if limit is not None:
            query = query.limit(limit)
        with query.to_pyarrow_batches(chunk_size=chunk) as batches:
            for batch in batches:
                yield tidy(batch.to_pandas())

    def event(self, event_id: str) -> pd.Series | None:
        """One event by id (the earliest if the id repeats), or None."""
        frame = self.view.filter(self.view.id == event_id).order_by(["span_start"]).limit(1)
        rows = tidy(frame.select(*EVENT_FIELDS, *self.attributes).execute())
        return rows.iloc[0] if len(rows) else None

    @property
    def attributes(self) -> list[str]:
        """The prepared view's attribute columns (``attr:<name>``): what :meth:`event` adds to an event."""
        return [name for name in self.view.columns if name.startswith(PREFIX)]

    def ids_present(self, ids: list[str]) -> set[str]:
        """Which of these event ids exist (to check relation links without loading the events)."""
        if not ids:
            return set()
        found = self.view.filter(self.view.id.isin(ids)).select("id").distinct().execute()
        return set(found["id"].astype(str))

    def matching(self, filters: Filters) -> Any:
        """The prepared view of the events ``filters`` match (all of them without filters)."""
        return self._filtered(filters) if filters.active else self.view

    def _filtered(self, filters: Filters) -> Any:
        view = self.view
        if filters.start:
            view = self._pruned_window(view, _lower(filters.bounds()[0]), None)
        return view.filter(exprs.filter_predicate(view, filters, self.entity_names))

    def _indexed_window(self, t0: float, t1: float | None, filters: Filters) -> Any:
        """The window's events as events that started at most ``shortest`` before it (pruned by start)
        plus the long ones from the index: the same rows, without reading years of starts."""
        near = self._near(t0, t1, self._filtered_plain(filters) if filters.active else self.view)
        lo = exprs.stamp(to_stamp(t0))
        older = self.long_index.before(self.backend, near, lo, t0)
        if older is None:
            return near
        older = older.filter(exprs.filter_predicate(older, filters, self.entity_names)) if filters.active else older
        if t1 is not None:
            older = older.filter(older.span_start < exprs.stamp(to_stamp(t1)))
        return ibis.union(near, older)

    def _near(self, t0: float, t1: float | None, view: Any) -> Any:
        """The window's events in ``view`` that started at most the index's ``shortest`` before it."""
        shortest = self.long_index.shortest
        lo = exprs.stamp(to_stamp(t0))
        view = self.prune(view, t0 - shortest, t1)
        view = view.filter(view.span_start >= exprs.stamp(to_stamp(t0 - shortest)))
        if t1 is not None:
            view = view.filter(view.span_start < exprs.stamp(to_stamp(t1)))
        return view.filter((view.span_end > lo) | (view.span_start >= lo)).select(*EVENT_FIELDS)

    def _filtered_plain(self, filters: Filters) -> Any:
        """``_filtered`` without the look-back pruning (the caller prunes)."""
        return self.view.filter(exprs.filter_predicate(self.view, filters, self.entity_names))

    def _window(self, t0: float | None, t1: float | None, filters: Filters) -> Any:
        view = self._filtered(filters) if filters.active else self.view
        if t1 is not None:
            view = self.prune(view, None, t1)
            view = view.filter(view.span_start < exprs.stamp(to_stamp(t1)))
        if t0 is not None:
            lo = exprs.stamp(to_stamp(t0))
            view = self._pruned_window(view, to_stamp(t0), None)
            view = view.filter((view.span_end > lo) | (view.span_start >= lo))
        return view

    def prune(self, view: Any, t0: float | None, t1: float | None) -> Any:
        """Add predicates on the raw start column (which row-group statistics can answer) implied by
        a condition on ``s`` in ``[t0, t1)``; they change no answer, they only skip reading."""
        if not view.raw_start.type().is_timestamp():  # text or numbers: their statistics say nothing of time
            return view
        slack = pd.Timedelta(0).as_unit("us") if self._exact_start else YEAR_SLACK  # microseconds: no overflow
        if t0 is not None:
            view = view.filter(view.raw_start >= exprs.raw_stamp(view, to_stamp(math.floor(t0) - 1)))
        if t1 is not None:
            view = view.filter(view.raw_start < exprs.raw_stamp(view, to_stamp(math.ceil(t1) + 1) + slack))
        return view

    def _pruned_window(self, view: Any, lo: pd.Timestamp | None, _hi: None) -> Any:
        """Events overlapping from ``lo`` on started at most :meth:`longest` seconds before it."""
        if lo is None or not view.raw_start.type().is_timestamp():
            return view
        return self.prune(view, float(to_seconds(lo)) - self.longest() - 1, None)


def _lower(start: object) -> pd.Timestamp:
    return parse_date(start).start


def _lanes_key(group_by: str, principal: tuple[str, ...], max_lanes: int) -> str:
    return json.dumps(["lanes", group_by, list(principal), max_lanes])


def _utc(value: object) -> pd.Timestamp:
    """A UTC timestamp from an engine's value or a remembered ISO text. Text at UTC goes through numpy,
    which reads years past 9999 (the span of a column ending 31 Dec 9999 ends on 1 Jan 10000)."""
    if isinstance(value, str) and value.endswith(("+00:00", "Z")):
        value = np.datetime64(value.removesuffix("Z").removesuffix("+00:00"), "us")
    stamp = pd.Timestamp(value)
    return stamp.tz_localize("UTC") if stamp.tzinfo is None else stamp.tz_convert("UTC")


def tidy(frame: pd.DataFrame) -> pd.DataFrame:
    """An engine's rows with the in-memory types: UTC timestamps, text columns as strings."""
    frame = frame.reset_index(drop=True)
    for column in ("start", "end", "span_start", "span_end"):
        if column in frame:
            values = pd.to_datetime(frame[column])
            values = values.dt.tz_localize("UTC") if values.dt.tz is None else values.dt.tz_convert("UTC")
            frame[column] = values.astype("datetime64[us, UTC]")
    for column in ("id", *exprs.TEXT_FIELDS):
        if column in frame:
            frame[column] = frame[column].fillna("").astype("str")
    return frame
