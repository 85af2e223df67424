"""Big files opened from a fresh window as a user opens them (File → Open, Ctrl+O): a table needing more memory
than is free is offered conversion to Parquet (cancelled, the window keeps its dataset; accepted, the Parquet
copy opens queried in place), another file is refused in a message naming it; a big table whose columns are
asked about is previewed from its head and read whole once, by the loader."""

from __future__ import annotations

import gzip
import hashlib
import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from viewer.io import compressed, free_memory, table_stream
from viewer.ui.shell import dialogs
from viewer.ui.shell.main_window import MainWindow
from viewer.ui.shell.mapping_dialog import MappingDialog

from ..window_reading import details_after, press

ACLED = ("event_id_cnty,event_date,year,event_type,actor1,actor2,country,location,source,notes,fatalities,tags,"
         "timestamp\n")


def _acled(path: Path, rows: int) -> Path:
    """An ACLED-like export: no title column, so its columns are asked about."""
    lines = (f"NIG{i},{1 + i % 28:02d} March 2019,2019,Battles,Military Forces of Nigeria,Boko Haram,Nigeria,"
             f"Town {i % 50},Premium Times,\"Clash number {i}, near the town; three killed.\",3,,1618338155\n"
             for i in range(rows))
    path.write_text(ACLED + "".join(lines), encoding="utf-8")
    return path


def _offers(monkeypatch: pytest.MonkeyPatch, answer: QMessageBox.StandardButton) -> list[tuple[str, str]]:
    """The offers to convert shown (their text and what they add), each answered with ``answer``."""
    shown: list[tuple[str, str]] = []

    def exec_(box: QMessageBox) -> QMessageBox.StandardButton:
        assert box.button(QMessageBox.StandardButton.Yes).text() == "Convert and open"
        shown.append((box.text(), box.informativeText()))
        return answer

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return shown


def _cancelled_by_hand(qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, path: Path
                       ) -> list[tuple[str, str]]:
    """Open ``path`` with Ctrl+O, where it is too big: the offers to convert it shown, each cancelled."""
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(path)], ""))
    offers = _offers(monkeypatch, QMessageBox.StandardButton.Cancel)
    window.activateWindow()
    with qtbot.waitSignal(window.loader.failed, timeout=60_000):
        QTest.keySequence(window, QKeySequence(QKeySequence.StandardKey.Open))
    return offers


def test_a_table_needing_more_memory_than_is_free_is_offered_conversion_and_a_cancel_keeps_the_dataset(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = tmp_path / "acled.csv.gz"
    path.write_bytes(gzip.compress(_acled(tmp_path / "acled.csv", 40_000).read_bytes()))
    monkeypatch.setenv(free_memory.SETTING, "3000000")  # 500 KB of text can be read
    before = window.state.dataset
    offers = _cancelled_by_hand(qtbot, window, monkeypatch, path)
    assert len(offers) == 1, offers
    # refused before its columns are asked about (the size gzip keeps at its end)
    assert offers[0][0].startswith(f"{path}: the file unpacks to 6.7 MB, which takes about 40 MB"), offers
    assert f"in {tmp_path / 'acled (Parquet)'}, and open that" in offers[0][1], offers
    assert window.state.dataset is before and not (tmp_path / "acled (Parquet)").exists()
    assert "Renault and Nissan sign alliance" in details_after(qtbot, window, Qt.Key.Key_Home)  # it goes on


def test_a_table_too_big_for_memory_is_converted_and_opened_queried_in_place(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = _acled(tmp_path / "acled.csv", 30_000)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    monkeypatch.setenv(free_memory.SETTING, "3000000")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(path)], ""))
    offers = _offers(monkeypatch, QMessageBox.StandardButton.Yes)
    asked: list[tuple[str, str]] = []

    def choose(dialog: MappingDialog) -> QDialog.DialogCode:  # no title column: asked before converting
        asked.append((dialog.combos["start"].currentText(), dialog.combos["actors"].currentText()))
        dialog.combos["title"].setCurrentText("location")  # the user's choice, which the copy follows
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(MappingDialog, "exec", choose)
    window.activateWindow()
    with qtbot.waitSignal(window.loader.loaded, timeout=120_000):
        QTest.keySequence(window, QKeySequence(QKeySequence.StandardKey.Open))
    assert len(offers) == 1 and asked == [("event_date", "actor1 + actor2")]
    ds = window.state.dataset
    assert ds.source is not None and ds.event_count == 30_000  # queried where it is, not loaded
    assert (tmp_path / "acled (Parquet)" / "events" / "part-0.parquet").is_file()
    press(qtbot, window, Qt.Key.Key_Home)  # the first event, asked of the engine
    qtbot.waitUntil(lambda: "Clash number" in window.details.html(), timeout=30_000)
    shown = window.details.html()
    # titled as chosen (of the first day's rows, the one Home selects is the first by its id: a hash of the row)
    assert re.search(r"Town \d+", shown.split("Clash number")[0]) and "Military Forces of Nigeria" in shown
    press(qtbot, window, Qt.Key.Key_End)  # and the last
    qtbot.waitUntil(lambda: "28 Mar 2019" in window.details.html(), timeout=30_000)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest  # the table itself is untouched


