"""The main window: builds the panels and docks around ONE ViewState, and the menus. No logic."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QFileDialog, QLabel, QMainWindow, QMessageBox, QWidget

import viewer
from viewer.model.dataset import Dataset
from viewer.model.dates import format_date
from viewer.model.problems import LoadError
from viewer.model.window import TimeWindow
from viewer.ui.details import DetailsPanel
from viewer.ui.relations import RelationshipPanel
from viewer.ui.state import ViewState
from viewer.ui.timeline import TimelinePanel


class MainWindow(QMainWindow):
    """Timeline in the centre, relationship panel on the right, details below; one shared state."""

    def __init__(self, state: ViewState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setObjectName("mainWindow")
        self.timeline = TimelinePanel(state, self)
        self.setCentralWidget(self.timeline)
        self.relations = RelationshipPanel(state, self)
        self.details = DetailsPanel(state, self)
        self.relations_dock = self._dock("Relationships as of the cursor", "relationsDock", self.relations,
                                         Qt.DockWidgetArea.RightDockWidgetArea)
        self.details_dock = self._dock("Details", "detailsDock", self.details,
                                       Qt.DockWidgetArea.BottomDockWidgetArea)
        self.resizeDocks([self.relations_dock], [620], Qt.Orientation.Horizontal)
        self.resizeDocks([self.details_dock], [170], Qt.Orientation.Vertical)
        self.status = QLabel(self)
        self.statusBar().addPermanentWidget(self.status)
        self._build_menus()
        state.dataset_changed.connect(self._on_dataset)
        state.cursor_moved.connect(lambda _t: self._update_status())
        self._on_dataset(state.dataset)

    def _dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)  # restoreState needs names
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(area, dock)
        return dock

    def _action(self, text: str, shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
                slot: object) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        file_menu.addAction(self._action("&Open…", QKeySequence.StandardKey.Open, self.open_dialog))
        file_menu.addAction(self._action("Open the &bundled alliance dataset", None,
                                         lambda: self.open_path(None)))
        file_menu.addAction(self._action("&Export image…", "Ctrl+E", self.export_dialog))
        file_menu.addAction(self._action("Loading &problems…", None, self.show_problems))
        file_menu.addSeparator()
        file_menu.addAction(self._action("&Quit", QKeySequence.StandardKey.Quit, self.close))
        view_menu = self.menuBar().addMenu("&View")
        view_menu.addAction(self._action("&Default window", "Ctrl+D", self.show_default_window))
        view_menu.addAction(self._action("&Fit all events", "Ctrl+0", self.fit_all))
        view_menu.addAction(self._action("Zoom &in", QKeySequence.StandardKey.ZoomIn,
                                         lambda: self.zoom(0.8)))
        view_menu.addAction(self._action("Zoom &out", QKeySequence.StandardKey.ZoomOut,
                                         lambda: self.zoom(1.25)))
        view_menu.addSeparator()
        view_menu.addAction(self.relations_dock.toggleViewAction())
        view_menu.addAction(self.details_dock.toggleViewAction())

    def _on_dataset(self, dataset: Dataset) -> None:
        self.setWindowTitle(f"{dataset.title} — Entente")
        self._update_status()

    def _update_status(self) -> None:
        ds = self.state.dataset
        problems = f" · {len(ds.problems)} loading problems" if ds.problems else ""
        self.status.setText(f"{len(ds.events):,} events · {len(ds.entities):,} entities · "
                            f"{len(ds.relations):,} relations{problems} · as of "
                            f"{format_date(self.state.cursor, 'day')}")

    def show_default_window(self) -> None:
        """Show the dataset's default window (for the alliance: Ghosn's arrest → London)."""
        from viewer.ui.state import default_window
        self.state.set_window(default_window(self.state.dataset))

    def fit_all(self) -> None:
        """Show every event, with a small margin."""
        span = self.state.dataset.span()
        if span is not None:
            window = TimeWindow.between(span[0], span[1])
            margin = max(window.span * 0.02, 86400.0)
            self.state.set_window(TimeWindow(window.start - margin, window.end + margin))

    def zoom(self, factor: float) -> None:
        """Zoom around the centre of the window."""
        self.state.set_window(self.state.window.zoom(factor))

    def open_dialog(self) -> None:
        """Ask for a dataset file or folder and open it."""
        path, _ = QFileDialog.getOpenFileName(self, "Open dataset", "",
                                              "Datasets (*.json *.csv);;All files (*)")
        if path:
            self.open_path(path)

    def open_path(self, path: str | None) -> bool:
        """Open a dataset; on failure say why and keep the current one."""
        try:
            dataset = viewer.load(path)
        except LoadError as exc:
            QMessageBox.warning(self, "Cannot open dataset", str(exc))
            return False
        self.state.set_dataset(dataset)
        if dataset.problems:
            self.statusBar().showMessage(f"Opened with {len(dataset.problems)} problems: File → Loading problems",
                                         10_000)
        return True

    def show_problems(self) -> None:
        """List what could not be read in the open dataset."""
        ds = self.state.dataset
        box = QMessageBox(QMessageBox.Icon.Information, "Loading problems",
                          f"{len(ds.problems)} problems while reading {ds.meta.path}", parent=self)
        if ds.problems:
            box.setDetailedText("\n".join(f"[{p.level}] {p}" for p in ds.problems))
        box.exec()

    def export_dialog(self) -> None:
        """Save the window as a PNG image."""
        path, _ = QFileDialog.getSaveFileName(self, "Export image", "entente.png",
                                              "PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)")
        if path and not self.save_image(path):
            QMessageBox.warning(self, "Export failed", f"Could not write {path}")

    def save_image(self, path: str) -> bool:
        """Render the window into a PNG, SVG or PDF file, written atomically."""
        from viewer.ui.export import save_widget
        return save_widget(self, path)
