"""A bug inside a plot's scene is said and the window keeps running. An exception escaping a Python paint override
left PySide6 with an error set inside Qt's scene painting, and the process died (the relationship panel segfaulted
when no edge carried a label); one in a drag, click or hover handler pyqtgraph only warned about on standard error.
Driven in a fresh window with keys, a drag of the cursor and a drag of the plot, broken in turn, then mended."""

from __future__ import annotations

import sys
from types import TracebackType

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from viewer.ui.relations import edges
from viewer.ui.shared import guarded_paint
from viewer.ui.shell.main_window import MainWindow
from viewer.ui.timeline import items, view

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
    monkeypatch.setattr(guarded_paint, "_reported", set())  # (what an earlier test in this process had said)
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


def test_a_drag_on_the_timeline_that_raises_reaches_the_hook_not_only_the_console(
        qtbot: QtBot, hand: Hand, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """pyqtgraph's scene catches what an item's drag, click or hover handler raises and only warns on standard
    error: the drag did nothing and nothing said why. It reaches ``sys.excepthook`` now, and once mended the same
    drag pans the window."""
    reported: list[BaseException] = []

    def hook(_kind: type[BaseException], exc: BaseException, _tb: TracebackType | None) -> None:
        reported.append(exc)

    monkeypatch.setattr(sys, "excepthook", hook)
    viewport = window.timeline.plot.viewport()
    start, stop = QPoint(viewport.width() // 3, viewport.height() // 2), QPoint(viewport.width() // 2,
                                                                               viewport.height() // 2)
    with monkeypatch.context() as patched:
        patched.setattr(view.TimelineViewBox, "mouseDragEvent", _broken)
        hand.press(viewport, start)
        hand.drag_to(viewport, start, stop)
        hand.release(viewport, stop)
        qtbot.wait(20)
    assert reported and {str(e) for e in reported} == {"a bug in the drawing"}
    before = window.state.window
    hand.press(viewport, start)
    hand.drag_to(viewport, start, stop)
    hand.release(viewport, stop)
    qtbot.waitUntil(lambda: window.state.window.start < before.start, timeout=3000)  # dragged right: earlier
