"""Team chats opened from a fresh window. A Slack export: the ZIP archive with File → Open (Ctrl+O), the unpacked
folder with File → Open folder…; a Discord channel exported as JSON with File → Open. Messages are walked with the
keys, nothing is asked about columns, and the relationship panel follows the cursor: who was in which channel, who
replied to and mentioned whom. The people are made up."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow

from ...io.slack_export import write_busy_export, write_export, write_zip
from ...io.test_discord import write_export as write_discord
from ..window_reading import details_after, no_column_questions, open_by_hand, open_folder_by_hand, press


def test_a_slack_archive_opens_walks_and_its_ties_follow_the_cursor(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_zip(tmp_path / "Acme Slack export Mar 4 2019 - Mar 6 2019.zip")
    assert open_by_hand(qtbot, window, monkeypatch, path) == [] and window.state.dataset.event_count == 7
    assert window.relations.people.isChecked()  # every tie is a person's
    table = window.relation_tools.table
    first = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Hello @Ben Okafor, see the report (https://example.org/r) & more" in first and "#general" in first
    # Ana and Ben in #general since its creation, Ana mentioning Ben from this message on
    qtbot.waitUntil(lambda: len(table.visible_ids()) == 3, timeout=3000)
    assert "Thanks!" in details_after(qtbot, window, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: len(table.visible_ids()) == 4, timeout=3000)  # Ben replied to Ana
    assert "Chris Diaz has joined" in details_after(qtbot, window, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: len(table.visible_ids()) == 5, timeout=3000)  # Chris in #general
    assert "Deployed v2" in details_after(qtbot, window, Qt.Key.Key_End)
    # Chris left on the 5th; Ana is in #investigation since the 4th
    qtbot.waitUntil(lambda: len(table.visible_ids()) == 5, timeout=3000)
    panel = window.relations
    area = panel.canvas.viewport().rect()
    for node in ("U1", "U2", "#general", "#investigation"):
        assert panel.is_placed(node) and area.contains(panel.node_pos(node)), node
    assert "U3" not in panel.node_ids()  # drawn while in #general only
    assert any("investigation/2019-03-05.json" in p.file for p in window.state.dataset.problems)


def test_an_unpacked_export_opens_from_file_open_folder(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    folder = write_export(tmp_path / "Acme Slack export")
    assert open_folder_by_hand(qtbot, window, monkeypatch, folder) == []
    assert window.state.dataset.event_count == 7
    assert window.state.dataset.meta.title == "Acme Slack export"
    assert "private note about #investigation" in details_after(qtbot, window, Qt.Key.Key_End, Qt.Key.Key_Left)


def test_a_crowded_graph_of_counts_labels_its_strongest_ties_and_names_its_kinds(
        qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    """132 "mentioned" ties each labelled with its count covered the names with "1", "2", "3"."""
    folder = write_busy_export(tmp_path / "busy")
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        window.open_path(str(folder))
    press(qtbot, window, Qt.Key.Key_End)
    panel = window.relations
    qtbot.waitUntil(lambda: len(panel.edge_labels()) > 100, timeout=3000)
    labelled = {key: text for key, text in panel.edge_labels().items() if text}
    assert 0 < len(labelled) <= 15
    strongest = sorted((int(text) for text in labelled.values()), reverse=True)
    assert strongest[0] == 21  # persons 11 and 10 mention each other most
    assert [label.text() for label in panel.node_legend.labels] == ["person", "channel"]


def test_a_discord_channel_opens_from_file_open_and_its_replies_follow_the_cursor(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_discord(tmp_path / "Open Source Investigations - Research - leads [88].json")
    assert open_by_hand(qtbot, window, monkeypatch, path) == [] and window.state.dataset.event_count == 5
    assert window.relations.people.isChecked()
    table = window.relation_tools.table
    first = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "shipping records? @Ben Okafor" in first and "Ana Lima" in first
    qtbot.waitUntil(lambda: len(table.visible_ids()) == 1, timeout=3000)  # Ana mentioned Ben
    reply = details_after(qtbot, window, Qt.Key.Key_Right)
    assert "Yes, attached." in reply and "records.csv" in reply
    qtbot.waitUntil(lambda: len(table.visible_ids()) == 2, timeout=3000)  # Ben replied to Ana


def test_a_folder_of_discord_channels_opens_from_file_open_folder(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "server"
    folder.mkdir()
    write_discord(folder / "Open Source Investigations - Research - leads [88].json")
    write_discord(folder / "Open Source Investigations - Research - leads [88] (2).json")  # exported twice
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    assert no_column_questions(monkeypatch) == []
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        window.actions_by_name["open_folder"].trigger()
    assert window.state.dataset.event_count == 5  # each message once
    assert "File: map.png" in details_after(qtbot, window, Qt.Key.Key_End)
