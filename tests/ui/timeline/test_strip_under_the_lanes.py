"""Under the lanes, a strip as tall as the cursor's date label, in pixels, whatever the lanes' rows: one lane was
stretched over 60 % of the plot and left the rest empty, and many lanes had the label over the last one's marks."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from PySide6.QtCore import QPointF
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow

from ..window_reading import open_by_hand


def _lanes_bottom_and_label(window: MainWindow) -> tuple[float, float, float, float]:
    """The lanes' bottom, the label's top and bottom and the plot's bottom, in scene pixels."""
    timeline = window.timeline
    view = timeline.view
    lanes_bottom = view.mapViewToScene(QPointF(0.0, timeline.items.marks.height)).y()
    label = timeline.cursor_line.label.sceneBoundingRect()
    return lanes_bottom, label.top(), label.bottom(), view.sceneBoundingRect().bottom()


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_one_lane_fills_the_plot_down_to_the_cursors_date(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]) -> None:
    window.resize(*size)
    path = tmp_path / "log.csv"
    days = pd.date_range("2006-01-01", periods=400, freq="2h")
    pd.DataFrame({"date": days.strftime("%Y-%m-%d %H:%M"), "title": [f"call {i}" for i in range(400)]}).to_csv(
        path, index=False)
    open_by_hand(qtbot, window, monkeypatch, path)
    qtbot.wait(50)
    assert window.timeline.lane_labels() == ["Events"]
    lanes_bottom, label_top, label_bottom, plot_bottom = _lanes_bottom_and_label(window)
    assert lanes_bottom <= label_top + 1 and label_bottom <= plot_bottom + 1
    assert plot_bottom - lanes_bottom <= (label_bottom - label_top) + 12  # (was 40 % of the plot)


@pytest.mark.parametrize("size", [(1280, 720), (1600, 900), (1920, 1080)])
def test_the_cursors_date_stays_below_the_last_lane(qtbot: QtBot, window: MainWindow, size: tuple[int, int]) -> None:
    window.resize(*size)
    qtbot.wait(50)
    lanes_bottom, label_top, _label_bottom, _plot_bottom = _lanes_bottom_and_label(window)
    assert window.timeline.lane_labels()[-1] == "Other"
    assert lanes_bottom <= label_top + 1
