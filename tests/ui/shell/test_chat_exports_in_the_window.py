"""Chat exports and a log opened from a fresh window and walked with the keys: a Telegram export's messages show
their text (a link inside it as text, not JSON) and their sender; a WhatsApp export and a log opened from File →
Open show each message or line with its further lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow
from viewer.ui.shell.mapping_dialog import needs_mapping

from ...io.test_chat_exports import EXPORT
from ...io.test_whatsapp import LOCALES
from ..window_reading import details_after, open_by_hand, open_written, walked


def test_a_telegram_export_is_walked_message_by_message(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    ds = open_written(qtbot, window, tmp_path / "result.json", json.dumps(EXPORT))
    assert ds.event_count == 3 and not [p for p in ds.problems if p.level in ("warning", "error")]
    assert "Hello Ben" in details_after(qtbot, window, Qt.Key.Key_Home, Qt.Key.Key_Right)
    last = details_after(qtbot, window, Qt.Key.Key_End)
    assert "See https://example.org please" in last and "Ben" in last and "{" not in last


def test_a_whatsapp_export_opens_from_file_open_and_is_walked(qtbot: QtBot, window: MainWindow,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """The column-mapping dialog asked about it as a table (and, modal, held the window) before."""
    path = Path(__file__).parents[2] / "io" / "fixtures_tables" / "whatsapp_chat.txt"
    asked = open_by_hand(qtbot, window, monkeypatch, path)
    assert window.state.dataset.event_count == 6
    assert "end-to-end encrypted" in details_after(qtbot, window, Qt.Key.Key_Home)
    second = details_after(qtbot, window, Qt.Key.Key_Right, Qt.Key.Key_Right)
    assert "Hi! Two lines:" in second and "second line here" in second and "Ben" in second
    assert "Morning: all good" in details_after(qtbot, window, Qt.Key.Key_End)
    assert asked == []


def test_files_with_readers_of_their_own_are_not_asked_about_as_tables(tmp_path: Path) -> None:
    from ...io.test_ftm import LINKS, PARTIES

    lines = tmp_path / "entities.jsonl"
    lines.write_text("".join(json.dumps(item) + "\n" for item in PARTIES + LINKS), encoding="utf-8")
    assert needs_mapping(Path(__file__).parents[2] / "io" / "fixtures_tables" / "whatsapp_chat.txt") is None
    assert needs_mapping(lines) is None
    table = tmp_path / "plain.txt"
    table.write_text("when\tthing\n2019-03-04\tLaunch\n", encoding="utf-8")
    assert needs_mapping(table) is not None  # an uncertain table is still asked about


def test_a_log_opens_from_file_open_and_its_stack_trace_shows_with_its_line(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    path = Path(__file__).parents[2] / "io" / "fixtures_tables" / "app.log"
    assert open_by_hand(qtbot, window, monkeypatch, path) == []
    assert window.state.dataset.event_count == 4
    assert "started on port 8080" in details_after(qtbot, window, Qt.Key.Key_Home)
    failed = details_after(qtbot, window, Qt.Key.Key_Right, Qt.Key.Key_Right)
    assert "connection lost" in failed and "error" in failed
    # shown as written, line under line (Details ran a message's lines into one)
    assert 'Traceback (most recent call last):\n  File "db.py", line 3, in connect\nConnectionError: refused' in failed


def test_a_collector_s_log_led_by_priorities_opens_and_walks(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from ...io.test_logs import RFC_LINES

    path = tmp_path / "collector.log"
    path.write_text(RFC_LINES, encoding="utf-8")
    assert open_by_hand(qtbot, window, monkeypatch, path) == []
    shown = walked(qtbot, window, 2)  # the year-less RFC 3164 line takes the file's year: it comes last
    assert ["su root failed" in shown[0], "An application event" in shown[1], "RFC 3164" in shown[2]] == [True] * 3


def test_a_telegram_account_export_opens_with_a_lane_per_chat_and_its_ties(qtbot: QtBot, window: MainWindow,
                                                                          tmp_path: Path) -> None:
    from ...io.test_chat_exports import ACCOUNT

    ds = open_written(qtbot, window, tmp_path / "result.json", json.dumps(ACCOUNT))
    assert ds.event_count == 4 and window.relations.people.isChecked()
    assert "Hi Ben" in details_after(qtbot, window, Qt.Key.Key_Home)
    forwarded = details_after(qtbot, window, Qt.Key.Key_Right)
    assert "Look at this" in forwarded and "Daily Leaks" in forwarded
    table = window.relation_tools.table
    qtbot.waitUntil(lambda: len(table.visible_ids()) == 2, timeout=3000)  # Ana mentioned Ben; Ben forwarded
    assert "Follow-up" in details_after(qtbot, window, Qt.Key.Key_End)


def test_a_telegram_groups_members_follow_the_cursor(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    from ...io.test_chat_exports import GROUP

    open_written(qtbot, window, tmp_path / "result.json", json.dumps(GROUP))
    table = window.relation_tools.table
    assert "create group" in details_after(qtbot, window, Qt.Key.Key_Home)
    qtbot.waitUntil(lambda: len(table.visible_ids()) == 2, timeout=3000)  # Ana made it with Ben in it
    assert "Welcome Cleo" in details_after(qtbot, window, Qt.Key.Key_Right, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: len(table.visible_ids()) == 3, timeout=3000)  # Cleo added
    assert "join group by link" in details_after(qtbot, window, Qt.Key.Key_End)
    qtbot.waitUntil(lambda: len(table.visible_ids()) == 3, timeout=3000)  # Ben removed, Dev joined
    assert window.relations.people.isChecked() and "chat42" in window.relations.node_ids()


def test_a_git_log_opens_from_file_open_and_is_walked_commit_by_commit(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """``git log > history.txt`` was asked about as a table, then refused ("no date column among commit …")."""
    from ...io.test_git_log import DEFAULT

    assert open_by_hand(qtbot, window, monkeypatch, tmp_path / "history.txt", text=DEFAULT) == []
    assert window.state.dataset.event_count == 3
    assert "Nightly build" in details_after(qtbot, window, Qt.Key.Key_Home)
    first = details_after(qtbot, window, Qt.Key.Key_Right)
    assert "Read dates written by the parser" in first and "Ana Lopez" in first
    assert "An indented example stays in the message." in first
    assert "Merge branch" in details_after(qtbot, window, Qt.Key.Key_End)


def test_an_arabic_whatsapp_export_opens_with_its_senders(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Right-to-left marks, Arabic-Indic digits and ص/م for AM/PM: refused as a table with no date column."""
    path = tmp_path / "WhatsApp Chat with Ana.txt"
    path.write_text(LOCALES["arabic android"], encoding="utf-8")
    assert open_by_hand(qtbot, window, monkeypatch, path) == []
    first = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Ana" in first and "5 Jan 2019 21:03" in first
    assert "Bob" in details_after(qtbot, window, Qt.Key.Key_End)
