"""Calendars and timeline items as other programs write them, opened from a fresh window with Ctrl+O and walked
with the keys: an iCalendar file folded inside a character and holding a year before 1000, and vis-timeline items
one of which has no start."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow

from ..window_reading import details_after, open_by_hand, problems_typed


def test_a_folded_calendar_with_an_early_medieval_event_opens_and_walks(qtbot: QtBot, window: MainWindow,
                                                                         tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    summary = "SUMMARY:Soci\u00e9t\u00e9 G\u00e9n\u00e9rale board".encode()
    cut = summary.index(b"\xc3") + 1  # the fold falls between the two bytes of an é, as a 75-byte fold may
    path = tmp_path / "board.ics"
    path.write_bytes(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n"
                     b"BEGIN:VEVENT\r\nUID:charlemagne\r\nDTSTART;VALUE=DATE:08001225\r\nSUMMARY:Coronation\r\n"
                     b"END:VEVENT\r\nBEGIN:VEVENT\r\nUID:board\r\nDTSTART:20190304T100000Z\r\n" + summary[:cut]
                     + b"\r\n " + summary[cut:] + b"\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    assert open_by_hand(qtbot, window, monkeypatch, path) == []
    first = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Coronation" in first and "25 Dec 800" in first and "2000" not in first
    board = details_after(qtbot, window, Qt.Key.Key_End)
    assert "Soci\u00e9t\u00e9 G\u00e9n\u00e9rale board" in board and "4 Mar 2019" in board


def test_vis_items_with_one_lacking_a_start_open_titled_and_say_which(qtbot: QtBot, window: MainWindow,
                                                                      tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    items = [{"id": i, "content": f"<i>Sprint {i}</i>", "start": f"2019-03-{i + 1:02d}"} for i in range(6)]
    items.insert(2, {"id": "draft", "content": "Undated draft"})
    path = tmp_path / "items.json"
    path.write_text(json.dumps(items), encoding="utf-8")
    assert open_by_hand(qtbot, window, monkeypatch, path) == []
    first = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Sprint 0" in first and "<i>" not in first and "&lt;i&gt;" not in first  # vis' HTML content as text
    assert "Sprint 1" in details_after(qtbot, window, Qt.Key.Key_Right)
    assert len(problems_typed(qtbot, window, "no start")) == 1


def test_a_google_calendar_export_puts_its_floating_times_in_its_zone(qtbot: QtBot, window: MainWindow,
                                                                      tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Google Calendar names the calendar's zone once (X-WR-TIMEZONE) and writes some times without one: a
    09:00 meeting in Paris showed at 09:00 UTC, two hours late."""
    path = tmp_path / "basic.ics"
    path.write_text("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\n"
                    "X-WR-CALNAME:Board\r\nX-WR-TIMEZONE:Europe/Paris\r\nBEGIN:VEVENT\r\nUID:m1\r\n"
                    "DTSTART:20190402T090000\r\nDTEND:20190402T103000\r\nSUMMARY:Board meeting\r\nEND:VEVENT\r\n"
                    "END:VCALENDAR\r\n")
    assert open_by_hand(qtbot, window, monkeypatch, path) == []
    shown = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Board meeting" in shown and "2 Apr 2019 07:00" in shown and "08:30" in shown
    assert not problems_typed(qtbot, window, "X-WR-TIMEZONE").empty
