"""The bounds of an item drawn across the whole timeline: the view's range and a view's width each side of it.

Qt rounds an item's bounds on screen to whole pixels in 32-bit integers before it paints the item. Bounds of the
whole data did not survive a deep zoom: a range of 1600–2100 seen an hour wide reached 5.6 billion pixels left of
the view, wrapped round to no rectangle, and nothing of the timeline was painted (no lanes, no marks, no labels).
Bounds that follow the view stay three views wide at any zoom; the item paints what the view shows of its data.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF


def near_view(item: Any, lo: float, hi: float, height: float) -> QRectF:
    """``item``'s bounds over ``height`` rows: from a view's width before its view to a view's width after it, or
    ``[lo, hi]`` while it has no view. The item moves them with the view (``prepareGeometryChange`` in its
    ``viewTransformChanged``)."""
    view = item.getViewBox()
    if view is not None:
        (t0, t1), _ = view.viewRange()
        lo, hi = t0 - (t1 - t0), t1 + (t1 - t0)
    return QRectF(lo, 0.0, max(hi - lo, 1.0), height)
