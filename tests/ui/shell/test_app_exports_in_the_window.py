"""A calendar exported from Outlook and a Notion table, opened from a fresh window with Ctrl+O and walked with
the keys: each meeting shows its end time (before, the end time was an attribute and every end was dropped as
before its start), and a Notion span written with an arrow opens as a span. The mapping dialog offers the end
time as a role of its own, the guessed column chosen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from viewer.io import table
from viewer.ui.shell.main_window import MainWindow
from viewer.ui.shell.mapping_dialog import MappingDialog

from ...io.test_app_exports import NOTION, OUTLOOK, OUTLOOK_ALL_DAY
from ..window_reading import details_after, open_by_hand


def test_an_outlook_calendar_shows_each_meeting_to_its_end(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "calendar.csv"
    path.write_text(OUTLOOK, encoding="utf-8")
    assert open_by_hand(qtbot, window, monkeypatch, path) == []
    first = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Board meeting" in first and "09:30" in first and "11:00" in first
    last = details_after(qtbot, window, Qt.Key.Key_End)
    assert "Summit" in last and "17:00" in last
    assert not [p for p in window.state.dataset.problems if p.level == "warning"]


def test_an_outlook_all_day_event_shows_as_its_days(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The holiday is 24-25 December, not two days of times from midnight to midnight; the mapping dialog offers
    the flag as a role of its own, guessed."""
    path = tmp_path / "calendar.csv"
    path.write_text(OUTLOOK_ALL_DAY, encoding="utf-8")
    assert open_by_hand(qtbot, window, monkeypatch, path) == []
    holiday = details_after(qtbot, window, Qt.Key.Key_Home, Qt.Key.Key_Right)
    assert "Holiday" in holiday and "24 Dec 2018" in holiday and "25 Dec 2018" in holiday
    assert "00:00" not in holiday and "26 Dec" not in holiday
    # notes on how it was read, nothing wrong: not "Opened with 3 problems"
    assert window.statusBar().currentMessage() == "Opened with 3 notes: File → Loading problems"
    assert " · 3 loading notes · " in window.status_line.text.text()
    offsite = details_after(qtbot, window, Qt.Key.Key_Right)
    assert "Off-site" in offsite and "14 Mar 2019" in offsite and "00:00" not in offsite
    assert "09:30" not in offsite
    dialog = MappingDialog(path, table.preview(path))
    qtbot.addWidget(dialog)
    assert dialog.combos["all_day"].currentText() == "All day event"
    assert dialog.spec().all_day == "All day event"


def test_a_notion_table_opens_its_arrow_spans(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "notion.csv"
    path.write_text(NOTION, encoding="utf-8")
    assert open_by_hand(qtbot, window, monkeypatch, path) == []
    assert window.state.dataset.event_count == 4
    shown = details_after(qtbot, window, Qt.Key.Key_Home, Qt.Key.Key_Right)
    assert "Affair" in shown and "6 Feb 2023" in shown


def test_the_mapping_dialog_offers_the_end_time_guessed(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "calendar.csv"
    path.write_text(OUTLOOK, encoding="utf-8")
    dialog = MappingDialog(path, table.preview(path))
    qtbot.addWidget(dialog)
    assert dialog.combos["end_time"].currentText() == "End Time"
    options = dialog.options()
    assert options["end_time"] == "End Time" and options["end"] == "End Date"
    assert table.read(path, **options).events["end"].iloc[0].hour == 11
    assert dialog.spec().end_time == "End Time"
