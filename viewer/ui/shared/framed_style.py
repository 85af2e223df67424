"""Fusion, as the forced light and dark themes draw every control, with a check box's and a radio button's frame
that shows on a dark window: Fusion draws that frame a shade darker than the window, which on a dark one is no frame
at all (the graph's unticked *People* box was a black square on black)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleFactory

FRAMED = (QStyle.PrimitiveElement.PE_IndicatorCheckBox, QStyle.PrimitiveElement.PE_IndicatorRadioButton)
FRAME_ALPHA = 150  # of the text's colour: a frame as clear as a field's border, less than the text


class FramedFusion(QProxyStyle):
    """Fusion, with the frame of a check box or a radio button in the text's colour on a dark window."""

    def __init__(self) -> None:
        super().__init__(QStyleFactory.create("Fusion"))

    def name(self) -> str:  # (Qt's is not virtual: this answers Python's callers, the theme's check)
        """Fusion's name: the theme asks a style by its name before it sets one."""
        return "fusion"

    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: Any, painter: QPainter,
                      widget: Any = None) -> None:
        """Fusion's drawing, then, for a check box or a radio button on a dark window, a frame that shows."""
        super().drawPrimitive(element, option, painter, widget)
        if element not in FRAMED or option.palette.color(QPalette.ColorRole.Window).lightness() >= 128:
            return
        colour = QColor(option.palette.color(QPalette.ColorRole.Text))
        colour.setAlpha(FRAME_ALPHA)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(colour, 1.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        box = QRectF(option.rect).adjusted(0.5, 0.5, -1.5, -1.5)
        if element == QStyle.PrimitiveElement.PE_IndicatorRadioButton:
            painter.drawEllipse(box)
        else:
            painter.drawRoundedRect(box, 1.5, 1.5)
        painter.restore()
