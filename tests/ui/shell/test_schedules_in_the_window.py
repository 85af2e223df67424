"""A rota opened from a fresh window with Ctrl+O: its day column beside start and end times of day (a night shift
running past midnight). Before, every row was skipped ("expected a date, got '09:00'") and the window stayed
empty; now each shift spans its hours, walked with the keys and read in Details."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow

from ..window_reading import open_by_hand, walked

ROTA = "day,start_time,end_time,what\n2019-03-04,09:00,17:30,Day shift\n2019-03-05,23:00,07:15,Night shift\n"


def test_a_rotas_shifts_span_their_hours(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    assert open_by_hand(qtbot, window, monkeypatch, tmp_path / "rota.csv", text=ROTA) == []
    ds = window.state.dataset
    assert ds.event_count == 2 and not [p for p in ds.problems if p.level in ("warning", "error")]
    day, night = walked(qtbot, window, 1)
    assert "Day shift" in day and "09:00" in day and "17:30" in day
    assert "Night shift" in night and "23:00" in night and "6 Mar 2019" in night and "07:15" in night
