"""Ids of 19 digits, as Twitter's and Snowflake's are, opened from a fresh window with Ctrl+O: Details showed two
tweets' ids as one rounded float, 1.2345678901234568e+18."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow

from ..window_reading import details_after, open_by_hand


def test_each_tweets_id_shows_as_written(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "tweets.csv"
    path.write_text("date,title,tweet_id\n2020-01-15,first,1234567890123456789\n2020-01-16,second,1234567890123456790\n",
                    encoding="utf-8")
    assert open_by_hand(qtbot, window, monkeypatch, path) == []
    assert "1234567890123456789" in details_after(qtbot, window, Qt.Key.Key_Home)
    assert "1234567890123456790" in details_after(qtbot, window, Qt.Key.Key_Right)
