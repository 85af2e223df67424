"""Lane names on the timeline's left axis never overlap: with more lanes than lines of text, some are
left out, and a taller window shows more of them."""

from __future__ import annotations

import itertools
from collections.abc import Callable

import pandas as pd
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from viewer.model.dataset import DatasetMeta, Tables, build_dataset
from viewer.ui.shared.state import ViewState
from viewer.ui.shell.main_window import MainWindow

ACTORS = [f"company{i:02d}" for i in range(50)]


def _shown(window: MainWindow) -> list[tuple[float, str]]:
    axis = window.timeline.plot.getAxis("left")
    major, _minor = axis._tickLevels  # what the axis draws
    return list(major)


def _gaps_px(window: MainWindow, shown: list[tuple[float, str]]) -> list[float]:
    view = window.timeline.view
    _x, (y0, y1) = view.viewRange()
    px = view.height() / (y1 - y0)
    centres = [c for c, _ in shown]
    return [abs(b - a) * px for a, b in itertools.pairwise(centres)]


def test_fifty_lanes_show_the_names_that_fit_and_more_in_a_taller_window(
        make_window: Callable[..., MainWindow], qtbot: QtBot) -> None:
    events = pd.DataFrame({"id": [f"e{i}" for i in range(200)],
                           "start": pd.date_range("2020-01-01", periods=200, freq="D").strftime("%Y-%m-%d"),
                           "title": [f"Event {i}" for i in range(200)],
                           "actors": [ACTORS[i % 50] for i in range(200)]})
    ds = build_dataset(Tables(events), DatasetMeta(principal=tuple(ACTORS)), [])
    window = make_window(ViewState(ds), size=(1280, 720))
    qtbot.waitUntil(lambda: len(window.timeline.lane_labels()) >= 50, timeout=5000)
    QApplication.processEvents()
    line = QFontMetricsF(window.timeline.plot.getAxis("left").style.get("tickFont") or QFont()).height()
    small = _shown(window)
    assert 0 < len(small) < len(window.timeline.lane_labels())
    assert min(_gaps_px(window, small)) >= line - 0.5  # no name drawn over its neighbour
    window.resize(1920, 1400)
    qtbot.waitUntil(lambda: len(_shown(window)) > len(small), timeout=5000)  # room for more names
    assert min(_gaps_px(window, _shown(window))) >= line - 0.5
