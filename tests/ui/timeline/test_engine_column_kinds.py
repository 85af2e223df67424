"""A partitioned source written by another tool (integer dates 20190321, actors as list<string>) opened
from File → Open in a fresh window: its marks are drawn as the loader would read them, and keys and a
click on a mark work on them."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow


def _folder(tmp_path: Path) -> Path:
    for month in (1, 2, 3):
        part = tmp_path / "events" / f"month={month}"
        part.mkdir(parents=True)
        days = list(range(1, 29))
        pq.write_table(pa.table({
            "id": [f"m{month}d{d}" for d in days], "start": pa.array([20190000 + month * 100 + d for d in days]),
            "title": [f"Meeting {month}/{d}" for d in days],
            "actors": pa.array([["acme", "globex"] if d % 2 else ["initech"] for d in days])}),
            part / "part.parquet")
    return tmp_path / "events"


def test_integer_dates_and_listed_actors_are_drawn_and_clicked_in_the_window(
        qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        window.opening.open_path(str(folder))
    assert window.state.dataset.source is not None
    timeline = window.timeline
    qtbot.waitUntil(lambda: len(timeline.visible_event_ids()) == 84, timeout=15_000)
    event_id = "m2d15"
    pos = timeline.event_scene_pos(event_id)
    assert pos is not None
    qtbot.mouseClick(timeline.plot.viewport(), Qt.MouseButton.LeftButton, pos=timeline.plot.mapFromScene(pos))
    qtbot.waitUntil(lambda: event_id in window.state.selection.events, timeout=5_000)
    qtbot.waitUntil(lambda: "Meeting 2/15" in window.details.html() and "globex" in window.details.html().lower(),
                    timeout=5_000)
    assert "15 Feb 2019" in window.details.html()
    timeline.setFocus()
    for key in (Qt.Key.Key_Right, Qt.Key.Key_Right, Qt.Key.Key_Left, Qt.Key.Key_Plus, Qt.Key.Key_Minus):
        qtbot.keyClick(timeline, key)
        qtbot.wait(20)
    assert window.state.dataset.source is not None
