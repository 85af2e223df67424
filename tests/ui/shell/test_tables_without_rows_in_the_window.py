"""A table with its columns and no rows (a CSV of a header, blank lines under it, an empty sheet or Parquet
file, as an export of an empty query writes them), opened from a fresh window with Ctrl+O: refused in one
dialog naming the file and its columns, and the window goes on with what it showed (it opened empty, said
nothing, and the dataset before was gone)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

import viewer
from viewer.model.problems import LoadError
from viewer.ui.shell import dialogs
from viewer.ui.shell.main_window import MainWindow

from ..window_reading import details_after, no_column_questions

COLUMNS = pd.DataFrame({"id": pd.Series([], dtype=str), "title": pd.Series([], dtype=str),
                        "start": pd.Series([], dtype=str)})


def _write(folder: Path, kind: str) -> Path:
    path = folder / f"export.{kind.split(maxsplit=1)[0]}"
    if kind == "csv":
        path.write_text("id,title,start\n", encoding="utf-8")
    elif kind == "csv blank lines":
        path.write_text("id,title,start\r\n\r\n\r\n", encoding="utf-8")
    elif kind == "tsv":
        path.write_text("id\ttitle\tstart\n", encoding="utf-8")
    elif kind == "parquet":
        COLUMNS.to_parquet(path)
    else:
        COLUMNS.to_excel(path, index=False)
    return path


KINDS = ["csv", "csv blank lines", "tsv", "parquet", "xlsx"]


@pytest.mark.parametrize("kind", KINDS)
def test_a_table_of_columns_and_no_rows_is_refused_naming_them(tmp_path: Path, kind: str) -> None:
    path = _write(tmp_path, kind)
    with pytest.raises(LoadError) as refused:
        viewer.load(path)
    assert str(path) in str(refused.value) and "id, title, start" in str(refused.value)
    assert "no rows" in str(refused.value)


def test_the_window_refuses_it_and_keeps_what_it_showed(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "error", lambda parent, title, message, details="": shown.append(message))
    no_column_questions(monkeypatch)
    before = window.state.dataset
    for kind in KINDS:
        path = _write(tmp_path, kind)
        monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, p=path, **k: ([str(p)], ""))
        window.activateWindow()
        with qtbot.waitSignal(window.loader.failed, timeout=30_000):
            QTest.keySequence(window, QKeySequence(QKeySequence.StandardKey.Open))
        assert len(shown) == 1 and str(path) in shown[0] and "no rows" in shown[0], kind
        shown.clear()
        assert window.state.dataset is before
    assert "Ghosn" in details_after(qtbot, window, Qt.Key.Key_Home) + details_after(qtbot, window, Qt.Key.Key_Right)
