"""The timeline's date axis is UTC: ticks sit on whole UTC hours, days and months, whatever the machine's zone."""

from __future__ import annotations

import os
import subprocess
import sys

import pandas as pd
import pyqtgraph as pg
import pytest
from PySide6.QtGui import QFont, QFontMetrics

pytest.importorskip("pytestqt")

from viewer.ui.shared.date_axis import CLEAR_PX, DateAxis, declutter

SCRIPT = """
import pandas as pd
from PySide6.QtWidgets import QApplication
app = QApplication([])
from viewer.ui.shared.date_axis import CLEAR_PX, DateAxis, declutter
from PySide6.QtGui import QFont, QFontMetrics
axis = DateAxis()
axis.fontMetrics = QFontMetrics(QFont())  # set by the axis' paint; the test asks before any paint
t0 = pd.Timestamp("2024-03-10T00:00Z").timestamp()
ticks = [t for _, level in axis.tickValues(t0, t0 + 6 * 3600, 800) for t in level]
print(",".join(str(int(t)) for t in ticks))
"""


def _ticks(hours: float, start: str = "2024-03-10T00:00Z") -> list[float]:
    axis = DateAxis()
    axis.fontMetrics = QFontMetrics(QFont())  # set by the axis' paint; the test asks before any paint
    t0 = pd.Timestamp(start).timestamp()
    return [t for _, level in axis.tickValues(t0, t0 + hours * 3600, 800) for t in level]


def test_hour_ticks_fall_on_whole_utc_hours(qtbot: object) -> None:
    ticks = _ticks(6)
    assert ticks and all(t % 3600 == 0 for t in ticks)


def test_day_and_month_ticks_fall_on_utc_midnights(qtbot: object) -> None:
    assert all(t % 86400 == 0 for t in _ticks(24 * 40))
    assert all(pd.Timestamp(t, unit="s").day == 1 for t in _ticks(24 * 700)[:3])


def test_a_machine_in_another_zone_gets_the_same_ticks() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    runs = {zone: subprocess.run([sys.executable, "-c", SCRIPT], env={**env, "TZ": zone}, capture_output=True,
                                 text=True, check=True).stdout.strip() for zone in ("UTC", "Asia/Kolkata")}
    assert runs["UTC"] and runs["UTC"] == runs["Asia/Kolkata"]  # +5:30 would move hour ticks off the hour


def _direct(axis: DateAxis, lo: float, hi: float, size: float) -> list[tuple[float, list[float]]]:
    """What the axis computed for every frame before it kept a wide stretch: pyqtgraph's ticks, decluttered."""
    return declutter(pg.DateAxisItem.tickValues(axis, lo, hi, size), (hi - lo) / size * CLEAR_PX)


@pytest.mark.parametrize("size", [900.0, 300.0])
@pytest.mark.parametrize("days", [0.0005, 0.02, 0.3, 2, 9, 40, 120, 2000, 9000, 90000])
def test_a_pan_cuts_its_ticks_from_a_wide_stretch_with_pyqtgraphs_answer(
        qtbot: object, monkeypatch: pytest.MonkeyPatch, days: float, size: float) -> None:
    """Panned 5 % at a time, each view gets the ticks it got before (pyqtgraph's steps on the calendar
    are whole units, wherever the view starts), without stepping through the calendar again."""
    axis, reference = DateAxis(), DateAxis()
    for a in (axis, reference):
        a.fontMetrics = QFontMetrics(QFont())
    start, span = pd.Timestamp("2011-03-07T05:17Z").timestamp(), days * 86400.0
    computed: list[int] = []
    original = pg.DateAxisItem.tickValues

    def counted(self: DateAxis, *args: float) -> object:
        computed.append(1)
        return original(self, *args)

    monkeypatch.setattr(pg.DateAxisItem, "tickValues", counted)
    views = [(start + span * 0.05 * step, start + span * (1 + 0.05 * step)) for step in range(20)]
    got = [axis.tickValues(lo, hi, size) for lo, hi in views]
    monkeypatch.undo()
    assert len(computed) <= 2  # once, and once more when the pans leave the wide stretch
    for (lo, hi), levels in zip(views, got, strict=True):
        expected = _direct(reference, lo, hi, size)
        assert levels == expected, (days, lo)
        assert all(lo < v <= hi for _, values in levels for v in values)



