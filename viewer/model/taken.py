"""A sequence whose items are made when first read, taken by position from a store kept for a whole dataset.

A cursor step on a big graph shows a focused view of a few dozen entities, yet the graph at the date held an object
for each of its 600,000 ties and 500,000 entities, made before anything was drawn: 4.3 s of a quarter of ICIJ's
Offshore Leaks database opening. The graph's nodes and edges are now :class:`Taken`: reading one makes it (with
those around it), reading them all makes them all, and each is made once for the dataset. Never Qt.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar, overload

import numpy as np

T = TypeVar("T")
BLOCK = 256  # items made together around one read (a focused view reads a few dozen, scattered)


class Taken(Sequence[T]):
    """The items of ``store`` (an object array, ``None`` where not made yet) at the positions ``at``.

    ``make(positions)`` fills the store at those of the positions it has not filled (it keeps its own record of
    them). ``moved``, when given, is a mask over this sequence and a function giving the item read at such a
    place another form (a tie drawn in a lane beside its pair's other ties).
    """

    __slots__ = ("_at", "_make", "_moved", "_store")

    def __init__(self, store: np.ndarray, at: np.ndarray, make: Callable[[np.ndarray], None],
                 moved: tuple[np.ndarray, Callable[[int, T], T]] | None = None) -> None:
        self._store, self._at, self._make, self._moved = store, at, make, moved

    def __len__(self) -> int:
        return len(self._at)

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[T, ...]: ...

    def __getitem__(self, index: int | slice) -> T | tuple[T, ...]:
        if isinstance(index, slice):
            return tuple(self[j] for j in range(*index.indices(len(self))))
        j = operator.index(index)
        j = j + len(self._at) if j < 0 else j
        if not 0 <= j < len(self._at):
            raise IndexError(f"index {index} out of range for {len(self._at)} items")
        item = self._store[self._at[j]]
        if item is None:
            self._make(self._at[max(j - BLOCK // 2, 0): j + BLOCK // 2])
            item = self._store[self._at[j]]
        return self._moved[1](j, item) if self._moved is not None and self._moved[0][j] else item

    def __iter__(self) -> Iterator[T]:
        return iter(self.made())

    def made(self) -> list[T]:
        """Every item, in order (all made now, in one pass)."""
        return self.take(np.arange(len(self._at)))

    def take(self, places: np.ndarray) -> list[T]:
        """The items at these places (non-negative), made now in one pass where they were not."""
        at = self._at[places]
        self._make(at)
        items: list[T] = self._store[at].tolist()
        if self._moved is not None:
            mask, move = self._moved
            for k in np.flatnonzero(mask[places]).tolist():
                items[k] = move(int(places[k]), items[k])
        return items

    def __eq__(self, other: object) -> bool:
        if self is other:
            return True
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(self) == len(other) and self.made() == list(other)

    def __hash__(self) -> int:
        return hash(tuple(self.made()))

    def __repr__(self) -> str:
        return f"Taken({len(self)} items)"


def take(items: Sequence[T], places: np.ndarray) -> list[T]:
    """The items at these places of a sequence: in one pass for a :class:`Taken`."""
    return items.take(places) if isinstance(items, Taken) else [items[i] for i in places.tolist()]
