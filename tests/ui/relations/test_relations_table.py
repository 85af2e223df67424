"""The table of relations valid at the cursor: sortable, filterable, in step with the selection."""

from __future__ import annotations

import collections

import pandas as pd
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDockWidget, QMenu
from pytestqt.qtbot import QtBot

from viewer.model.dataset import Tables, build_dataset
from viewer.ui.relations.table import COLUMNS, SEARCH_ROLE, SORT_ROLE, RelationsTable
from viewer.ui.relations.tools import HISTORY_DOCK, TABLE_DOCK
from viewer.ui.shared.state import Selection, ViewState
from viewer.ui.shell.main_window import MainWindow


def shown_table(qtbot: QtBot, state: ViewState, height: int = 400) -> RelationsTable:
    widget = RelationsTable(state)
    qtbot.addWidget(widget)
    widget.resize(700, height)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def table(qtbot: QtBot, state: ViewState) -> RelationsTable:
    widget = shown_table(qtbot, state)
    state.move_cursor("2023-11-09")
    return widget


def _texts(table: RelationsTable, column: str) -> list[str]:
    col = COLUMNS.index(column)
    return [str(table.proxy.index(r, col).data()) for r in range(table.proxy.rowCount())]


def test_the_table_lists_the_relations_valid_at_the_cursor(table: RelationsTable, state: ViewState) -> None:
    ids = set(table.visible_ids())
    assert {"R04", "R05", "R08"} <= ids and "R03" not in ids
    state.move_cursor("2022-12-31")
    assert "R03" in table.visible_ids() and "R05" not in table.visible_ids()


def test_the_table_sorts_by_value_as_numbers(table: RelationsTable) -> None:
    table.view.sortByColumn(COLUMNS.index("Value"), Qt.SortOrder.DescendingOrder)
    values = [v for v in _texts(table, "Value") if v]
    assert values[0] == "100%"
    numbers = [float(v.rstrip("%")) for v in values]
    assert numbers == sorted(numbers, reverse=True)
    table.view.sortByColumn(COLUMNS.index("Since"), Qt.SortOrder.AscendingOrder)
    assert _texts(table, "Since")[0] == "(earlier)" or _texts(table, "Since")[0].endswith("1999")