def test_a_document_too_big_for_memory_is_refused_in_a_message(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    path.write_text("".join(f'{{"date": "2019-03-04", "title": "Meeting {i}"}}\n' for i in range(20_000)),
                    encoding="utf-8")
    monkeypatch.setenv(free_memory.SETTING, "600000")
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "error", lambda parent, title, message, details="": shown.append(message))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(path)], ""))
    window.activateWindow()
    with qtbot.waitSignal(window.loader.failed, timeout=60_000):
        QTest.keySequence(window, QKeySequence(QKeySequence.StandardKey.Open))
    assert len(shown) == 1 and shown[0].startswith(f"{path}: the file holds"), shown


def test_a_big_table_is_previewed_from_its_head_and_read_whole_once(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = _acled(tmp_path / "2019-03-Nigeria.csv", 60_000)
    assert path.stat().st_size > 4 * compressed.PREVIEW_BYTES
    whole_reads: list[Path] = []
    reading, streaming = compressed.read_bytes, table_stream.read

    def counted(read: Path) -> bytes:
        whole_reads.append(read)
        return reading(read)

    def streamed(read: Path, *args: Any) -> Any:  # (a long plain CSV is read by Arrow from the file)
        whole_reads.append(read)
        return streaming(read, *args)

    monkeypatch.setattr(compressed, "read_bytes", counted)
    monkeypatch.setattr(table_stream, "read", streamed)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(path)], ""))
    seen: list[tuple[str, int, list[Path], str]] = []

    def accept(dialog: MappingDialog) -> QDialog.DialogCode:  # no title column: asked
        seen.append((dialog.combos["start"].currentText(), dialog.table.model().rowCount(), list(whole_reads),
                     dialog.combos["actors"].currentText()))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(MappingDialog, "exec", accept)
    window.activateWindow()
    with qtbot.waitSignal(window.loader.loaded, timeout=120_000):
        QTest.keySequence(window, QKeySequence(QKeySequence.StandardKey.Open))
    # previewed without reading the whole file; both actor columns offered as one choice (only the first was kept)
    assert seen == [("event_date", 20, [], "actor1 + actor2")]
    assert whole_reads == [path]  # then read once
    ds = window.state.dataset
    assert ds.event_count == 60_000
    assert set(ds.events["actors"].astype(str)) == {"Military Forces of Nigeria;Boko Haram"}
    first = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "1 Mar 2019" in first and "Premium Times" in first and "Clash number 0" in first


def test_a_table_of_short_rows_is_measured_by_its_rows_too(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """8 MB of 14-byte rows needs 118 MB, not the 50 MB its bytes alone say: with 67 MB free it was read, and such a
    table at scale ended in the system's out-of-memory killer; it is offered conversion, and a cancel keeps all."""
    monkeypatch.setattr(table_stream, "STREAMED_FROM", 1 << 20)
    path = tmp_path / "pings.csv"
    path.write_text("date,title\n" + "".join(f"2020-01-{1 + i % 28:02d},t{i % 10}\n" for i in range(600_000)),
                    encoding="utf-8")
    monkeypatch.setenv(free_memory.SETTING, str(path.stat().st_size * 8))
    before = window.state.dataset
    offers = _cancelled_by_hand(qtbot, window, monkeypatch, path)
    said = rf"{re.escape(str(path))}: the file holds [\d.]+ MB, which takes about 1\d\d MB"
    assert len(offers) == 1 and re.match(said, offers[0][0]), offers
    assert window.state.dataset is before
