"""Big files opened from a fresh window as a user opens them (File → Open, Ctrl+O): one needing more memory
than is free is refused in a message naming it while the window keeps its dataset; a big table whose columns
are asked about is previewed from its head and read whole once, by the loader."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QFileDialog
from pytestqt.qtbot import QtBot

from viewer.io import compressed, free_memory
from viewer.ui.shell import dialogs
from viewer.ui.shell.main_window import MainWindow
from viewer.ui.shell.mapping_dialog import MappingDialog

from ..window_reading import details_after

ACLED = ("event_id_cnty,event_date,year,event_type,actor1,actor2,country,location,source,notes,fatalities,tags,"
         "timestamp\n")


def _acled(path: Path, rows: int) -> Path:
    """An ACLED-like export: no title column, so its columns are asked about."""
    lines = (f"NIG{i},{1 + i % 28:02d} March 2019,2019,Battles,Military Forces of Nigeria,Boko Haram,Nigeria,"
             f"Town {i % 50},Premium Times,\"Clash number {i}, near the town; three killed.\",3,,1618338155\n"
             for i in range(rows))
    path.write_text(ACLED + "".join(lines), encoding="utf-8")
    return path


def test_a_file_needing_more_memory_than_is_free_is_refused_and_the_window_keeps_its_dataset(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = tmp_path / "acled.csv.gz"
    path.write_bytes(gzip.compress(_acled(tmp_path / "acled.csv", 40_000).read_bytes()))
    monkeypatch.setenv(free_memory.SETTING, "3000000")  # 500 KB of text can be read
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "error", lambda parent, title, message, details="": shown.append(message))
    before = window.state.dataset
    window.activateWindow()
    with qtbot.waitSignal(window.loader.failed, timeout=60_000):
        QTest.keySequence(window, QKeySequence(QKeySequence.StandardKey.Open))
    assert len(shown) == 1, shown
    # refused before its columns are asked about (the size gzip keeps at its end)
    assert shown[0].startswith(f"{path}: the file unpacks to 6.7 MB, which takes about 40 MB"), shown
    assert window.state.dataset is before
    assert "Renault and Nissan sign alliance" in details_after(qtbot, window, Qt.Key.Key_Home)  # it goes on


def test_a_big_table_is_previewed_from_its_head_and_read_whole_once(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = _acled(tmp_path / "2019-03-Nigeria.csv", 60_000)
    assert path.stat().st_size > 4 * compressed.PREVIEW_BYTES
    whole_reads: list[Path] = []
    reading = compressed.read_bytes

    def counted(read: Path) -> bytes:
        whole_reads.append(read)
        return reading(read)

    monkeypatch.setattr(compressed, "read_bytes", counted)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    seen: list[tuple[str, int, list[Path]]] = []

    def accept(dialog: MappingDialog) -> QDialog.DialogCode:  # no title column: asked
        seen.append((dialog.combos["start"].currentText(), dialog.table.model().rowCount(), list(whole_reads)))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(MappingDialog, "exec", accept)
    window.activateWindow()
    with qtbot.waitSignal(window.loader.loaded, timeout=120_000):
        QTest.keySequence(window, QKeySequence(QKeySequence.StandardKey.Open))
    assert seen == [("event_date", 20, [])]  # previewed without reading the whole file
    assert whole_reads == [path]  # then read once
    ds = window.state.dataset
    assert ds.event_count == 60_000
    first = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "1 Mar 2019" in first and "Premium Times" in first and "Clash number 0" in first
