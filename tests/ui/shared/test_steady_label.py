"""The as-of date follows a dragged cursor without laying the window out again at each step; a label of that kind
still grows for a longer text and gives room back for a much shorter one."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QHBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from viewer.ui.shared.steady_label import SteadyLabel
from viewer.ui.shell.main_window import MainWindow

from ..calls import Events
from ..window_reading import cursor_grip


def test_a_date_a_digit_shorter_or_longer_moves_nothing_and_a_longer_text_has_room(qtbot: QtBot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    row = QHBoxLayout(host)
    label = SteadyLabel(host)
    row.addWidget(label)
    row.addStretch(1)
    label.setText("As of 19 Nov 2018")
    host.show()
    qtbot.waitExposed(host)
    QApplication.processEvents()  # (the layout of the first show)
    width, layouts = label.width(), Events(QEvent.Type.LayoutRequest)
    host.installEventFilter(layouts)
    for text in ("As of 1 Dec 2018", "As of 28 Feb 2019", "As of 9 May 2019"):
        label.setText(text)
        QApplication.processEvents()
    assert layouts.count == 0 and label.width() == width
    label.setText("During 19 Nov 2018 – 6 Feb 2023")
    QApplication.processEvents()
    assert label.width() > width and label.width() >= label.fontMetrics().horizontalAdvance(label.text())
    label.setText("As of 6 Feb 2023")  # much shorter: the room goes back to the row
    QApplication.processEvents()
    assert label.width() < width + 10
    bigger = QFont(label.font())
    bigger.setPointSizeF(bigger.pointSizeF() * 2)
    label.setFont(bigger)
    QApplication.processEvents()
    assert label.width() >= label.fontMetrics().horizontalAdvance(label.text())


def test_a_cursor_dragged_by_hand_lays_out_nothing(window: MainWindow, hand: Any) -> None:
    viewport, at = window.timeline.plot.viewport(), cursor_grip(window)
    hand.press(viewport, at)
    hand.drag_to(viewport, at, at - QPoint(40, 0), steps=2)  # the first steps may widen a label once
    QApplication.processEvents()
    layouts = Events(QEvent.Type.LayoutRequest)
    window.installEventFilter(layouts)
    before = window.state.cursor
    for step in range(1, 21):
        hand.drag_to(viewport, at - QPoint(40 + 15 * (step - 1), 0), at - QPoint(40 + 15 * step, 0), steps=1)
        QApplication.processEvents()
    hand.release(viewport, at - QPoint(40 + 15 * 20, 0))
    assert window.state.cursor < before, "the hand moved the cursor"
    assert window.relations.as_of.text().startswith("As of")
    assert layouts.count <= 2, f"the window was laid out {layouts.count} times in 20 steps"
