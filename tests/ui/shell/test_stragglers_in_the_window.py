"""A real report whose events lie in three months of 2011 but one, in 2007 (the NRC's event notifications,
../shared/realdata), opened with File → Open in a fresh window: it opens on the three months, the toolbar's
"Default window" says an event lies outside, and "All events", clicked, shows it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow

from ..window_reading import open_by_hand

REALDATA = Path(__file__).resolve().parents[3].parent / "shared" / "realdata"
NRC = REALDATA / "csv" / "nrc_event_notifications_2011_pipe.txt"


def _shown(window: MainWindow) -> tuple[pd.Timestamp, pd.Timestamp]:
    (t0, t1), _ = window.timeline.plot.getViewBox().viewRange()
    return pd.Timestamp(t0, unit="s", tz="UTC"), pd.Timestamp(t1, unit="s", tz="UTC")


def _click(qtbot: QtBot, window: MainWindow, key: str) -> None:
    button = window.tools.navigation.widgetForAction(window.tools.presets[key])
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.wait(50)


def test_one_event_years_before_the_rest_does_not_squeeze_the_window(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, hand: Any) -> None:
    assert open_by_hand(qtbot, window, monkeypatch, NRC) == []
    ds = window.state.dataset
    assert len(ds.events) == 72 and ds.events["start"].min().year == 2007
    start, end = _shown(window)
    assert (start.year == 2010 and start.month == 12) or start.year == 2011
    assert end.year == 2011 and end.month <= 4
    assert "1 event not wholly inside (All events shows it)" in window.tools.presets["default"].toolTip()
    _click(qtbot, window, "all")
    assert _shown(window)[0].year == 2007
    _click(qtbot, window, "default")
    assert _shown(window)[0].year >= 2010
    viewport = window.timeline.plot.viewport()
    hand.wheel(viewport, viewport.rect().center(), -3)  # zoomed out by hand, the 2007 event comes into view
    qtbot.wait(50)
    assert _shown(window)[0] < start
