"""A tool button whose popup is a searchable list of checkable values: pick several, it stays open.

The values live in a list model whose view asks only for the rows on screen: a widget item per value cost
14 µs to make, and every click walked all of them, so 200,000 distinct values (a column of places mapped as
the category) took 2.7 s to offer and 0.5 s a click. A search keeps the matching positions in a plain list.
A list may be offered later (:meth:`CheckMenuButton.offer_later`): made when it is first opened or read, not when
the dataset opens (ranking a register's 99,000 officers by name took 0.4 s of its first window).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QLineEdit, QListView, QMenu, QToolButton, QVBoxLayout, QWidget, QWidgetAction

ID_ROLE = Qt.ItemDataRole.UserRole
CHECK = Qt.ItemDataRole.CheckStateRole
Index = QModelIndex | QPersistentModelIndex


class Values(QAbstractListModel):
    """``(value, text)`` entries, each checked or not (a text is a label with its count); the rows are the
    entries a search leaves, in their order."""

    toggled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.values: list[str] = []
        self.texts: list[str] = []
        self.on: set[str] = set()
        self.rows: list[int] = []  # entries shown, by position
        self._known: set[str] = set()
        self._folded: list[str] | None = None  # texts in lower case, made at the first search

    def reset(self, entries: list[tuple[str, str, int]]) -> None:
        """Offer these ``(value, label, count)`` entries, none checked, all shown."""
        self.beginResetModel()
        self.values = [value for value, _label, _count in entries]
        self.texts = [f"{label}  ({count:,})" for _value, label, count in entries]
        self._known, self.on, self._folded = set(self.values), set(), None
        self.rows = list(range(len(self.values)))
        self.endResetModel()

    def narrow(self, text: str) -> None:
        """Show only the entries whose text holds ``text`` (any case); all for no text."""
        needle = text.strip().lower()
        if needle and self._folded is None:
            self._folded = [t.lower() for t in self.texts]
        self.beginResetModel()
        self.rows = ([i for i, folded in enumerate(self._folded) if needle in folded]
                     if needle and self._folded is not None else list(range(len(self.values))))
        self.endResetModel()

    def check_only(self, values: frozenset[str]) -> None:
        """Check exactly these (those offered), without saying so through ``toggled``."""
        on = {v for v in values if v in self._known}
        if on != self.on:
            self.on = on
            if self.rows:
                self.dataChanged.emit(self.index(0), self.index(len(self.rows) - 1), [CHECK])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.texts[entry]
        if role == CHECK:
            return Qt.CheckState.Checked if self.values[entry] in self.on else Qt.CheckState.Unchecked
        if role == ID_ROLE:
            return self.values[entry]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """A click on a row's box (Qt sends the new state as CheckStateRole)."""
        if role != CHECK or not index.isValid():
            return False
        name = self.values[self.rows[index.row()]]
        if (Qt.CheckState(value) == Qt.CheckState.Checked) == (name in self.on):
            return True
        self.on.symmetric_difference_update({name})
        self.dataChanged.emit(index, index, [CHECK])
        self.toggled.emit()
        return True

    def row_of(self, value: str) -> QModelIndex:
        """The row showing ``value`` (invalid when the search hides it or it is not offered)."""
        if value not in self._known:
            return QModelIndex()
        entry = self.values.index(value)
        shown = bisect.bisect_left(self.rows, entry)
        return self.index(shown) if shown < len(self.rows) and self.rows[shown] == entry else QModelIndex()


class CheckMenuButton(QToolButton):
    """``Actors ▾`` opening a checkable list; ``picked`` carries the checked values as a frozenset."""

    picked = Signal(object)  # frozenset[str]

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.setText(title)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        panel = QWidget(self)
        box = QVBoxLayout(panel)
        box.setContentsMargins(4, 4, 4, 4)
        self.search = QLineEdit(panel)
        self.search.setPlaceholderText(f"Find {title.lower()}…")
        self.search.setAccessibleName(f"Find {title.lower()}")
        self.search.setClearButtonEnabled(True)
        self.model = Values(self)
        self.list = QListView(panel)
        self.list.setModel(self.model)
        self.list.setUniformItemSizes(True)  # rows are not measured one by one
        self.list.setMinimumSize(260, 220)
        box.addWidget(self.search)
        box.addWidget(self.list)
        action = QWidgetAction(self)
        action.setDefaultWidget(panel)
        menu = QMenu(self)
        menu.addAction(action)
        self.setMenu(menu)
        self.search.textChanged.connect(self.model.narrow)
        self.model.toggled.connect(self._emit)
        menu.aboutToShow.connect(self._made)
        self._making: Callable[[], list[tuple[str, str, int]]] | None = None  # the entries, until first needed
        self._wanted: frozenset[str] = frozenset()  # checked while the entries are not made yet

    def set_values(self, values: list[tuple[str, str, int]]) -> None:
        """Offer ``(value, label, count)`` entries, all unchecked (the button is disabled when empty)."""
        self._making = None
        self.model.reset(values)
        self._offering(bool(values))

    def offer_later(self, make: Callable[[], list[tuple[str, str, int]]], any_values: bool) -> None:
        """Offer the entries ``make`` lists, all unchecked, made when the list is first opened or read; the button
        is disabled unless ``any_values``."""
        self.model.reset([])
        self._making, self._wanted = make, frozenset()
        self._offering(any_values)

    def checked(self) -> frozenset[str]:
        """The checked values."""
        return self._wanted if self._making is not None else frozenset(self.model.on)

    def set_checked(self, values: frozenset[str]) -> None:
        """Check exactly these values (without emitting ``picked``)."""
        if self._making is not None:
            self._wanted = values
        else:
            self.model.check_only(values)
        self._relabel()

    def offered(self) -> list[tuple[str, str]]:
        """Each offered ``(value, text)``, in the list's order."""
        self._made()
        return list(zip(self.model.values, self.model.texts, strict=True))

    def visible_texts(self) -> list[str]:
        """The texts the search leaves in the list, in its order."""
        self._made()
        return [self.model.texts[entry] for entry in self.model.rows]

    def row_of(self, value: str) -> QModelIndex:
        """Where ``value`` is in the list as shown (invalid when the search hides it or it is not offered)."""
        self._made()
        return self.model.row_of(value)

    def _offering(self, any_values: bool) -> None:
        self.setEnabled(any_values)
        self.setToolTip("" if any_values else f"This dataset has no {self.title.lower()}")
        self._relabel()

    def _made(self) -> None:
        """The entries offered later, made now (those checked meanwhile checked among them)."""
        if self._making is None:
            return
        make, self._making = self._making, None
        self.model.reset(make())
        self.model.narrow(self.search.text())
        self.model.check_only(self._wanted)
        self._relabel()

    def _relabel(self) -> None:
        n = len(self.checked())
        self.setText(f"{self.title} ({n})" if n else self.title)

    def _emit(self) -> None:
        self._relabel()
        self.picked.emit(self.checked())
