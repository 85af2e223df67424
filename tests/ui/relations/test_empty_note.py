"""An empty relationship panel says why: no ties in the data, or none at the chosen date."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from viewer.model.dataset import Tables, build_dataset
from viewer.ui.shared.state import ViewState
from viewer.ui.shell.main_window import MainWindow

VIS = Path(__file__).resolve().parents[2] / "io" / "fixtures_import" / "vis_background.json"


def test_a_dataset_without_relations_says_where_ties_come_from(
        qtbot: QtBot, make_window: Callable[..., MainWindow], state: ViewState) -> None:
    window = make_window(state)
    note = window.relations.canvas.note
    assert not note.isVisible()  # the alliance has ties at its opening date
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        window.opening.open_path(str(VIS))
    qtbot.wait(20)
    assert note.isVisible() and note.text().startswith("No relations in this dataset.")
    assert "relations table" in note.text()


def test_a_date_before_any_tie_says_so_and_the_note_goes_when_ties_come_back(
        qtbot: QtBot, make_window: Callable[..., MainWindow]) -> None:
    events = pd.DataFrame({"id": ["e1", "e2"], "start": ["1990-06-01", "2012-01-01"], "title": ["Founded", "Deal"],
                           "actors": ["a", "a;b"]})
    entities = pd.DataFrame({"id": ["a", "b"], "name": ["Alpha", "Beta"], "kind": ["company", "company"]})
    relations = pd.DataFrame({"id": ["r1"], "source": ["a"], "target": ["b"], "kind": ["equity_stake"],
                              "value": [30.0], "valid_from": ["2012-01-01"]})
    window = make_window(ViewState(build_dataset(Tables(events, entities, relations))))
    note = window.relations.canvas.note
    window.state.move_cursor("1990-06-01")
    qtbot.wait(20)
    assert note.isVisible() and note.text() == "No relations hold as of 1 Jun 1990."
    window.timeline.setFocus()
    QTest.keyClick(window.timeline, Qt.Key.Key_End)  # the cursor to the end of the data, as a user would
    qtbot.wait(20)
    assert not note.isVisible()
