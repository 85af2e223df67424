"""The Problems dock: what could not be read in the open dataset, as a table a user can filter, copy
(Ctrl+C copies the selected rows as tab-separated text) and export as CSV."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from viewer.io.table_export import write_table
from viewer.model.dataset import Dataset
from viewer.ui.shared.state import ViewState
from viewer.ui.shell import dialogs, own_files

COLUMNS = ["file", "row", "field", "message", "level"]


def problems_frame(dataset: Dataset) -> pd.DataFrame:
    """One row per problem of ``dataset`` in the table's columns (empty cells for a whole-file problem)."""
    rows = [{"file": p.file, "row": "" if p.row is None else str(p.row), "field": p.field or "",
             "message": p.message, "level": p.level} for p in dataset.problems]
    return pd.DataFrame(rows, columns=COLUMNS, dtype=str)


class ProblemsPanel(QWidget):
    """The open dataset's loading problems: a filter box, the table, a count and Export CSV."""

    def __init__(self, state: ViewState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.model = QStandardItemModel(0, len(COLUMNS), self)
        self.model.setHorizontalHeaderLabels([c.title() for c in COLUMNS])
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)  # the filter text may match any column
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText("Filter problems…")
        self.filter.setAccessibleName("Filter problems")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.count = QLabel(self)
        self.export_button = QPushButton("Export CSV…", self)
        self.export_button.clicked.connect(self._ask_export)
        self.view = QTableView(self)
        self.view.setTabKeyNavigation(False)  # Tab leaves the table for the next field (the arrows walk its cells)
        self.view.setAccessibleName("Problems found reading the dataset")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.proxy.sort(-1)  # file order until a header is clicked
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(COLUMNS.index("message"), QHeaderView.ResizeMode.Stretch)
        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(self.count)
        top.addWidget(self.export_button)
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addLayout(top)
        box.addWidget(self.view)
        state.changed.connect(lambda fields: self.reload() if "dataset" in fields else None)
        self.reload()

    def reload(self) -> None:
        """Show the open dataset's problems."""
        frame = problems_frame(self.state.dataset)
        self.model.setRowCount(0)
        for record in frame.itertuples(index=False):
            self.model.appendRow([QStandardItem(str(value)) for value in record])
        n = len(frame)
        self.count.setText("No problems" if n == 0 else f"{n:,} problem{'s' if n != 1 else ''}")
        self.export_button.setEnabled(n > 0)

    def visible_frame(self) -> pd.DataFrame:
        """The rows the filter lets through, in the order shown."""
        rows = [[str(self.proxy.index(r, c).data()) for c in range(len(COLUMNS))]
                for r in range(self.proxy.rowCount())]
        return pd.DataFrame(rows, columns=COLUMNS, dtype=str)

    def export(self, path: Path) -> None:
        """Write the shown rows as CSV (atomically: a failed write leaves any old file intact)."""
        write_table(self.visible_frame(), COLUMNS, path)

    def _ask_export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "Export problems", "problems.csv", "CSV (*.csv)")
        if not name:
            return
        if own_files.read_from(self.state.dataset.meta, Path(name)):  # (the problems would replace the data)
            dialogs.error(self, "Export refused", f"{name} is a file of the open dataset: the list of its problems "
                          "would replace it. Choose another name.")
            return
        try:
            self.export(Path(name))
        except OSError as exc:  # (a folder chosen, a parent gone, a disk full: said by the file chosen)
            dialogs.error(self, "Export failed", f"Could not write {name}: {exc.strerror or exc}")
