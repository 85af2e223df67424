"""Opening one dataset after another in one window neither grows the memory nor leaves files open."""

from __future__ import annotations

import gc
import os
from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from viewer.ui.shared.state import ViewState
from viewer.ui.shell.main_window import MainWindow

FIXTURES = Path(__file__).resolve().parents[1] / "io"
SMALL = [FIXTURES / "fixtures" / "timelinejs_v3.json", FIXTURES / "fixtures" / "vis_items.json",
         FIXTURES / "fixtures" / "calendar_edge.ics", FIXTURES / "fixtures" / "timeline_edge.timeline",
         FIXTURES / "fixtures_tables" / "graph_spells.gexf"]
OPENINGS = 50


def rss_bytes() -> int:
    """The process's resident memory, from /proc."""
    for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise AssertionError("no VmRSS in /proc/self/status")


def open_files() -> set[str]:
    """What the process's file descriptors point at (sockets and pipes by their kind and number)."""
    seen = set()
    for fd in os.listdir("/proc/self/fd"):
        try:
            seen.add(os.readlink(f"/proc/self/fd/{fd}"))
        except OSError:
            continue  # the descriptor listdir itself used, closed since
    return seen


def descriptor_count() -> int:
    """How many file descriptors the process holds."""
    return len(os.listdir("/proc/self/fd"))


def test_opening_fifty_datasets_in_one_window_leaks_neither_memory_nor_files(
        qtbot: QtBot, make_window: Callable[..., MainWindow], state: ViewState) -> None:
    window = make_window(state)
    baseline_rss, baseline_files, baseline_fds = 0, set(), 0
    for n in range(OPENINGS):
        path = None if n % 2 == 0 else str(SMALL[(n // 2) % len(SMALL)])
        with qtbot.waitSignal(window.loader.loaded, timeout=60_000):
            window.opening.open_path(path)
        qtbot.wait(10)  # let the panels redraw from the new dataset, as a user would see it
        if n == 2:
            gc.collect()
            baseline_rss, baseline_files, baseline_fds = rss_bytes(), open_files(), descriptor_count()
    gc.collect()
    qtbot.wait(10)
    grown = rss_bytes() / baseline_rss - 1
    print(f"\nleaks: RSS {baseline_rss / 2**20:.0f} MB after 3 openings, {rss_bytes() / 2**20:.0f} MB after "
          f"{OPENINGS} ({grown:+.1%}); descriptors {baseline_fds} → {descriptor_count()}")
    assert grown < 0.10, f"RSS grew by {grown:.1%} over {OPENINGS - 3} openings"
    left_open = {f for f in open_files() - baseline_files if "/" in f}
    assert not left_open, f"files left open: {sorted(left_open)}"
    assert descriptor_count() <= baseline_fds, "more descriptors open than after the third dataset"


def test_a_loaded_dataset_is_kept_out_of_the_collectors_walks_until_the_window_closes(
        qtbot: QtBot, make_window: Callable[..., MainWindow], state: ViewState) -> None:
    window = make_window(state)
    gc.unfreeze()
    with qtbot.waitSignal(window.loader.loaded, timeout=60_000):
        window.opening.open_path(str(SMALL[0]))
    assert gc.get_freeze_count() > 10_000  # the dataset, the tables and the window's widgets
    window.close()
    assert gc.get_freeze_count() == 0


def test_a_closed_and_deleted_window_lets_its_state_and_dataset_go(qtbot: QtBot) -> None:
    import weakref

    from PySide6.QtCore import QCoreApplication, QEvent

    import viewer
    dataset = viewer.load()  # its own copy: the session's shared one is held by fixtures
    state = ViewState(dataset)
    window = MainWindow(state, None)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    qtbot.keyClick(window.timeline.plot.viewport(), "+")  # a real gesture first, as a user's window has had
    gone: list[Callable[[], object]] = [weakref.ref(window), weakref.ref(state), weakref.ref(dataset)]
    window.close()
    window.deleteLater()
    del window, state, dataset
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        qtbot.wait(5)
    gc.collect()
    # the state's signals held lambdas holding the panels: a state left unowned kept the window alive
    assert [ref() is None for ref in gone] == [True, True, True]
