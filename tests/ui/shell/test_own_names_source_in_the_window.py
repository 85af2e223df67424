"""A partitioned Parquet folder under its makers' own column names (``event_date``, ``headline``, ``actor1``),
opened from a fresh window with File → Open folder…: it is queried in place, its events walked with the keys show
their headlines, and Problems says which column was read as which field. Before, it was refused ("no 'start'
column; expected the native columns")."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow

from ...source.test_own_column_names import spark_folder
from ..window_reading import menu_named


def test_a_spark_folder_opens_queried_with_its_headlines(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    folder = spark_folder(tmp_path / "acled")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    window.activateWindow()
    with qtbot.waitSignal(window.loader.loaded, timeout=60_000):
        next(a for a in menu_named(window, "&File").actions() if a.text() == "Open &folder…").trigger()
    ds = window.state.dataset
    assert ds.source is not None and window.windowTitle().startswith("acled")
    assert any("start from 'event_date'" in p.message for p in ds.problems)
    window.timeline.setFocus()
    shown: list[frozenset[str]] = []
    for key, title in ((Qt.Key.Key_Home, "Story 2019-1"), (Qt.Key.Key_Right, "Story 2019-2"),
                       (Qt.Key.Key_End, "Story 2020-3"), (Qt.Key.Key_Left, "Story 2020-2")):
        qtbot.keyClick(window.timeline, key)  # (a row written without an id is still one event, stepped to alone)
        qtbot.waitUntil(lambda: title in window.details.html(), timeout=10_000)  # noqa: B023 - awaited here
        shown.append(frozenset(window.state.selection.events))
    assert all(len(selected) == 1 for selected in shown) and len(set(shown)) == 4
