"""A browser's bookmark file, a calendar of tasks and a Kindle's clippings, opened from a fresh window with Ctrl+O:
each was refused or opened empty before (read as delimited text; tasks dropped without a word)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow

from ...io.test_kindle_clippings import UK
from ..window_reading import details_after, open_by_hand

BOOKMARKS = """<!DOCTYPE NETSCAPE-Bookmark-file-1>
<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">
<TITLE>Bookmarks</TITLE>
<H1>Bookmarks</H1>
<DL><p>
    <DT><H3 ADD_DATE="1609459200">OSINT</H3>
    <DL><p>
        <DT><A HREF="https://web.archive.org/" ADD_DATE="1655526400">Wayback Machine</A>
        <DT><A HREF="https://courts.example/records" ADD_DATE="1675526400">Court records portal</A>
    </DL><p>
</DL><p>
"""

TASKS = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VTODO\r\nUID:t1\r\nDUE;VALUE=DATE:20240131\r\n"
         "SUMMARY:File VAT return\r\nEND:VTODO\r\nBEGIN:VTODO\r\nUID:t2\r\nDTSTART:20240110T090000Z\r\n"
         "DUE:20240215T170000Z\r\nSUMMARY:Renew passport\r\nEND:VTODO\r\nEND:VCALENDAR\r\n")


def test_a_bookmark_file_opens_as_its_links(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    asked = open_by_hand(qtbot, window, monkeypatch, tmp_path / "bookmarks_1_5_23.html", text=BOOKMARKS)
    assert asked == []  # no column to map
    assert window.state.dataset.event_count == 2
    shown = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Wayback Machine" in shown and "OSINT" in shown
    assert "Court records portal" in details_after(qtbot, window, Qt.Key.Key_Right)


def test_a_calendar_of_tasks_opens_with_them(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    open_by_hand(qtbot, window, monkeypatch, tmp_path / "tasks.ics", text=TASKS)
    assert window.state.dataset.event_count == 2
    assert "Renew passport" in details_after(qtbot, window, Qt.Key.Key_Home)
    assert "File VAT return" in details_after(qtbot, window, Qt.Key.Key_Right)


def test_a_kindles_clippings_open_and_walk(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """My Clippings.txt, opened with Ctrl+O (refused before: "no date column among …"): no column questions, each
    highlight at its moment with its book and author."""
    assert open_by_hand(qtbot, window, monkeypatch, tmp_path / "My Clippings.txt", text=UK) == []
    assert window.state.dataset.event_count == 3
    first = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "In my younger" in first and "F. Scott Fitzgerald" in first and "The Great Gatsby" in first
    assert "Bookmark at page 140" in details_after(qtbot, window, Qt.Key.Key_End)


def test_a_task_saved_alone_opens_as_a_calendar_of_one(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """A bare VTODO, as a mail client exports one task: refused before as "not an iCalendar file"."""
    open_by_hand(qtbot, window, monkeypatch, tmp_path / "task.ics",
                 text="BEGIN:VTODO\r\nUID:t1\r\nDUE;VALUE=DATE:20240131\r\nSUMMARY:File VAT return\r\nEND:VTODO\r\n")
    assert window.state.dataset.event_count == 1
    assert "File VAT return" in details_after(qtbot, window, Qt.Key.Key_Home)