def test_clicking_a_row_selects_its_relation(qtbot: QtBot, table: RelationsTable, state: ViewState) -> None:
    row = table.visible_ids().index("R05")
    rect = table.view.visualRect(table.proxy.index(row, 0))
    qtbot.mouseClick(table.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert state.selection == Selection(relations=frozenset({"R05"}))


def test_selecting_an_edge_elsewhere_selects_its_row_and_survives_a_resort(table: RelationsTable,
                                                                         state: ViewState) -> None:
    state.select(Selection(relations=frozenset({"R04"})))
    assert table.selected_ids() == {"R04"}
    table.view.sortByColumn(COLUMNS.index("Target"), Qt.SortOrder.AscendingOrder)
    assert table.selected_ids() == {"R04"}
    state.select(Selection(events=frozenset({"E067"})))
    assert table.selected_ids() == set()


def test_the_filter_box_narrows_the_rows(table: RelationsTable) -> None:
    table.filter.setText("french trust")
    assert set(table.visible_ids()) == {"R05", "R06", "R08"}  # R08's note tells of the French trust


def test_the_filter_box_matches_notes_full_names_and_imported_attributes(qtbot: QtBot) -> None:
    relations = pd.DataFrame({"id": ["r1", "r2"], "source": ["a", "a"], "target": ["b", "c"],
                              "kind": ["equity_stake", "edge"], "value": [30.0, 2.0], "note": ["", "via a trust"],
                              "Deal": ["Project Falcon", ""]})
    entities = pd.DataFrame({"id": ["a", "b", "c"], "name": ["Alpha Holdings International", "Beta", "Gamma"]})
    state = ViewState(build_dataset(Tables(pd.DataFrame({"start": ["2020"]}), entities, relations)))
    widget = RelationsTable(state)
    qtbot.addWidget(widget)
    values = sorted(widget.view.model().index(i, COLUMNS.index("Value")).data() for i in range(2))
    assert values == ["2", "30%"]  # a stake is a percentage, a weight is not
    for text, expected in (("falcon", {"r1"}), ("via a trust", {"r2"}), ("holdings international", {"r1", "r2"})):
        qtbot.keyClicks(widget.filter, text)
        assert set(widget.visible_ids()) == expected, text
        widget.filter.clear()


def test_the_history_and_the_table_are_named_tabbed_docks_in_the_view_menu(window: MainWindow) -> None:
    tools = window.relation_tools
    names = {d.objectName() for d in window.findChildren(QDockWidget)}
    assert {HISTORY_DOCK, TABLE_DOCK} <= names
    assert window.tabifiedDockWidgets(tools.history_dock) == [tools.table_dock]
    assert window.dockWidgetArea(tools.history_dock) == window.dockWidgetArea(window.details_dock)
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    assert isinstance(view_menu, QMenu)
    assert tools.table_dock.toggleViewAction() in view_menu.actions()


def test_moving_the_cursor_over_hundreds_of_relations_asks_only_the_rows_in_sight(qtbot: QtBot,
                                                                                monkeypatch) -> None:
    from viewer.ui.relations.table import RelationsModel
    n = 600
    entities = pd.DataFrame({"id": [f"c{i}" for i in range(n + 1)], "name": [f"Company {i}" for i in range(n + 1)]})
    relations = pd.DataFrame({"id": [f"R{i}" for i in range(n)], "source": [f"c{i}" for i in range(n)],
                              "target": [f"c{i + 1}" for i in range(n)], "kind": "equity_stake",
                              "value": [str(1 + i % 90) for i in range(n)], "valid_from": "2001", "valid_to": ""})
    state = ViewState(build_dataset(Tables(pd.DataFrame({"start": ["2000", "2010"]}), entities, relations)))
    asked: list[int] = []
    original = RelationsModel.data

    def counted(self: RelationsModel, index: object, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        asked.append(role)
        return original(self, index, role)  # type: ignore[arg-type]

    monkeypatch.setattr(RelationsModel, "data", counted)  # before Qt sees the class
    widget = shown_table(qtbot, state, 300)
    state.move_cursor("2000-06-01")  # before every tie: no rows
    qtbot.wait(20)
    assert widget.proxy.rowCount() == 0
    asked.clear()
    state.move_cursor("2005-06-01")
    qtbot.wait(20)  # the view lays out and paints the rows in sight
    assert widget.proxy.rowCount() == n
    # sizing the columns to every row asked each cell for its text, font and size (~60 calls a row): the columns
    # fit the rows in sight; the proxy's sort asked both rows of each comparison for its key (~15 a row, 0.26 s a
    # cursor step over 5,000 ties): the model sorts its rows itself. The filter asks each row once.
    calls = collections.Counter(asked)
    assert calls[SORT_ROLE] == 0 and calls[SEARCH_ROLE] <= n and len(asked) < 8 * n, calls


def test_a_cursor_moving_where_no_tie_starts_or_ends_keeps_the_rows_and_the_selected_row(
        qtbot: QtBot, window: MainWindow, state: ViewState) -> None:
    """Dragging the cursor reset the table at every step, though the same relations held: the rows were
    read again, sorted again and the view scrolled back. Now it is read again only when they change."""
    table = window.findChild(RelationsTable)
    assert isinstance(table, RelationsTable)
    state.move_cursor("2021-03-01")
    qtbot.wait(20)
    resets: list[int] = []
    table.model.modelReset.connect(lambda: resets.append(1))
    before = table.visible_ids()
    state.select(Selection(relations=frozenset({before[0]})))
    for day in ("2021-03-02", "2021-03-05", "2021-03-20"):  # no tie of the alliance starts or ends here
        state.move_cursor(day)
        qtbot.wait(10)
    assert not resets and table.visible_ids() == before and table.selected_ids() == {before[0]}
    state.move_cursor("2023-11-09")  # across the 2023 restructuring: other ties, read again
    qtbot.wait(20)
    assert resets and "R05" in table.visible_ids() and table.visible_ids() != before


def test_a_click_on_a_header_sorts_by_it_and_a_second_click_the_other_way(qtbot: QtBot, table: RelationsTable) -> None:
    header = table.view.horizontalHeader()
    column = COLUMNS.index("Source")
    at = QPoint(header.sectionViewportPosition(column) + header.sectionSize(column) // 2, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=at)
    first = [t.lower() for t in _texts(table, "Source")]
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=at)
    second = [t.lower() for t in _texts(table, "Source")]
    assert len(set(first)) > 2 and {tuple(first), tuple(second)} == {tuple(sorted(first)), tuple(sorted(first,
                                                                                                     reverse=True))}


@pytest.mark.parametrize("column", COLUMNS)
@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
def test_sorting_by_a_column_keeps_ties_in_their_order_as_python_sorts(
        table: RelationsTable, column: str, order: Qt.SortOrder) -> None:
    """A column of numbers is sorted in numpy (a big graph's 400,000 rows at each step): the same order, ties
    included, as Python's stable sort gives."""
    model = table.model
    plain = model.rows()  # the rows in their order before this sort
    index = COLUMNS.index(column)
    table.view.sortByColumn(index, order)
    blank = [row for row in plain if column == "Value" and not row["text"][index]]  # (no value: last either way)
    expected = sorted([row for row in plain if row not in blank], key=lambda row: row["sort"][index],
                      reverse=order == Qt.SortOrder.DescendingOrder) + blank
    shown = [table.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole + 1) for r in range(table.proxy.rowCount())]
    assert shown == [row["id"] for row in expected]
    assert len({row["sort"][index] for row in plain}) < len(plain)  # (ties there are)
