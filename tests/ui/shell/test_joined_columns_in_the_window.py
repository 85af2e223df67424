"""A Parquet file written from a join, two columns named ``title``, opened from a fresh window with File → Open
(Ctrl+O): its preview crashed in the worker ("Unexpected error while reading") and Arrow's reader refused it."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QFileDialog
from pytestqt.qtbot import QtBot

from viewer.ui.shell import dialogs
from viewer.ui.shell.main_window import MainWindow
from viewer.ui.shell.mapping_dialog import MappingDialog

from ..window_reading import details_after


def test_a_joined_table_opens_each_column_and_says_the_renaming(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "deals.parquet"
    columns = [pa.array(["2020-01-01", "2020-02-01"]), pa.array(["Signed", "Closed"]),
               pa.array(["Board minutes", "Press release"])]
    pq.write_table(pa.Table.from_arrays(columns, names=["date", "title", "title"]), path)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    refused: list[str] = []
    monkeypatch.setattr(dialogs, "error", lambda _parent, _title, message, _details="": refused.append(message))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(path)], ""))
    monkeypatch.setattr(MappingDialog, "exec", lambda _dialog: QDialog.DialogCode.Accepted)
    window.activateWindow()
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        QTest.keySequence(window, QKeySequence(QKeySequence.StandardKey.Open))
    ds = window.state.dataset
    assert refused == [] and ds.event_count == 2 and ds.title == "deals"
    assert [p.message for p in ds.problems] == ["columns share a name; read 'title' as 'title_3'"]
    first = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Signed" in first and "title_3" in first and "Board minutes" in first
    assert "Press release" in details_after(qtbot, window, Qt.Key.Key_Right)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest
