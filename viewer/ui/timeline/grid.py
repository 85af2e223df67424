"""The lanes' grounds and the timeline's vertical grid under the marks.

The grounds (alternating per lane, a strip of the lane's colour at the left) are one opaque picture,
drawn again only when the lanes, colours, theme or plot change: a pan or a zoom moves none of it.

The grid: a faint line at each date tick, one band at a time.

pyqtgraph draws its grid from the axis, above the plot's items, as translucent lines the whole height
of the view. Qt blends a translucent line one pixel row at a time: 70–200 µs a line, 2–5 ms a frame,
the costliest thing on it. Here each line is cut at the lane edges and given, on each lane, the opaque
colour the translucent one made on that lane's ground, so it looks as before and costs an opaque fill;
and it lies under the markers and labels instead of across them.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap

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


def lanes_picture(edges: list[tuple[float, float]], colours: list[QColor], fills: tuple[QColor, QColor],
                  x: tuple[float, float], ratio: float) -> tuple[QPointF, QPixmap]:
    """The lanes' grounds (``edges``: each lane's top and bottom in device pixels) between ``x`` = left,
    right, each with a 4-pixel strip of its colour at the left, on the plot's ground ``fills[0]``; and
    where to draw the picture."""
    rows = [(min(a, b), max(a, b)) for a, b in edges]
    left, right = x
    x0, y0 = math.floor(left), math.floor(min(top for top, _ in rows))
    width, height = math.ceil(right) - x0, math.ceil(max(bottom for _, bottom in rows)) - y0
    picture = QPixmap(max(math.ceil(width * ratio), 1), max(math.ceil(height * ratio), 1))
    picture.setDevicePixelRatio(ratio)
    picture.fill(fills[0])  # the plot's own ground: an opaque picture is a plain copy, not a blend
    painter = QPainter(picture)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)  # as the view's painter
    painter.translate(-x0, -y0)  # whole pixels: the fractional edges land as they would on the view
    painter.setPen(Qt.PenStyle.NoPen)
    for i, (top, bottom) in enumerate(rows):
        painter.fillRect(QRectF(left, top, right - left, bottom - top), fills[i % 2])
        painter.fillRect(QRectF(left, top, 4.0, bottom - top), QColor(colours[i]))
    painter.end()
    return QPointF(x0, y0), picture


def lane_rows(edges: list[tuple[float, float]], floor: float, fills: tuple[QColor, QColor]
              ) -> tuple[list[tuple[float, float]], list[QColor]]:
    """Where grid lines run (each lane's top and bottom, then the strip below the lanes down to ``floor``)
    and the ground under each stretch."""
    rows = [(min(a, b), max(a, b)) for a, b in edges]
    grounds = [fills[i % 2] for i in range(len(rows))]
    below = max((bottom for _top, bottom in rows), default=floor)
    if floor > below:
        rows.append((below, floor))
        grounds.append(fills[0])
    return rows, grounds
