"""The graph fades only when the ties change: a cursor moved where none starts or ends repaints nothing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QAbstractAnimation, QEvent
from pytestqt.qtbot import QtBot

from viewer.ui.relations import labels
from viewer.ui.shared.state import ViewState
from viewer.ui.shell.main_window import MainWindow

from ..calls import Events, counted


def test_the_graph_fades_when_ties_change_and_not_when_they_hold(
        qtbot: QtBot, window: MainWindow, state: ViewState) -> None:
    canvas = window.relations.canvas
    state.move_cursor("2021-03-01")
    qtbot.waitUntil(lambda: canvas._fade.state() != QAbstractAnimation.State.Running, timeout=3000)
    qtbot.wait(50)  # the fade's last frame and anything else already asked for are painted
    paints = Events(QEvent.Type.Paint)
    canvas.viewport().installEventFilter(paints)
    for day in ("2021-03-02", "2021-03-09", "2021-03-20"):  # the same ties hold: the same drawing
        state.move_cursor(day)
        assert canvas._fade.state() != QAbstractAnimation.State.Running
    qtbot.wait(100)
    # a fade to itself repainted ~6 times in 100 ms after each move; a stray repaint of the window is not one
    assert paints.count <= 2, f"the unchanged graph was painted {paints.count} times"
    state.move_cursor("2023-11-09")  # the 2023 restructuring: the ties change, and fade
    assert canvas._fade.state() == QAbstractAnimation.State.Running
    qtbot.wait(100)
    assert paints.count > 0


def test_a_fade_places_the_labels_once_not_at_each_frame(qtbot: QtBot, window: MainWindow, state: ViewState,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """The nodes stay where they are while the graph fades: where the names and values go is worked out once (at
    300 nodes, 30 ms a frame for the same answer)."""
    canvas = window.relations.canvas
    qtbot.waitUntil(lambda: canvas._fade.state() != QAbstractAnimation.State.Running, timeout=3000)
    placed = counted(monkeypatch, labels, "place_labels")
    paints = Events(QEvent.Type.Paint)
    canvas.viewport().installEventFilter(paints)
    state.move_cursor("2023-11-09")  # the 2023 restructuring: the ties change, and fade
    assert canvas._fade.state() == QAbstractAnimation.State.Running
    qtbot.waitUntil(lambda: canvas._fade.state() != QAbstractAnimation.State.Running, timeout=3000)
    qtbot.wait(50)
    assert paints.count >= 4, "the fade was painted frame by frame"
    assert len(placed) <= 2, f"{len(placed)} placements for {paints.count} frames"
