"""A database export writing its missing dates as pandas and MySQL do (NaT, 0000-00-00), opened from a fresh window
with Ctrl+O: the column dialog offers its dates as the start and end and is accepted, the keys walk its events, and
Problems holds no warning for them (the start column was not found as dates, and each such end was a warning)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow

from ..window_reading import accepting, details_after, open_by_hand, problems_typed

EXPORT = ("id,opened_on,closed_on,title,paid_on\n1,2019-03-01,NaT,Order one,0000-00-00 00:00:00\n"
          "2,2019-03-02,0000-00-00,Order two,2019-03-05\n3,0000-00-00,NaT,Never placed,NaN\n"
          "4,2019-03-04,2019-03-06,Order four,NaT\n")


def test_an_export_s_missing_dates_are_values_not_there(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    offered: list[str] = []
    open_by_hand(qtbot, window, monkeypatch, tmp_path / "orders.csv", answer=accepting(offered), text=EXPORT)
    assert len(offered) == 1  # (opened_on is a start by its values: the dialog asks, with it chosen)
    assert window.state.dataset.event_count == 3
    first = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Order one" in first and "1 Mar 2019" in first
    last = details_after(qtbot, window, Qt.Key.Key_End)
    assert "Order four" in last and "6 Mar 2019" in last
    assert problems_typed(qtbot, window, "expected a date").empty
    window.problems.filter.clear()
    assert not problems_typed(qtbot, window, "missing value").empty
