"""Compare two dates in a fresh window, as a user works it: the mode's button clicked, dates typed into the boxes
with Tab and Return, the presets clicked, the cursor stepped with the arrows on the timeline; the compared dates
and the listed changes read back."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from viewer.model.dataset import Tables, build_dataset
from viewer.model.graph_diff import diff_graph
from viewer.session import ViewChoices
from viewer.ui.relations.change_list import RELATION
from viewer.ui.shared.state import ViewState
from viewer.ui.shell.main_window import MainWindow

from ..window_reading import press

GHOSN_TO_NEW_AGREEMENT = ("changed", "Renault Group → Nissan Motor", "43.4% → 15%",
                          "New Alliance Agreement takes effect; Renault's Nissan stake cut to 15%")


def _compare(qtbot: QtBot, window: MainWindow) -> None:
    """Click Compare two dates in the relationship panel's header."""
    QTest.mouseClick(window.relations.header.mode_buttons["diff"], Qt.MouseButton.LeftButton)
    assert window.relations.mode() == "diff"


def _type(qtbot: QtBot, window: MainWindow, box: QLineEdit, text: str, key: Qt.Key = Qt.Key.Key_Tab) -> None:
    """Click into a date box, select what it holds, type ``text`` and leave with ``key`` (Tab or Return)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    QTest.mouseClick(box, Qt.MouseButton.LeftButton)
    QTest.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(box, text)
    QTest.keyClick(box, key)
    qtbot.wait(10)


def _compared(window: MainWindow) -> str:
    return window.relations.as_of.text()


def _boxes(window: MainWindow) -> tuple[str, str]:
    view = window.relations.diff_view
    return view.before_edit.text(), view.after_edit.text()


def _day(stamp: pd.Timestamp) -> str:
    return f"{stamp.day} {stamp.strftime('%b %Y')}"


def test_each_box_keeps_what_was_typed_in_it_and_a_later_from_is_compared_the_other_way(
        qtbot: QtBot, window: MainWindow) -> None:
    _compare(qtbot, window)
    view = window.relations.diff_view
    _type(qtbot, window, view.before_edit, "2018-11-19")
    _type(qtbot, window, view.after_edit, "2023-11-09", Qt.Key.Key_Return)
    assert _compared(window) == "19 Nov 2018 → 9 Nov 2023"
    assert GHOSN_TO_NEW_AGREEMENT in view.rows()
    _type(qtbot, window, view.before_edit, "2025")  # after To: the boxes stay as typed, the pair is compared in order
    assert _boxes(window) == ("2025-01-01", "2023-11-09")
    assert _compared(window) == "9 Nov 2023 → 1 Jan 2025"
    assert view.summary.text().startswith("From is after To: compared the other way round, 9 Nov 2023 → 1 Jan 2025")
    _type(qtbot, window, view.after_edit, "2026", Qt.Key.Key_Return)  # and To typed next is To, not From
    assert _boxes(window) == ("2025-01-01", "2026-01-01")
    assert _compared(window) == "1 Jan 2025 → 1 Jan 2026"
    assert not view.summary.text().startswith("From is after To")
    _type(qtbot, window, view.before_edit, "2023-11-09")
    _type(qtbot, window, view.after_edit, "2018-11-19", Qt.Key.Key_Return)
    assert _boxes(window) == ("2023-11-09", "2018-11-19")
    assert _compared(window) == "19 Nov 2018 → 9 Nov 2023"  # the changes from the earlier date to the later
    assert GHOSN_TO_NEW_AGREEMENT in view.rows()
    assert window.state.view.compare == (pd.Timestamp("2018-11-19", tz="UTC"), pd.Timestamp("2023-11-09", tz="UTC"))


def test_tabbing_through_the_boxes_keeps_the_dates_following_the_cursor(qtbot: QtBot, window: MainWindow) -> None:
    _compare(qtbot, window)
    view = window.relations.diff_view
    for box in (view.before_edit, view.after_edit):
        window.activateWindow()
        QTest.mouseClick(box, Qt.MouseButton.LeftButton)
        QTest.keyClick(box, Qt.Key.Key_Tab)
    assert window.state.view.compare is None
    press(qtbot, window, Qt.Key.Key_Left)
    assert _compared(window).endswith(_day(window.state.cursor))


def test_window_compares_its_first_day_with_its_end_and_follows_it(qtbot: QtBot, window: MainWindow) -> None:
    _compare(qtbot, window)
    view, state = window.relations.diff_view, window.state
    for _ in range(3):
        press(qtbot, window, Qt.Key.Key_Left)
    assert state.window.start_time < state.cursor < state.window.end_time
    QTest.mouseClick(view.window_button, Qt.MouseButton.LeftButton)
    assert view.window_button.isChecked() and not view.cursor_button.isChecked()
    assert _compared(window) == f"{_day(state.window.start_time)} → {_day(state.window.end_time)}"
    expected = diff_graph(state.dataset, state.window.start_time.floor("D"), state.window.end_time)
    assert [row[0] for row in view.rows()] == expected.listed()["change"].tolist()
    press(qtbot, window, Qt.Key.Key_Minus)  # zoom out: a wider window, compared from its new first day to its new end
    assert _compared(window) == f"{_day(state.window.start_time)} → {_day(state.window.end_time)}"
    shown = _compared(window)
    press(qtbot, window, Qt.Key.Key_Left)  # the cursor is not what this compares
    assert _compared(window) == shown
    assert view.window_button.isChecked()


def test_cursor_vs_window_start_follows_the_cursor(qtbot: QtBot, window: MainWindow) -> None:
    _compare(qtbot, window)
    view, state = window.relations.diff_view, window.state
    _type(qtbot, window, view.before_edit, "2019", Qt.Key.Key_Return)  # dates of one's own first
    QTest.mouseClick(view.cursor_button, Qt.MouseButton.LeftButton)
    assert view.cursor_button.isChecked() and not view.window_button.isChecked()
    start = _day(state.window.start_time)
    seen = []
    for _ in range(5):
        press(qtbot, window, Qt.Key.Key_Left)
        assert _compared(window) == f"{start} → {_day(state.cursor)}"
        assert _boxes(window) == (state.window.start_time.strftime("%Y-%m-%d"), state.cursor.strftime("%Y-%m-%d"))
        seen.append(_compared(window))
    assert len(set(seen)) >= 4  # it followed each step (two events of the alliance share a day)
    expected = diff_graph(state.dataset, state.window.start_time.floor("D"), state.cursor)
    assert [row[0] for row in view.rows()] == expected.listed()["change"].tolist()


def test_a_name_holding_a_direction_override_cannot_turn_its_row_round(
        qtbot: QtBot, make_window: Callable[..., MainWindow], tmp_path: Path) -> None:
    entities = pd.DataFrame({"id": ["r", "t", "h"], "name": ["Reversed Co\u202e7n", "Target Group", "שלום בע\"מ"]})
    relations = pd.DataFrame({"source": ["r", "h"], "target": ["t", "r"], "kind": ["equity_stake", "partnership"],
                              "value": ["20", ""], "valid_from": ["2019-06-01", "2019-06-01"]})
    events = pd.DataFrame({"id": ["E1", "E2"], "start": ["2018-01-01", "2020-01-01"], "title": ["Before", "After"]})
    window = make_window(ViewState(build_dataset(Tables(events, entities, relations))))
    _compare(qtbot, window)
    view = window.relations.diff_view
    _type(qtbot, window, view.before_edit, "2019")
    _type(qtbot, window, view.after_edit, "2020", Qt.Key.Key_Return)
    shown = [view.model.index(row, RELATION).data() for row in range(view.model.rowCount())]
    assert "\u2068Reversed Co<U+202E>7n\u2069 → \u2068Target Group\u2069" in shown  # the override shown, not obeyed
    assert all(text.startswith("\u2068") and "\u2069 → \u2068" in text and "\u202e" not in text for text in shown)
    tips = [view.model.index(row, RELATION).data(Qt.ItemDataRole.ToolTipRole) for row in range(view.model.rowCount())]
    assert all("\u202e" not in tip for tip in tips)
    assert ("added", "Reversed Co<U+202E>7n → Target Group", "20%", "") in view.rows()


def test_following_the_window_is_remembered_with_the_view() -> None:
    assert ViewChoices.from_dict(ViewChoices(compare="window").to_dict()).compare == "window"
    assert ViewChoices.from_dict({"compare": "somewhere"}).compare is None
