"""A web application's "CSV" export that is an HTML page, opened from a fresh window with Ctrl+O: its table is
read; an error page saved so is refused in one clear dialog and the window goes on with what it showed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from viewer.ui.shell import dialogs
from viewer.ui.shell.main_window import MainWindow

from ...io.test_wrapped_wrong import ERROR_PAGE, PAGE
from ..window_reading import details_after, no_column_questions


def test_a_page_under_a_csv_name_opens_and_an_error_page_is_refused(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "error", lambda parent, title, message, details="": shown.append(message))
    no_column_questions(monkeypatch)
    broken, page = tmp_path / "broken.csv", tmp_path / "export.csv"
    broken.write_text(ERROR_PAGE, encoding="utf-8")
    page.write_text(PAGE, encoding="utf-8")
    before = window.state.dataset
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(broken)], ""))
    window.activateWindow()
    with qtbot.waitSignal(window.loader.failed, timeout=30_000):
        QTest.keySequence(window, QKeySequence(QKeySequence.StandardKey.Open))
    assert len(shown) == 1 and "an HTML page with no table" in shown[0] and "<!DOCTYPE" not in shown[0]
    assert window.state.dataset is before
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(page)], ""))
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        QTest.keySequence(window, QKeySequence(QKeySequence.StandardKey.Open))
    assert "Alpha" in details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Beta" in details_after(qtbot, window, Qt.Key.Key_Right)
