"""Compare mode's list of changes: one row a change (the relation, its value, the event that brought it about), as a
model over the diff's columns whose rows' texts are made when first shown.

A cursor step in Compare mode on 4,000 ties listed 2,400 changes: a tree item each, with its names, icon, tooltip and
link made and the list cleared and filled again, 60 ms a step. The model takes the diff's columns as arrays, and a
view asks only for the rows in sight. Each name sits in an isolate (U+2068 … U+2069) with its overrides written out,
as Details writes them: a name holding U+202E turned its whole row round ("7n → oC desreveR").
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QIcon
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableView, QWidget

from viewer.model import reversed_text
from viewer.model.graph import short_name
from viewer.ui.relations.legend import swatch
from viewer.ui.shared.plain_text import plain_tip
from viewer.ui.shared.theme import Theme, current

RELATION, VALUE, EVENT = range(3)
HEADERS = ("Relation", "Value", "Because of")
ID_ROLE = Qt.ItemDataRole.UserRole  # a row's drawn edge (Relation) or its event (Because of)
CHANGE_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


def isolated(name: str) -> str:
    """A name as a row shows it among other words: its direction overrides written as their code points (as Details
    writes them) and the whole inside an isolate, so that neither an override nor a right-to-left name can turn the
    row round.

    >>> isolated("Acme\u202e Ltd") == "\u2068Acme<U+202E> Ltd\u2069"
    True
    """
    return f"\u2068{reversed_text.shown(name)}\u2069"


def change_icon(change: str, theme: Theme) -> QIcon:
    """A short line in the change's colour (dashed when removed, plain grey when renewed)."""
    style = Qt.PenStyle.DashLine if change == "removed" else Qt.PenStyle.SolidLine
    return QIcon(swatch(theme.changes.get(change, theme.axis_text), style, 3.0))


def causes(events: pd.DataFrame, named: pd.Series) -> tuple[np.ndarray, dict[str, str]]:
    """For each change, the first of its events (``;``-separated ids) the dataset has, "" for none; and the titles
    of those events by id (only theirs: a million events' titles put in a dict for every comparison)."""
    text = named.astype(str).to_numpy(dtype=object)
    distinct = pd.unique(text).tolist()  # (most changes name no event, or one of a few)
    wanted = {e for ids in distinct for e in ids.split(";") if e}
    if not wanted or events.empty:
        return np.full(len(text), "", dtype=object), {}
    found = events[events["id"].isin(wanted)]
    titles = dict(zip(found["id"].astype(str).tolist(), found["title"].astype(str).tolist(), strict=True))
    first = {ids: next((e for e in ids.split(";") if e in titles), "") for ids in distinct}
    return np.array([first[ids] for ids in text.tolist()], dtype=object).reshape(-1), titles


