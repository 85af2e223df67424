"""The relations valid at the cursor as a sortable table, in step with the graph and the selection.

Selecting a row selects its relation (so the graph highlights the edge, the details and history
panels show it); selecting an edge elsewhere selects its row. Source links open only when clicked,
and only for http(s).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd
from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QTableView, QVBoxLayout, QWidget

from viewer.model import validity
from viewer.ui.relations.table_rows import BLOCK, COLUMNS, LINK, TableRows, table_rows
from viewer.ui.shared.link_cell import open_link, safe
from viewer.ui.shared.plain_text import plain_tip
from viewer.ui.shared.state import Selection, ViewState

SORT_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1
URL_ROLE = Qt.ItemDataRole.UserRole + 2  # the whole link behind the short text shown
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 3  # what the filter box matches: the texts, full names, note, attributes
Index = QModelIndex | QPersistentModelIndex
_LINK_ROLES = frozenset({Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole, Qt.ItemDataRole.ToolTipRole})
_ANSWERED = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.TextAlignmentRole, SORT_ROLE, ID_ROLE, URL_ROLE,
                       SEARCH_ROLE}) | _LINK_ROLES
_VALUE = COLUMNS.index("Value")
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
__all__ = ["COLUMNS", "LINK", "RelationsModel", "RelationsTable", "table_rows"]


class RelationsModel(QAbstractTableModel):
    """The relations held at the cursor (rows: valid then, between entities that exist then) by :data:`COLUMNS`:
    their positions in the order shown, each row made when it is first asked for
    (:class:`~viewer.ui.relations.table_rows.TableRows`)."""

    def __init__(self, state: ViewState, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self._at = np.zeros(0, dtype=np.int64)  # the positions of the relations shown, in the order shown
        self._valid: tuple[pd.DataFrame, bytes] | None = None  # the relations and which of them the rows are
        self._order: tuple[int, Qt.SortOrder] | None = None  # the column the rows are sorted by, and how
        self._rows: TableRows | None = None  # the dataset's rows, made as they are asked for
        state.changed.connect(lambda fields: self.reload() if fields & {"cursor", "dataset"} else None)
        self.reload()

    def reload(self) -> None:
        """Read the relations valid at the cursor again, unless they are the ones shown: a cursor dragged
        where no tie starts or ends keeps the rows, their order and the selection as they are."""
        ds = self.state.dataset
        mask = validity.held_at(ds, self.state.cursor)  # (a tie of a company gone by then is gone, as in the graph)
        valid = mask.tobytes()
        if self._valid is not None and self._valid[0] is ds.relations and self._valid[1] == valid:
            return
        if self._rows is None or not self._rows.made_for(ds):
            self._rows = TableRows(ds)
        self.beginResetModel()
        self._at = self._sorted(np.flatnonzero(mask))
        self._valid = (ds.relations, valid)
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows by a column's keys, here in one sort of numpy's, ties kept in the order shown (the proxy
        sorting them asked ``data`` for both keys of each of its comparisons: 0.26 s at each cursor step over 5,000
        ties)."""
        self._order = (column, order) if 0 <= column < len(COLUMNS) else None
        self.beginResetModel()
        self._at = self._sorted(self._at)
        self.endResetModel()

    def _sorted(self, at: np.ndarray) -> np.ndarray:
        if self._order is None or self._rows is None or not len(at):
            return at
        column, order = self._order
        return self._rows.sorted(at, column, order == Qt.SortOrder.DescendingOrder)

    def _row(self, row: int) -> dict[str, Any]:
        """A row shown, made with those around it when it is the first asked for."""
        assert self._rows is not None
        found = self._rows.made.get(int(self._at[row]))
        if found is None:
            self._rows.rows(self._at[max(row - BLOCK // 2, 0): row + BLOCK // 2])
            found = self._rows.made[int(self._at[row])]
        return found

    def rows(self) -> list[dict[str, Any]]:
        """Every row shown, in order (all made: for tests and small tables)."""
        return [] if self._rows is None else self._rows.rows(self._at)

    def relation_id(self, row: int) -> str:
        """The relation id of a source row."""
        assert self._rows is not None
        return str(self._rows.ids[self._at[row]])

    def rows_of(self, relations: Iterable[str]) -> list[int]:
        """The source rows of these relation ids (those shown), in the order shown."""
        if self._rows is None or not len(self._at):
            return []
        where = np.full(len(self._rows.ids), -1, dtype=np.int64)
        where[self._at] = np.arange(len(self._at))
        found = (int(where[p]) for p in map(self._rows.position, relations) if p >= 0)
        return sorted(row for row in found if row >= 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own default
        """How many relations are valid at the cursor."""
        return 0 if parent.isValid() else len(self._at)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """The fixed columns."""
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text, sort keys, ids and link styling. A view asks each cell for eight roles at every repaint (the rows
        change as the cursor crosses a tie's dates): those the table has no answer for are refused first."""
        if role not in _ANSWERED or not index.isValid():
            return None
        column = index.column()
        if role == ID_ROLE:
            return self.relation_id(index.row())
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column == _VALUE else None
        if role in _LINK_ROLES and column != LINK:
            return None
        return _cell(self._row(index.row()), column, role)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Column names."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None


class RelationsTable(QWidget):
    """A filterable, sortable table of the relations valid at the cursor, linked to the selection."""

    def __init__(self, state: ViewState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.model = RelationsModel(state, self)  # owned by the panel: it goes when the window goes
        self.proxy = _ModelSorted(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(0)
        self.proxy.setFilterRole(SEARCH_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText("Filter relations…")
        self.filter.setAccessibleName("Filter relations")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.view = QTableView(self)
        self.view.setTabKeyNavigation(False)  # Tab leaves the table for the next field (the arrows walk its cells)
        self.view.setAccessibleName("Relations at the cursor")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(COLUMNS.index("Value"), Qt.SortOrder.DescendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 6)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # columns fit the rows in sight, not every row: with hundreds of relations at the cursor, Qt asked
        # each cell of each row for its size on every cursor move (10,000 calls, 0.17 s on the UI thread)
        header.setResizeContentsPrecision(0)
        header.setSectionResizeMode(LINK, QHeaderView.ResizeMode.Stretch)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.clicked.connect(self._on_clicked)
        self.view.selectionModel().selectionChanged.connect(self._on_rows_selected)
        self.model.modelReset.connect(lambda: self._on_selection(state.selection))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter)
        layout.addWidget(self.view, 1)
        state.selection_changed.connect(self._on_selection)
        self._on_selection(state.selection)

    def visible_ids(self) -> list[str]:
        """The relation ids in the order the table shows them (for tests)."""
        return [str(self.proxy.index(r, 0).data(ID_ROLE)) for r in range(self.proxy.rowCount())]

    def url_at(self, index: QModelIndex) -> str:
        """The whole source link of the row at ``index`` (the cell shows it shortened)."""
        return str(index.data(URL_ROLE) or "")

    def selected_ids(self) -> set[str]:
        """The relation ids of the selected rows."""
        return {str(i.data(ID_ROLE)) for i in self.view.selectionModel().selectedRows()}

    def _on_rows_selected(self, *_: QItemSelection) -> None:
        ids = self.selected_ids()
        if ids and ids != set(self.state.selection.relations):
            self.state.select(Selection(relations=frozenset(ids)))

    def _on_clicked(self, index: QModelIndex) -> None:
        if index.column() == LINK:
            url = self.url_at(index)
            if safe(url):
                open_link(url, self)

    def _on_selection(self, selection: Selection) -> None:
        """Select the rows of the selected relations (without echoing a selection back)."""
        model = self.view.selectionModel()
        if not selection.relations and not model.hasSelection():
            return  # (nothing to find among thousands of rows, at each cursor step)
        model.blockSignals(True)
        model.clearSelection()
        for row in self.model.rows_of(selection.relations):  # (by id, not by asking each of 100,000 rows)
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            if index.isValid():  # (a row the filter box hides stays unselected)
                flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
                model.select(index, flags)
                self.view.scrollTo(index)
        model.blockSignals(False)
        self.view.viewport().update()


class _ModelSorted(QSortFilterProxyModel):
    """The filter box's proxy, whose header clicks sort the model itself (:meth:`RelationsModel.sort`)."""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Hand the sort to the model; the proxy keeps its rows in the model's order."""
        model = self.sourceModel()
        if isinstance(model, RelationsModel):
            model.sort(column, order)


def _cell(row: dict[str, Any], column: int, role: int) -> Any:
    """What a made row answers for a column and role: text, sort key, link, search text or link styling."""
    if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
        return row["text" if role == Qt.ItemDataRole.DisplayRole else "sort"][column]
    if role in (SEARCH_ROLE, URL_ROLE):  # (one column holds the row's whole text)
        return row["url"] if role == URL_ROLE else row["search"] if column == 0 else ""
    return _link_data(role, row["url"]) if row["safe"] else None  # (parsed once per row: 0.1 ms a call for a long one)


def _link_data(role: int, url: str) -> Any:
    """How a source link looks: the palette's link colour (so it follows the theme), underlined, with a tooltip."""
    if role == Qt.ItemDataRole.ForegroundRole:
        return QGuiApplication.palette().color(QPalette.ColorRole.Link)
    if role == Qt.ItemDataRole.FontRole:
        font = QFont()
        font.setUnderline(True)
        return font
    return plain_tip(f"Open in your browser: {url}") if role == Qt.ItemDataRole.ToolTipRole else None
