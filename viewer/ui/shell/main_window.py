"""The main window: panels and docks around ONE ViewState, loading, settings, menus. No model logic."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QProgressBar,
    QPushButton,
    QWidget,
)

from viewer.model import navigation, query
from viewer.model.dataset import Dataset
from viewer.model.dates import format_date, parse_date
from viewer.model.window import TimeWindow
from viewer.ui.relations import tools as relations_tools
from viewer.ui.relations.panel import RelationshipPanel
from viewer.ui.shared import theme
from viewer.ui.shared.docks import make_dock
from viewer.ui.shared.state import ViewState
from viewer.ui.shell import dialogs, menus
from viewer.ui.shell.details import DetailsPanel
from viewer.ui.shell.loading import Loader
from viewer.ui.shell.mapping_dialog import MappingDialog, needs_mapping
from viewer.ui.shell.settings import Settings
from viewer.ui.timeline import tools as timeline_tools
from viewer.ui.timeline.panel import TimelinePanel

log = logging.getLogger(__name__)
OPEN_FILTER = ("Datasets (*.json *.csv *.tsv *.txt *.xlsx *.parquet *.timeline *.ics *.gexf *.xml);;"
               "All files (*)")


class MainWindow(QMainWindow):
    """Timeline in the centre, relationship panel on the right, details below; one shared state."""

    def __init__(self, state: ViewState, settings: Settings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.settings = settings
        self.setObjectName("mainWindow")
        self.setAcceptDrops(True)
        self.timeline = TimelinePanel(state, self)
        self.setCentralWidget(self.timeline)
        self.relations = RelationshipPanel(state, self)
        self.details = DetailsPanel(state, self)
        self.relations_dock = self._dock("Relationships as of the cursor", "relationsDock", self.relations,
                                         Qt.DockWidgetArea.RightDockWidgetArea)
        self.details_dock = self._dock("Details", "detailsDock", self.details, Qt.DockWidgetArea.BottomDockWidgetArea)
        self._docks_sized = False
        self.loader = Loader(self)
        self._build_status_bar()
        self.recent_menu: QMenu | None = None
        self.actions_by_name: dict[str, QAction] = menus.build(self)
        self._dialogs: list[QDialog] = []
        self.loader.started.connect(self._on_load_started)
        self.loader.loaded.connect(self._on_loaded)
        self.loader.failed.connect(self._on_load_failed)
        self.loader.cancelled.connect(lambda: self._show_busy(False))
        state.dataset_changed.connect(self._on_dataset)
        state.cursor_moved.connect(lambda _t: self._update_status())
        self._on_dataset(state.dataset)
        self.tools = timeline_tools.install(self)
        self.relation_tools = relations_tools.install(self)
        self.relations.positions_changed.connect(lambda _positions: self._save_view())
        self._restore_settings()

    # construction
    def _dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = make_dock(self, title, name, widget)
        self.addDockWidget(area, dock)
        return dock

    def _build_status_bar(self) -> None:
        self.status = QLabel(self)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)  # parsing reports no steps: an honest busy indicator
        self.progress.setMaximumWidth(160)
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.clicked.connect(self.loader.cancel)
        for widget in (self.progress, self.cancel_button):
            widget.hide()
            self.statusBar().addWidget(widget)
        self.statusBar().addPermanentWidget(self.status)

    def _restore_settings(self) -> None:
        if self.settings is None:
            return
        geometry, docks = self.settings.geometry(), self.settings.dock_state()
        if geometry is not None:
            self.restoreGeometry(geometry)
        if docks is not None:
            self._docks_sized = self.restoreState(docks)
        self._apply_saved_view(self.state.dataset)
        self._refresh_recent()

    def showEvent(self, event: QShowEvent) -> None:
        """Give the docks their first sizes once the window has its own (unless a saved layout did)."""
        super().showEvent(event)
        if not self._docks_sized:
            self._docks_sized = True
            self.resizeDocks([self.relations_dock], [max(420, int(self.width() * 0.38))], Qt.Orientation.Horizontal)
            self.resizeDocks([self.details_dock], [190], Qt.Orientation.Vertical)

    # dataset life cycle
    def _on_dataset(self, dataset: Dataset) -> None:
        self.setWindowTitle(f"{dataset.title} — Entente")
        self._update_status()

    def _update_status(self) -> None:
        ds = self.state.dataset
        problems = f" · {len(ds.problems)} loading problems" if ds.problems else ""
        as_of = format_date(self.state.cursor, "day")
        self.status.setText(f"{len(ds.events):,} events · {len(ds.entities):,} entities · "
                            f"{len(ds.relations):,} relations{problems} · as of {as_of}")

    def open_dialog(self) -> None:
        """Ask for a dataset file and open it."""
        start = self.settings.last_dir() if self.settings else ""
        path, _ = QFileDialog.getOpenFileName(self, "Open dataset", start, OPEN_FILTER)
        if path:
            self.open_path(path)

    def open_path(self, path: str | None, *, add: bool = False) -> None:
        """Start opening a dataset in the background (None: the bundled one); the current one stays until then.

        A table whose columns cannot be mapped with certainty first asks the user (the mapping dialog);
        with ``add`` the file joins the open dataset instead of replacing it.
        """
        options: dict[str, object] = {}
        if path is not None:
            preview = needs_mapping(path)
            if preview is not None:
                dialog = MappingDialog(path, preview, self)
                if dialog.exec() != QDialog.DialogCode.Accepted:
                    return
                options = dialog.options()
        self.loader.load(path, options, self.state.dataset if add else None)

    def add_dialog(self) -> None:
        """Ask for a file whose events, entities and relations join the open dataset."""
        start = self.settings.last_dir() if self.settings else ""
        path, _ = QFileDialog.getOpenFileName(self, "Add to dataset", start, OPEN_FILTER)
        if path:
            self.open_path(path, add=True)

    def _on_load_started(self, what: str) -> None:
        self._show_busy(True)
        self.statusBar().showMessage(f"Opening {what}…")

    def _show_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        if not busy:
            self.statusBar().clearMessage()

    def _on_loaded(self, dataset: Dataset) -> None:
        self._show_busy(False)
        self._save_view()
        self.state.set_dataset(dataset)
        self._apply_saved_view(dataset)
        if self.settings is not None and dataset.meta.path:
            self.settings.add_recent(dataset.meta.path)
            self._refresh_recent()
        log.info("opened %s (%d events, %d problems)", dataset.meta.path, len(dataset.events), len(dataset.problems))
        if dataset.problems:
            self.statusBar().showMessage(f"Opened with {len(dataset.problems)} problems: File → Loading problems",
                                         15_000)

    def _on_load_failed(self, message: str, details: str) -> None:
        self._show_busy(False)
        log.warning("could not open: %s", message)
        dialogs.error(self, "Cannot open dataset", message, details)

    def _refresh_recent(self) -> None:
        if self.recent_menu is None or self.settings is None:
            return
        self.recent_menu.clear()
        for path in self.settings.recent_files():
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open_path(p))
        self.recent_menu.setEnabled(bool(self.recent_menu.actions()))

    # per-dataset view state
    def _save_view(self) -> None:
        path = self.state.dataset.meta.path
        if self.settings is None or not path:
            return
        window = self.state.window
        self.settings.save_view_state(path, {"window": [window.start, window.end],
                                             "cursor": self.state.cursor.isoformat(),
                                             "node_positions": self.relations.node_positions()})

    def _apply_saved_view(self, dataset: Dataset) -> None:
        if self.settings is None or not dataset.meta.path:
            return
        view = self.settings.view_state(dataset.meta.path)
        positions = view.get("node_positions")
        self.relations.set_node_positions(positions if isinstance(positions, dict) else {})
        try:
            start, end = (float(v) for v in view.get("window", ()))
            if start < end:
                self.state.set_window(TimeWindow(start, end))
            if view.get("cursor"):
                self.state.move_cursor(parse_date(str(view["cursor"])).start)
        except (TypeError, ValueError):
            pass  # nothing saved, or something unreadable: keep the dataset's defaults

    def closeEvent(self, event: QCloseEvent) -> None:
        """Remember layout and view state, then close."""
        if self.settings is not None:
            self._save_view()
            self.settings.save_layout(self.saveGeometry(), self.saveState())
            self.settings.sync()
        self.loader.shutdown()
        super().closeEvent(event)

    # drag and drop
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept local files and folders."""
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """Open the first dropped local file or folder."""
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.open_path(paths[0])

    # navigation
    def show_default_window(self) -> None:
        """Show the dataset's default window (for the alliance: Ghosn's arrest → London)."""
        self.state.set_window(navigation.default_window(self.state.dataset))

    def fit_all(self) -> None:
        """Show every event, with a small margin."""
        self.state.set_window(navigation.fit_all(self.state.dataset))

    def zoom(self, factor: float) -> None:
        """Zoom around the centre of the window."""
        self.state.set_window(self.state.window.zoom(factor))

    def step_event(self, step: int) -> None:
        """Select the previous (-1) or next (+1) event and move the cursor to it."""
        current = next(iter(self.state.selection.events), None)
        target = query.step_event(self.state.dataset.events, current, self.state.cursor, step)
        if target is not None:
            self.state.select_event(target)

    def apply_theme(self, choice: str) -> None:
        """Use the System, Light or Dark look now, and remember it."""
        theme.apply(QApplication.instance(), choice)  # type: ignore[arg-type]
        self.actions_by_name[f"theme_{theme.choice()}"].setChecked(True)
        if self.settings is not None:
            self.settings.set_theme(theme.choice())

    def toggle_full_screen(self) -> None:
        """Enter or leave full screen."""
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    # dialogs and exports
    def show_problems(self) -> None:
        """List what could not be read in the open dataset."""
        dialogs.problems(self, self.state.dataset)

    def show_about(self) -> None:
        """The About window."""
        self._dialogs.append(dialogs.about(self, self.state.dataset))

    def show_shortcuts(self) -> None:
        """The keyboard shortcuts window."""
        self._dialogs.append(dialogs.shortcuts(self, list(self.actions_by_name.values())))

    def export_image_dialog(self, view: str = "all") -> None:
        """Save the window, the timeline or the relationship panel as PNG, SVG or PDF."""
        path, _ = QFileDialog.getSaveFileName(self, "Export image", f"entente-{view}.png",
                                              "PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)")
        if path and not self.save_image(path, view):
            dialogs.error(self, "Export failed", f"Could not write {path}")

    def save_image(self, path: str, view: str = "all") -> bool:
        """Render the window (or one panel) into a PNG, SVG or PDF file, written atomically."""
        from viewer.ui.shell.export import save_widget
        widget = {"timeline": self.timeline, "relations": self.relations}.get(view, self)
        return save_widget(widget, path)

    def export_events_dialog(self) -> None:
        """Save the events in the visible window as CSV or JSON."""
        window = self.state.window
        frame = query.events_between(self.state.dataset.events, window.start_time, window.end_time)
        self._export_table(frame, "events", ["id", "start", "end", "precision", "title", "description", "actors",
                                             "category", "tags", "source_title", "source_url"])

    def export_relations_dialog(self) -> None:
        """Save the relations valid at the cursor as CSV or JSON."""
        frame = query.relations_at(self.state.dataset.relations, self.state.cursor)
        self._export_table(frame, "relations", ["id", "source", "target", "kind", "value", "valid_from", "valid_to",
                                                "event", "note", "source_url"])

    def _export_table(self, frame: object, name: str, columns: list[str]) -> None:
        from viewer.io.table_export import write_table
        path, _ = QFileDialog.getSaveFileName(self, f"Export {name}", f"{name}.csv", "CSV (*.csv);;JSON (*.json)")
        if not path:
            return
        try:
            write_table(frame, columns, Path(path))
        except OSError as exc:
            dialogs.error(self, "Export failed", f"Could not write {path}: {exc.strerror or exc}")
