"""Answers remembered for the last object asked about (a dataset), forgotten when another one comes or it goes.

The object is held weakly and compared with ``is``: a closed window's dataset is never kept alive by a
memo, and a new dataset is never mistaken for an old one that had the same ``id``.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

T = TypeVar("T")
LIMIT = 64  # answers kept per object; past it they are all forgotten (a cursor's walk asks a few dozen)


class Memo(Generic[T]):
    """``get(owner, key, make)``: ``make()`` once per key while ``owner`` is the last object asked about."""

    def __init__(self, limit: int = LIMIT) -> None:
        self._owner: weakref.ref[object] | None = None
        self._answers: dict[Hashable, T] = {}
        self._limit = limit  # (fewer for big answers: a diff of 600,000 ties holds megabytes)

    def get(self, owner: object, key: Hashable, make: Callable[[], T]) -> T:
        """The answer for ``key`` about ``owner``, made now if it is not known."""
        if self._owner is None or self._owner() is not owner:
            self._owner, self._answers = weakref.ref(owner, self._forget), {}
        if key not in self._answers:
            if len(self._answers) >= self._limit:
                self._answers.clear()
            self._answers[key] = make()
        return self._answers[key]

    def _forget(self, gone: weakref.ref[object]) -> None:
        """The owner is gone: so are its answers (a graph's edges made later hold its tables)."""
        if self._owner is gone:
            self._owner, self._answers = None, {}
