"""A source queried in place whose dates reach the ends of the calendar (1 January 1 to 31 December 9999, a
common "open end" in registers): its span, its rows and its density, from the command line's API and in
the window, zoomed out past both ends with the wheel and stepped with the keys, never fail a query."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from viewer.model.dates import to_seconds
from viewer.model.window import TimeWindow
from viewer.source import windowed
from viewer.source.base import DensityRequest
from viewer.ui.shell.main_window import MainWindow

DAYS = ["0001-01-01", "0500-06-15", "1900-01-01", "2020-05-01", "9999-12-31"]


@pytest.fixture
def far(tmp_path: Path) -> Path:
    path = tmp_path / "far.parquet"
    # midnights: read as days, as the loader reads them
    starts = pd.Series(pd.to_datetime(DAYS, format="%Y-%m-%d").as_unit("ms"))
    pd.DataFrame({"id": [f"e{i}" for i in range(len(DAYS))], "start": starts,
                  "title": [f"Day {d}" for d in DAYS]}).to_parquet(path, index=False)
    return path


def test_the_span_rows_and_density_of_far_dates_come_from_the_engine(far: Path) -> None:
    ds = windowed.open_for_window(far)
    source = ds.source
    assert source is not None
    span = source.span()
    assert span is not None
    lo, hi = span  # the last day runs to 1 January 10000: past what a datetime holds
    assert lo == pd.Timestamp("0001-01-01", tz="UTC") and hi.year == 10000
    wide = (-1e12, 1e12)  # years -29,700 to 33,600: far past both ends
    assert list(source.events(*wide, limit=10)["id"]) == [f"e{i}" for i in range(len(DAYS))]
    assert source.count() == len(DAYS)
    assert int(source.density(DensityRequest(*wide, 40)).sum()) == len(DAYS)
    assert int(source.density(DensityRequest(-1e12, -7e10, 10)).sum()) == 0  # all before year 1: nothing
    assert list(source.events(float(to_seconds(pd.Timestamp("9000-01-01", tz="UTC"))), 3e11, limit=10)["id"]) == ["e4"]
    assert list(source.events(3e11, 4e11, limit=10)["id"]) == []  # a window after 10000: nothing reaches it


def test_zoomed_out_past_the_calendar_s_ends_the_window_never_fails_a_query(
        far: Path, window: MainWindow, qtbot: QtBot, hand: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ENTENTE_ENGINE_ROWS", "0")  # a file this small is loaded unless told otherwise
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        window.opening.open_path(str(far))
    engine = window.timeline.engine
    worker = engine.worker if engine is not None else None
    assert worker is not None
    failures: list[str] = []
    worker.failed.connect(failures.append)
    viewport = window.timeline.plot.viewport()
    middle = QPoint(viewport.width() // 2, viewport.height() // 2)
    for notches in (-4, -4, -4, 6, 6):  # out past year 1 and year 9999, then back in
        hand.wheel(viewport, middle, notches)
        qtbot.wait(50)
    window.timeline.setFocus()
    for key in (Qt.Key.Key_End, Qt.Key.Key_Home, Qt.Key.Key_Right):
        qtbot.keyClick(window.timeline, key)
    qtbot.waitUntil(lambda: not worker.busy, timeout=30_000)
    window.state.set_window(TimeWindow.between("9990-01-01", "9999-12-31"))
    qtbot.waitUntil(lambda: not worker.busy, timeout=30_000)
    qtbot.wait(300)
    assert failures == []
