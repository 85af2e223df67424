"""A graph of thousands of ties under a cursor dragged by hand: the drag never stalls.

A cursor crossing the date 3,000 ties start changed the graph at once (it faded for a third of a second, each frame
drawing both graphs: the window held for seconds), and every step after it made the ties' arrays again (11 ms) and
placed their values again (180 ms a paint, each of 2,500 tried at 17 spots). Now a graph of more than
FADED_UP_TO things changes at once, a step that finds the same ties keeps their arrays, its crowded ties are drawn
with plain lines, and placing values stops once the view is full. The bundled dataset's graph still fades
(tests/ui/relations/test_cursor_fades.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import QAbstractAnimation, QPoint
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication

from viewer.model.dataset import DatasetMeta, Tables, build_dataset
from viewer.ui.relations import build, canvas, edges
from viewer.ui.shared.state import ViewState
from viewer.ui.shell.main_window import MainWindow

from ..calls import counted
from ..window_reading import cursor_grip

NODES, TIES = 300, 3_000


def _hairball() -> ViewState:
    rng = np.random.default_rng(11)
    entities = pd.DataFrame({"id": [f"n{i}" for i in range(NODES)], "name": [f"Holding {i}" for i in range(NODES)],
                             "kind": "company"})
    relations = pd.DataFrame({"id": [f"r{i}" for i in range(TIES)],
                              "source": [f"n{k}" for k in rng.integers(0, NODES, TIES)],
                              "target": [f"n{k}" for k in rng.integers(0, NODES, TIES)],
                              "kind": "equity_stake", "value": rng.integers(1, 100, TIES).astype(str),
                              "valid_from": "2019-01-01"})
    events = pd.DataFrame({"id": ["before", "after"], "title": ["Before the deals", "After the deals"],
                           "start": ["2018-06-01", "2019-06-01"], "actors": ["n1", "n2"]})
    return ViewState(build_dataset(Tables(events, entities, relations), DatasetMeta()))


def test_a_cursor_dragged_across_thousands_of_ties_never_stalls(make_window: Callable[..., MainWindow], hand: Any,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window(_hairball())
    window.state.move_cursor("2018-07-01")
    QApplication.processEvents()
    made = counted(monkeypatch, build, "edge_arrays")
    graph, viewport = window.relations.canvas, window.timeline.plot.viewport()
    at = cursor_grip(window)
    hand.press(viewport, at)
    steps, faded, crossed = (viewport.width() - at.x() - 20) // 20, [], None
    for step in range(1, steps + 1):
        hand.drag_to(viewport, at + QPoint(20 * (step - 1), 0), at + QPoint(20 * step, 0), steps=1)
        QApplication.processEvents()
        faded.append(graph._fade.state() == QAbstractAnimation.State.Running)
        if crossed is None and len(graph.edges.ids):
            crossed = (step, len(made))
    hand.release(viewport, at + QPoint(20 * steps, 0))
    assert window.state.cursor > pd.Timestamp("2019-03-01", tz="UTC"), "the hand dragged the cursor past the deals"
    assert crossed is not None and len(graph.edges.ids) > canvas.FADED_UP_TO
    assert crossed[0] < steps - 5, "steps were taken after the crossing"
    assert not any(faded), "so big a graph changes at once"
    assert len(made) == crossed[1], "the steps after the crossing made no arrays again"
    assert graph.labels_item.placement is not None and graph.labels_item.placement.node_shown.any()


def test_crowded_ties_are_drawn_with_plain_lines_and_few_smoothed(make_window: Callable[..., MainWindow]) -> None:
    window = make_window(_hairball())
    window.state.move_cursor("2019-06-01")
    QApplication.processEvents()
    item = window.relations.canvas.edges_item
    assert item.edges is not None and len(item.edges.ids) > edges.SMOOTHED_UP_TO

    def shades_painted() -> int:
        """How many colours the item paints on white: a smoothed line's edges are of many shades, a plain one's few."""
        image = QImage(500, 400, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setTransform(item.deviceTransform(window.relations.canvas.viewportTransform()))
        item.paint(painter)
        painter.end()
        pixels = np.frombuffer(image.constBits(), np.uint32, count=image.width() * image.height())
        return len(np.unique(pixels))

    plain = shades_painted()
    assert item.edges is not None
    item.edges = build._take(item.edges, np.arange(edges.SMOOTHED_UP_TO // 4))
    smoothed = shades_painted()
    assert plain < 40 < smoothed
