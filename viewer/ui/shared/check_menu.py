"""A tool button whose popup is a searchable list of checkable values: pick several, it stays open."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

ID_ROLE = Qt.ItemDataRole.UserRole


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
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget(panel)
        self.list.setMinimumSize(260, 220)
        box.addWidget(self.search)
        box.addWidget(self.list)
        action = QWidgetAction(self)
        action.setDefaultWidget(panel)
        menu = QMenu(self)
        menu.addAction(action)
        self.setMenu(menu)
        self.search.textChanged.connect(self._narrow)
        self.list.itemChanged.connect(lambda _item: self._emit())
        self._quiet = False

    def set_values(self, values: list[tuple[str, str, int]]) -> None:
        """Offer ``(value, label, count)`` entries, all unchecked (the button is disabled when empty)."""
        self._quiet = True
        try:
            self.list.clear()
            for value, label, count in values:
                item = QListWidgetItem(f"{label}  ({count:,})")
                item.setData(ID_ROLE, value)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
                self.list.addItem(item)
        finally:
            self._quiet = False
        self.setEnabled(bool(values))
        self.setToolTip("" if values else f"This dataset has no {self.title.lower()}")
        self._relabel()

    def checked(self) -> frozenset[str]:
        """The checked values."""
        items = (self.list.item(i) for i in range(self.list.count()))
        return frozenset(str(item.data(ID_ROLE)) for item in items if item.checkState() == Qt.CheckState.Checked)

    def set_checked(self, values: frozenset[str]) -> None:
        """Check exactly these values (without emitting ``picked``)."""
        self._quiet = True
        try:
            for i in range(self.list.count()):
                item = self.list.item(i)
                state = Qt.CheckState.Checked if item.data(ID_ROLE) in values else Qt.CheckState.Unchecked
                if item.checkState() != state:
                    item.setCheckState(state)
        finally:
            self._quiet = False
        self._relabel()

    def _narrow(self, text: str) -> None:
        needle = text.strip().lower()
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setHidden(bool(needle) and needle not in item.text().lower())

    def _relabel(self) -> None:
        n = len(self.checked())
        self.setText(f"{self.title} ({n})" if n else self.title)

    def _emit(self) -> None:
        if not self._quiet:
            self._relabel()
            self.picked.emit(self.checked())
