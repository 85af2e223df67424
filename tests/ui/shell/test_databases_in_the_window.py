"""A SQLite database opened from a fresh window as a user opens one: File → Open (Ctrl+O) on an app's
database whose dated table is not its first, and a database named on the command line with its table.
Both were refused (a binary file; a ``.db`` sent DuckDB to download an extension)."""

from __future__ import annotations

import hashlib
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QFileDialog
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow
from viewer.ui.shell.mapping_dialog import MappingDialog
from viewer.ui.shell.opening import OPEN_FILTER

from ..window_reading import details_after


def _app_database(path: Path) -> Path:
    """As an app keeps its data: a settings table first, then visits with Unix times, a photo column and a view."""
    with closing(sqlite3.connect(path)) as con:
        con.execute("CREATE TABLE settings (key TEXT, value TEXT)")
        con.execute("CREATE TABLE visits (visit_id INTEGER PRIMARY KEY, ts INTEGER, title TEXT, place TEXT, "
                    "photo BLOB)")
        con.execute("CREATE VIEW long_visits AS SELECT * FROM visits WHERE visit_id > 5")
        con.execute("INSERT INTO settings VALUES ('theme', 'dark')")
        con.executemany("INSERT INTO visits (ts, title, place, photo) VALUES (?, ?, ?, ?)",
                        [(1_600_000_000 + i * 86_400, f"Visit {i}", f"Site {i % 3}", bytes([0xFF, i]))
                         for i in range(1, 16)])
        con.commit()
    return path


def test_a_database_opens_from_file_open_and_is_walked(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    path = _app_database(tmp_path / "app.sqlite")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    offered: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(path)], ""))

    def accept(dialog: MappingDialog) -> QDialog.DialogCode:  # ts and title are certain: no dialog should ask
        offered.append(dialog.combos["start"].currentText())
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(MappingDialog, "exec", accept)
    assert "*.sqlite" in OPEN_FILTER
    window.activateWindow()
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        QTest.keySequence(window, QKeySequence(QKeySequence.StandardKey.Open))
    ds = window.state.dataset
    assert offered == [] and ds.event_count == 15 and ds.title == "app"
    messages = [p.message for p in ds.problems]
    assert any(m.startswith("read the table 'visits', the first with a date column") for m in messages)
    assert window.problems.model.rowCount() >= 1
    first = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Visit 1" in first and "14 Sep 2020" in first
    assert "Visit 2" in details_after(qtbot, window, Qt.Key.Key_Right)
    assert "Visit 15" in details_after(qtbot, window, Qt.Key.Key_End)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("app")] == ["app.sqlite"]  # no journal left


def test_a_database_named_with_its_table_opens_that_table(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    """``entente app.db --table long_visits``: a view, read as named (DuckDB was asked to open it before)."""
    path = _app_database(tmp_path / "app.db")
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        window.opening.open_path(str(path), table="long_visits")  # as the app does with its arguments
    assert window.state.dataset.event_count == 10
    assert "Visit 6" in details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Visit 15" in details_after(qtbot, window, Qt.Key.Key_End)
