"""A zoom, a pan or a wheel step paints the timeline once per frame, not twice."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from viewer.model.window import TimeWindow
from viewer.ui.shell.main_window import MainWindow


class PaintCounter(QObject):
    """Counts the paint events a widget receives."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def _counter(window: MainWindow) -> PaintCounter:
    counter = PaintCounter()
    window.timeline.plot.viewport().installEventFilter(counter)
    return counter


def test_a_window_change_paints_the_timeline_once(qtbot: QtBot, window: MainWindow) -> None:
    counter = _counter(window)
    base = TimeWindow.between("2019", "2021")
    for step in range(1, 6):
        window.state.set_window(base.pan(base.span * 0.05 * step))
        counter.count = 0
        QApplication.processEvents()
        assert counter.count == 1


def test_a_wheel_step_on_the_timeline_paints_it_once(qtbot: QtBot, window: MainWindow) -> None:
    counter = _counter(window)
    viewport = window.timeline.plot.viewport()
    centre = QPoint(viewport.width() // 2, viewport.height() // 2)
    for _ in range(3):
        QApplication.processEvents()
        before = window.state.window
        counter.count = 0
        wheel = QWheelEvent(QPointF(centre), QPointF(viewport.mapToGlobal(centre)), QPoint(0, 0), QPoint(0, 120),
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
                            False)
        QApplication.sendEvent(viewport, wheel)
        QApplication.processEvents()
        assert window.state.window.span < before.span  # it zoomed in
        assert counter.count == 1
