"""The lanes' grounds and the timeline's vertical grid under the marks.

The grounds (alternating per lane, a strip of the lane's colour at the left) are one opaque picture,
drawn again only when the lanes, colours, theme or plot change: a pan or a zoom moves none of it.

The grid: a faint line at each date tick, stamped from a picture of one line down every lane.

pyqtgraph draws its grid from the axis, above the plot's items, as translucent lines the whole height
of the view. Qt blends a translucent line one pixel row at a time: 70–200 µs a line, 2–5 ms a frame,
the costliest thing on it. Here each line is cut at the lane edges and given, on each lane, the opaque
colour the translucent one made on that lane's ground, so it looks as before and costs an opaque fill;
and it lies under the markers and labels instead of across them. Those fills, one per tick and lane
(280 at 14 lanes and 20 ticks), cost 1.3 ms a frame; the line is now drawn once as a picture and
copied at each tick.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap

from viewer.ui.shared.batch_draw import draw_rects, pixel_ratio, records_vectors

# (lo, hi, pixels) → tick levels: (spacing, values) each, coarsest first (DateAxis.grid_ticks)
Ticks = Callable[[float, float, float], list[tuple[float, list[float]]]]
GRID_ALPHA = 0.12  # of the axis colour, at the coarsest tick level
STRIPS = 32  # line pictures kept (one per tick level, opacity and lane layout)


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
               rows: list[tuple[float, float]], grounds: list[QColor], ink: QColor,
               strips: dict[tuple[object, ...], tuple[float, QPixmap]] | None = None) -> None:
    """Lines at the ticks of ``window`` (data x mapped to pixels by ``x_map`` = scale, offset) down each of
    ``rows`` (top, bottom in pixels), each in the opaque colour it makes on that row's ground.

    Every line of a tick level looks the same, so it is drawn once as a picture one pixel wide
    (:func:`line_picture`, kept in ``strips`` until the rows, colours or opacity change) and stamped at
    each tick: one copy a tick, not one rectangle a tick and lane."""
    (t0, t1), (sx, dx) = window, x_map
    width_px = abs((t1 - t0) * sx)
    if not rows or width_px < 1.0:
        return
    strips = {} if strips is None else strips
    ratio = pixel_ratio(p)
    shape = (tuple((round(top, 3), round(bottom, 3)) for top, bottom in rows), tuple(g.rgba() for g in grounds),
             ink.rgba(), ratio)
    for level, (_spacing, values) in enumerate(ticks(t0, t1, width_px)):
        x = np.floor(np.asarray(values, dtype=np.float64) * sx + dx)
        x = x[(x >= min(t0 * sx + dx, t1 * sx + dx)) & (x < max(t0 * sx + dx, t1 * sx + dx))]
        if not len(x):
            continue
        alpha = level_alpha(level, len(values), width_px)
        if alpha <= 0.0:
            continue
        if records_vectors(p):  # an SVG or PDF export: lines as rectangles, not pictures of them
            _draw_lines(p, x, rows, grounds, ink, alpha)
            continue
        key = (*shape, alpha)
        if key not in strips:
            if len(strips) > STRIPS:
                strips.clear()
            strips[key] = line_picture(rows, grounds, ink, alpha, ratio)
        top, picture = strips[key]
        for left in x.tolist():
            p.drawPixmap(QPointF(left, top), picture)


def _draw_lines(p: QPainter, x: np.ndarray, rows: list[tuple[float, float]], grounds: list[QColor], ink: QColor,
                alpha: float) -> None:
    """Lines at ``x`` down each row, one rectangle per line and row, in the row's blended colour."""
    for (top, bottom), ground in zip(rows, grounds, strict=True):
        p.setBrush(blend(ink, ground, alpha))
        draw_rects(p, x, np.full(len(x), top), 1.0, bottom - top)


def line_picture(rows: list[tuple[float, float]], grounds: list[QColor], ink: QColor, alpha: float,
                 ratio: float) -> tuple[float, QPixmap]:
    """One grid line, a pixel wide, down each of ``rows`` in the opaque colour ``ink`` at ``alpha`` makes on
    that row's ground (clear between rows); and the pixel row where it starts."""
    top = math.floor(min(t for t, _ in rows))
    height = math.ceil(max(b for _, b in rows)) - top
    picture = QPixmap(max(math.ceil(ratio), 1), max(math.ceil(height * ratio), 1))
    picture.setDevicePixelRatio(ratio)
    picture.fill(Qt.GlobalColor.transparent)
    painter = QPainter(picture)
    painter.translate(0.0, -top)  # whole pixels: the rows' fractional edges round as they would on the view
    for (row_top, row_bottom), ground in zip(rows, grounds, strict=True):
        painter.fillRect(QRectF(0.0, row_top, 1.0, row_bottom - row_top), blend(ink, ground, alpha))
    painter.end()
    return float(top), picture


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
