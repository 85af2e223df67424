"""A bug in a panel's painting is said once and the window keeps running: an exception escaping a Python paint
override left PySide6 with an error set inside Qt's scene painting, and the process died (the relationship panel
segfaulted when no edge carried a label). Driven in a fresh window with keys on the timeline and a drag of the
cursor, the timeline's and the graph's painting broken in turn, then mended."""

from __future__ import annotations

import sys
from types import TracebackType

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from viewer.ui.relations import edges
from viewer.ui.shell.main_window import MainWindow
from viewer.ui.timeline import items

from .conftest import Hand
from .window_reading import drag_cursor


def _broken(*_args: object, **_kw: object) -> None:
    raise ValueError("a bug in the drawing")


def test_a_paint_that_raises_is_reported_once_and_the_window_goes_on(
        qtbot: QtBot, hand: Hand, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    reported: list[BaseException] = []

    def hook(_kind: type[BaseException], exc: BaseException, _tb: TracebackType | None) -> None:
        reported.append(exc)

    monkeypatch.setattr(sys, "excepthook", hook)  # (the window's hook shows "Something went wrong")
    with monkeypatch.context() as patched:
        patched.setattr(items, "paint_shapes", _broken)
        patched.setattr(edges, "edge_geometry", _broken)
        drag_cursor(qtbot, hand, window, 2020.5)
        window.timeline.setFocus()
        for key in (Qt.Key.Key_Home, Qt.Key.Key_Right, Qt.Key.Key_Plus, Qt.Key.Key_End):
            QTest.keyClick(window.timeline, key)
            qtbot.wait(10)
        window.grab()
        qtbot.waitUntil(lambda: len(reported) == 2, timeout=3000)
        qtbot.wait(50)
    assert sorted(str(e) for e in reported) == ["a bug in the drawing"] * 2  # once per panel, not per frame
    # mended: the next frames draw again, with their labels
    window.state.select_event("E060")
    qtbot.waitUntil(lambda: "E060" in window.timeline.labelled_event_ids(), timeout=3000)
    assert window.relations.edge_labels()
    assert len(reported) == 2
