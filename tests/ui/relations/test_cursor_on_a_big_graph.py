"""The cursor dragged by hand across a big graph (a focused view): at every stop, there and back, the panel and the
table of relations show what a fresh reading of the same data gives at that date.

A cursor step on 3,000 entities made every node, edge and table row again and focused the whole graph again even
where no tie starts or ends (p95 of a step 123-146 ms); they are now made once per dataset and reused. These tests
hold the reuse to the answers made from nothing."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from viewer.model import graph, graph_positions, query
from viewer.model.dataset import Dataset, Tables, build_dataset
from viewer.model.graph_focus import FocusView, focus, needs_focus
from viewer.ui.relations.table import SORT_ROLE, table_rows
from viewer.ui.relations.table_rows import BLOCK, COLUMNS
from viewer.ui.shared.state import Selection, ViewState
from viewer.ui.shell.main_window import MainWindow

from ..conftest import Hand
from ..window_reading import drag_cursor

NODES, EDGES = 400, 900


def _tables() -> Tables:
    """Ties starting a month apart over 2019, a third ending a quarter later; stakes with a value or none."""
    rng = np.random.default_rng(7)
    entities = pd.DataFrame({"id": [f"o{i}" for i in range(NODES)], "name": [f"Org {i}" for i in range(NODES)]})
    starts = [f"2019-{1 + i % 12:02d}-01" for i in range(EDGES)]
    ends = [f"2019-{4 + i % 9:02d}-15" if i % 3 == 0 and i % 12 < 9 else "" for i in range(EDGES)]
    relations = pd.DataFrame({"id": [f"e{i}" for i in range(EDGES)],
                              "source": [f"o{i}" for i in rng.integers(0, NODES, EDGES)],
                              "target": [f"o{i}" for i in rng.integers(0, NODES, EDGES)],
                              "kind": ["equity_stake" if i % 2 else "partnership" for i in range(EDGES)],
                              "value": ["" if i % 4 == 1 else str(5 + i % 40) for i in range(EDGES)],
                              "valid_from": starts, "valid_to": ends})
    relations = relations[relations["source"] != relations["target"]]
    return Tables(pd.DataFrame({"id": ["x"], "start": ["2019-01-01"], "end": ["2019-12-31"], "title": ["Year"]}),
                  entities, relations)


@pytest.fixture
def big_window(qtbot: QtBot, make_window: Callable[..., MainWindow]) -> MainWindow:
    window = make_window(ViewState(build_dataset(_tables())))
    qtbot.wait(50)
    return window


def _edge_rows(view: graph.GraphView) -> list[tuple[object, ...]]:
    """An edge's fields, nan written as text (nan is not equal to itself)."""
    return sorted((e.id, e.source, e.target, e.kind, "nan" if np.isnan(e.value) else e.value, e.label, e.width,
                   e.lane) for e in view.edges)


def _as_fresh(window: MainWindow, fresh: Dataset) -> None:
    """The window at its cursor shows what the same data read afresh shows there."""
    when = window.state.cursor
    ds = window.state.dataset
    table = window.relation_tools.table
    valid = query.relations_at(fresh.relations, when)
    assert sorted(table.visible_ids()) == sorted(valid["id"].astype(str))
    names = dict(zip(fresh.entities["id"], fresh.entities["name"].astype(str), strict=True))
    made = {row["id"]: (row["text"], row["sort"]) for row in table_rows(fresh.relations, names, when, ds.meta.clock)}
    shown = {row["id"]: (row["text"], row["sort"]) for row in table.model.rows()}
    assert shown == made
    whole = graph.graph_at(fresh, when)
    assert _edge_rows(graph.graph_at(ds, when)) == _edge_rows(whole)
    assert window.relations.focusing.active == needs_focus(whole)
    drawn = focus(whole, fresh.entities).view if needs_focus(whole) else whole
    assert window.relations.node_ids() == drawn.node_ids()


def test_the_cursor_dragged_there_and_back_shows_what_a_fresh_reading_shows(
        qtbot: QtBot, hand: Hand, big_window: MainWindow) -> None:
    fresh = build_dataset(_tables())  # the same data, none of its answers remembered
    big_window.state.move_cursor("2019-01-10")
    qtbot.wait(20)
    focused = []
    for year in (2019.3, 2019.32, 2019.55, 2019.8, 2019.97, 2019.56, 2019.2, 2019.9, 2019.05):
        drag_cursor(qtbot, hand, big_window, year)
        _as_fresh(big_window, fresh)
        focused.append(big_window.relations.focusing.active)
    assert focused.count(True) >= 5 and not focused[-1]  # the graph is big at most stops, small in January


