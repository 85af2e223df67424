"""Lanes by a column a dataset does not have go back to lanes by actor in the same announcement, whichever way
the dataset comes: another file opened, or a dataset whose remembered view named a column added to it
earlier (the GUI monkey found the timeline raising there after 2,627 actions)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow
from viewer.ui.shell.mapping_dialog import MappingDialog

TABLES = Path(__file__).resolve().parents[2] / "io" / "fixtures_tables"


@pytest.fixture(autouse=True)
def guesses_accepted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(MappingDialog, "exec", lambda _dialog: QDialog.DialogCode.Accepted)  # the guess, as shown


def _open(qtbot: QtBot, window: MainWindow, path: Path | None, add: bool = False) -> None:
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        window.open_path(None if path is None else str(path), add=add)


def _lanes_by(window: MainWindow, key: str) -> None:
    combo = window.tools.group_by
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):  # the arrow keys walk the choices, as a user does
        if combo.currentData() == key:
            break
        QTest.keyClick(combo, Qt.Key.Key_Down)
    assert window.state.view.group_by == key


def test_a_file_without_the_grouping_column_opens_with_lanes_by_actor(qtbot: QtBot, window: MainWindow) -> None:
    _open(qtbot, window, TABLES / "no_header.csv")
    _lanes_by(window, "attr:column3")
    assert "acme" in window.timeline.lane_labels()
    _open(qtbot, window, TABLES / "records.json")
    assert window.state.view.group_by == "actor" and window.tools.group_by.currentData() == "actor"
    assert window.timeline.lane_labels()


def test_a_remembered_grouping_by_a_column_added_earlier_is_not_applied_to_the_dataset_alone(
        qtbot: QtBot, window: MainWindow) -> None:
    _open(qtbot, window, TABLES / "no_header.csv", add=True)  # the bundled dataset with a file added
    _lanes_by(window, "attr:column3")
    _open(qtbot, window, TABLES / "records.json")  # the view of the bundled dataset is remembered
    _open(qtbot, window, None)  # File → Open the bundled dataset again: no column3 in it
    assert "attr:column3" not in window.state.dataset.events.columns
    assert window.state.view.group_by == "actor" and window.tools.group_by.currentData() == "actor"
    assert window.timeline.lane_labels()
