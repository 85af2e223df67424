"""An archive's table whose dates are mostly known only to the month or the year, opened in the window as a
user would. Each such label opens with its dates; taking those labels' lengths one event at a time through
pandas held the window for a minute at 100,000 events."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from viewer.model import clock, marks, query
from viewer.ui.shell.main_window import MainWindow

COUNT = 20_000


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    rng = np.random.default_rng(5)
    years, months, kind = rng.integers(1850, 1950, COUNT), rng.integers(1, 13, COUNT), rng.random(COUNT)
    start = np.where(kind < 0.45, [f"{y}-{m:02d}" for y, m in zip(years, months, strict=True)],
                     np.where(kind < 0.8, years.astype(str), [f"{y}-{m:02d}-15" for y, m in
                                                              zip(years, months, strict=True)]))
    end = np.where(rng.random(COUNT) < 0.3, (years + rng.integers(0, 4, COUNT)).astype(str), "")
    path = tmp_path / "archive.csv"
    pd.DataFrame({"id": [f"A{i}" for i in range(COUNT)], "start": start, "end": end,
                  "title": [f"Letter {i} filed" for i in range(COUNT)],
                  "actors": rng.choice(["registry", "council", "mill;council"], COUNT)}).to_csv(path, index=False)
    return path


def test_a_table_of_months_and_years_opens_and_zooms_to_dated_labels(
        qtbot: QtBot, window: MainWindow, hand: Any, archive: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[Any, ...]] = []
    written = clock.format_instant

    def counted(*args: Any) -> str:
        calls.append(args)
        return written(*args)

    monkeypatch.setattr(query, "format_instant", counted)  # the name describe_span writes each date with
    with qtbot.waitSignal(window.loader.loaded, timeout=60_000):
        window.open_path(str(archive))
    QApplication.processEvents()
    assert window.state.dataset.event_count == COUNT
    assert len(calls) < 100  # the labels' dates are written for the whole column at once, not event by event
    timeline = window.timeline
    viewport = timeline.plot.viewport()
    for _ in range(40):  # the wheel, over the plot, into a few years of the archive
        if not timeline.items.density_mode and timeline.labelled_event_ids():
            break
        hand.wheel(viewport, viewport.rect().center(), 3)
        QApplication.processEvents()
    labelled = timeline.labelled_event_ids()
    assert labelled and not timeline.items.density_mode
    events = window.state.dataset.events.set_index("id")
    coarse = [e for e in labelled if events.loc[e, "precision"] in ("year", "month")]
    assert coarse
    titles = timeline.items.marks.titles
    assert isinstance(titles, marks.LabelTexts)
    texts = dict(zip(events.index, titles.take(np.arange(len(events))), strict=True))
    for event_id in coarse:  # "1873 · Letter …" or "Mar 1873 · …": the dates say how much is known
        assert texts[event_id].split(" · ")[0][-4:].isdigit() and texts[event_id].endswith("filed")
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_Left)  # the first arrow key steps onto the event before the cursor
    QApplication.processEvents()
    assert len(window.state.selection.events) == 1
