"""The relations valid at the cursor as a sortable table, in step with the graph and the selection.

Selecting a row selects its relation (so the graph highlights the edge, the details and history
panels show it); selecting an edge elsewhere selects its row. Source links open only when clicked,
and only for http(s).
"""

from __future__ import annotations

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
    QUrl,
)
from PySide6.QtGui import QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QTableView, QVBoxLayout, QWidget

from viewer.model import attributes, query, validity, value_bands
from viewer.model.clock import CALENDAR, format_instant
from viewer.model.dates import to_seconds
from viewer.model.graph import short_name
from viewer.model.value_labels import value_label
from viewer.ui.shared.link_cell import open_link, short_url
from viewer.ui.shared.state import Selection, ViewState

COLUMNS = ("Source", "Target", "Kind", "Value", "Since", "Until", "Source link")
LINK = COLUMNS.index("Source link")
NUMBERS = ("Value", "Since", "Until")  # columns whose sort keys are numbers (never nan: see table_rows)
SORT_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1
URL_ROLE = Qt.ItemDataRole.UserRole + 2  # the whole link behind the short text shown
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 3  # what the filter box matches: the texts, full names, note, attributes
SAFE_SCHEMES = ("http", "https")
Index = QModelIndex | QPersistentModelIndex


def table_rows(relations: pd.DataFrame, names: dict[str, str], when: object, clock: str = CALENDAR,
               made: dict[int, dict[str, Any]] | None = None, valid: np.ndarray | None = None) -> list[dict[str, Any]]:
    """One dict per relation valid at ``when``: display texts (dates, or numbers on a numeric clock) and sort keys.
    ``made``: the rows made before for these relations, names and clock, by position (kept up to date): a row
    does not change with the date, and a cursor step on a big graph made 3,000 of them again (70 ms). ``valid``: which
    relations hold at ``when``, when the caller knows."""
    made = {} if made is None else made
    at = np.flatnonzero(query.valid_mask(relations, when) if valid is None else valid).tolist()
    todo = [p for p in at if p not in made]
    if todo:
        made.update(zip(todo, _rows(relations.iloc[todo], names, clock), strict=True))
    return [made[p] for p in at]


def _rows(valid: pd.DataFrame, names: dict[str, str], clock: str) -> list[dict[str, Any]]:
    """The rows of these relations. Dates are worded once per distinct value (thousands of ties share a few
    hundred), names once in all (:func:`~viewer.model.graph.short_name` remembers them)."""
    rows = []
    extra = [c for c in valid.columns if c.startswith(attributes.PREFIX)] + [c for c in ("note",) if c in valid]
    written = value_bands.written(valid)  # a band or a bound as written ("25–50%") is shown as written
    dates: dict[tuple[object, str], str] = {}

    def dated(at: object, precision: str) -> str:
        key = (at, precision)
        return dates[key] if key in dates else dates.setdefault(key, format_instant(at, precision, clock))

    since_s, until_s = (np.asarray(to_seconds(valid[c]), dtype=float) for c in ("valid_from", "valid_to"))  # (once)
    columns = ["id", "source", "target", "kind", "value", "valid_from", "valid_from_precision", "valid_to",
               "valid_to_precision", "source_url", *extra]
    listed = {c: valid[c].astype(object).tolist() if str(valid[c].dtype) == "category" else valid[c].tolist()
              for c in columns}  # (plain lists, read by position: a record dict a row cost more than its work)
    for i, as_written in enumerate(written):
        r = {c: listed[c][i] for c in columns}
        value = float(r["value"])
        since, until = r["valid_from"], r["valid_to"]
        source, target = names.get(r["source"], r["source"]), names.get(r["target"], r["target"])
        text = (short_name(source), short_name(target), str(r["kind"]).replace("_", " "),
                as_written or value_label(str(r["kind"]), value),
                dated(since, str(r["valid_from_precision"])) if pd.notna(since) else "(earlier)",
                dated(until, str(r["valid_to_precision"])) if pd.notna(until) else "(open)",
                short_url(str(r["source_url"])))
        rows.append({
            "id": str(r["id"]), "url": str(r["source_url"]), "safe": _safe(str(r["source_url"])), "text": text,
            "search": " ".join([*text, source, target, *(str(r[c]) for c in extra if pd.notna(r[c]))]),
            "sort": (source.lower(), target.lower(), str(r["kind"]), -1.0 if np.isnan(value) else value,
                     -1e18 if np.isnan(since_s[i]) else float(since_s[i]),  # plain floats: Python sorts them
                     1e18 if np.isnan(until_s[i]) else float(until_s[i]), str(r["source_url"])),
        })
    return rows


