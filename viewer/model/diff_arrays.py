"""The diff between two dates of the open dataset, from arrays made once: the same table as
:func:`viewer.model.query.diff`, without a merge.

``query.diff`` answers for any frame in pandas: the relations valid at each date, numbered within their (source,
target, kind), merged on that and the number. Compare mode asked it at every cursor step, 136 ms a step at 4,000
ties. Here the ties held at a date are an interval test over :mod:`validity`'s numbers; each tie's (source,
target, kind) is a code, in the order of their text, so the pairing is a sort of integers and the table's order
is the codes'; each date's set of held ties is kept by its bits (the compared start, fixed while the cursor moves,
is numbered once), and so is each pair of sets' pairing. A property test holds the table to ``query.diff``'s, row
for row and value for value. Never Qt.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from viewer.model import validity, value_bands
from viewer.model.dataset import Dataset
from viewer.model.dates import parse_date
from viewer.model.memo import Memo
from viewer.model.query import Diff
from viewer.model.query import diff as frame_diff
from viewer.model.value_labels import value_label

CHANGED, ADDED, REMOVED, UNCHANGED = range(4)  # in the table's order
NAMES = np.array(["changed", "added", "removed", "unchanged"], dtype=object)
_NAMES_TEXT = pd.array(NAMES, dtype="str")

_CODES: Memo[Codes] = Memo()
KEPT = 16  # sets and pairings kept for the last dataset (a cursor walking to and fro finds them)
_HELD: Memo[Held] = Memo(KEPT)  # the ties held at a date, by the bits of the set
_PAIRED: Memo[Paired] = Memo(KEPT)  # two dates' ties paired, by the bits of both sets


@dataclass(frozen=True)
class Codes:
    """A dataset's ties as the diff reads them: codes, values and what a row's id names (made once)."""

    key: np.ndarray  # each tie's (source, target, kind), dense codes in the order of the text
    slots: int  # more than any tie's number among the ties of its key
    value: np.ndarray  # float
    ids: np.ndarray  # object: each tie's id as text
    id_code: np.ndarray  # each tie's id as a code into ``distinct_ids``; one past the last for none (row -1)
    distinct_ids: pd.Index
    ends: pd.Index  # the distinct ends of the ties, as text
    kind_words: np.ndarray  # object: each tie's kind as words ("joint venture"), what a tie without a value says
    text: dict[str, Any]  # the kinds, ids and events as the table's text columns (ids and events with "" last)
    written: np.ndarray  # object: the value as written of the last tie with this one's id ("25–50%"; "" for none)
    plain: np.ndarray  # object: each tie's value as a label ("43.4%", "" for none), filled as rows are asked for
    worded: np.ndarray  # which rows of ``plain`` are filled
    frame: pd.DataFrame  # the relations, read for the table's source and target


@dataclass(frozen=True)
class Held:
    """The ties held at a date: their rows, ascending, and each one's place as ``key * slots + number``, its number
    counting the held ties of its key before it."""

    rows: np.ndarray
    places: np.ndarray


@dataclass(frozen=True)
class Paired:
    """The ties of two dates, paired: for each row of the table, its old and new tie (``-1`` for none) and its
    change (:data:`CHANGED` …), in the table's order."""

    codes: Codes
    old: np.ndarray
    new: np.ndarray
    change: np.ndarray

    @functools.cached_property
    def table(self) -> pd.DataFrame:
        """The table ``query.diff`` answers (made when first read: the window reads :func:`table` of the drawn)."""
        if not len(self.change):  # no tie at either date: the table of nothing, whose columns pandas types its own way
            return frame_diff(self.codes.frame.iloc[:0], "1970", "1970").table
        return table(self.codes, self.old, self.new, _NAMES_TEXT.take(self.change))


def codes(dataset: Dataset) -> Codes:
    """The dataset's codes, made on the first question about it."""
    return _CODES.get(dataset, "codes", lambda: _made(dataset))


def diff(dataset: Dataset, before: object, after: object) -> Diff:
    """``query.diff(dataset.relations, before, after, dataset.entities)``, from the dataset's arrays.

    >>> import viewer
    >>> d = diff(viewer.load(), "2018-11-19", "2023-11-09")
    >>> d.of("changed").query("source == 'renault' and target == 'nissan'")[["old_value", "new_value"]].values.tolist()
    [[43.4, 15.0]]
    """
    a, b = parse_date(before).start, parse_date(after).start
    return Diff(a, b, paired(dataset, a, b).table)


def paired(dataset: Dataset, before: object, after: object) -> Paired:
    """The ties held at ``before`` and at ``after`` (valid, between entities that exist then) paired as ``query.diff``
    pairs them (kept per pair of sets)."""
    old, new = (validity.held_at(dataset, when) for when in (before, after))
    key = (np.packbits(old).tobytes(), np.packbits(new).tobytes())
    return _PAIRED.get(dataset, key, lambda: _paired(dataset, _held(dataset, old, key[0]), _held(dataset, new, key[1])))


def labels(found: Codes, rows: np.ndarray) -> np.ndarray:
    """Each tie's value as a label (``43.4%``, or as written: ``25–50%``; "" without a value), by row: those of
    ``rows`` (``-1``: none) worded now if they were not yet."""
    rows = rows[rows >= 0]
    need = np.unique(rows[~found.worded[rows]])
    if len(need):
        kinds, values, written = found.text["kind"][need].tolist(), found.value[need].tolist(), found.written[need]
        worded: dict[tuple[str, float], str] = {}
        found.plain[need] = [text or worded.setdefault((kind, value), value_label(kind, value)) for text, kind, value
                             in zip(written.tolist(), kinds, values, strict=True)]
        found.worded[need] = True
    return found.plain


