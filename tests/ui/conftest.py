"""Shared UI fixtures: one shared state, a fresh main window, and a guard that fails any test in
which an exception reached ``sys.excepthook`` or the log recorded an error."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import TracebackType

import pytest
from pyqtgraph import debug as pg_debug
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from viewer.model.dataset import Dataset
from viewer.ui.shared import heap
from viewer.ui.shared.scene_errors import report_scene_errors
from viewer.ui.shared.state import ViewState
from viewer.ui.shell.main_window import MainWindow
from viewer.ui.shell.settings import Settings


@pytest.fixture(autouse=True)
def no_silent_errors(caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A slot that raises, a plot's event handler that raises (pyqtgraph would only warn), or an error in the log,
    fails the test (pytest-qt also fails on slot exceptions)."""
    reached: list[BaseException] = []

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        reached.append(exc)

    monkeypatch.setattr(sys, "excepthook", hook)
    monkeypatch.setattr(pg_debug, "printExc", pg_debug.printExc)  # (put back after the test)
    report_scene_errors()  # as the app does: a plot's click, drag or hover that raises reaches the hook
    caplog.set_level(logging.WARNING)
    yield
    errors = [r for r in caplog.get_records("call") if r.levelno >= logging.ERROR]
    assert not reached, f"an exception reached sys.excepthook: {reached[0]!r}"
    assert not errors, f"the log recorded an error: {errors[0].getMessage()}"


@pytest.fixture(autouse=True)
def collector_on_the_ui_thread(qapp: QApplication) -> None:
    """As in the app, from the first UI test on: only the UI thread collects reference cycles (a worker that did
    deleted a closed window's menus and timers off it, and the run crashed now and then)."""
    heap.collect_on_ui_thread()


@pytest.fixture(autouse=True)
def no_unanswered_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A modal dialog no test answers waits offscreen for a click that never comes (a new test hung until CI's limit):
    it fails the test instead. A test that expects one patches its class's ``exec`` (MappingDialog) or the function
    that shows it (``dialogs.error``)."""

    def unanswered(dialog: QDialog) -> int:
        raise AssertionError(f"a modal {type(dialog).__name__} ({dialog.windowTitle()!r}) opened and no test "
                             "answered it")

    monkeypatch.setattr(QDialog, "exec", unanswered)
    monkeypatch.setattr(QMessageBox, "exec", unanswered)


@pytest.fixture
def state(alliance: Dataset) -> ViewState:
    """A fresh shared state on the bundled dataset."""
    return ViewState(alliance)


@pytest.fixture
def make_window(qtbot: QtBot, tmp_path: Path) -> Callable[..., MainWindow]:
    """Build a shown main window on a state, with its own settings file unless told otherwise."""

    def make(state: ViewState, size: tuple[int, int] = (1600, 900), settings: Settings | None = None,
             *, with_settings: bool = True) -> MainWindow:
        if settings is None and with_settings:
            settings = Settings(tmp_path / "config" / "entente.ini")
        main = MainWindow(state, settings)
        qtbot.addWidget(main)
        main.resize(*size)
        main.show()
        qtbot.waitExposed(main)
        return main

    return make


@pytest.fixture
def window(make_window: Callable[..., MainWindow], state: ViewState) -> MainWindow:
    """A fresh main window at 1600×900 on the bundled dataset, nothing selected."""
    return make_window(state)


class Hand:
    """Real mouse events sent to a widget, as a user's hand makes them (QTest's moves carry no buttons)."""

    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot

    def send(self, widget: QWidget, kind: QEvent.Type, pos: QPoint, buttons: Qt.MouseButton,
             modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        """One press, move or release at ``pos`` (widget coordinates)."""
        button = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseMove else Qt.MouseButton.LeftButton
        event = QMouseEvent(kind, QPointF(pos), QPointF(widget.mapToGlobal(pos)), button, buttons, modifiers)
        QApplication.sendEvent(widget, event)

    def move(self, widget: QWidget, pos: QPoint) -> None:
        """Move the mouse (no button held) to ``pos``."""
        self.send(widget, QEvent.Type.MouseMove, pos, Qt.MouseButton.NoButton)

    def press(self, widget: QWidget, pos: QPoint) -> None:
        """Press the left button at ``pos``."""
        self.send(widget, QEvent.Type.MouseButtonPress, pos, Qt.MouseButton.LeftButton)

    def drag_to(self, widget: QWidget, start: QPoint, end: QPoint, steps: int = 8) -> None:
        """Move with the left button held from ``start`` to ``end`` (the button stays down)."""
        for i in range(1, steps + 1):
            self.send(widget, QEvent.Type.MouseMove, start + (end - start) * i / steps, Qt.MouseButton.LeftButton)

    def release(self, widget: QWidget, pos: QPoint) -> None:
        """Release the left button at ``pos``."""
        self.send(widget, QEvent.Type.MouseButtonRelease, pos, Qt.MouseButton.NoButton)

    def wheel(self, widget: QWidget, pos: QPoint, notches: int) -> None:
        """Turn the wheel over ``pos`` by ``notches`` (positive: away from the user, which zooms in)."""
        for _ in range(abs(notches)):
            event = QWheelEvent(QPointF(pos), QPointF(widget.mapToGlobal(pos)), QPoint(0, 0),
                                QPoint(0, 120 if notches > 0 else -120), Qt.MouseButton.NoButton,
                                Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
            QApplication.sendEvent(widget, event)


@pytest.fixture
def hand(qtbot: QtBot) -> Hand:
    """Real mouse events for a test to send."""
    return Hand(qtbot)
