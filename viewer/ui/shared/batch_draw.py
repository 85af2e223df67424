"""Thousands of rectangles or sprites in one QPainter call, laid out in numpy: no Python object per item.

QPainter's C++ calls ``drawRects(const QRectF *, int)`` and ``drawPixmapFragments(const PixmapFragment *,
int, const QPixmap &)`` take the first element of a C array; PySide6 accepts a wrapped pointer into a
numpy array of float64 rows (a QRectF is four doubles, a PixmapFragment ten), as pyqtgraph's
ScatterPlotItem does for its symbols. Building one QRectF or QPointF per mark in Python cost four times
the drawing itself.
"""

from __future__ import annotations

from typing import cast

import numpy as np
import shiboken6
from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter, QPixmap


def draw_rects(p: QPainter, x: np.ndarray, y: np.ndarray, width: np.ndarray | float,
               height: np.ndarray | float) -> None:
    """Fill and outline rectangles (left, top, width, height, in the painter's coordinates) with the
    painter's brush and pen, in one call."""
    n = len(x)
    if not n:
        return
    rows = np.empty((n, 4), dtype=np.float64)  # x, y, width, height: QRectF's layout
    rows[:, 0], rows[:, 1], rows[:, 2], rows[:, 3] = x, y, width, height
    p.drawRects(cast(QRectF, shiboken6.wrapInstance(rows.ctypes.data, QRectF)), n)  # rows outlives the call


def stamp(p: QPainter, sprite: QPixmap, cx: np.ndarray, cy: np.ndarray) -> None:
    """Draw ``sprite`` centred on each (cx, cy), at its logical size (its device pixel ratio honoured)."""
    n = len(cx)
    if not n:
        return
    ratio = sprite.devicePixelRatio() or 1.0
    rows = np.empty((n, 10), dtype=np.float64)
    # PixmapFragment: x, y (the centre), source left, top, width, height (device pixels), scale x, y, rotation,
    # opacity
    rows[:, 0], rows[:, 1] = cx, cy
    rows[:, 2:6] = (0.0, 0.0, sprite.width(), sprite.height())
    rows[:, 6:10] = (1.0 / ratio, 1.0 / ratio, 0.0, 1.0)
    first = cast(QPainter.PixmapFragment, shiboken6.wrapInstance(rows.ctypes.data, QPainter.PixmapFragment))
    p.drawPixmapFragments(first, n, sprite)
