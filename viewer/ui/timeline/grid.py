"""The timeline's vertical grid: a faint line at each date tick, under the marks, one band at a time.

pyqtgraph draws its grid from the axis, above the plot's items, as translucent lines the whole height
of the view. Qt blends a translucent line one pixel row at a time: 70–200 µs a line, 2–5 ms a frame,
the costliest thing on it. Here each line is cut at the lane edges and given, on each lane, the opaque
colour the translucent one made on that lane's ground, so it looks as before and costs an opaque fill;
and it lies under the markers and labels instead of across them.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtGui import QColor, QPainter

from viewer.ui.shared.batch_draw import draw_rects

# (lo, hi, pixels) → tick levels: (spacing, values) each, coarsest first (DateAxis.grid_ticks)
Ticks = Callable[[float, float, float], list[tuple[float, list[float]]]]
GRID_ALPHA = 0.12  # of the axis colour, at the coarsest tick level


def level_alpha(level: int, ticks: int, width_px: float) -> float:
    """The opacity pyqtgraph gives the grid lines of tick level ``level`` (finer levels and crowded
    ticks are fainter)."""
    alpha = int(255.0 / (level + 1) * GRID_ALPHA * float(np.clip(0.05 * width_px / (ticks + 1), 0.0, 1.0)))
    return alpha / 255.0


def blend(ink: QColor, ground: QColor, alpha: float) -> QColor:
    """The opaque colour ``ink`` at ``alpha`` makes on ``ground``."""
    return QColor(*(round(a * alpha + g * (1.0 - alpha)) for a, g in
                    ((ink.red(), ground.red()), (ink.green(), ground.green()), (ink.blue(), ground.blue()))))


def paint_grid(p: QPainter, ticks: Ticks, window: tuple[float, float], x_map: tuple[float, float],
               rows: list[tuple[float, float]], grounds: list[QColor], ink: QColor) -> None:
    """Lines at the ticks of ``window`` (data x mapped to pixels by ``x_map`` = scale, offset) down each of
    ``rows`` (top, bottom in pixels), each in the opaque colour it makes on that row's ground."""
    (t0, t1), (sx, dx) = window, x_map
    width_px = abs((t1 - t0) * sx)
    if not rows or width_px < 1.0:
        return
    tops = np.array([top for top, _ in rows])
    heights = np.array([bottom - top for top, bottom in rows])
    by_ground: dict[int, list[int]] = {}
    for i, ground in enumerate(grounds):
        by_ground.setdefault(ground.rgba(), []).append(i)
    for level, (_spacing, values) in enumerate(ticks(t0, t1, width_px)):
        x = np.floor(np.asarray(values, dtype=np.float64) * sx + dx)
        x = x[(x >= min(t0 * sx + dx, t1 * sx + dx)) & (x < max(t0 * sx + dx, t1 * sx + dx))]
        if not len(x):
            continue
        alpha = level_alpha(level, len(values), width_px)
        if alpha <= 0.0:
            continue
        for chosen in by_ground.values():
            p.setBrush(blend(ink, grounds[chosen[0]], alpha))
            picked = np.array(chosen)
            draw_rects(p, np.repeat(x, len(picked)), np.tile(tops[picked], len(x)), 1.0,
                       np.tile(heights[picked], len(x)))
