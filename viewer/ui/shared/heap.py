"""Python's cyclic garbage collector: on the UI thread only, and kept out of the frames.

Qt objects caught in Python reference cycles (a closed window's menus, timers, pixmaps) are deleted
when the collector frees the cycle, on whichever thread happened to trigger it. Automatic collection
fires on allocation, so a loading worker building a table would delete widgets off the UI thread, and
the app crashed (a segmentation fault, now and then, while a file opened after another window had
closed). :func:`collect_on_ui_thread` turns automatic collection off and runs it from a timer on the
UI thread instead, by the same thresholds (:func:`collect_due`): workers never collect.

A loaded dataset, its tables and the window's widgets live as long as the dataset is open, yet the
collector's oldest generation walks them again and again while a redraw allocates lists and arrays:
with 1,000 visible edges a quarter of a cursor move's redraw was spent in collections that freed
nothing. After each dataset arrives, :func:`settle` collects what the previous one left behind and
moves every survivor into the permanent generation (``gc.freeze``), so later collections walk only
what was made since; :func:`release` (on closing the window) hands them back to the collector.
"""

from __future__ import annotations

import gc

import shiboken6
from PySide6.QtCore import QCoreApplication, QTimer

INTERVAL_MS = 500  # how often the UI thread looks whether a collection is due
_full_above = 0  # a settle with more objects frozen than this walks them all again
_timer: QTimer | None = None


def collect_on_ui_thread() -> None:
    """From now on only the UI thread collects cycles (the application must exist; calling again does nothing)."""
    global _timer  # noqa: PLW0603 - one collector per process
    app = QCoreApplication.instance()
    if app is None or (_timer is not None and shiboken6.isValid(_timer)):
        return
    gc.disable()
    _timer = QTimer(app)
    _timer.setObjectName("entente-collector")
    _timer.setInterval(INTERVAL_MS)
    _timer.timeout.connect(collect_due)
    _timer.start()


def collect_due() -> int | None:
    """Collect as the automatic collector would on its next allocation: once more container objects were made
    than the youngest generation's threshold, the oldest generation whose own count passed its threshold. The
    generation collected is returned (None: none was due).

    >>> _ = gc.collect(); collect_due() is None
    True
    """
    counts, thresholds = gc.get_count(), gc.get_threshold()
    if not thresholds[0] or counts[0] <= thresholds[0]:
        return None
    generation = next(g for g in (2, 1, 0) if g == 0 or counts[g] > thresholds[g])
    gc.collect(generation)
    return generation


def settle() -> None:
    """Collect what the last dataset left, then freeze what is alive now (the dataset just shown).

    Walking every object again (``unfreeze``) cost 0.27 s of a big source's arrival on the UI thread, most
    of it the engine's libraries, which never die. The old dataset's objects are freed by their reference
    counts when nothing holds them; only cycles among frozen objects need the walk. So a settle walks all
    only once the frozen objects have doubled since the last full walk (that bounds what such cycles can
    keep), and otherwise collects just what was made since the last freeze.
    """
    global _full_above  # noqa: PLW0603 - one heap per process
    frozen = gc.get_freeze_count()
    full = frozen == 0 or frozen > _full_above  # with nothing frozen, the collection walks all anyway
    if full:
        gc.unfreeze()
    gc.collect()
    gc.freeze()
    if full:
        _full_above = 2 * gc.get_freeze_count()


def release() -> None:
    """Let the collector see everything again (the window is closing: its objects may go)."""
    gc.unfreeze()
