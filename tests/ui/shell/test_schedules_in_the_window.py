"""A rota opened from a fresh window with Ctrl+O: its day column beside start and end times of day (a night shift
running past midnight). Before, every row was skipped ("expected a date, got '09:00'") and the window stayed
empty; now each shift spans its hours, walked with the keys and read in Details. An accident table's Hour column
of whole hours likewise."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow

from ..window_reading import open_by_hand, walked

ROTA = "day,start_time,end_time,what\n2019-03-04,09:00,17:30,Day shift\n2019-03-05,23:00,07:15,Night shift\n"


@pytest.mark.parametrize(("text", "first", "second"), [
    (ROTA, ["Day shift", "09:00", "17:30"], ["Night shift", "23:00", "6 Mar 2019", "07:15"]),
    # an accident table's hour of day (before: "times are unreadable", every event at midnight)
    ("Date,Hour,Event\n2019-03-04,9,Collision\n2019-03-04,17,Breakdown\n", ["Collision", "09:00"],
     ["Breakdown", "17:00"]),
    # a programme's time column of spans (before: "times are unreadable", each session an instant at midnight)
    ("Date,Time,Title\n2019-03-04,09:00 - 10:30,Opening keynote\n2019-03-04,11:00 to 12:15,Panel\n",
     ["Opening keynote", "09:00", "10:30"], ["Panel", "11:00", "12:15"]),
    # two times joined in the date cell (before: "09:00-10:30" read as 09:00 at UTC-10:30, 19:30 UTC, silently)
    ("date,title\n2019-03-04 09:00-10:30,Standup\n2019-03-05 14:00-15:00,Review\n", ["Standup", "09:00", "10:30"],
     ["Review", "14:00", "15:00"]),
    # past midnight in the date cell (before: its end dropped as "end before start", the shift an instant)
    ("date,title\n2019-03-04 23:00-01:15,Night shift\n2019-03-06 16:00-17:00,Review\n",
     ["Night shift", "23:00", "5 Mar 2019", "01:15"], ["Review", "16:00", "17:00"]),
])
def test_a_rotas_shifts_span_their_hours(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch, text: str, first: list[str],
                                         second: list[str]) -> None:
    assert open_by_hand(qtbot, window, monkeypatch, tmp_path / "rota.csv", text=text) == []
    ds = window.state.dataset
    assert ds.event_count == 2 and not [p for p in ds.problems if p.level in ("warning", "error")]
    seen = walked(qtbot, window, 1)
    assert all(part in seen[0] for part in first) and all(part in seen[1] for part in second)
