"""Mouse gestures on the graph canvas, sent as real press / move / release events."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from viewer.ui.relations.panel import RelationshipPanel


def mouse(widget: object, kind: QEvent.Type, pos: QPoint, buttons: Qt.MouseButton) -> None:
    button = Qt.MouseButton.LeftButton if kind != QEvent.Type.MouseMove else Qt.MouseButton.NoButton
    event = QMouseEvent(kind, QPointF(pos), QPointF(pos), QPointF(pos), button, buttons,
                        Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)  # type: ignore[arg-type]


def drag(qtbot: QtBot, panel: RelationshipPanel, start: QPoint, end: QPoint) -> None:
    viewport, left = panel.canvas.viewport(), Qt.MouseButton.LeftButton
    mouse(viewport, QEvent.Type.MouseButtonPress, start, left)
    for step in range(1, 11):
        mouse(viewport, QEvent.Type.MouseMove, start + (end - start) * step / 10, left)
        qtbot.wait(5)
    mouse(viewport, QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton)
