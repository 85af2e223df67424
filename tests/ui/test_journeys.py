"""Journeys a new user takes, with real input from a fresh window: every F1 shortcut pressed (with
nothing, an event or an entity selected), every toolbar control clicked, Compare and back, a row of the
relations table clicked, the theme switched light → dark → light — at 1280×720 and 1920×1080.

The autouse guard in conftest fails any of these if a slot raised or the log recorded an error.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QPushButton,
    QToolBar,
    QToolButton,
    QWidget,
)

from viewer.ui.relations.table import LINK
from viewer.ui.shared.state import Selection, ViewState
from viewer.ui.shell.main_window import MainWindow
from viewer.ui.shell.mapping_dialog import MappingDialog
from viewer.ui.timeline import keys as timeline_keys

SIZES = [(1280, 720), (1920, 1080)]
LEAVES = {"Ctrl+Q"}  # quitting ends the journey: its own test closes the window


@pytest.fixture(autouse=True)
def no_file_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A file dialog would wait for a hand that never comes: answer "cancelled" at once. So does the column question
    of what Ctrl+V pastes (the event Ctrl+C copied: text that is no table)."""
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([], ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    monkeypatch.setattr(MappingDialog, "exec", lambda _self: QDialog.DialogCode.Rejected)


def press(widget: QWidget, shortcut: str) -> None:
    """Press a key sequence as a user does, on ``widget``."""
    QTest.keySequence(widget, QKeySequence(shortcut))
    QApplication.processEvents()


def close_dialogs(window: MainWindow) -> None:
    for dialog in list(window._dialogs):
        dialog.close()


SELECTIONS: dict[str, Callable[[ViewState], None]] = {
    "nothing": lambda state: state.select(Selection()),
    "an event": lambda state: state.select_event("E024"),
    "an entity": lambda state: state.select(Selection(entities=frozenset({"renault"}))),
}


@pytest.mark.parametrize("size", SIZES, ids=["1280x720", "1920x1080"])
@pytest.mark.parametrize("selected", list(SELECTIONS))
def test_every_shortcut_in_f1_works_from_a_fresh_window(qtbot, make_window, state: ViewState,
                                                          size: tuple[int, int], selected: str) -> None:
    window: MainWindow = make_window(state, size)
    window.activateWindow()
    shortcuts = [a.shortcut().toString() for a in window.actions_by_name.values() if not a.shortcut().isEmpty()]
    assert "F1" in shortcuts and "Left" in shortcuts
    for shortcut in shortcuts:
        if shortcut in LEAVES:
            continue
        SELECTIONS[selected](state)
        press(window, shortcut)
        close_dialogs(window)
        if window.isFullScreen():
            press(window, "F11")
    window.tools.playback.pause()
    window.timeline.plot.setFocus()
    for key, _text in timeline_keys.HELP:
        SELECTIONS[selected](state)
        press(window.timeline.plot, key)
    assert window.isVisible()


def test_ctrl_q_closes_the_window(qtbot, window: MainWindow) -> None:
    window.activateWindow()
    press(window, "Ctrl+Q")
    qtbot.waitUntil(lambda: not window.isVisible())


def toolbar_buttons(window: MainWindow) -> list[QToolButton]:
    buttons = []
    for bar in window.findChildren(QToolBar):
        for action in bar.actions():
            widget = bar.widgetForAction(action)
            if isinstance(widget, QToolButton) and widget.isVisible() and widget.isEnabled() \
                    and widget.menu() is None and action.menu() is None:
                buttons.append(widget)
    return buttons


@pytest.mark.parametrize("size", SIZES, ids=["1280x720", "1920x1080"])
def test_every_toolbar_control_can_be_clicked(qtbot, make_window, state: ViewState, size: tuple[int, int]) -> None:
    window: MainWindow = make_window(state, size)
    state.select_event("E024")  # "Around selection" needs one
    buttons = toolbar_buttons(window)
    assert len(buttons) >= 5
    for button in buttons:
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        close_dialogs(window)
    for button in buttons:  # twice: checkable controls go back
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    for bar in window.findChildren(QToolBar):
        for combo in bar.findChildren(QComboBox):  # group by, speed: every choice by keyboard
            combo.setFocus()
            for _ in range(combo.count()):
                QTest.keyClick(combo, Qt.Key.Key_Down)
            QTest.keyClick(combo, Qt.Key.Key_Home)
        for push in bar.findChildren(QPushButton):  # the filter bar's plain buttons (menus would wait)
            if push.isVisible() and push.isEnabled() and push.menu() is None:
                QTest.mouseClick(push, Qt.MouseButton.LeftButton)
    window.tools.playback.pause()
    assert window.isVisible()


@pytest.mark.parametrize("size", SIZES, ids=["1280x720", "1920x1080"])
def test_compare_the_table_and_the_theme_in_one_journey(qtbot, make_window, state: ViewState,
                                                        size: tuple[int, int]) -> None:
    window: MainWindow = make_window(state, size)
    header = window.relations.header
    QTest.mouseClick(header.mode_buttons["diff"], Qt.MouseButton.LeftButton)
    assert window.relations.mode() == "diff"
    QTest.mouseClick(header.mode_buttons["cursor"], Qt.MouseButton.LeftButton)
    assert window.relations.mode() == "cursor"
    view = window.relation_tools.table.view
    qtbot.waitUntil(lambda: view.model().rowCount() > 0)
    rect = view.visualRect(view.model().index(0, LINK - 1))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
    assert state.selection.relations
    for theme in ("light", "dark", "light"):
        window.actions_by_name[f"theme_{theme}"].trigger()
        assert state.view.theme == theme
    assert window.isVisible()
