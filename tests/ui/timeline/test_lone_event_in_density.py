"""A lane of one event beside a lane of thousands, opened from a fresh window: in density its column's bar was
scaled to the busiest column of all lanes (a day of 30,000) and rose a pixel, a dot nobody saw; it rises four at
least."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow
from viewer.ui.timeline.density import MIN_BAR_PX

from ..window_reading import open_by_hand


def _table() -> str:
    days = pd.date_range("2020-01-01", "2020-01-01 23:00", periods=30_000).strftime("%Y-%m-%dT%H:%M:%SZ")
    busy = [f"{day},Busy {i},Busy" for i, day in enumerate(days)]
    return "date,title,actor\n2020-12-15T12:00:00Z,Lone,Lone\n" + "\n".join(busy) + "\n"


def _inked_rows(window: MainWindow, lane: int) -> np.ndarray:
    """Per pixel column of the plot, how many of the lane's pixel rows differ from the lane's ground."""
    timeline = window.timeline
    top, bottom = timeline.items.marks.bands[lane]
    ys = [timeline.plot.mapFromScene(timeline.view.mapViewToScene(QPointF(0.0, y))).y() for y in (top, bottom)]
    image = timeline.plot.grab().toImage()
    ratio = image.devicePixelRatio()
    y0, y1 = sorted(int(y * ratio) for y in ys)
    rows = np.array([[image.pixel(x, y) for x in range(image.width())] for y in range(y0 + 2, y1 - 2)])
    ground = np.array([np.bincount(np.unique(row, return_inverse=True)[1]).argmax() for row in rows])
    grounds = np.array([np.unique(row)[g] for row, g in zip(rows, ground, strict=True)])
    return (rows != grounds[:, None]).sum(axis=0)


def test_a_lone_events_column_stands_four_pixels_high_beside_thousands(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    asked = open_by_hand(qtbot, window, monkeypatch, tmp_path / "log.csv", text=_table())  # Ctrl+O
    ds = window.state.dataset
    assert not asked and ds.event_count == 30_001
    window.timeline.setFocus()
    QTest.keySequence(window, QKeySequence("Ctrl+0"))  # View → Fit all events: the year, its lone event at the end
    window.timeline.grab()
    marks = window.timeline.items.marks
    lone = int(np.flatnonzero(ds.events["title"].to_numpy() == "Lone")[0])
    lanes = set(marks.lane[marks.event == lone].tolist())
    assert len(lanes) == 1 and window.timeline.items.density_mode
    at = window.timeline.event_scene_pos(str(ds.events["id"].iloc[lone]))
    assert at is not None
    x = round(window.timeline.plot.mapFromScene(at).x() * window.timeline.plot.grab().devicePixelRatio())
    inked = _inked_rows(window, lanes.pop())
    assert inked[x - 3:x + 4].max() >= MIN_BAR_PX, inked[x - 3:x + 4]  # (its column, not the cursor's line)
