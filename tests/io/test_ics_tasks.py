"""A calendar's tasks (VTODO) and journal entries (VJOURNAL), as Thunderbird, Apple's Reminders through CalDAV and
Nextcloud export them: they were dropped without a word (a file of tasks opened empty, "no events")."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import viewer

CALENDAR = """BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//Mozilla.org/NONSGML Mozilla Calendar V1.1//EN\r
BEGIN:VEVENT\r
UID:evt-1\r
DTSTART:20240116T140000Z\r
DTEND:20240116T153000Z\r
SUMMARY:Architecture review\r
END:VEVENT\r
BEGIN:VTODO\r
UID:todo-1\r
DUE;VALUE=DATE:20240131\r
SUMMARY:File VAT return\r
STATUS:NEEDS-ACTION\r
END:VTODO\r
BEGIN:VTODO\r
UID:todo-2\r
DTSTART:20240110T090000Z\r
DUE:20240215T170000Z\r
SUMMARY:Renew passport\r
CATEGORIES:Personal\r
END:VTODO\r
BEGIN:VTODO\r
UID:todo-3\r
SUMMARY:Someday: learn the cello\r
END:VTODO\r
BEGIN:VJOURNAL\r
UID:jrnl-1\r
DTSTART;VALUE=DATE:20240109\r
SUMMARY:Retro notes\r
DESCRIPTION:What went well.\r
END:VJOURNAL\r
END:VCALENDAR\r
"""


def test_tasks_and_journal_entries_are_read_beside_the_events(tmp_path: Path) -> None:
    path = tmp_path / "calendar.ics"
    path.write_bytes(CALENDAR.encode())
    ds = viewer.load(path)
    by_title = ds.events.set_index("title")
    assert sorted(by_title.index) == ["Architecture review", "File VAT return", "Renew passport", "Retro notes"]
    vat = by_title.loc["File VAT return"]
    assert vat["start"] == pd.Timestamp("2024-01-31", tz="UTC") and vat["precision"] == "day"
    assert vat["category"] == "task"
    passport = by_title.loc["Renew passport"]
    assert passport["start"] == pd.Timestamp("2024-01-10T09:00Z")
    assert passport["end"] == pd.Timestamp("2024-02-15T17:00Z")
    assert passport["category"] == "Personal"
    assert by_title.loc["Retro notes", "category"] == "journal entry"
    assert by_title.loc["Architecture review", "category"] == ""
    said = [p.message for p in ds.problems]
    assert "1 task (VTODO) with no date (no DTSTART or DUE): not read" in said


def test_a_file_of_undated_tasks_says_so(tmp_path: Path) -> None:
    path = tmp_path / "tasks.ics"
    path.write_text("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VTODO\r\nUID:a\r\nSUMMARY:Call the bank\r\nEND:VTODO\r\n"
                    "BEGIN:VTODO\r\nUID:b\r\nSUMMARY:Pay rent\r\nEND:VTODO\r\nEND:VCALENDAR\r\n", encoding="utf-8")
    ds = viewer.load(path)
    assert ds.event_count == 0
    assert [p.message for p in ds.problems] == ["2 tasks (VTODO) with no date (no DTSTART or DUE): not read"]


def test_a_bare_task_or_journal_entry_is_a_calendar_of_one(tmp_path: Path) -> None:
    """A task or an entry saved alone (BEGIN:VTODO … END:VTODO, no VCALENDAR around it, as a mail client exports one)
    was refused as "not an iCalendar file"; a bare VEVENT already opened."""
    task = tmp_path / "task.ics"
    task.write_text("BEGIN:VTODO\r\nUID:t\r\nDUE;VALUE=DATE:20070501\r\nSUMMARY:Submit the tax return\r\n"
                    "CATEGORIES:FAMILY,FINANCE\r\nEND:VTODO\r\n", encoding="utf-8")
    entry = tmp_path / "entry.ics"
    entry.write_text("\ufeffBEGIN:VJOURNAL\r\nUID:j\r\nDTSTART;VALUE=DATE:19970317\r\nSUMMARY:Staff meeting minutes\r\n"
                     "END:VJOURNAL\r\n", encoding="utf-8")
    first, second = viewer.load(task), viewer.load(entry)
    assert first.events["title"].tolist() == ["Submit the tax return"]
    assert first.events["start"].tolist() == [pd.Timestamp("2007-05-01", tz="UTC")]
    assert second.events[["title", "category"]].values.tolist() == [["Staff meeting minutes", "journal entry"]]
    alarm = tmp_path / "alarm.ics"
    alarm.write_text("BEGIN:VALARM\r\nTRIGGER:-PT15M\r\nACTION:AUDIO\r\nEND:VALARM\r\n", encoding="utf-8")
    with pytest.raises(viewer.LoadError, match=r"alarm\.ics: not an iCalendar file; expected it to start with "
                                                r"BEGIN:VCALENDAR"):
        viewer.load(alarm)
