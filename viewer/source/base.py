"""The event source seam: the questions the timeline, overview, filters, CLI and API ask of events.

Two implementations answer them identically: :class:`viewer.source.memory.MemorySource` over an
in-memory Dataset and :class:`viewer.source.engine.EngineSource` over an ibis table (DuckDB, Spark, …).

Conventions shared by both, so answers can be compared exactly:

- times are Unix seconds; an event's instant for binning is its start, floored to the whole second;
- an event belongs to a lane as :func:`viewer.model.lane_packing.lane_rows` puts it there (``actor``:
  each principal actor it names, else "Other"; ``category``; ``none``): one (event, lane) pair each;
- density over ``[t0, t1)`` in ``n`` bins puts a pair starting at ``s`` in bin
  ``floor((s - t0) * n / (t1 - t0))`` (float64 arithmetic, in this order);
- a window ``[t0, t1)`` holds the events whose precision span overlaps it (``span_start < t1`` and
  ``span_end > t0``, or an instant at or after ``t0``), listed by start, then id.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

import numpy as np
import pandas as pd

from viewer.model.filters import Filters

ENGINE_MODULES = ("duckdb", "_duckdb", "ibis", "pyspark", "py4j", "sqlglot", "trino", "clickhouse_connect")
GROUPINGS = ("actor", "category", "none")
EVENT_FIELDS = ("id", "start", "end", "precision", "end_precision", "title", "description", "actors",
                "category", "tags", "source_title", "source_url", "span_start", "span_end")
NO_FILTERS = Filters()


class Cancelled(Exception):
    """A request was superseded by a newer one before its answer was ready."""


@dataclass
class Generation:
    """A counter of requests: a token from :meth:`next` is stale once a newer one was handed out.

    The UI bumps it on every view change; a worker checks ``token.check()`` between steps and drops
    stale work, so only the latest view's tiles are computed.
    """

    value: int = 0

    def next(self) -> CancelToken:
        """A token for a new request; every earlier token becomes cancelled."""
        self.value += 1
        return CancelToken(self, self.value)


@dataclass(frozen=True)
class CancelToken:
    """One request's ticket: cancelled when its :class:`Generation` moved on."""

    generation: Generation | None = None
    number: int = 0

    @property
    def cancelled(self) -> bool:
        """True once a newer request was started."""
        return self.generation is not None and self.generation.value != self.number

    def check(self) -> None:
        """Raise :class:`Cancelled` when the request is stale."""
        if self.cancelled:
            raise Cancelled(f"request {self.number} superseded by {self.generation.value if self.generation else 0}")


NEVER = CancelToken()


@dataclass(frozen=True)
class LaneSpec:
    """How events are grouped into lanes and which lanes, in order (``keys`` from ``lane_keys``)."""

    group_by: str = "none"
    keys: tuple[str, ...] = ("all",)

    def __post_init__(self) -> None:
        if self.group_by not in GROUPINGS:
            raise ValueError(f"group_by must be one of {', '.join(GROUPINGS)}, got {self.group_by!r}")


@dataclass(frozen=True)
class DensityRequest:
    """Counts per lane per bin over ``[t0, t1)`` in ``bins`` equal bins, of events matching ``filters``."""

    t0: float
    t1: float
    bins: int
    lanes: LaneSpec = field(default_factory=LaneSpec)
    filters: Filters = NO_FILTERS

    def __post_init__(self) -> None:
        if not (self.t1 > self.t0) or self.bins < 1:
            raise ValueError(f"a density request needs t1 > t0 and bins >= 1, got [{self.t0}, {self.t1}) "
                             f"in {self.bins} bins")


@dataclass(frozen=True)
class Density:
    """An answer: ``counts`` of shape (lanes, bins); ``exact`` False for an estimate.

    ``per_lane`` is False when only totals are known (one row; from Parquet row-group statistics).
    """

    request: DensityRequest
    counts: np.ndarray
    exact: bool = True
    per_lane: bool = True
    level: str = "engine"


@runtime_checkable
class EventSource(Protocol):
    """What can be asked of a table of events without holding it in memory."""

    def count(self, filters: Filters = NO_FILTERS) -> int:
        """How many events match."""
        ...

    def span(self) -> tuple[pd.Timestamp, pd.Timestamp] | None:
        """The first start and the last span end, or None without events."""
        ...

    def lane_keys(self, group_by: str, principal: tuple[str, ...] = (), max_lanes: int = 12) -> tuple[str, ...]:
        """The lanes ``lane_rows`` would draw for this grouping, in order (empty lanes left out)."""
        ...

    def density(self, request: DensityRequest, token: CancelToken = NEVER) -> np.ndarray:
        """Exact counts per lane per bin, shape ``(len(request.lanes.keys), request.bins)``, int64."""
        ...

    def events(self, t0: float | None = None, t1: float | None = None, filters: Filters = NO_FILTERS,
               limit: int | None = None, token: CancelToken = NEVER) -> pd.DataFrame:
        """The events overlapping ``[t0, t1)`` (None: unbounded) that match, by start then id, up to ``limit``."""
        ...

    def event(self, event_id: str) -> pd.Series | None:
        """One event by id (the first if the id repeats), or None."""
        ...


def bin_index(seconds: np.ndarray, t0: float, t1: float, bins: int) -> np.ndarray:
    """The bin of each whole second in ``[t0, t1)`` (-1 outside), by the shared formula."""
    raw = np.floor((seconds.astype(np.float64) - t0) * bins / (t1 - t0))
    inside = (seconds >= t0) & (seconds < t1) & (raw >= 0) & (raw < bins)  # rounding may reach ``bins``
    return np.where(inside, raw, -1).astype(np.int64)


def to_stamp(seconds: float) -> pd.Timestamp:
    """Unix seconds as a UTC timestamp (microseconds)."""
    return pd.Timestamp(round(seconds * 1e6), unit="us", tz="UTC")


def engine_error(exc: BaseException) -> str | None:
    """The first line of an error raised by a query engine or its driver (DuckDB, ibis, Spark …), or None
    for any other error: what a command or the window says instead of a traceback."""
    module = type(exc).__module__.split(".")[0]
    if module not in ENGINE_MODULES:
        return None
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    first = lines[0] if lines else type(exc).__name__
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in first)  # a stray byte from a damaged file
