"""A title of megabytes (a whole file pasted into one cell) is laid out as its first few thousand characters: the
label of 50 MB was measured and, selected, drawn whole, which held the window 11 s before it first showed it, and
its tooltip laid it all out at each hover. Opened from a fresh window with File → Open and walked with the keys."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF, QPainter
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow
from viewer.ui.timeline.items import LABEL_CHARACTERS
from viewer.ui.timeline.tips import TIP_CHARACTERS

from ..window_reading import details_after, open_by_hand

HUGE = 2_000_000


class _Longest:
    """The longest text laid out or drawn while it watches."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.chars = 0
        advance, draw = QFontMetricsF.horizontalAdvance, QPainter.drawText

        def measured(metrics: QFontMetricsF, text: Any, *rest: Any) -> Any:
            self.chars = max(self.chars, len(text) if isinstance(text, str) else 0)
            return advance(metrics, text, *rest)

        def drawn(painter: QPainter, *args: Any) -> Any:
            self.chars = max([self.chars, *(len(a) for a in args if isinstance(a, str))])
            return draw(painter, *args)

        monkeypatch.setattr(QFontMetricsF, "horizontalAdvance", measured)
        monkeypatch.setattr(QPainter, "drawText", drawn)


def test_a_title_of_megabytes_is_shown_by_its_first_characters(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "notes.csv"
    path.write_text("date,title,who\n2020-01-01," + "word " * (HUGE // 5) + ",Ana\n2020-01-02,short,Ben\n"
                    "2020-01-03," + "x" * HUGE + ",Ana\n", encoding="utf-8")
    longest = _Longest(monkeypatch)
    open_by_hand(qtbot, window, monkeypatch, path)
    assert window.state.dataset.event_count == 3
    first = details_after(qtbot, window, Qt.Key.Key_Home)  # selected: its label drawn whole, on a backing
    assert "word word" in first
    assert "short" in details_after(qtbot, window, Qt.Key.Key_Right)
    details_after(qtbot, window, Qt.Key.Key_End)
    qtbot.wait(50)  # (the labels' pictures are made when the window is idle)
    assert 0 < longest.chars <= LABEL_CHARACTERS
    panel = window.timeline
    ids = [str(i) for i in window.state.dataset.events["id"]]
    tips = [panel.tooltip(event_id) for event_id in ids]
    assert all(len(tip) < TIP_CHARACTERS + 200 for tip in tips) and "xxxx" in tips[-1]
