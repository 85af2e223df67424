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
    _open_calendar(qtbot, window, monkeypatch, tmp_path / "basic.ics",
                   "PRODID:-//Google Inc//Google Calendar 70.9054//EN\r\nX-WR-CALNAME:Board\r\n"
                   "X-WR-TIMEZONE:Europe/Paris\r\nBEGIN:VEVENT\r\nUID:m1\r\nDTSTART:20190402T090000\r\nDTEND:20190402T103000\r\n"
                   "SUMMARY:Board meeting\r\nEND:VEVENT\r\n")
    shown = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Board meeting" in shown and "2 Apr 2019 07:00" in shown and "08:30" in shown
    assert not problems_typed(qtbot, window, "X-WR-TIMEZONE").empty


def test_a_holiday_repeated_each_day_opens_and_walks_day_by_day(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Two weeks out of office, written as an all-day event repeated daily: the window said "Opening…" for ever (the
    expansion could not step past a day), and Cancel was the only way out."""
    _open_calendar(qtbot, window, monkeypatch, tmp_path / "away.ics",
                   "PRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\nUID:away\r\nDTSTART;VALUE=DATE:20190107\r\n"
                   "DTEND;VALUE=DATE:20190108\r\nSUMMARY:Out of office\r\nRRULE:FREQ=DAILY;UNTIL=20190118\r\n"
                   "END:VEVENT\r\nBEGIN:VEVENT\r\nUID:board\r\nDTSTART:20190121T090000Z\r\n"
                   "SUMMARY:Board meeting\r\nEND:VEVENT\r\n")
    assert window.state.dataset.event_count == 13
    first = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Out of office" in first and "7 Jan 2019" in first
    assert "8 Jan 2019" in details_after(qtbot, window, Qt.Key.Key_Right)
    assert "Board meeting" in details_after(qtbot, window, Qt.Key.Key_End)
    assert "18 Jan 2019" in details_after(qtbot, window, Qt.Key.Key_Left)


def _open_calendar(qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, path: Path, body: str) -> None:
    """A calendar of ``body`` (its PRODID, its other properties and its events) opened with File → Open, asked
    nothing."""
    path.write_text(f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n{body}END:VCALENDAR\r\n", encoding="utf-8")
    assert open_by_hand(qtbot, window, monkeypatch, path) == []


def test_a_meetings_people_are_its_actors_in_details(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """An Outlook meeting's organizer and attendees were dropped: Details named nobody. They are its actors, named
    as the invitation names them; who declined is said apart."""
    _open_calendar(qtbot, window, monkeypatch, tmp_path / "agenda.ics",
                   "PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r\nBEGIN:VEVENT\r\nUID:b1\r\n"
                   "DTSTART:20190402T090000Z\r\nSUMMARY:Alliance board\r\n"
                   "ORGANIZER;CN=Jean-Dominique Senard:mailto:jd@renault.example\r\n"
                   "ATTENDEE;CN=Makoto Uchida;PARTSTAT=ACCEPTED:mailto:mu@nissan.example\r\n"
                   "ATTENDEE;CN=Takao Kato;PARTSTAT=DECLINED:mailto:tk@mmc.example\r\n"
                   "X-MICROSOFT-CDO-IMPORTANCE:1\r\nBEGIN:VALARM\r\nTRIGGER:-PT15M\r\nEND:VALARM\r\nEND:VEVENT\r\n")
    shown = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Alliance board" in shown and "Jean-Dominique Senard" in shown and "Makoto Uchida" in shown
    assert "declined" in shown and "Takao Kato" in shown
    assert sorted(window.state.dataset.entities["name"]) == ["Jean-Dominique Senard", "Makoto Uchida"]


def test_an_exchange_display_zone_shows_the_meeting_at_its_hour(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """A 10:00 meeting in Amsterdam, its zone written as Exchange's display name: shown at 10:00 UTC, two hours
    late; and an event whose zone is an unquoted ``tzone://`` address was lost."""
    _open_calendar(qtbot, window, monkeypatch, tmp_path / "exchange.ics",
                   "PRODID:Microsoft Exchange Server 2010\r\nBEGIN:VEVENT\r\nUID:m1\r\nDTSTART;TZID=\"(UTC+01:00) "
                   "Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna\":20190704T100000\r\nSUMMARY:Board\r\nEND:VEVENT"
                   "\r\nBEGIN:VEVENT\r\nUID:m2\r\nDTSTART;TZID=tzone://Microsoft/Utc:20190705T100000\r\n"
                   "SUMMARY:Call\r\nEND:VEVENT\r\n")
    assert "Board" in (first := details_after(qtbot, window, Qt.Key.Key_Home)) and "4 Jul 2019 08:00" in first
    assert "Call" in details_after(qtbot, window, Qt.Key.Key_Right)


def test_times_in_a_daylight_saving_gap_stay_apart_and_are_said(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """02:00, 02:15 and 02:45 in Berlin on the night clocks go forward were one instant (01:00 UTC, that of 03:00);
    opened with Ctrl+O, the keys walk them in order at the offset before the gap, and Problems says so."""
    open_by_hand(qtbot, window, monkeypatch, tmp_path / "shifts.csv",
                 text="date,title\n2020-03-29 02:00 Europe/Berlin,Shift A\n2020-03-29 02:15 Europe/Berlin,Shift B\n"
                      "2020-03-29 02:45 Europe/Berlin,Shift C\n")
    assert "Shift A" in details_after(qtbot, window, Qt.Key.Key_Home)
    shown = details_after(qtbot, window, Qt.Key.Key_Right)
    assert "Shift B" in shown and "01:15" in shown
    assert len(problems_typed(qtbot, window, "daylight-saving gap")) == 1
