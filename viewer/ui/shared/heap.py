"""Keeping Python's cyclic garbage collector out of the frames.

A loaded dataset, its tables and the window's widgets live as long as the dataset is open, yet the
collector's oldest generation walks them again and again while a redraw allocates lists and arrays:
with 1,000 visible edges a quarter of a cursor move's redraw was spent in collections that freed
nothing. After each dataset arrives, :func:`settle` collects what the previous one left behind and
moves every survivor into the permanent generation (``gc.freeze``), so later collections walk only
what was made since; :func:`release` (on closing the window) hands them back to the collector.
"""

from __future__ import annotations

import gc

_full_above = 0  # a settle with more objects frozen than this walks them all again


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
