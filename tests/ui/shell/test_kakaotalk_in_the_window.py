"""A KakaoTalk chat saved from the PC and a LINE chat, opened from a fresh window with Ctrl+O: no column question,
and each message is an event the keys walk through, by its sender. Before, the KakaoTalk chat was refused ("no date
column among 홍길동 님과 카카오톡 대화") and the LINE chat read as a table of its days."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow

from ...io.test_kakaotalk_and_line import KAKAO_PC, LINE_JA
from ..window_reading import details_after, open_by_hand


@pytest.mark.parametrize("name, text", [("KakaoTalk_20190306.txt", KAKAO_PC), ("[LINE] トーク.txt", LINE_JA)])
def test_a_chat_opens_as_its_messages(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch, name: str, text: str) -> None:
    assert open_by_hand(qtbot, window, monkeypatch, tmp_path / name, text=text) == []
    first = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "안녕하세요" in first and "홍길동" in first
    second = details_after(qtbot, window, Qt.Key.Key_Right)
    assert "반갑습니다" in second and "김철수" in second and "---" not in second
    assert "회의는" in details_after(qtbot, window, Qt.Key.Key_End)
