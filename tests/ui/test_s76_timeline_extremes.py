"""The timeline driven by hand over datasets at its extremes, from a fresh window: a range of five centuries seen an
hour wide (nothing of the timeline was painted: Qt's 32-bit pixel bounds wrapped round)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from viewer.ui.shared.state import ViewState
from viewer.ui.shell.main_window import MainWindow

from .window_reading import open_written, press

HEADER = "id,start,end,title,actors,category\n"


def _pixels_of(window: MainWindow, colour: QColor) -> int:
    """How many pixels of the timeline's plot are of ``colour``."""
    image = window.timeline.plot.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    words = np.frombuffer(image.constBits(), np.uint32).reshape(image.height(), image.bytesPerLine() // 4)
    return int((words[:, :image.width()] & 0xFFFFFF == colour.rgb() & 0xFFFFFF).sum())


def _zoomed_in_fully(qtbot: QtBot, window: MainWindow) -> None:
    """+ pressed on the timeline until the window is no narrower for it (an hour)."""
    span = None
    while span != window.state.window.span:
        span = window.state.window.span
        press(qtbot, window, Qt.Key.Key_Plus)


def test_five_centuries_seen_an_hour_wide_are_painted(qtbot: QtBot, make_window: Callable[..., MainWindow],
                                                     state: ViewState, tmp_path: Path) -> None:
    """A range of 1600–2100 beside two events of a morning in 2019, End then + until an hour shows: the plot was
    blank, no lanes, no marks, no labels (the events item's bounds, the whole data, reached 5.6 billion pixels left
    of the view, past the 32-bit integers Qt rounds them to). Also at 2560×1440 after zooming at 400×300."""
    window = make_window(state, (1600, 900))
    open_written(qtbot, window, tmp_path / "centuries.csv", HEADER + "c,1600-01-01,2100-01-01,Five centuries,acme,x\n"
                 "b,2019-05-05 10:00,,Board meets,acme,x\nd,2019-05-05 10:20,,Deal signed,bolt,x\n")
    press(qtbot, window, Qt.Key.Key_End)  # Deal signed, in the second lane
    _zoomed_in_fully(qtbot, window)
    assert window.state.window.span <= 2 * 3600 and window.state.selection.events == {"d"}
    colours = window.timeline.items.marks.colours
    assert min(_pixels_of(window, colour) for colour in colours) > 100  # each lane's strip, the marks, the bar
    window.resize(400, 300)
    press(qtbot, window, Qt.Key.Key_Minus)
    press(qtbot, window, Qt.Key.Key_Plus)
    window.resize(2560, 1440)
    qtbot.wait(50)
    assert min(_pixels_of(window, colour) for colour in colours) > 100
