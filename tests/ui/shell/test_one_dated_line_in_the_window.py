"""A text of one line led by a date, opened from a fresh window with File → Open (Ctrl+O): its one event is on the
timeline and in Details, without a column question. Before, the window refused it as "columns (2020-01-05 Renault
and Nissan sign the …) and no rows under them", while the same line with another under it opened."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow

from ..window_reading import details_after, open_by_hand


@pytest.mark.parametrize("ending", ["\n", "\r\n", ""])
def test_the_one_event_is_on_the_timeline_and_in_details(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch, ending: str) -> None:
    path = tmp_path / "one.txt"
    path.write_bytes(f"2020-01-05 Renault and Nissan sign the deal{ending}".encode())
    assert open_by_hand(qtbot, window, monkeypatch, path) == []  # (no column to ask about)
    shown = window.state.dataset
    assert shown.event_count == 1 and shown.events["title"].tolist() == ["Renault and Nissan sign the deal"]
    seen = window.state.window
    assert seen.start_time <= pd.Timestamp("2020-01-05", tz="UTC") < seen.end_time  # (on the timeline's view)
    text = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Renault and Nissan sign the deal" in text and "2020" in text
    assert window.state.selection.events == frozenset(shown.events["id"])
    # (an exception that reached a Qt slot fails the test: tests/ui/conftest.py's no_silent_errors)
