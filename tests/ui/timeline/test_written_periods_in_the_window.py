"""Chronologies that write quarters, centuries, ISO week and ordinal dates, East Asian dates and open spans
("1998–present"), opened from a fresh window and walked with the keys: each row is an event (before, each
was skipped as "expected a date", and "2019-064" was the years 2019 to 64)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow
from viewer.ui.shell.mapping_dialog import MappingDialog

from ..window_reading import open_written, walked


def test_written_periods_open_and_are_described_with_their_ends(qtbot: QtBot, window: MainWindow,
                                                                tmp_path: Path) -> None:
    ds = open_written(qtbot, window, tmp_path / "chronology.csv",
                      "date,title\n19th century,Industrial age\nQ1 2019,First quarter\n2019-W10,Week ten\n"
                      "2019-064,Day sixty-four\n2019年3月4日,Kickoff in Tokyo\n1998–present,Still running\n")
    assert ds.event_count == 6 and not [p for p in ds.problems if p.level in ("warning", "error")]
    assert any("open at their end" in p.message for p in ds.problems)
    window.timeline.setFocus()
    qtbot.keyClick(window.timeline, Qt.Key.Key_Home)
    text = window.details.html()
    assert "Industrial age" in text and "1801" in text and "1900" in text
    seen = []
    for _ in range(5):
        qtbot.keyClick(window.timeline, Qt.Key.Key_Right)
        seen.append(window.details.html())
    assert "Still running" in seen[0] and "1998" in seen[0]
    assert "First quarter" in seen[1] and "2019" in seen[1]
    assert "Week ten" in seen[2] and "Mar" in seen[2] and "10" in seen[2]
    assert "Kickoff in Tokyo" in seen[3] and "Day sixty-four" in seen[4]
    week = dict(zip(ds.events["title"], ds.events["id"], strict=True))["Week ten"]
    qtbot.waitUntil(lambda: week in window.timeline.labelled_event_ids(), timeout=3000)


def test_a_column_of_quarters_is_offered_as_the_date_in_the_mapping_dialog(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    offered: list[str] = []

    def accept(dialog: MappingDialog) -> QDialog.DialogCode:
        offered.append(dialog.combos["start"].currentText())
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(MappingDialog, "exec", accept)
    ds = open_written(qtbot, window, tmp_path / "revenue.csv",
                      "region,period,revenue\nnorth,Q1 2019,10\nsouth,Q2 2019,12\nwest,2019-Q3,9\n")
    assert offered == ["period"] and ds.event_count == 3 and ds.events["end"].notna().all()
    window.timeline.setFocus()
    qtbot.keyClick(window.timeline, Qt.Key.Key_End)
    text = window.details.html()
    assert "Jul 2019 – Sep 2019" in text and "west" in text  # the third quarter, from its first month to its last


def test_a_feed_export_with_weekdays_and_offsets_opens_in_order(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An RSS archive's pubDate (a weekday, a month's name, a numeric offset) and a German register's dates:
    every row was skipped as "expected a date". The offset moves the event: 23:10 at -05:00 is the next day
    in UTC, so that item comes last."""
    monkeypatch.setattr(MappingDialog, "exec", lambda dialog: QDialog.DialogCode.Accepted)
    ds = open_written(qtbot, window, tmp_path / "feed.csv",
                      'pubDate,title\n"Tue, 05 Mar 2019 23:10:00 -0500",Late post\n'
                      '"Mon, 04 Mar 2019 10:00:00 +0000",Morning post\n"Mittwoch, 6. März 2019",Register entry\n'
                      "20190305T120000Z,Calendar export\n4th March 2019,Ordinal day\n")
    assert ds.event_count == 5 and not [p for p in ds.problems if p.level in ("warning", "error")]
    seen = walked(qtbot, window, 4)
    order = ["Ordinal day", "Morning post", "Calendar export", "Register entry", "Late post"]
    assert [next(title for title in order if title in text) for text in seen] == order
    assert "04:10" in seen[-1]  # 23:10 at -05:00 is 04:10 UTC on the 6th


