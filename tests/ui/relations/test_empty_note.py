"""An empty relationship panel says why: no ties in the data, or none at the chosen date. For a dataset without
ties the relationship docks make room for the timeline (Details says where they went); shown again from the View
menu, the graph says where ties come from."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from viewer.model.dataset import Tables, build_dataset
from viewer.ui.shared.state import ViewState
from viewer.ui.shell.main_window import MainWindow

from ..window_reading import menu_named

VIS = Path(__file__).resolve().parents[2] / "io" / "fixtures_import" / "vis_background.json"


def _shown_from_the_view_menu(qtbot: QtBot, window: MainWindow) -> None:
    """View → Relationships as of the cursor, as a user brings the graph back."""
    action = window.relations_dock.toggleViewAction()
    assert action in menu_named(window, "&View").actions() and not action.isChecked()
    action.trigger()
    qtbot.wait(20)


def test_a_dataset_without_relations_says_where_ties_come_from(
        qtbot: QtBot, make_window: Callable[..., MainWindow], state: ViewState) -> None:
    window = make_window(state)
    note = window.relations.canvas.note
    assert not note.isVisible()  # the alliance has ties at its opening date
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        window.opening.open_path(str(VIS))
    qtbot.wait(20)
    assert not window.relations_dock.isVisible() and "make room for the timeline" in window.details.html()
    _shown_from_the_view_menu(qtbot, window)
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


class _Paints(QObject):
    """Counts the paint events one widget receives."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__()
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        self.count += event.type() == QEvent.Type.Paint
        return False


def test_an_empty_graph_is_painted_once_not_in_an_endless_loop(
        qtbot: QtBot, make_window: Callable[..., MainWindow]) -> None:
    """A window that opens on a dataset without ties never frames a graph. When a second one without ties
    came, its view shrank its range by a third at every paint and asked for the next (pyqtgraph's auto
    range with the aspect locked): ~300 repaints a second while the window sat idle, and three more in
    every step of the timeline."""
    events = pd.DataFrame({"id": [f"e{i}" for i in range(40)], "title": [f"Event {i}" for i in range(40)],
                           "start": pd.date_range("2020-01-01", periods=40, freq="7D").strftime("%Y-%m-%d"),
                           "actors": ["a;b", "b", "a", "c"] * 10})
    entities = pd.DataFrame({"id": ["a", "b", "c"], "name": ["Alpha", "Beta", "Gamma"], "kind": ["company"] * 3})
    window = make_window(ViewState(build_dataset(Tables(events, entities))))
    canvas = window.relations.canvas
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        window.opening.open_path(str(VIS))  # File → Open of another file without ties
    qtbot.wait(50)
    _shown_from_the_view_menu(qtbot, window)
    assert canvas.note.isVisible() and canvas.note.text().startswith("No relations in this dataset.")
    paints = _Paints(canvas.viewport())
    window.timeline.setFocus()
    QTest.keyClick(window.timeline, Qt.Key.Key_Right)  # a user moves the cursor and zooms, then waits
    QTest.keyClick(window.timeline, Qt.Key.Key_Plus)
    qtbot.wait(300)
    assert paints.count <= 4, f"the empty graph was painted {paints.count} times in 300 ms"
    (x0, x1), (y0, y1) = canvas.viewbox.viewRange()
    assert x1 - x0 > 1e-6 and y1 - y0 > 1e-6  # a range that was not ground down to nothing