def test_a_zoom_step_asks_for_its_own_view_only(qtbot: object, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each zoom step is at a new zoom: a stretch three views wide would be computed for one view."""
    axis = DateAxis()
    axis.fontMetrics = QFontMetrics(QFont())
    asked: list[tuple[float, float]] = []
    original = pg.DateAxisItem.tickValues

    def counted(self: DateAxis, lo: float, hi: float, size: float) -> object:
        asked.append((lo, hi))
        return original(self, lo, hi, size)

    monkeypatch.setattr(pg.DateAxisItem, "tickValues", counted)
    lo, hi = pd.Timestamp("2000-01-01T00:00Z").timestamp(), pd.Timestamp("2025-01-01T00:00Z").timestamp()
    views = [(lo + (hi - lo) * 0.4 * (1 - 0.6**i), lo + (hi - lo) * (0.4 + 0.6 * 0.6**i)) for i in range(12)]
    got = [axis.tickValues(a, b, 1500.0) for a, b in views]
    monkeypatch.undo()
    assert asked == views
    assert got == [_direct(axis, a, b, 1500.0) for a, b in views]


def test_back_at_a_zoom_panned_before_the_axis_labels_its_ticks(qtbot, hand, window) -> None:
    """Panned twice (the axis keeps ticks for a stretch three views wide), zoomed in to hours, then the
    toolbar's preset back at the zoom of the pans: the ticks are cut from that stretch, and were labelled at
    the hours' zoom level (pyqtgraph found no format for a year: an exception in every paint, no axis)."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    from tests.ui.window_reading import axis_labels
    from viewer.model import navigation

    viewport = window.timeline.plot.viewport()
    start = QPoint(viewport.width() // 2, viewport.height() - 40)
    for _ in range(2):
        hand.press(viewport, start)
        hand.drag_to(viewport, start, start + QPoint(-60, 0))
        hand.release(viewport, start + QPoint(-60, 0))
        qtbot.wait(20)
    assert window.state.window != navigation.default_window(window.state.dataset)
    hand.wheel(viewport, viewport.rect().center(), 25)  # in to hours
    qtbot.wait(20)
    assert window.state.window.span < 3 * 86400
    button = window.tools.navigation.widgetForAction(window.tools.presets["default"])
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    window.timeline.plot.repaint()
    qtbot.wait(20)
    assert window.state.window == navigation.default_window(window.state.dataset)
    labels = axis_labels(window)
    years = [label for label in labels if label.isdigit()]  # the years, as before the zoom (the months between
    assert years == ["2019", "2020", "2021", "2022", "2023"], labels  # them are ticked, too close to label)


def _labels(start: str, end: str, size: float) -> list[list[str]]:
    axis = DateAxis()
    axis.fontMetrics = QFontMetrics(QFont())  # set by the axis' paint; the test asks before any paint
    lo, hi = pd.Timestamp(start).timestamp(), pd.Timestamp(end).timestamp()
    return [axis.tickStrings(values, 1.0, spacing) for spacing, values in axis.tickValues(lo, hi, size)]


def test_months_a_few_pixels_apart_go_unlabelled_not_printed_over_each_other(qtbot: object) -> None:
    years, months = _labels("2007-04-23T11:52Z", "2011-06-08T14:33Z", 773)  # the overview of a four-year file
    assert years == ["2008", "2009", "2010", "2011"]
    assert months and set(months) == {""}  # "Jun" and "Jul" 12 px apart printed as "JunJul"
    assert "Jun" in [text for level in _labels("2019-01-01T00:00Z", "2020-01-01T00:00Z", 900) for text in level]
