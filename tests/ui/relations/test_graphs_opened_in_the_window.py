"""A graph file opened from a fresh window on the bundled dataset: a GraphML of the alliance's parties (ids it
shares with the bundled dataset) is framed whole, and the cursor dragged by hand changes its ties.

The panel framed a new dataset where the last one had drawn the ids both share: Nissan stood below the
panel's edge."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow

from ...conftest import REALDATA
from ..conftest import Hand
from ..window_reading import axis_labels, drag_cursor, open_by_hand

GRAPH = Path(__file__).parents[2] / "io" / "fixtures_tables" / "alliance.graphml"


def test_a_graphml_sharing_ids_with_the_last_dataset_is_framed_and_follows_the_cursor(
        qtbot: QtBot, hand: Hand, window: MainWindow) -> None:
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        window.open_path(str(GRAPH))
    panel, table = window.relations, window.relation_tools.table
    qtbot.wait(50)
    area = panel.canvas.viewport().rect()
    for entity in ("renault", "nissan", "france"):
        assert panel.is_placed(entity)
        assert area.contains(panel.node_pos(entity)), (entity, panel.node_pos(entity), area)
    assert sorted(table.visible_ids()) == ["e2", "e3", "e4"]  # after 8 Nov 2023: the 15% stake
    drag_cursor(qtbot, hand, window, 2020.0)
    assert window.state.cursor.year in (2019, 2020)
    assert sorted(table.visible_ids()) == ["e1", "e3", "e4"]  # the 43.4% stake of 2002-2023


def test_a_graph_without_events_hints_its_ties_dates_in_the_filter_boxes(qtbot: QtBot, window: MainWindow) -> None:
    """The From/To boxes hinted at a plain example (2019-12 to 2023) while the plot showed 1996 to 2024."""
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        window.open_path(str(GRAPH))
    bar = window.tools.filter_bar
    assert (bar.start.placeholderText(), bar.end.placeholderText()) == ("1996-01", "2023")


def test_a_gexf_of_ties_all_from_one_day_opens_on_days(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """No events, every tie from 2010-01-01 on: the window opened on an hour ("23:45 … 00:15")."""
    gexf = ('<?xml version="1.0" encoding="UTF-8"?><gexf xmlns="http://gexf.net/1.3" version="1.3">'
            '<graph mode="dynamic" timeformat="date" defaultedgetype="directed"><nodes><node id="a" label="Alpha"/>'
            '<node id="b" label="Beta"/><node id="c" label="Gamma"/></nodes><edges>'
            '<edge source="a" target="b" start="2010-01-01"/><edge source="b" target="c" start="2010-01-01"/>'
            '</edges></graph></gexf>')
    open_by_hand(qtbot, window, monkeypatch, tmp_path / "ties.gexf", text=gexf)
    labels = axis_labels(window)
    assert len([label for label in labels if ":" not in label]) >= 2, labels  # days ("Fri 01 Jan", "Sat 02 Jan")
    qtbot.waitUntil(lambda: len(window.relations.edge_labels()) == 2)


def test_a_gephi_graph_whose_edge_value_changes_shows_its_value_where_the_cursor_is_dragged(
        qtbot: QtBot, hand: Hand, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """Gephi's own example of a dynamic weight (values 15, 20, 25 over 2000-2015, on a clock of numbers): the tie had
    no value and no dates, and the cursor opened at 2015.3, where nothing held ("No relations hold")."""
    open_by_hand(qtbot, window, monkeypatch, REALDATA / "gexf" / "dynamics_openintervals_double.gexf")
    panel, table = window.relations, window.relation_tools.table
    qtbot.wait(20)
    assert panel.as_of.text() == "As of 2010"
    assert panel.edge_labels() == {("1", "2", "edge"): "25"}
    assert table.visible_ids() == ["e1#3"]
    view, viewport = window.timeline.view, window.timeline.plot.viewport()
    (_, _), (y0, y1) = view.viewRange()

    def at(tick: float) -> QPoint:  # (the clock's numbers are seconds on the plot's axis)
        return window.timeline.plot.mapFromScene(view.mapViewToScene(QPointF(tick, (y0 + y1) / 2)))

    hand.press(viewport, at(2010.0))
    hand.drag_to(viewport, at(2010.0), at(2002.5))
    hand.release(viewport, at(2002.5))
    qtbot.waitUntil(lambda: panel.edge_labels() == {("1", "2", "edge"): "15"}, timeout=3000)
    assert table.visible_ids() == ["e1"]
