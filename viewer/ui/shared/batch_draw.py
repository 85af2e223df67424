"""Thousands of rectangles or sprites in one QPainter call, laid out in numpy: no Python object per item.

QPainter's C++ calls ``drawRects(const QRectF *, int)`` and ``drawPixmapFragments(const PixmapFragment *,
int, const QPixmap &)`` take the first element of a C array; PySide6 accepts a wrapped pointer into a
numpy array of float64 rows (a QRectF is four doubles, a PixmapFragment ten), as pyqtgraph's
ScatterPlotItem does for its symbols. Building one QRectF or QPointF per mark in Python cost four times
the drawing itself.

Marks drawn in runs (one brush or sprite per run) share one array: the rows of every run are laid out
at once, and each run is drawn from a pointer into the middle of it.
"""

from __future__ import annotations

from typing import cast

import numpy as np
import shiboken6
from PySide6.QtCore import QRectF
from PySide6.QtGui import QPaintEngine, QPainter, QPixmap

RECT, FRAGMENT = 4, 10  # doubles per QRectF, per QPainter.PixmapFragment


class Rows:
    """A C-contiguous float64 array of rows ``width`` doubles wide, and the address Qt reads it from."""

    def __init__(self, array: np.ndarray, width: int) -> None:
        if array.dtype != np.float64 or array.ndim != 2 or array.shape[1] != width or not array.flags.c_contiguous:
            raise ValueError(f"expected C-contiguous float64 rows of {width}, got {array.dtype} {array.shape}")
        self.array, self.width = array, width
        self.address = int(array.ctypes.data)  # asked once: numpy builds a ctypes object each time

    def __len__(self) -> int:
        return len(self.array)

    def at(self, start: int, stop: int | None) -> tuple[int, int]:
        """The address of row ``start`` and the count to ``stop`` (the end when None), checked: Qt reads
        exactly that many rows from the pointer, past the end or not."""
        stop = len(self.array) if stop is None else stop
        if not 0 <= start <= stop <= len(self.array):
            raise ValueError(f"rows {start}:{stop} of {len(self.array)}")
        return self.address + start * self.width * 8, stop - start


def rect_rows(x: np.ndarray, y: np.ndarray, width: np.ndarray | float, height: np.ndarray | float) -> Rows:
    """Rectangles (left, top, width, height) as QRectF rows."""
    rows = np.empty((len(x), RECT), dtype=np.float64)
    rows[:, 0], rows[:, 1], rows[:, 2], rows[:, 3] = x, y, width, height
    return Rows(rows, RECT)


def fragment_rows(cx: np.ndarray, cy: np.ndarray) -> Rows:
    """Sprite centres as PixmapFragment rows; the sprite's part is filled in when it is drawn."""
    rows = np.empty((len(cx), FRAGMENT), dtype=np.float64)
    rows[:, 0], rows[:, 1] = cx, cy
    return Rows(rows, FRAGMENT)


def draw_rect_rows(p: QPainter, rows: Rows, start: int = 0, stop: int | None = None) -> None:
    """Fill and outline ``rows[start:stop]`` with the painter's brush and pen, in one call."""
    address, count = rows.at(start, stop)
    if count:  # rows.array outlives the call
        p.drawRects(cast(QRectF, shiboken6.wrapInstance(address, QRectF)), count)


def draw_fragment_rows(p: QPainter, rows: Rows, sprite: QPixmap, start: int = 0, stop: int | None = None) -> None:
    """Draw ``sprite`` centred on each of ``rows[start:stop]``, at its logical size (its pixel ratio honoured)."""
    stop = len(rows) if stop is None else stop
    # source left, top, width, height (device pixels)
    rows.array[start:stop, 2:6] = (0.0, 0.0, sprite.width(), sprite.height())
    draw_atlas_rows(p, rows, sprite, start, stop)


def draw_atlas_rows(p: QPainter, rows: Rows, atlas: QPixmap, start: int = 0, stop: int | None = None) -> None:
    """Draw the part of ``atlas`` each of ``rows[start:stop]`` names (its source rectangle in device pixels,
    set by the caller) centred on the row's point, at its logical size: many sprites in one call."""
    address, count = rows.at(start, stop)
    if not count:
        return
    ratio = atlas.devicePixelRatio() or 1.0
    # scale x, y, rotation, opacity
    rows.array[start:start + count, 6:FRAGMENT] = (1.0 / ratio, 1.0 / ratio, 0.0, 1.0)
    first = cast(QPainter.PixmapFragment, shiboken6.wrapInstance(address, QPainter.PixmapFragment))
    p.drawPixmapFragments(first, count, atlas)


def draw_rects(p: QPainter, x: np.ndarray, y: np.ndarray, width: np.ndarray | float,
               height: np.ndarray | float) -> None:
    """Fill and outline rectangles (left, top, width, height, in the painter's coordinates) in one call."""
    draw_rect_rows(p, rect_rows(x, y, width, height))


def stamp(p: QPainter, sprite: QPixmap, cx: np.ndarray, cy: np.ndarray) -> None:
    """Draw ``sprite`` centred on each (cx, cy), at its logical size, in one call."""
    draw_fragment_rows(p, fragment_rows(cx, cy), sprite)


VECTOR_ENGINES = frozenset({QPaintEngine.Type.SVG, QPaintEngine.Type.Pdf, QPaintEngine.Type.Picture})


def records_vectors(p: QPainter) -> bool:
    """True when ``p`` writes shapes and text (an SVG or PDF export, a recorded picture) rather than pixels:
    there, text and lines are drawn as such, not copied from pictures drawn once for the screen."""
    engine = p.paintEngine()
    return engine is not None and engine.type() in VECTOR_ENGINES


def pixel_ratio(p: QPainter) -> float:
    """Device pixels per logical pixel of what ``p`` paints on (at least 1): pictures drawn for it are made
    at this resolution."""
    device = p.device()
    return max(device.devicePixelRatioF(), 1.0) if device is not None else 1.0
