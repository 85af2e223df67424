"""The events layer kept as pictures while only the cursor moves.

A cursor step repaints the timeline, and the events item used to paint all of it again: the lanes' grounds, the
grid, every mark, label and badge (5 ms at 10,000 events in a four-year window), for a picture that had not changed.
What the cursor changes is where a label may go (a label left of its mark stops at the line), which costs a
fraction of the drawing to work out. So a paint that finds the view of the paint before it (the same range,
pixels, marks, emphasis and theme: a cursor step, or Qt showing the frame again) keeps two pictures: what lies
under the labels (grounds, grid, marks), and that with the labels and badges on it. A step whose labels come out
where the second has them copies it; a step that moves a label copies the first and draws the labels and badges
on it (from their own kept pictures), not the marks. On the bundled dataset the labels move at two steps in three
of a drag across its window: those steps drew every mark again until stop 60.
A paint of another view (a zoom or a pan) draws straight onto the screen, as before, and lets the pictures go.

Only pixels are kept: an SVG or PDF export, a recorded picture, gets its shapes and text drawn as such.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable
from typing import Any

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPixmap

from viewer.ui.shared.batch_draw import records_vectors

MARGIN_PX = 4.0  # drawn round the view's rectangle into the picture
Placed = tuple[np.ndarray, ...] | None  # where the labels went (arrays), None where none are placed (density)


def same_placed(a: Placed, b: Placed) -> bool:
    """Whether two placements put the same labels in the same places.

    >>> same_placed((np.array([1.0, 2.0]),), (np.array([1.0, 2.0]),)), same_placed(None, (np.zeros(1),))
    (True, False)
    """
    if a is None or b is None:
        return a is b
    return len(a) == len(b) and all(x.shape == y.shape and np.array_equal(x, y) for x, y in zip(a, b, strict=True))


class Layer:
    """The last painted view's key and, once a paint repeats it, the layer drawn as pictures: under the labels
    (``under``), and with them (``picture``)."""

    def __init__(self) -> None:
        self.view: Hashable = None  # the key of the last paint's view
        self.placed: Placed = None  # the labels the picture holds
        self.under: QPixmap | None = None  # the layer without its labels and badges
        self.picture: QPixmap | None = None  # the layer with the labels where ``placed`` puts them
        self.origin = QPointF()
        self.copies = 0  # paints answered by copying the picture (for tests and benchmarks)

    def paint(self, p: QPainter, view: Hashable, placed: Placed, area: QRectF,
              draw: tuple[Callable[[QPainter], Any], Callable[[QPainter], Any]]) -> None:
        """Paint the layer of ``view`` whose labels go where ``placed`` says, over ``area`` (device pixels):
        ``draw`` draws what lies under the labels, then the labels and badges, on a painter in device pixels
        (its own transform reset)."""
        under, over = draw
        if view != self.view or records_vectors(p) or area.isEmpty():
            self.forget()
            self.view = view
            under(p)
            over(p)
            return
        if self.under is None:
            self._record_under(p, area, under)
        if self.picture is None or not same_placed(placed, self.placed):
            self._record_labels(p, over)
            self.placed = placed
        else:
            self.copies += 1
        assert self.picture is not None
        p.drawPixmap(self.origin, self.picture)

    def forget(self) -> None:
        """Let the pictures go (the next paint of the same view draws them again)."""
        self.view, self.placed, self.under, self.picture = None, None, None, None

    def _record_under(self, p: QPainter, area: QRectF, under: Callable[[QPainter], Any]) -> None:
        """Draw what lies under the labels into a new picture covering ``area`` and a margin (a bar's smoothed end
        reaches a pixel past the view's edge, where the view's clip lets it show), on the screen's pixel grid."""
        area = area.adjusted(-MARGIN_PX, -MARGIN_PX, MARGIN_PX, MARGIN_PX)
        ratio = max(p.device().devicePixelRatioF(), 1.0) if p.device() is not None else 1.0
        left, top = math.floor(area.left() * ratio) / ratio, math.floor(area.top() * ratio) / ratio
        width = math.ceil(area.right() * ratio - left * ratio)
        height = math.ceil(area.bottom() * ratio - top * ratio)
        picture = QPixmap(max(width, 1), max(height, 1))
        picture.setDevicePixelRatio(ratio)
        picture.fill(Qt.GlobalColor.transparent)
        self._on(picture, p, (left, top), under)
        self.under, self.origin = picture, QPointF(left, top)

    def _record_labels(self, p: QPainter, over: Callable[[QPainter], Any]) -> None:
        """The picture under the labels with the labels and badges drawn on it."""
        assert self.under is not None
        picture = self.under.copy()
        self._on(picture, p, (self.origin.x(), self.origin.y()), over)
        self.picture = picture

    @staticmethod
    def _on(picture: QPixmap, p: QPainter, origin: tuple[float, float], draw: Callable[[QPainter], Any]) -> None:
        painter = QPainter(picture)
        try:
            painter.setRenderHints(p.renderHints())
            painter.translate(-origin[0], -origin[1])
            draw(painter)
        finally:
            painter.end()
