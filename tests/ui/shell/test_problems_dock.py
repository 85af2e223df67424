"""The Problems dock, driven as a user drives it: File → Loading problems raises it, typing filters it,
Ctrl+C copies the selected rows as tab-separated text and Export writes a CSV."""

from __future__ import annotations

import copy
from pathlib import Path

import pandas as pd
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest

from viewer.model.dataset import Dataset
from viewer.model.problems import Problem
from viewer.ui.shared.state import ViewState
from viewer.ui.shell.main_window import MainWindow


@pytest.fixture
def troubled(make_window, alliance: Dataset) -> MainWindow:
    alliance = copy.copy(alliance)  # the bundled dataset is shared by the whole session: never changed here
    alliance.problems = [Problem("events.csv", "expected a date like 2019-06-01, got 'soon'", 4, "start"),
                         Problem("events.csv", "unknown actor 'acme'", 7, "actors", "warning"),
                         Problem("relations.csv", "no valid_from column", None, None, "info")]
    return make_window(ViewState(alliance))


def test_loading_problems_shows_the_problems_dock_instead_of_a_message_box(qtbot, troubled: MainWindow) -> None:
    dock = troubled.docks["problemsDock"]
    troubled.actions_by_name["problems"].trigger()
    qtbot.waitUntil(troubled.problems.view.isVisible)
    assert dock.isVisible()
    model = troubled.problems.proxy
    assert model.rowCount() == 3
    assert [model.index(0, c).data() for c in range(5)] == ["events.csv", "4", "start",
                                                            "expected a date like 2019-06-01, got 'soon'", "error"]


def test_typing_in_the_filter_keeps_the_matching_problems(qtbot, troubled: MainWindow) -> None:
    troubled.actions_by_name["problems"].trigger()
    QTest.keyClicks(troubled.problems.filter, "warning")
    assert troubled.problems.proxy.rowCount() == 1
    assert troubled.problems.proxy.index(0, 3).data() == "unknown actor 'acme'"


def test_ctrl_c_copies_the_selected_rows_as_tab_separated_text(qtbot, troubled: MainWindow) -> None:
    troubled.actions_by_name["problems"].trigger()
    view = troubled.problems.view
    qtbot.waitUntil(view.isVisible)
    rect = view.visualRect(view.model().index(1, 0))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
    QTest.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    lines = QGuiApplication.clipboard().text().splitlines()
    # under the column names as the dock shows them (Edit → Copy copies any table so)
    assert lines == ["File\tRow\tField\tMessage\tLevel", "events.csv\t7\tactors\tunknown actor 'acme'\twarning"]


def test_export_writes_the_shown_problems_as_csv(qtbot, troubled: MainWindow, tmp_path: Path) -> None:
    troubled.problems.filter.setText("events")
    target = tmp_path / "problems.csv"
    troubled.problems.export(target)
    written = pd.read_csv(target, dtype=str, keep_default_na=False)
    assert list(written.columns) == ["file", "row", "field", "message", "level"]
    assert written["row"].tolist() == ["4", "7"]