def table(found: Codes, old: np.ndarray, new: np.ndarray, change: Any, **more: Any) -> pd.DataFrame:
    """The rows of these old and new ties (at least one) as ``query.diff`` writes them (its columns, their types),
    taken from the dataset's columns; ``change``: the column of changes; ``more``: columns after them."""
    frame = found.frame
    has_old, has_new = old >= 0, new >= 0
    either = np.where(has_new, new, old)
    none = len(found.value)  # the place of "" after each column's values

    def value(rows: np.ndarray, present: np.ndarray) -> np.ndarray:
        return np.where(present, found.value[np.maximum(rows, 0)], np.nan)

    return pd.DataFrame({
        "change": change,
        "source": pd.Series(frame["source"].array.take(either)),
        "target": pd.Series(frame["target"].array.take(either)),
        "kind": pd.Series(found.text["kind"].take(either)),
        "old_value": value(old, has_old), "new_value": value(new, has_new),
        "old_id": pd.Series(found.text["id"].take(np.where(has_old, old, none))),
        "new_id": pd.Series(found.text["id"].take(np.where(has_new, new, none))),
        "events": pd.Series(found.text["event"].take(np.where(has_new, new, none))), **more,
    })


def _made(dataset: Dataset) -> Codes:
    relations = dataset.relations
    n = len(relations)
    kind = relations["kind"].astype(str)  # (as query.diff's table writes it)
    source, target = relations["source"].astype(str), relations["target"].astype(str)
    parts = [pd.factorize(column, sort=True)[0].astype(np.int64) for column in (source, target, kind)]
    wide = parts[0] * (int(parts[1].max(initial=0)) + 1) + parts[1]
    wide = wide * (int(parts[2].max(initial=0)) + 1) + parts[2]
    key = np.unique(wide, return_inverse=True)[1].reshape(-1).astype(np.int64)  # dense, in the same order
    ids = relations["id"].astype(str).to_numpy(dtype=object)
    id_code, distinct = pd.factorize(ids)
    last = np.full(len(distinct), -1, dtype=np.int64)
    np.maximum.at(last, id_code, np.arange(n, dtype=np.int64))  # (a dict by id keeps the last row of each)
    of_id = last[id_code]
    event = relations["event"].to_numpy(dtype=object)[of_id]
    written = np.asarray(value_bands.written(relations), dtype=object)[of_id]
    text = {"kind": kind.array, "id": pd.array(np.append(ids, ""), dtype="str"),
            "event": pd.array(np.append(event, ""), dtype="str")}
    words = kind.str.replace("_", " ").to_numpy(dtype=object)
    return Codes(key, n + 1, relations["value"].to_numpy(dtype=float), ids,
                 np.append(id_code, len(distinct)).astype(np.int64), pd.Index(distinct),
                 pd.Index(pd.unique(pd.concat([source, target], ignore_index=True))), words, text, written,
                 np.full(n, "", dtype=object), np.zeros(n, dtype=bool), relations)


def _held(dataset: Dataset, mask: np.ndarray, bits: bytes) -> Held:
    return _HELD.get(dataset, bits, lambda: _numbered(codes(dataset), np.flatnonzero(mask)))


def _numbered(found: Codes, rows: np.ndarray) -> Held:
    """Number each held tie among the held ties of its key, in row order (pandas' ``cumcount``)."""
    key = found.key[rows]
    order = np.argsort(key, kind="stable")
    ordered = key[order]
    first = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]]) if len(ordered) else np.zeros(0, np.int64)
    size = np.diff(np.r_[first, len(ordered)])
    number = np.empty(len(rows), dtype=np.int64)
    number[order] = np.arange(len(ordered)) - np.repeat(first, size)
    return Held(rows, key * found.slots + number)


def _paired(dataset: Dataset, old: Held, new: Held) -> Paired:
    found = codes(dataset)
    _both, at_old, at_new = np.intersect1d(old.places, new.places, assume_unique=True, return_indices=True)
    only_old, only_new = np.ones(len(old.rows), bool), np.ones(len(new.rows), bool)
    only_old[at_old], only_new[at_new] = False, False
    before, after = found.value[old.rows[at_old]], found.value[new.rows[at_new]]
    same = (before == after) | (np.isnan(before) & np.isnan(after))
    none_old, none_new = np.full(int(only_new.sum()), -1), np.full(int(only_old.sum()), -1)
    old_rows = np.concatenate([old.rows[at_old], none_old, old.rows[only_old]]).astype(np.int64)
    new_rows = np.concatenate([new.rows[at_new], new.rows[only_new], none_new]).astype(np.int64)
    change = np.concatenate([np.where(same, UNCHANGED, CHANGED), np.full(len(none_old), ADDED),
                             np.full(len(none_new), REMOVED)]).astype(np.int64)
    places = np.concatenate([new.places[at_new], new.places[only_new], old.places[only_old]])
    order = np.lexsort((places, change))  # by change, then (source, target, kind) as text, then number
    return Paired(found, old_rows[order], new_rows[order], change[order])