def test_a_step_remakes_only_what_changed() -> None:
    """Ties held at both dates keep their edges and table rows (the very objects); the focused view is not made again
    where no tie starts or ends."""
    ds = build_dataset(_tables())
    may, june = graph.graph_at(ds, "2019-05-20"), graph.graph_at(ds, "2019-06-20")
    before = {e.id: e for e in may.edges}
    kept = [e for e in june.edges if e.id in before]
    assert len(kept) > 100 and all(before[e.id] is e for e in kept)
    names = dict(zip(ds.entities["id"], ds.entities["name"].astype(str), strict=True))
    made: dict[int, dict[str, object]] = {}
    first = {row["id"]: row for row in table_rows(ds.relations, names, "2019-05-20", made=made)}
    second = table_rows(ds.relations, names, "2019-06-20", made=made)
    assert sum(row is first.get(str(row["id"])) for row in second) > 100


def test_a_cursor_step_where_no_tie_starts_or_ends_keeps_the_focused_view(
        qtbot: QtBot, hand: Hand, big_window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    from viewer.ui.relations import focusing
    big_window.state.move_cursor("2019-06-03")
    qtbot.wait(20)
    assert big_window.relations.focusing.active
    shown = big_window.relations.node_ids()
    asked: list[object] = []

    def counted(*args: Any, **kwargs: Any) -> FocusView:
        asked.append(args)
        return focus(*args, **kwargs)

    monkeypatch.setattr(focusing, "focus", counted)
    drag_cursor(qtbot, hand, big_window, 2019 + 162 / 365)  # 12 June: ties start on the 1st and end on the 15th
    assert big_window.state.cursor.month == 6 and 5 <= big_window.state.cursor.day <= 14
    assert asked == [] and big_window.relations.node_ids() == shown
    assert big_window.relations.as_of.text().startswith("As of") and "Jun" in big_window.relations.as_of.text()
    drag_cursor(qtbot, hand, big_window, 2019 + 200 / 365)  # 20 July: new ties
    assert asked  # (once a month passed on the way)


def test_a_graph_too_big_for_one_layout_lays_out_each_view_on_its_own(
        qtbot: QtBot, hand: Hand, make_window: Callable[..., MainWindow], monkeypatch: pytest.MonkeyPatch) -> None:
    """Above graph_positions.LAYOUT_MOST tied entities no layout of every date is made (half a million entities took
    seven minutes to open): a view small enough to show whole is laid out alone, nodes apart and in the panel, and
    kept while the cursor moves where its entities stay the same."""
    monkeypatch.setattr(graph_positions, "LAYOUT_MOST", 100)
    ds = build_dataset(_tables())
    assert graph_positions.dataset_layout(ds) == {}
    window = make_window(ViewState(ds))
    window.state.move_cursor("2019-01-10")  # January's ties alone: a view shown whole
    qtbot.wait(600)  # (its nodes glide to their places)
    panel = window.relations
    assert not panel.focusing.active and len(panel.node_ids()) > 20
    points = {key: panel.node_pos(key) for key in panel.node_ids()}
    area = panel.canvas.viewport().rect()
    assert all(area.contains(p) for p in points.values())
    closest = min((a - b).manhattanLength() for i, a in enumerate(points.values())
                  for b in list(points.values())[i + 1:])
    assert closest >= 6  # (61 pairs, each apart from the others on a spiral)
    drag_cursor(qtbot, hand, window, 2019 + 20 / 365)  # 21 January: no tie starts or ends since the 10th
    qtbot.wait(600)
    assert {key: panel.node_pos(key) for key in panel.node_ids()} == points


def test_a_graph_within_the_limit_keeps_one_layout_of_all_its_dates() -> None:
    ds = build_dataset(_tables())
    positions = graph_positions.dataset_layout(ds)
    assert len(positions) == len(set(ds.relations["source"]) | set(ds.relations["target"]))


def test_an_event_selected_with_the_keys_brings_its_parties_into_the_frame(
        qtbot: QtBot, make_window: Callable[..., MainWindow]) -> None:
    """Selecting an event centres the focused view on its actors, laid out anew: the frame follows. Before, it kept
    the last view's, and an actor stood above the panel's edge, its tie coming in from nowhere."""
    events = pd.DataFrame({"id": [f"ev{i}" for i in range(6)], "title": [f"Meeting {i}" for i in range(6)],
                           "start": [f"2019-12-{2 + i:02d}" for i in range(6)],
                           "actors": [f"o{7 * i + 1};o{50 * i + 3}" for i in range(6)]})
    window = make_window(ViewState(build_dataset(dataclasses.replace(_tables(), events=events))))
    window.state.move_cursor("2019-12-20")
    qtbot.wait(50)
    panel = window.relations
    assert panel.focusing.active
    window.timeline.setFocus()
    for key in (Qt.Key.Key_Home, Qt.Key.Key_Right, Qt.Key.Key_Right, Qt.Key.Key_Right, Qt.Key.Key_End):
        qtbot.keyClick(window.timeline, key)
        qtbot.wait(600)  # (its nodes glide to their places)
        actors = set(window.state.dataset.events.set_index("id").loc[next(iter(window.state.selection.events)),
                                                                        "actors"].split(";"))
        area = panel.canvas.viewport().rect()
        assert actors <= panel.node_ids()
        assert all(area.contains(panel.node_pos(key)) for key in panel.node_ids()), key
        # what is framed is the view shown, placed where its layout put it (not the last view's places)
        shown = {tuple(np.round(panel._shown[key], 9)) for key in panel.node_ids()}
        assert {tuple(xy) for xy in np.round(panel.canvas.framed, 9)} == shown, key


def test_the_table_makes_the_rows_in_sight_and_finds_a_selected_one_far_below(
        qtbot: QtBot, hand: Hand, big_window: MainWindow) -> None:
    """A step lists the relations valid then by position and sorts them by a column's keys: only the rows someone
    looks at are made (a step over 150,000 ties made and sorted a dict for each, 75 ms). A relation selected
    elsewhere is still found, its row selected and brought into sight."""
    table = big_window.relation_tools.table
    big_window.relation_tools.table_dock.show()
    table.view.sortByColumn(COLUMNS.index("Value"), Qt.SortOrder.DescendingOrder)
    drag_cursor(qtbot, hand, big_window, 2019.8)
    model = table.model
    rows = model.rowCount()
    assert rows > 2 * BLOCK
    made = model._rows.made if model._rows is not None else {}
    assert 0 < len(made) <= BLOCK  # the rows in sight and those around them, not the hundreds valid
    last = model.relation_id(rows - 1)  # the smallest stake (or none): last in the order shown
    big_window.state.select(Selection(relations=frozenset({last})))
    qtbot.wait(20)
    assert table.selected_ids() == {last}
    bottom = table.proxy.mapFromSource(model.index(rows - 1, 0))
    assert table.view.viewport().rect().intersects(table.view.visualRect(bottom))
    keys = [row["sort"][COLUMNS.index("Value")] for row in model.rows()]  # (every row made now)
    assert keys == sorted(keys, reverse=True)


def test_the_filter_box_reads_every_row_valid_even_those_never_in_sight(qtbot: QtBot, hand: Hand,
                                                                        big_window: MainWindow) -> None:
    """Rows are made as they are asked for; typing in the filter box asks for all of them, and the rows it keeps are
    those whose texts hold what was typed, as the rows made afresh say, sorted by a header clicked by hand."""
    table = big_window.relation_tools.table
    big_window.relation_tools.table_dock.show()
    drag_cursor(qtbot, hand, big_window, 2019.8)
    header = table.view.horizontalHeader()
    column = COLUMNS.index("Target")
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(column) + 5, header.height() // 2))
    table.filter.setFocus()
    QTest.keyClicks(table.filter, "org 17")
    ds = big_window.state.dataset
    names = dict(zip(ds.entities["id"], ds.entities["name"].astype(str), strict=True))
    expected = [row for row in table_rows(ds.relations, names, big_window.state.cursor, ds.meta.clock)
                if "org 17" in row["search"].lower()]
    assert 0 < len(expected) < 100
    shown = table.visible_ids()
    assert sorted(shown) == sorted(row["id"] for row in expected)
    targets = [str(table.proxy.index(r, column).data(SORT_ROLE)) for r in range(table.proxy.rowCount())]
    assert targets == sorted(targets) or targets == sorted(targets, reverse=True)
