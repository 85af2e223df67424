"""A GDELT download opened from a fresh window with Ctrl+O, as it comes (a zipped, headerless export): no column is
asked about, and the keys walk events titled by their actors and CAMEO codes, with GDELT's own fields in Details."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow

from ...io.test_gdelt import ROWS, _written
from ..window_reading import details_after, open_by_hand


def test_a_gdelt_download_opens_titled_and_walks(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "20150218231500.export.CSV.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("20150218231500.export.CSV", _written(ROWS))
    asked = open_by_hand(qtbot, window, monkeypatch, path)
    assert asked == []
    assert window.state.dataset.event_count == 5
    first = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Protest violently, riot" in first and "16 Feb 2015" in first
    walked = details_after(qtbot, window, Qt.Key.Key_Right, Qt.Key.Key_Right)
    assert "FRANCE → RUSSIA: Make a visit" in walked and "GoldsteinScale" in walked
    assert "https://www.example.org/news/visit" in walked