class RelationsModel(QAbstractTableModel):
    """The relations valid at the cursor (rows) by :data:`COLUMNS`."""

    def __init__(self, state: ViewState, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self._rows: list[dict[str, Any]] = []
        self._valid: tuple[pd.DataFrame, bytes] | None = None  # the relations and which of them the rows are
        self._order: tuple[int, Qt.SortOrder] | None = None  # the column the rows are sorted by, and how
        self._made: tuple[tuple[object, ...], dict[str, str], dict[int, dict[str, Any]]] | None = None  # see reload
        state.changed.connect(lambda fields: self.reload() if fields & {"cursor", "dataset"} else None)
        self.reload()

    def reload(self) -> None:
        """Read the relations valid at the cursor again, unless they are the ones shown: a cursor dragged
        where no tie starts or ends keeps the rows, their order and the selection as they are."""
        ds = self.state.dataset
        mask = validity.valid_at(ds, self.state.cursor)
        valid = mask.tobytes()
        if self._valid is not None and self._valid[0] is ds.relations and self._valid[1] == valid:
            return
        made = self._made
        if made is None or any(a is not b for a, b in zip(made[0], (ds.relations, ds.entities, ds.meta), strict=True)):
            names = dict(zip(ds.entities["id"], ds.entities["name"].astype(str), strict=True))
            made = self._made = ((ds.relations, ds.entities, ds.meta), names, {})  # the rows made for this dataset
        self.beginResetModel()
        self._rows = self._sorted(table_rows(ds.relations, made[1], self.state.cursor, ds.meta.clock, made[2], mask))
        self._valid = (ds.relations, valid)
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows by a column's keys, here in one sort of Python's (the proxy sorting them asked ``data``
        for both keys of each of its comparisons: 0.26 s on the UI thread at each cursor step over 5,000 ties)."""
        self._order = (column, order) if 0 <= column < len(COLUMNS) else None
        self.beginResetModel()
        self._rows = self._sorted(self._rows)
        self.endResetModel()

    def _sorted(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The rows in the order asked; by a column of numbers (value, since, until) in numpy, as stable as Python's
        sort (400,000 rows of a big graph: 30 ms, not 0.4 s at each cursor step)."""
        if self._order is None:
            return rows
        column, order = self._order
        descending = order == Qt.SortOrder.DescendingOrder
        if COLUMNS[column] in NUMBERS and rows:
            keys = np.fromiter((row["sort"][column] for row in rows), dtype=float, count=len(rows))
            return [rows[i] for i in np.argsort(-keys if descending else keys, kind="stable").tolist()]
        return sorted(rows, key=lambda row: row["sort"][column], reverse=descending)

    def relation_id(self, row: int) -> str:
        """The relation id of a source row."""
        return str(self._rows[row]["id"])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own default
        """How many relations are valid at the cursor."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """The fixed columns."""
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text, sort keys, ids and link styling."""
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], index.column()
        if role == SEARCH_ROLE:
            return row["search"] if column == 0 else ""  # one column holds the row's whole text
        plain = {Qt.ItemDataRole.DisplayRole: row["text"], SORT_ROLE: row["sort"]}
        if role in plain:
            return plain[role][column]  # type: ignore[index]
        if role in (ID_ROLE, URL_ROLE):
            return row["id"] if role == ID_ROLE else row["url"]
        if column == LINK and row["safe"]:  # parsed once per row: a long link took 0.1 ms at every call
            return _link_data(role, row["url"])
        right = role == Qt.ItemDataRole.TextAlignmentRole and column == COLUMNS.index("Value")
        return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter) if right else None

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
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.view = QTableView(self)
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
            if _safe(url):
                open_link(url, self)

    def _on_selection(self, selection: Selection) -> None:
        """Select the rows of the selected relations (without echoing a selection back)."""
        model = self.view.selectionModel()
        if not selection.relations and not model.hasSelection():
            return  # (nothing to find among thousands of rows, at each cursor step)
        model.blockSignals(True)
        model.clearSelection()
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if str(index.data(ID_ROLE)) in selection.relations:
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


def _link_data(role: int, url: str) -> Any:
    """How a source link looks: the palette's link colour (so it follows the theme), underlined, with a tooltip."""
    font = QFont()
    font.setUnderline(True)
    link = QGuiApplication.palette().color(QPalette.ColorRole.Link)
    return {Qt.ItemDataRole.ForegroundRole: link, Qt.ItemDataRole.FontRole: font,
            Qt.ItemDataRole.ToolTipRole: f"Open in your browser: {url}"}.get(role)  # type: ignore[call-overload]


def _safe(url: str) -> bool:
    return bool(url) and QUrl(url).scheme().lower() in SAFE_SCHEMES
