"""The window at the edges a new user reaches quickly: Ctrl+- held down while the graph shows the ties of the
visible window or compares two dates (the View menu's zoom was not kept to what the timeline shows: a burst of it
zoomed out to millions of years before the timeline clamped it back, and the graph's window dates overflowed, an
error dialog per key), and the To box's hint for a file whose events end on 31 December or in a year ("2018",
"2019" hinted "to 2020"; a chronology ending in 9999 "to 10000", a year no box reads)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolButton
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow

from .window_reading import open_by_hand


@pytest.mark.parametrize("mode", ["During the window", "Compare two dates"])
def test_ctrl_minus_held_down_keeps_the_window_within_the_timeline(qtbot: QtBot, window: MainWindow,
                                                                  mode: str) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    button = next(b for b in window.relations.findChildren(QToolButton) if b.text() == mode)
    button.click()
    widest = window.state.window.span
    for _ in range(60):  # a held key's auto-repeat, faster than the timeline redraws
        QTest.keySequence(window, QKeySequence(QKeySequence.StandardKey.ZoomOut))
        widest = max(widest, window.state.window.span)
    qtbot.wait(100)
    assert widest < 100 * 365.25 * 86400  # the alliance's quarter century and a margin, not a million years
    for _ in range(60):
        QTest.keySequence(window, QKeySequence(QKeySequence.StandardKey.ZoomIn))
    assert window.state.window.span >= 3600  # an hour at the closest, as the + key stops


@pytest.mark.parametrize(("text", "hints"), [
    ("date,title\n2019-03-01,Plant opens\n2019-12-31,Year closes\n", ("2019-03", "2019")),
    ("date,title\n2018,Founded\n2019,Listed\n", ("2018-01", "2019")),
    ("date,title\n9999-01-01,Almost the end\n9999-12-31,The end\n", ("9999-01", "9999")),
    ("date,title\n2019-06-01,Midyear\n2020-01-01 00:00,New year at midnight\n", ("2019-06", "2020")),
], ids=["31 December", "years", "year 9999", "an instant at midnight"])
def test_the_to_box_hints_the_year_the_events_end_in(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch, text: str,
                                                     hints: tuple[str, str]) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    open_by_hand(qtbot, window, monkeypatch, tmp_path / "events.csv", text=text)
    bar = window.tools.filter_bar
    assert (bar.start.placeholderText(), bar.end.placeholderText()) == hints
