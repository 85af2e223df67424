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


def settle() -> None:
    """Collect what the last dataset left, then freeze what is alive now (the dataset just shown)."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def release() -> None:
    """Let the collector see everything again (the window is closing: its objects may go)."""
    gc.unfreeze()
