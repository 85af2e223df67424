"""A CSV whose values begin with quotes meant as characters, opened from a fresh window: every row is an
event (45 of them were one title before, silently), the quote's line is in Problems, and the keys walk
through the rows that were swallowed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow
from viewer.ui.shell.mapping_dialog import MappingDialog


def test_rows_after_a_stray_quote_open_as_events(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(MappingDialog, "exec", lambda dialog: QDialog.DialogCode.Accepted)
    lines = ["when,what,who"]
    for day in range(1, 61):
        what = {5: '"Big Four" audit begins', 40: 'audit ends" quietly'}.get(day, f"meeting {day}")
        lines.append(f"2022-{(day - 1) // 28 + 3:02d}-{(day - 1) % 28 + 1:02d},{what.replace(chr(34) + ' a', ' a')},"
                     f"firm{day % 4}")
    path = tmp_path / "audit.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        window.open_path(str(path))
    ds = window.state.dataset
    assert ds.event_count == 60
    window.show_problems()
    qtbot.keyClicks(window.problems.filter, "begins with a quote")
    shown = window.problems.visible_frame()
    assert len(shown) == 1 and shown.iloc[0]["row"] == "6" and "line 41" in shown.iloc[0]["message"]
    window.timeline.setFocus()
    qtbot.keyClick(window.timeline, Qt.Key.Key_Home)
    for _ in range(4):
        qtbot.keyClick(window.timeline, Qt.Key.Key_Right)
    assert "Big Four audit begins" in window.details.html().replace("&quot;", '"')
    qtbot.keyClick(window.timeline, Qt.Key.Key_Right)
    assert "meeting 6" in window.details.html()
    qtbot.keyClick(window.timeline, Qt.Key.Key_End)
    assert "meeting 60" in window.details.html()
