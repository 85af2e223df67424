"""Reading what a window shows and pressing keys on it, as a user would (shared by the window tests)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMenu
from pytestqt.qtbot import QtBot

from viewer.model.dataset import Dataset
from viewer.ui.shared.check_menu import CheckMenuButton
from viewer.ui.shell import dialogs
from viewer.ui.shell.main_window import MainWindow
from viewer.ui.shell.mapping_dialog import MappingDialog

from .conftest import Hand
from .monkey_input import wheel


def axis_labels(window: MainWindow, axis: Any = None) -> list[str]:
    """The bottom axis labels (the timeline's, unless another ``axis`` is given) as drawn for its current range."""
    axis = axis if axis is not None else window.timeline.plot.getAxis("bottom")
    lo, hi = axis.range
    labels = []
    for spacing, values in axis.tickValues(lo, hi, axis.width()):
        labels += axis.tickStrings(values, 1.0, spacing)
    return labels


def cursor_label(window: MainWindow) -> str:
    """The text on the timeline's cursor line."""
    return str(window.timeline.as_of.line.label.textItem.toPlainText())


def press(qtbot: QtBot, window: MainWindow, key: Qt.Key) -> None:
    """A key pressed on the timeline of the active window (the window's shortcuts answer it)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.timeline.plot.setFocus()
    QTest.keyClick(window.timeline.plot, key)
    qtbot.wait(20)


def type_dates_without_calendar(window: MainWindow, start: str, end: str) -> None:
    """Type into the filter bar's date boxes, whose calendar buttons are hidden (a clock with no calendar)."""
    bar = window.tools.filter_bar
    assert not bar.start.property("calendar_action").isVisible()
    bar.start.setText(start)
    bar.end.setText(end)
    bar.apply()


def pick(button: CheckMenuButton, value: str) -> None:
    """Open the picker with a click and click the check box of ``value``'s entry, as a user does."""
    clicked: list[str] = []

    def inside_the_menu() -> None:
        entries, row = button.list, button.row_of(value)
        if row.isValid():
            entries.scrollTo(row)
            box = entries.visualRect(row)
            QTest.mouseClick(entries.viewport(), Qt.MouseButton.LeftButton,
                             pos=QPoint(box.left() + 10, box.center().y()))
            clicked.append(row.data(Qt.ItemDataRole.UserRole))
        button.menu().close()

    QTimer.singleShot(300, inside_the_menu)
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)  # the menu runs its own loop until closed
    assert clicked == [value], f"{value} not offered"


def no_column_questions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The column-mapping dialog answered "Cancel" from now on; what it asked about is listed in the list returned."""
    asked: list[str] = []

    def refuse(dialog: MappingDialog) -> QDialog.DialogCode:
        asked.append(str(dialog))
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(MappingDialog, "exec", refuse)
    return asked


def accepting(offered: list[str]) -> Callable[[MappingDialog], QDialog.DialogCode]:
    """An answer to the column-mapping dialog that notes the ties it offers (its graph box's text) and accepts."""
    def accept(dialog: MappingDialog) -> QDialog.DialogCode:
        offered.append(dialog.graph.text())
        return QDialog.DialogCode.Accepted

    return accept


def open_by_hand(qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, path: Path,
                 answer: Callable[[MappingDialog], QDialog.DialogCode] | None = None, text: str | None = None
                 ) -> list[str]:
    """Open ``path`` (``text`` written to it first, when given) with File → Open (Ctrl+O), the file dialog answering
    it; the column-mapping questions it asked (refused, or given to ``answer``) are returned."""
    if text is not None:
        path.write_text(text, encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(path)], ""))
    asked = no_column_questions(monkeypatch)
    if answer is not None:
        def asking(dialog: MappingDialog) -> QDialog.DialogCode:
            asked.append(str(dialog))
            return answer(dialog)

        monkeypatch.setattr(MappingDialog, "exec", asking)
    window.activateWindow()
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        QTest.keySequence(window, QKeySequence(QKeySequence.StandardKey.Open))
    return asked


def open_folder_by_hand(qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, folder: Path) -> list[str]:
    """Open ``folder`` with File → Open folder…, as a user picks it from the menu; the column-mapping questions it
    asked are returned."""
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    asked = no_column_questions(monkeypatch)
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        next(a for a in menu_named(window, "&File").actions() if a.text() == "Open &folder…").trigger()
    return asked