class ChangesModel(QAbstractTableModel):
    """The listed changes of one comparison, in the diff's order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.theme = current()
        empty = np.zeros(0, dtype=object)
        self._columns: dict[str, np.ndarray] = dict.fromkeys(("change", "source", "target", "kind", "edge", "label",
                                                              "event"), empty)
        self._names: dict[str, str] = {}
        self._titles: dict[str, str] = {}
        self._made: dict[int, tuple[str, str]] = {}  # a row's relation text and tooltip, once shown
        self._icons: dict[str, QIcon] = {}

    def show(self, rows: pd.DataFrame, names: dict[str, str], events: pd.DataFrame) -> None:
        """List these rows of a diff's table (its ``change``, ``source``, ``target``, ``kind``, ``edge``, ``label`` and
        ``events``), names by entity id, the events' titles from ``events``."""
        self.beginResetModel()
        self._columns = {c: rows[c].astype(str).to_numpy(dtype=object)
                         for c in ("change", "source", "target", "kind", "edge", "label")}
        self._columns["event"], self._titles = causes(events, rows["events"])
        self._names, self._made = names, {}
        self.endResetModel()

    def set_theme(self, theme: Theme) -> None:
        """Colour the icons and event links for ``theme``."""
        self.theme, self._icons = theme, {}
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, len(HEADERS) - 1))

    def values(self) -> list[str]:
        """The distinct values listed (what the Value column must be wide enough for)."""
        return pd.unique(self._columns["label"]).tolist()

    def counts(self) -> dict[str, int]:
        """How many rows of each change."""
        kinds, counts = np.unique(self._columns["change"].astype(str), return_counts=True)
        return dict(zip(kinds.tolist(), counts.tolist(), strict=True))

    def edge_of(self, row: int) -> str:
        """The drawn edge of a row."""
        return str(self._columns["edge"][row])

    def event_of(self, row: int) -> str:
        """The event that brought a row's change about, or ""."""
        return str(self._columns["event"][row])

    def rows_of(self, edges: frozenset[str]) -> np.ndarray:
        """The rows of these edges."""
        return np.flatnonzero(np.isin(self._columns["edge"], list(edges))) if edges else np.zeros(0, dtype=np.int64)

    def rows(self) -> list[tuple[str, str, str, str]]:
        """(change, relation, value, event title) of every row."""
        return [(str(self._columns["change"][r]), self._relation(r)[0], str(self._columns["label"][r]),
                 self._titles.get(self.event_of(r), "")) for r in range(self.rowCount())]

    def _relation(self, row: int) -> tuple[str, str]:
        found = self._made.get(row)
        if found is None:
            source, target = (self._names.get(key, key) for key in (self._columns["source"][row],
                                                                    self._columns["target"][row]))
            kind = str(self._columns["kind"][row]).replace("_", " ")
            found = self._made[row] = (f"{isolated(short_name(source))} → {isolated(short_name(target))}",
                                       f"{self._columns['change'][row]}: {isolated(source)} → {isolated(target)} "
                                       f"({kind})")
        return found

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own default
        """How many changes are listed."""
        return 0 if parent.isValid() else len(self._columns["edge"])

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Relation, value, the event."""
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """A cell's text, icon, tooltip, link style and ids."""
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if column == RELATION:
            return self._relation_data(row, role)
        if column == VALUE:
            return str(self._columns["label"][row]) if role == Qt.ItemDataRole.DisplayRole else None
        return self._event_data(row, role)

    def _relation_data(self, row: int, role: int) -> Any:
        change = str(self._columns["change"][row])
        if role == Qt.ItemDataRole.DecorationRole:
            if change not in self._icons:
                self._icons[change] = change_icon(change, self.theme)
            return self._icons[change]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._relation(row)[0]
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(self._relation(row)[1])
        if role == ID_ROLE:
            return self.edge_of(row)
        return change if role == CHANGE_ROLE else None

    def _event_data(self, row: int, role: int) -> Any:
        event = self.event_of(row)
        title = self._titles.get(event, "")
        if role == Qt.ItemDataRole.DisplayRole:
            return reversed_text.shown(title)
        if role == ID_ROLE:
            return event
        if not event:
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(self.theme.link))
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setUnderline(True)
            return font
        return plain_tip(f"Select the event: {reversed_text.shown(title)}") if role == Qt.ItemDataRole.ToolTipRole \
            else None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Column names."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None


def changes_view(model: ChangesModel, parent: QWidget) -> QTableView:
    """The list's view: rows of one line, names and event titles sharing what the values leave, elided (tooltips
    hold them whole). A table, not a tree: a tree view lays out every row at each cursor step, a table those in
    sight."""
    view = QTableView(parent)
    view.setModel(model)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.setMouseTracking(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setAccessibleName("Changes between the two dates")
    rows = view.verticalHeader()
    rows.hide()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(view.fontMetrics().height() + 6)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setSectionResizeMode(RELATION, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(VALUE, QHeaderView.ResizeMode.Fixed)  # (as wide as the values: see fit_values)
    header.setSectionResizeMode(EVENT, QHeaderView.ResizeMode.Stretch)
    header.setStretchLastSection(False)
    return view


def fit_values(view: QTableView, model: ChangesModel) -> None:
    """Make the values' column as wide as the widest value listed: measured once a distinct value, not asked of every
    row as Qt's own fitting asks (a thousand rows, each cell for each of its roles, at every cursor step)."""
    metrics = view.fontMetrics()
    widest = max(metrics.horizontalAdvance(text) for text in [HEADERS[VALUE], *model.values()])
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin)
    view.horizontalHeader().resizeSection(VALUE, widest + 2 * margin + 12)
