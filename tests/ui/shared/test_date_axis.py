"""The timeline's date axis is UTC: ticks sit on whole UTC hours, days and months, whatever the machine's zone."""

from __future__ import annotations

import os
import subprocess
import sys

import pandas as pd
import pytest
from PySide6.QtGui import QFont, QFontMetrics

pytest.importorskip("pytestqt")

from viewer.ui.shared.date_axis import DateAxis

SCRIPT = """
import pandas as pd
from PySide6.QtWidgets import QApplication
app = QApplication([])
from viewer.ui.shared.date_axis import DateAxis
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