def refused_by_hand(qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    """Open ``path`` with File → Open (Ctrl+O), the file dialog answering it, where it is refused: the messages the
    window showed (the dataset shown before stays)."""
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "error", lambda parent, title, message, details="": shown.append(message))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(path)], ""))
    before = window.state.dataset
    window.activateWindow()
    with qtbot.waitSignal(window.loader.failed, timeout=30_000):
        QTest.keySequence(window, QKeySequence(QKeySequence.StandardKey.Open))
    assert window.state.dataset is before
    return shown


def open_refused(qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    """Open ``path`` as File → Open does, where it is refused: the messages the window showed (the dataset shown
    before stays)."""
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "error", lambda parent, title, message, details="": shown.append(message))
    before = window.state.dataset
    with qtbot.waitSignal(window.loader.failed, timeout=30_000):
        window.opening.open_path(str(path))
    assert window.state.dataset is before
    return shown


def open_written(qtbot: QtBot, window: MainWindow, path: Path, text: str) -> Dataset:
    """Write ``text`` to ``path``, open it in the window as File → Open does, and return what it shows."""
    path.write_text(text, encoding="utf-8")
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        window.open_path(str(path))
    return window.state.dataset


def details_after(qtbot: QtBot, window: MainWindow, *keys: Qt.Key) -> str:
    """What Details shows once these keys are pressed on the timeline (given the keyboard focus first)."""
    window.timeline.setFocus()
    for key in keys:
        qtbot.keyClick(window.timeline, key)
    return str(window.details.html())


def problems_typed(qtbot: QtBot, window: MainWindow, text: str) -> Any:
    """The Problems rows left once Problems is shown and ``text`` is typed into its filter, as a user does."""
    window.show_problems()
    qtbot.keyClicks(window.problems.filter, text)
    return window.problems.visible_frame()


def walked(qtbot: QtBot, window: MainWindow, steps: int) -> list[str]:
    """Details of the first event and of each the Right key then reaches, from a fresh keyboard focus."""
    window.timeline.setFocus()
    qtbot.keyClick(window.timeline, Qt.Key.Key_Home)
    seen = [window.details.html()]
    for _ in range(steps):
        qtbot.keyClick(window.timeline, Qt.Key.Key_Right)
        seen.append(window.details.html())
    return seen


def zoomed_in_labels(window: MainWindow, turns: int, across: float = 0.5) -> list[str]:
    """Turn the wheel ``turns`` notches in over the timeline (``across`` its width), check the window at least
    halved, and return the axis labels drawn then."""
    before = window.state.window.span
    viewport = window.timeline.plot.viewport()
    for _turn in range(turns):
        wheel(viewport, QPointF(viewport.width() * across, viewport.height() * 0.5), 120)
        QApplication.processEvents()
    assert window.state.window.span < before / 2
    return axis_labels(window)


def timeline_x(window: MainWindow, year: float) -> QPoint:
    """Where a time (a fractional year) is on the timeline's plot, halfway down (viewport pixels)."""
    view = window.timeline.view
    (_, _), (y0, y1) = view.viewRange()
    seconds = (year - 1970) * 365.2425 * 86_400
    return window.timeline.plot.mapFromScene(view.mapViewToScene(QPointF(seconds, (y0 + y1) / 2)))


def drag_cursor(qtbot: QtBot, hand: Hand, window: MainWindow, year: float) -> None:
    """Drag the timeline's cursor line by hand to a time (a fractional year in view), and wait for the cursor."""
    viewport = window.timeline.plot.viewport()
    start = timeline_x(window, float(window.timeline.cursor_line.value()) / 31_556_952 + 1970)
    stop = timeline_x(window, year)
    hand.press(viewport, start)
    hand.drag_to(viewport, start, stop)
    hand.release(viewport, stop)
    qtbot.waitUntil(lambda: abs(window.state.cursor.year + window.state.cursor.day_of_year / 366 - year) < 0.6,
                    timeout=3000)


def menu_named(window: MainWindow, title: str) -> QMenu:
    """The menu bar's menu of that title ("&View"), as a user finds it."""
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == title)
    assert isinstance(menu, QMenu)
    return menu


def cursor_grip(window: MainWindow) -> QPoint:
    """Where a hand takes hold of the cursor line: on it, 30 px above the bottom of the plot (viewport pixels)."""
    timeline = window.timeline
    scene = timeline.view.mapViewToScene(QPointF(float(timeline.cursor_line.value()), 0.0))
    return QPoint(timeline.plot.mapFromScene(scene).x(), timeline.plot.viewport().height() - 30)

