"""Reading what a window shows and pressing keys on it, as a user would (shared by the window tests)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow


def axis_labels(window: MainWindow, axis: Any = None) -> list[str]:
    """The bottom axis labels (the timeline's, unless another ``axis`` is given) as drawn for its current range."""
    axis = axis if axis is not None else window.timeline.plot.getAxis("bottom")
    lo, hi = axis.range
    labels = []
    for spacing, values in axis.tickValues(lo, hi, axis.width()):
        labels += axis.tickStrings(values, 1.0, spacing)
    return labels


def cursor_label(window: MainWindow) -> str:
    """The text on the timeline's cursor line."""
    return str(window.timeline.as_of.line.label.textItem.toPlainText())


def press(qtbot: QtBot, window: MainWindow, key: Qt.Key) -> None:
    """A key pressed on the timeline of the active window (the window's shortcuts answer it)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.timeline.plot.setFocus()
    QTest.keyClick(window.timeline.plot, key)
    qtbot.wait(20)


def type_dates_without_calendar(window: MainWindow, start: str, end: str) -> None:
    """Type into the filter bar's date boxes, whose calendar buttons are hidden (a clock with no calendar)."""
    bar = window.tools.filter_bar
    assert not bar.start.property("calendar_action").isVisible()
    bar.start.setText(start)
    bar.end.setText(end)
    bar.apply()
