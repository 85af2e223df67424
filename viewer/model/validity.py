"""When each tie and entity of a dataset holds, as integer columns made once: a cursor step compares numbers.

:func:`viewer.model.query.valid_mask`, ``absent_at`` and ``uncertain_mask`` answer for any frame, each a few
pandas passes: 6.6 ms of every cursor step on the alliance's 53 ties, more than the timeline's frame. The graph
and the relations table ask about the open dataset only, so its bounds are read once as microseconds (an open
end as the farthest number), each fuzzy bound ("2019", "Nov 2022") as the span it may lie in, and each tie's
ends as codes into its entities, and each step is a few comparisons over arrays. Never Qt.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from viewer.model.dataset import Dataset
from viewer.model.dates import EPOCH, parse_date, span_end, to_micros
from viewer.model.memo import Memo

FIRST, LAST = np.iinfo(np.int64).min, np.iinfo(np.int64).max
MICRO = pd.Timedelta(microseconds=1)
COARSE = ("year", "month")  # a bound known to this precision is fuzzy: the tie may hold or not in its span

_KEPT: Memo[Validity] = Memo()


@dataclass(frozen=True)
class Bounds:
    """Each row's ``[start, end)`` in microseconds, open ends as the farthest numbers."""

    start: np.ndarray
    end: np.ndarray

    def holds(self, t: int) -> np.ndarray:
        """The rows that hold at ``t`` (microseconds): ``start <= t < end``."""
        return (self.start <= t) & (t < self.end)


@dataclass(frozen=True)
class Validity:
    """A dataset's ties and entities as numbers: when each holds, where its fuzzy bounds may lie, its ends' codes."""

    ties: Bounds
    fuzzy_from: Bounds  # the span a tie's start known to the month or year may lie in (empty for the others)
    fuzzy_to: Bounds
    entities: Bounds | None  # None: the entities carry no dates, all of them always exist
    entity_code: np.ndarray  # each entity's id as a code (shared with the ties' ends)
    source: np.ndarray  # each tie's source as a code
    target: np.ndarray
    codes: int  # how many codes there are


def of(dataset: Dataset) -> Validity:
    """The dataset's validity columns, made on the first question about it."""
    return _KEPT.get(dataset, "validity", lambda: _made(dataset))


def micros(when: object) -> int:
    """An instant (anything :func:`~viewer.model.dates.parse_date` reads) as microseconds since 1970 (UTC)."""
    return int((parse_date(when).start - EPOCH) // MICRO)


def valid_at(dataset: Dataset, when: object) -> np.ndarray:
    """The ties whose own dates hold ``when`` (:func:`viewer.model.query.valid_mask` of the dataset's relations)."""
    t = micros(when)  # read even when there is nothing to compare: a bad date is still an error
    return of(dataset).ties.holds(t)


def held_at(dataset: Dataset, when: object) -> np.ndarray:
    """The ties valid at ``when`` whose two ends exist then (an entity that does not exist yet, or any more,
    takes its ties with it; an end no entity is always exists)."""
    t = micros(when)
    found = of(dataset)
    held = found.ties.holds(t)
    if found.entities is not None:
        absent = np.zeros(found.codes + 1, dtype=bool)  # the last slot: a code of nothing, never absent
        absent[found.entity_code[~found.entities.holds(t)]] = True
        absent[-1] = False
        held &= ~(absent[found.source] | absent[found.target])
    return held


def fuzzy_at(dataset: Dataset, when: object) -> tuple[np.ndarray, np.ndarray]:
    """The ties whose start, and those whose end, is known only to the month or year and whose span holds
    ``when`` (:func:`viewer.model.query.uncertain_mask` is either)."""
    t = micros(when)
    found = of(dataset)
    return found.fuzzy_from.holds(t), found.fuzzy_to.holds(t)


def _made(dataset: Dataset) -> Validity:
    relations, entities = dataset.relations, dataset.entities
    ties = _bounds(relations)
    fuzzy = tuple(_fuzzy(relations, column) for column in ("valid_from", "valid_to"))
    ends = pd.concat([entities["id"].astype(str), relations["source"].astype(str),
                      relations["target"].astype(str)], ignore_index=True)
    codes, distinct = pd.factorize(ends)
    codes = np.where(codes < 0, len(distinct), codes).astype(np.int64)
    n, m = len(entities), len(relations)
    dated = "valid_from" in entities.columns or "valid_to" in entities.columns
    return Validity(ties, fuzzy[0], fuzzy[1], _bounds(entities) if dated else None, codes[:n], codes[n:n + m],
                    codes[n + m:], len(distinct))


def _bounds(frame: pd.DataFrame) -> Bounds:
    return Bounds(_micros_of(frame, "valid_from", FIRST), _micros_of(frame, "valid_to", LAST))


def _micros_of(frame: pd.DataFrame, column: str, missing: int) -> np.ndarray:
    """A column of instants as int64 microseconds (UTC), its empty cells (or a missing column) as ``missing``."""
    if column not in frame.columns or not len(frame):
        return np.full(len(frame), missing, dtype=np.int64)
    stamps = pd.to_datetime(frame[column], utc=True)
    return np.where(stamps.isna().to_numpy(), missing, to_micros(stamps))


def _fuzzy(relations: pd.DataFrame, column: str) -> Bounds:
    """The span each coarse bound of ``column`` may lie in; an empty span (never holding) for the others."""
    never = Bounds(np.full(len(relations), LAST, dtype=np.int64), np.full(len(relations), FIRST, dtype=np.int64))
    precision_column = f"{column}_precision"
    if column not in relations.columns or precision_column not in relations.columns or not len(relations):
        return never
    precision = relations[precision_column].astype("object")
    coarse = precision.isin(COARSE).to_numpy() & relations[column].notna().to_numpy()
    if not coarse.any():
        return never
    start = _micros_of(relations, column, LAST)
    end = to_micros(span_end(pd.to_datetime(relations[column], utc=True), precision.fillna("time")))
    return Bounds(np.where(coarse, start, LAST), np.where(coarse, end, FIRST))
