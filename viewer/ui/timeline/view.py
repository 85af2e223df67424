"""The timeline's ViewBox: wheel zooms around the mouse, drag pans, Shift+drag zooms to a region."""

from __future__ import annotations

from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QPen
from PySide6.QtWidgets import QGraphicsRectItem

from viewer.ui.shared.theme import Theme, current, qcolor


class TimelineViewBox(pg.ViewBox):  # type: ignore[misc]  # pyqtgraph is untyped
    """A ViewBox for time on x: plain drag pans; Shift+drag draws a band and shows just that stretch."""

    def __init__(self) -> None:
        super().__init__()
        self.banding = False
        band = QGraphicsRectItem(0, 0, 1, 1)
        band.hide()
        self.rbScaleBox = band
        self.set_theme(current())

    def set_theme(self, theme: Theme) -> None:
        """Draw the Shift+drag band in the theme's accent colour."""
        self.rbScaleBox.setPen(QPen(qcolor(theme.accent, 160), 0))
        self.rbScaleBox.setBrush(QBrush(qcolor(theme.accent, 40)))

    def mouseDragEvent(self, ev: Any, axis: int | None = None) -> None:
        """Shift+left drag: a full-height band; on release the window becomes that band."""
        shift = bool(ev.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if ev.button() != Qt.MouseButton.LeftButton or axis is not None or not (shift or self.banding):
            super().mouseDragEvent(ev, axis)
            return
        ev.accept()
        self.banding = not ev.isFinish()
        rect = self.boundingRect()
        down, here = ev.buttonDownPos(), ev.pos()
        if ev.isFinish():
            self.rbScaleBox.hide()
            x0, x1 = sorted((self.mapToView(down).x(), self.mapToView(here).x()))
            if x1 > x0:
                self.setXRange(x0, x1, padding=0)
        else:
            self.updateScaleBox(QPointF(down.x(), rect.top()), QPointF(here.x(), rect.bottom()))
