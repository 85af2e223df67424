"""heap.settle keeps the collector off what lives long, and still frees what the last dataset left."""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

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


def test_a_qt_object_in_a_cycle_is_deleted_on_the_ui_thread_however_much_a_worker_allocates(qtbot: QtBot) -> None:
    """A closed window's menus and timers held in cycles were deleted by whichever thread's allocation set off the
    collector: a loading worker's, and the app crashed now and then."""
    heap.collect_on_ui_thread()
    deleted_on: list[str] = []
    timer = QTimer()
    timer.me = timer  # type: ignore[attr-defined]  # a cycle: only the collector can free it
    wrapper = weakref.ref(timer, lambda _: deleted_on.append(threading.current_thread().name))  # (as it is freed)
    del timer
    built: list[list[int]] = []  # what a loading worker makes, and keeps: a table's rows
    worker = threading.Thread(target=lambda: built.extend([n] for n in range(200_000)), name="loading-worker")
    worker.start()  # (200,000 containers: the youngest generation's threshold passed hundreds of times)
    worker.join()
    assert deleted_on == []
    qtbot.waitUntil(lambda: deleted_on == ["MainThread"], timeout=5_000)  # the UI thread's timer freed it
    assert wrapper() is None


def test_a_collection_is_due_once_the_youngest_generation_passed_its_threshold() -> None:
    gc.collect()
    assert heap.collect_due() is None
    kept = [[n] for n in range(gc.get_threshold()[0] + 1)]
    assert heap.collect_due() in (0, 1, 2)
    assert gc.get_count()[0] < len(kept)
