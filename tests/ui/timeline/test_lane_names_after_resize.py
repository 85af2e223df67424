"""The lane names after the window is shrunk and grown again, as a user drags its corner: drawn whole, at their lanes
(the names were kept as a picture between pans, and pieces cut at the small size stayed, at other heights, until the
theme changed)."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QGraphicsItem
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow


def _names(window: MainWindow) -> QImage:
    plot, axis = window.timeline.plot, window.timeline.plot.getAxis("left")
    area: QRect = plot.mapFromScene(axis.sceneBoundingRect()).boundingRect()
    return plot.grab(area).toImage()


def test_lane_names_are_whole_after_the_window_shrinks_and_grows(qtbot: QtBot, window: MainWindow) -> None:
    window.resize(400, 300)
    qtbot.wait(300)
    window.resize(1280, 720)
    qtbot.wait(500)
    shown = _names(window)
    axis = window.timeline.plot.getAxis("left")
    axis.setCacheMode(QGraphicsItem.CacheMode.NoCache)  # drawn afresh, as it should look
    assert _names(window) == shown
