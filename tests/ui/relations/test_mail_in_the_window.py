"""A mailbox opened from a fresh window (File → Open, Ctrl+O): its messages are walked with the keys, and the
correspondents are drawn (People shown: every tie is a person's, and the graph was empty without them). The
people are made up."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

import viewer
from viewer.ui.shared.state import ViewState
from viewer.ui.shell.main_window import MainWindow

from ...io.test_mail import MESSAGES, RAW_HEADERS, _mbox
from ..window_reading import details_after, open_by_hand, problems_typed, walked


def test_a_mailbox_opens_walks_and_draws_its_correspondents(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    path = _mbox(tmp_path / "Inbox", MESSAGES)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(path)], ""))
    assert not window.relations.people.isChecked()  # the bundled dataset: companies first
    window.activateWindow()
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        QTest.keySequence(window, QKeySequence(QKeySequence.StandardKey.Open))
    assert window.state.dataset.event_count == 3
    assert window.relations.people.isChecked() and window.state.view.people
    first = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Draft contract" in first and "Ben," in first
    table = window.relation_tools.table
    qtbot.waitUntil(lambda: len(table.visible_ids()) == 1, timeout=3000)  # Ana → Ben, from their first message
    assert "Signed." in details_after(qtbot, window, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: len(table.visible_ids()) == 3, timeout=3000)  # Ben → Ana and Ben → Cleo join
    panel = window.relations
    area = panel.canvas.viewport().rect()
    for person in ("ana@example.org", "ben@example.net", "cleo@example.com"):
        assert panel.is_placed(person) and area.contains(panel.node_pos(person)), person
    assert "Payment" in details_after(qtbot, window, Qt.Key.Key_End)


def test_messages_without_a_readable_date_open_at_their_envelope_s(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A Thunderbird folder whose messages have no Date, or one no calendar holds: before, each was skipped, and a
    folder of only such messages was refused; now each is where its 'From ' line puts it, and Problems says so."""
    path = tmp_path / "Drafts"
    path.write_bytes(b"From - Mon Mar  4 10:00:00 2019\nFrom: ana@example.org\nTo: ben@example.net\n"
                     b"Subject: Undated draft\n\nHello.\n\nFrom - Tue Mar  5 09:30:00 2019\nFrom: ben@example.net\n"
                     b"To: ana@example.org\nSubject: Impossible day\nDate: Thu, 31 Feb 2019 10:00:00 +0000\n\nHi.\n")
    assert open_by_hand(qtbot, window, monkeypatch, path) == []
    shown = walked(qtbot, window, 1)  # Home, then Right
    assert ["Undated draft" in shown[0], "Impossible day" in shown[1]] == [True, True]
    assert ["4 Mar 2019" in shown[0], "5 Mar 2019" in shown[1]] == [True, True]
    assert len(problems_typed(qtbot, window, "dated by its mailbox")) == 2


def test_a_mailbox_given_on_the_command_line_opens_with_its_people_shown(
        qtbot: QtBot, make_window: Callable[..., MainWindow], tmp_path: Path) -> None:
    """`entente Inbox`: the first dataset is built into the window, not opened through it, and the rule that shows
    people where the graph holds little else was never asked: the graph stood empty until People was ticked."""
    dataset = viewer.load(_mbox(tmp_path / "Inbox", MESSAGES))
    window = make_window(ViewState(dataset))
    assert window.relations.people.isChecked() and window.state.view.people
    qtbot.waitUntil(lambda: len(window.relations.edge_labels()) > 0, timeout=3000)


def test_accents_written_raw_in_headers_show_as_written(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "raw.mbox"
    path.write_bytes(RAW_HEADERS)
    assert open_by_hand(qtbot, window, monkeypatch, path) == []
    first = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Café und Grüße" in first and "Zoë" in first and "\ufffd" not in first