def test_a_meeting_log_with_zone_names_is_walked_in_utc_order(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Three calls on one day in three cities' times: placed in their zones (all were taken as UTC), the
    keys walk them Paris 09:00, Tokyo 11:00, New York 13:00 UTC, not in the order of their clocks."""
    monkeypatch.setattr(MappingDialog, "exec", lambda dialog: QDialog.DialogCode.Accepted)
    ds = open_written(qtbot, window, tmp_path / "calls.csv",
                      "date,time,timezone,title\n2021-11-02,08:00,America/New_York,New York call\n"
                      "2021-11-02,20:00,Asia/Tokyo,Tokyo call\n2021-11-02,10:00,Europe/Paris,Paris call\n")
    assert ds.event_count == 3 and not [p for p in ds.problems if p.level == "warning"]
    seen = walked(qtbot, window, 2)
    assert ["Paris call" in seen[0], "Tokyo call" in seen[1], "New York call" in seen[2]] == [True] * 3


def test_a_log_with_the_zone_written_after_each_time_is_walked_in_utc_order(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same calls with the zone's name inside the value, as logs write it: each row was skipped."""
    monkeypatch.setattr(MappingDialog, "exec", lambda dialog: QDialog.DialogCode.Accepted)
    ds = open_written(qtbot, window, tmp_path / "calls.csv",
                      "when,title\n2021-11-02 08:00 America/New_York,New York call\n"
                      "2021-11-02 20:00 Asia/Tokyo,Tokyo call\n2021-11-02 10:00 (Europe/Paris),Paris call\n")
    assert ds.event_count == 3 and not [p for p in ds.problems if p.level in ("warning", "error")]
    seen = walked(qtbot, window, 2)
    assert ["Paris call" in seen[0], "Tokyo call" in seen[1], "New York call" in seen[2]] == [True] * 3
    assert "12:00" in seen[2]  # 08:00 in New York on 2 Nov 2021, still summer time (until the 7th), is 12:00 UTC


def test_a_historians_chronology_with_qualified_dates_opens_as_periods(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """'mid-1990s', 'c. 1850s', 'late 19th century', 'early 2019': each row was skipped; each is now the period
    it names, said once in Problems, and walked with the keys."""
    monkeypatch.setattr(MappingDialog, "exec", lambda dialog: QDialog.DialogCode.Accepted)
    ds = open_written(qtbot, window, tmp_path / "history.csv",
                      "date,title\nmid-1990s,Web arrives\nc. 1850s,Telegraph spreads\nlate 19th century,"
                      "Telephone\nearly 2019,Pandemic planning\n")
    assert ds.event_count == 4
    assert [p.level for p in ds.problems if "part of a period" in p.message] == ["warning"]
    seen = walked(qtbot, window, 3)
    assert "Telephone" in seen[0] and "1801" in seen[0] and "1900" in seen[0]
    assert "Telegraph spreads" in seen[1] and "1850" in seen[1] and "1859" in seen[1]
    assert "Web arrives" in seen[2] and "1990" in seen[2] and "1999" in seen[2]
    assert "Pandemic planning" in seen[3] and "2019" in seen[3]


def test_a_spreadsheets_months_and_a_logs_times_open_walked_and_said(qtbot: QtBot, window: MainWindow,
                                                                   tmp_path: Path) -> None:
    """Excel's ``Mar-19`` (a month, as a spreadsheet exports it) was skipped as "expected a date"; Kibana's
    ``Mar 4, 2019 @ 10:00`` was read but not said to have no time zone."""
    ds = open_written(qtbot, window, tmp_path / "budget.csv",
                      "date,title\nJan-19,January budget\nFeb-19,February budget\n\"Mar 4, 2019 @ 10:00\",Review\n")
    assert ds.event_count == 3 and not [p for p in ds.problems if p.level in ("warning", "error")]
    assert [p.message for p in ds.problems] == ["1 date-time has no time zone; taken as UTC"]
    seen = walked(qtbot, window, 2)
    assert "January budget" in seen[0] and "Jan 2019" in seen[0]
    assert "February budget" in seen[1] and "Review" in seen[2] and "10:00" in seen[2]


def test_tweets_as_twitters_api_dates_them_open_and_arewalked(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``Mon Mar 04 10:00:00 +0000 2019`` (every tweet archive's created_at) was skipped as "expected a date"."""
    offered: list[str] = []

    def accept(dialog: MappingDialog) -> QDialog.DialogCode:  # no title column: the dialog asks, created_at offered
        offered.append(dialog.combos["start"].currentText())
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(MappingDialog, "exec", accept)
    ds = open_written(qtbot, window, tmp_path / "tweets.csv",
                      "id,created_at,text\n1,Mon Mar 04 10:00:00 +0000 2019,First post\n"
                      "2,Tue Mar 05 18:30:00 -0500 2019,Second post\n")
    assert ds.event_count == 2 and not [p for p in ds.problems if p.level in ("warning", "error")]
    seen = walked(qtbot, window, 1)
    assert "First post" in seen[0] and "10:00" in seen[0]
    assert "Second post" in seen[1] and "23:30" in seen[1]  # 18:30 at -05:00, in UTC
    assert offered == ["created_at"]
