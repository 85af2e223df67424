"""A log whose times are written to the hour ("2019-03-04T10", ISO 8601's hour alone), opened from a fresh window
with Ctrl+O: every row is an event at its hour (the file was refused: "no row has a date"), the keys walk them
and Details tells the hour."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow

from ..window_reading import details_after, no_column_questions


def test_a_log_of_hours_opens_at_its_hours(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "readings.csv"
    rows = [f"2019-03-04T{hour:02d},Reading {hour},station{hour % 3}" for hour in range(6, 18)]
    path.write_text("when,what,who\n" + "\n".join(rows) + "\n", encoding="utf-8")
    no_column_questions(monkeypatch)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(path)], ""))
    window.activateWindow()
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        QTest.keySequence(window, QKeySequence(QKeySequence.StandardKey.Open))
    assert window.state.dataset.event_count == 12
    first = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Reading 6" in first and "06:00" in first
    assert "Reading 7" in details_after(qtbot, window, Qt.Key.Key_Right)
    last = details_after(qtbot, window, Qt.Key.Key_End)
    assert "Reading 17" in last and "17:00" in last
