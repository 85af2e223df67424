"""A Parquet file of money as ``decimal128(22,2)``, opened from a fresh window with Ctrl+O: Details shows each
amount to its last digit. It showed 12345678901234567890.12 as 1.23456789012346e+19."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow

from ...io.test_wide_decimals import WIDE, money
from ..window_reading import details_after, open_by_hand


def test_details_show_every_digit(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "money.parquet"
    pq.write_table(money(), path)
    assert open_by_hand(qtbot, window, monkeypatch, path) == []
    assert WIDE in details_after(qtbot, window, Qt.Key.Key_Home)
    assert "1.10" in details_after(qtbot, window, Qt.Key.Key_Right)
