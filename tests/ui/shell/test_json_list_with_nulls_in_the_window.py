"""A JSON list of records with nulls among them, opened from a fresh window with Ctrl+O: the records are events the
keys walk, and Problems says which items were skipped (the file was refused as JSON of no known kind)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow

from ..window_reading import details_after, open_by_hand, problems_typed


def test_records_among_nulls_open_and_the_nulls_are_said(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    items = [{"date": "2019-01-05", "title": "Board meeting"}, None, {"date": "2019-03-01", "title": "Plant opens"},
             None]
    open_by_hand(qtbot, window, monkeypatch, tmp_path / "api.json", text=json.dumps(items))
    assert window.state.dataset.event_count == 2
    assert "Board meeting" in details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Plant opens" in details_after(qtbot, window, Qt.Key.Key_Right)
    said = problems_typed(qtbot, window, "not an object")
    assert sorted(said["row"].astype(int).tolist()) == [2, 4]


def test_rows_as_lists_with_no_names_keep_their_first_row(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """``json.dump(rows)`` of rows with no row of names: the first row was taken for the names, and lost."""
    rows = [["2019-01-05", "Board meeting", "Acme"], ["2019-03-01", "Plant opens", "Acme"],
            ["2019-04-11", "Recall", "Beta"]]
    open_by_hand(qtbot, window, monkeypatch, tmp_path / "rows.json", text=json.dumps(rows))
    assert window.state.dataset.event_count == 3
    assert "Board meeting" in details_after(qtbot, window, Qt.Key.Key_Home)
    assert len(problems_typed(qtbot, window, "no row of names")) == 1


def test_two_fields_of_people_as_objects_are_their_names(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """GitHub's issues, ``user`` and ``assignee`` each an object: Details named the actors by their raw JSON."""
    issues = [{"number": 1, "title": "Crash on start", "created_at": "2020-01-01T10:00:00Z",
               "user": {"login": "alice", "id": 1}, "assignee": {"login": "bob", "id": 2}}]
    open_by_hand(qtbot, window, monkeypatch, tmp_path / "issues.json", text=json.dumps(issues))
    shown = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Crash on start" in shown and "alice" in shown and "bob" in shown and "login" not in shown
