"""A dataset whose events stay where they are: the Dataset's questions, answered through an EventSource.

Entities and relations are small and held in memory (read from the files or tables beside the
events); events are asked of the source, so bounded answers come back as pandas frames.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import pandas as pd

from viewer.model import instants, query
from viewer.model.dataset import DatasetMeta
from viewer.model.dates import PartialDate
from viewer.model.filters import Filters
from viewer.model.problems import Problem
from viewer.source.base import NO_FILTERS, EventSource


def _as_set(value: object) -> frozenset[str]:
    if value is None:
        return frozenset()
    if isinstance(value, str):
        return frozenset([value])
    return frozenset(str(v) for v in value)  # type: ignore[attr-defined]


@dataclass
class LazyDataset:
    """Events behind an :class:`EventSource`; entities, relations, metadata and problems in memory.

    ``events_between`` lists by start, then id; its text search also matches entity names, as the
    filter bar does.
    """

    source: EventSource
    entities: pd.DataFrame
    relations: pd.DataFrame
    meta: DatasetMeta = field(default_factory=DatasetMeta)
    problems: list[Problem] = field(default_factory=list)

    @property
    def title(self) -> str:
        """The dataset's title, or its path when it has none."""
        return self.meta.title or self.meta.path

    def __len__(self) -> int:
        return self.source.count()

    def span(self) -> tuple[pd.Timestamp, pd.Timestamp] | None:
        """The first instant and the end of the last event's span, or None without events."""
        return self.source.span()

    def entity_name(self, entity_id: str) -> str:
        """The display name of an entity id (the id itself when unknown)."""
        names = self.entities.set_index("id")["name"]
        return str(names.get(entity_id, entity_id))

    @staticmethod
    def filters(start: object = None, end: object = None, *, actors: object = None, categories: object = None,
                tags: object = None, text: str | None = None, where: dict[str, list[str]] | None = None) -> Filters:
        """The :class:`Filters` value for ``events_between``'s arguments (``where``: attribute values)."""
        return Filters(text=text or "", actors=_as_set(actors), categories=_as_set(categories), tags=_as_set(tags),
                       start=None if start is None else str(start), end=None if end is None else str(end),
                       attributes=tuple((name, _as_set(values)) for name, values in (where or {}).items()))

    def events_between(self, start: object = None, end: object = None, *, actors: object = None,
                       categories: object = None, tags: object = None, text: str | None = None,
                       where: dict[str, list[str]] | None = None, limit: int | None = None) -> pd.DataFrame:
        """Events whose precision span overlaps ``[start, end]``, filtered (``where``: attribute values, as
        ``Dataset.events_between``), by start then id, up to ``limit``."""
        wanted = self.filters(start, end, actors=actors, categories=categories, tags=tags, text=text, where=where)
        return self.source.events(filters=wanted, limit=limit)

    def iter_events(self, filters: Filters = NO_FILTERS, limit: int | None = None,
                    attributes: bool = False) -> Iterator[pd.DataFrame]:
        """The matching events in chunks (engine sources stream them, with their attribute columns when
        ``attributes``; in memory, one chunk)."""
        stream = getattr(self.source, "stream", None)
        if stream is not None:
            yield from stream(filters=filters, limit=limit, attributes=attributes)
        else:
            yield self.source.events(filters=filters, limit=limit)

    def count(self, start: object = None, end: object = None, *, actors: object = None, categories: object = None,
              tags: object = None, text: str | None = None) -> int:
        """How many events match (all of them without arguments)."""
        return self.source.count(self.filters(start, end, actors=actors, categories=categories, tags=tags, text=text))

    def relations_at(self, when: object) -> pd.DataFrame:
        """Relations valid at an instant (``valid_from <= t < valid_to``; empty ends are open)."""
        return query.relations_at(self.relations, self.when(when, required=True), self.entities)

    def diff(self, before: object, after: object) -> query.Diff:
        """What changed in the relations between two dates."""
        return query.diff(self.relations, self.when(before, required=True), self.when(after, required=True),
                          self.entities)

    def when(self, value: object, *, upper: bool = False, required: bool = False) -> PartialDate | None:
        """A time as ``Dataset.when`` reads it (``44 BC``, ``19 Nov 2018``, ``Q1 2019``: its last date when
        ``upper``); None stays None unless ``required``; ValueError for what no clock reads."""
        return instants.read(value, self.meta.clock, upper=upper, required=required)

    def history(self, source: str, target: str, kind: str | None = None) -> pd.DataFrame:
        """Every relation from ``source`` to ``target`` over time, oldest first."""
        return query.history(self.relations, source, target, kind)
