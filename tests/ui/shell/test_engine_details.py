"""A source queried in place keeps its extra columns: an event stepped on with the keys shows them in Details,
as the same file loaded into memory does."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

import viewer
from viewer.ui.shared.state import ViewState
from viewer.ui.shell.main_window import MainWindow

from ..window_reading import press


@pytest.fixture
def table(tmp_path: Path) -> Path:
    path = tmp_path / "inspections.parquet"
    pd.DataFrame({"id": [f"i{i}" for i in range(4)],
                  "start": pd.date_range("2021-03-01", periods=4, freq="7D", tz="UTC"),
                  "title": [f"Inspection {i}" for i in range(4)],
                  "City": ["Lyon", "Porto", None, "Turin"], "Fine": [120.5, None, 80.0, 0.0]}).to_parquet(path)
    return path


def test_an_event_stepped_on_shows_its_extra_columns_in_details(table: Path, qtbot: QtBot,
                                                               make_window: Callable[..., MainWindow],
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    memory = viewer.load(table)
    assert [a.name for a in memory.attributes] == ["City", "Fine"]
    monkeypatch.setenv("ENTENTE_ENGINE_ROWS", "0")  # queried in place, as a big file is
    window = make_window(ViewState(viewer.load()))
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        window.opening.open_path(str(table))
    assert window.state.dataset.source is not None and window.state.dataset.events.empty
    press(qtbot, window, Qt.Key.Key_Left)  # the cursor starts at the window's end: the last event
    qtbot.waitUntil(lambda: window.state.selection.events == frozenset({"i3"}), timeout=20_000)
    qtbot.waitUntil(lambda: "Turin" in window.details.html(), timeout=20_000)
    text = window.details.html()
    assert "Inspection 3" in text and "City" in text and "Fine \n0\n" in text  # a number written as in memory
    press(qtbot, window, Qt.Key.Key_Left)
    qtbot.waitUntil(lambda: "Inspection 2" in window.details.html() and "80" in window.details.html(),
                    timeout=20_000)
    assert "City" not in window.details.html()  # an empty value is left out, as in memory
