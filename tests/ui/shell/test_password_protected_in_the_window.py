"""Files the window cannot read, opened from a fresh window with Ctrl+O: a password-protected workbook, a Google
Drive shortcut to a sheet kept online and a tar of links alone. One message names the file, says what it is and how
to get its data, and the dataset before stays, its keys still walking it."""

from __future__ import annotations

import json
import shutil
import tarfile
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow

from ..window_reading import refused_by_hand

LOCKED = Path(__file__).parents[2] / "io" / "fixtures_tables" / "password_secret.xlsx"


def _locked(path: Path) -> None:
    shutil.copy(LOCKED, path)


def _shortcut(path: Path) -> None:
    path.write_text(json.dumps({"url": "https://docs.google.com/spreadsheets/d/abc/edit", "doc_id": "abc"}))


def _links(path: Path) -> None:
    with tarfile.open(path, "w") as archive:
        info = tarfile.TarInfo("events.csv")
        info.type, info.linkname = tarfile.SYMTYPE, "/etc/passwd"
        archive.addfile(info)


@pytest.mark.parametrize(("name", "write", "said"), [("budget 2019.xlsx", _locked, "protected by a password"),
                                                     ("Timeline.gsheet", _shortcut, "kept online"),
                                                     ("export.tar", _links, "holding links and no file")])
def test_a_file_whose_data_cannot_be_read_here_is_refused_in_one_message(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str,
        write: Callable[[Path], None], said: str) -> None:
    path = tmp_path / name
    write(path)
    shown = refused_by_hand(qtbot, window, monkeypatch, path)
    assert len(shown) == 1 and name in shown[0] and said in shown[0], shown
    window.timeline.setFocus()
    qtbot.keyClick(window.timeline, Qt.Key.Key_Home)
    qtbot.keyClick(window.timeline, Qt.Key.Key_Right)
    assert len(window.state.selection.events) == 1
