"""Filters as a value: what the user asked to see, applicable to any table of events.

Like glue's subset states, a filter is a predicate rather than a list of rows, so the timeline, the
overview strip, the relationship panel and the command line each apply it to their own data.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from viewer.model import clock as clock_module
from viewer.model import instants, query


@dataclass(frozen=True)
class Filters:
    """Free text, actors, categories, tags and a date range (any may be empty: no constraint)."""

    text: str = ""
    actors: frozenset[str] = field(default_factory=frozenset)
    categories: frozenset[str] = field(default_factory=frozenset)
    tags: frozenset[str] = field(default_factory=frozenset)
    start: str | None = None  # partial dates as written ("2023", "2023-02"); precision-aware matching
    end: str | None = None
    # (attribute name, accepted values) pairs, e.g. (("State", frozenset({"IL"})),); every pair must match
    attributes: tuple[tuple[str, frozenset[str]], ...] = ()
    clock: str = clock_module.CALENDAR  # how start and end are read: dates, or numbers ("42") on a numeric clock

    def bounds(self) -> tuple[object, object]:
        """``start`` and ``end`` as the queries take them, read on the dataset's clock as ``--from``/``--to`` and the
        API read them (:func:`viewer.model.instants.read`: numbers on a numeric clock; on the calendar a date as a
        table writes it, ``44 BC``, or a named period, ``Q1 2019``, its last date when it ends the range)."""
        return instants.read(self.start, self.clock), instants.read(self.end, self.clock, upper=True)

    @property
    def active(self) -> bool:
        """True when any constraint is set."""
        return bool(self.text.strip() or self.actors or self.categories or self.tags or self.start or self.end
                    or any(values for _name, values in self.attributes))

    def with_attribute(self, name: str, values: frozenset[str] | set[str]) -> Filters:
        """These filters with attribute ``name`` limited to ``values`` (no values: that constraint removed)."""
        kept = tuple((n, v) for n, v in self.attributes if n != name)
        return replace(self, attributes=(*kept, (name, frozenset(values))) if values else kept)

    def mask(self, events: pd.DataFrame, entity_names: dict[str, str] | None = None) -> np.ndarray:
        """Which events match (True everywhere when no constraint is set)."""
        start, end = self.bounds()
        return query.match_mask(events, start, end, actors=sorted(self.actors), categories=sorted(self.categories),
                                tags=sorted(self.tags), text=self.text, where=dict(self.attributes),
                                entity_names=entity_names)

    def imprecise_count(self, events: pd.DataFrame, matched: np.ndarray) -> int:
        """How many matched events match the date range only because their date is month/year precise."""
        if not (self.start or self.end):
            return 0
        return int((query.imprecise_mask(events, *self.bounds()) & matched).sum())


def involved_entities(events: pd.DataFrame, matched: np.ndarray) -> frozenset[str]:
    """The entity ids that at least one matched event involves."""
    uniques = pd.unique(events.loc[matched, "actors"].to_numpy())
    return frozenset(a for u in uniques for a in str(u).split(";") if a)
