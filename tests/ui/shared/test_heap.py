"""heap.settle keeps the collector off what lives long, and still frees what the last dataset left."""

from __future__ import annotations

import gc
import weakref

from viewer.ui.shared import heap


class Node:
    """A cycle: only the collector can free it."""

    def __init__(self) -> None:
        self.me = self


def test_settle_frees_cycles_made_since_the_last_one_and_freezes_the_living() -> None:
    heap.release()
    heap.settle()  # nothing frozen: a full walk, which sets the bound
    assert gc.get_freeze_count() > 0
    living = Node()
    dropped = weakref.ref(Node())
    heap.settle()
    assert dropped() is None
    assert living.me is living
    heap.release()


def test_a_cycle_frozen_with_an_old_dataset_goes_at_the_next_full_walk() -> None:
    heap.release()
    old = Node()
    gone = weakref.ref(old)
    heap.settle()  # full: the old dataset's objects are frozen while it is shown
    del old
    heap.settle()  # the next dataset: a cheap settle leaves frozen cycles alone
    heap.release()  # the window closes (or the frozen objects double): everything is walked again
    heap.settle()
    assert gone() is None
    heap.release()
