"""Years written with their era, opened from a fresh window with Ctrl+O: "753 B.C." is placed before "AD 476" on
the timeline and walked in that order with the keys (before, "44 BC" was the year 44 after Christ, placed after
the founding of Rome's "753 BC" read as 753 AD). A day before Christ ("15 March 44 BC") is read to the day, and in a
column that reaches back before the year 1000, "24 August 79" is the year 79, not 1979; a day that does not exist
is reported by its row."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow

from ..window_reading import details_after, open_by_hand

ANCIENT = ("date,title\n1066 AD,Hastings\n44 BC,Caesar assassinated\n15 March 44 BC,Ides of March\n"
           "753 B.C.,Founding of Rome\nAD 476,Fall of the West\n24 August 79,Vesuvius erupts\n"
           "30 February 44 BC,No such day\n")
WALKED = ["Founding of Rome", "Caesar assassinated", "Ides of March", "Vesuvius erupts", "Fall of the West",
          "Hastings"]


def test_events_before_christ_come_first_and_are_walked_in_time_order(qtbot: QtBot, window: MainWindow,
                                                                     tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "ancient.csv"
    path.write_text(ANCIENT, encoding="utf-8")
    assert open_by_hand(qtbot, window, monkeypatch, path) == []
    ds = window.state.dataset
    assert ds.events["title"].tolist() == WALKED
    assert [(p.row, p.field) for p in ds.problems if p.level == "error"] == [(8, "date")]
    assert any("24 August 79 is the year 79" in p.message for p in ds.problems)
    window.timeline.setFocus()
    qtbot.keyClick(window.timeline, Qt.Key.Key_Home)
    assert "-752" in window.details.html()  # the astronomical year of 753 BC, as ISO 8601 and the axis write it
    shown = [window.details.html()]
    for _ in range(len(WALKED) - 1):
        qtbot.keyClick(window.timeline, Qt.Key.Key_Right)
        shown.append(window.details.html())
    assert [html.splitlines()[0] for html in shown] == WALKED
    assert "15 Mar -43" in shown[2] and "24 Aug 79" in shown[3] and "1979" not in shown[3]


def test_a_timeline_written_as_year_and_day_columns_opens_whole(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """"Year | Date | Event", as Wikipedia's timelines are written: nothing opened (every "21 April" was unread)."""
    path = tmp_path / "rome.csv"
    path.write_text("Year,Date,Event\n753 BC,21 April,Romulus founds Rome\n44 BC,15 March,Caesar\n"
                    "476,4 September,Odoacer\n", encoding="utf-8")
    assert open_by_hand(qtbot, window, monkeypatch, path) == []
    assert window.state.dataset.event_count == 3
    assert "21 Apr -752" in details_after(qtbot, window, Qt.Key.Key_Home)
    assert "4 Sep 476" in details_after(qtbot, window, Qt.Key.Key_End)
