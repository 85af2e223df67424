"""The members of ``;``-separated lists (actors, tags), split in Arrow for all the distinct lists at once.

Lanes, pickers and the unknown-entity check count members per distinct list, and most files repeat a few
lists. Where lists are mostly distinct (a paper's authors, a meeting's participants), a set made in Python
per list cost 10 µs each: 100,000 events, each with its own dozen participants, held the window 1.2 s.
A member is what ``str.strip`` leaves of a part (Python's whitespace, trimmed in Arrow); empty parts are
no member, and a list naming one member twice holds it once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

# what str.strip() takes off: every character whose isspace() is true (a test checks the list)
WHITESPACE = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
              "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")


@dataclass(frozen=True)
class Members:
    """Each (list, member) pair once: ``text[k]`` is a position among the lists, ``member[k]`` one in
    ``names`` (in first-seen order)."""

    text: np.ndarray
    member: np.ndarray
    names: list[str]

    def totals(self, weights: Sequence[int] | np.ndarray) -> np.ndarray:
        """Per name: the sum of ``weights`` (one per list) over the lists that hold it."""
        if not len(self.text):
            return np.zeros(len(self.names), dtype=np.int64)
        weight = np.asarray(weights, dtype=np.int64)[self.text]
        return np.bincount(self.member, weights=weight, minlength=len(self.names)).astype(np.int64)

    def ranked(self, weights: Sequence[int] | np.ndarray, limit: int | None = None) -> list[tuple[str, int]]:
        """Each name with its total, most first (ties by name, in :func:`natural` order); the first ``limit``."""
        totals = self.totals(weights)
        keep = np.arange(len(totals))
        if limit is not None and 0 < limit < len(totals):  # only the names that may be first: the lanes' dozen
            keep = np.flatnonzero(totals >= np.partition(totals, len(totals) - limit)[len(totals) - limit])
        # by name (one key a name, read by C's own getter), then by total in a stable sort of numpy's: a register's
        # 176,000 officers took 0.5 s sorted by a tuple a name, 0.26 s now
        keys = [natural(self.names[i]) for i in keep.tolist()]
        by_name = keep[np.asarray(sorted(range(len(keys)), key=keys.__getitem__), dtype=np.int64)]
        order = by_name[np.argsort(-totals[by_name], kind="stable")][:limit].tolist()
        counts = totals.tolist()
        return [(self.names[i], counts[i]) for i in order]


_DIGITS = re.compile(r"(\d+)")


def natural(text: str) -> tuple[str | int, ...]:
    """A name's place among names as a person orders them: its runs of digits by their value, so "Unit 2" comes
    before "Unit 10" (as text it came after, and lanes of like counts read "Dev 1, Dev 10, Dev 100")."""
    parts: list[str | int] = list(_DIGITS.split(text))
    parts[1::2] = map(int, parts[1::2])  # (every other part is a run of digits)
    return tuple(parts)


def members(texts: Sequence[str] | pa.Array) -> Members:
    """The members of each ``;``-separated text (a list of them, or an Arrow string array without nulls)."""
    array = texts if isinstance(texts, pa.Array) else pa.array(texts, type=pa.string())
    parts = pc.split_pattern(array, ";")
    flat = pc.utf8_trim(pc.list_flatten(parts), WHITESPACE)
    parent = np.asarray(pc.list_parent_indices(parts).to_numpy(zero_copy_only=False), dtype=np.int64)
    kept = np.asarray(pc.not_equal(pc.binary_length(flat), 0).to_numpy(zero_copy_only=False), dtype=bool)
    encoded = flat.filter(pa.array(kept)).dictionary_encode()
    names: list[str] = encoded.dictionary.to_pylist()
    codes = np.asarray(encoded.indices.to_numpy(zero_copy_only=False), dtype=np.int64)
    keys = np.sort(parent[kept] * max(len(names), 1) + codes)  # by list, then member
    keys = keys[np.flatnonzero(np.diff(keys, prepend=-1))]  # each pair once (np.unique: 60× slower at 1M)
    return Members(keys // max(len(names), 1), keys % max(len(names), 1), names)


def distinct_names(names: Sequence[str]) -> list[str]:
    """Column names with each one an earlier column has renamed by its place (``title`` as the third column:
    ``title_3``), as a text's header row, a Parquet file and a SQLite view are read alike.

    >>> distinct_names(["date", "title", "title"])
    ['date', 'title', 'title_3']
    """
    out: list[str] = []
    taken: set[str] = set()  # (a list's 'in' made 20,000 columns take 2 s)
    for i, name in enumerate(names):
        out.append(name if name not in taken else f"{name}_{i + 1}")
        taken.add(out[-1])
    return out

