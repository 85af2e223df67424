"""A Facebook export (Meta's "Download your information") opened from a fresh window with File → Open folder…: its
threads open together, a thread a lane, names and text as written (Meta escapes every accented letter and emoji),
nothing is asked about columns, and the relationship panel follows the cursor through a group's joinings and
leavings. Before, a thread's file was refused ("JSON that Entente does not recognise"). The people are made up."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMenu
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow

from ...io.test_meta_messages import export_folder
from ..window_reading import details_after, no_column_questions


def _open_folder_from_the_menu(qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(path))
    window.activateWindow()
    file_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    assert isinstance(file_menu, QMenu)
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        next(a for a in file_menu.actions() if a.text() == "Open &folder…").trigger()


def test_a_facebook_export_opens_from_open_folder_with_its_threads_and_group(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = export_folder(tmp_path / "facebook-jose-2024")
    asked = no_column_questions(monkeypatch)
    _open_folder_from_the_menu(qtbot, window, monkeypatch, root)
    ds = window.state.dataset
    assert asked == [] and ds.event_count == 13
    assert window.windowTitle().startswith("facebook-jose-2024 · 2 threads")
    damaged = [p for p in ds.problems if p.level == "warning" and not p.field]  # (not a message without a time)
    assert {Path(p.file).parent.name for p in damaged} == {"damaged_3", "other_4"}  # said, and the rest opened
    first = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Ana Lima" in first or "José Ferreira" in first
    assert "\u00c3" not in first  # no "JosÃ©": the escaped bytes are read as the letters they are
    last = details_after(qtbot, window, Qt.Key.Key_End)
    assert "Bom dia 😀" in last and "❤ José Ferreira" in last  # an emoji and a name, escaped byte by byte
    table = window.relation_tools.table
    relations = ds.relations.set_index("id")

    def members() -> set[str]:
        return {relations.loc[i, "source"].removeprefix("person:") for i in table.visible_ids()
                if relations.loc[i, "kind"] == "member_of"}

    # after the group's last change: Ben was removed and Cleo left; Fay was added
    qtbot.waitUntil(lambda: members() == {"Ana", "Dan", "Eve Ørsted", "Fay"}, timeout=3000)
