"""The main window: a list of parts around one shared state. It implements the panels' ``Shell``."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import QDialog, QDockWidget, QMainWindow, QMenu, QToolBar, QWidget

from viewer.ui import relations, timeline
from viewer.ui.shared import heap
from viewer.ui.shared.docks import make_dock
from viewer.ui.shared.state import ViewState
from viewer.ui.shell import commands, focus_keys, menus, persistence
from viewer.ui.shell.actions import ActionRegistry
from viewer.ui.shell.details import DetailsPanel
from viewer.ui.shell.loading import Loader
from viewer.ui.shell.opening import Opening
from viewer.ui.shell.persistence import Persistence
from viewer.ui.shell.problems_panel import ProblemsPanel
from viewer.ui.shell.settings import Settings
from viewer.ui.shell.status import StatusLine
from viewer.ui.shell.tie_docks import TieDocks

if TYPE_CHECKING:
    from viewer.ui.shell.engine_export import EngineExport


class MainWindow(QMainWindow):
    """Timeline in the centre, relationship panel on the right, details below; one shared state."""

    def __init__(self, state: ViewState, settings: Settings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        heap.collect_on_ui_thread()  # (a window made without application(): its workers must not collect its cycles)
        self.state, self.settings = state, settings
        if state.parent() is None:
            # the state's C++ side holds every lambda its signals are connected to, and those hold the
            # panels: a state outliving its window kept the whole window alive (~4 MB per closed window)
            state.setParent(self)
        persistence.restore(state, settings)  # the view left last time, before any panel draws
        self.setObjectName("mainWindow")
        self.setAcceptDrops(True)
        self.actions_by_name = ActionRegistry(self)
        self.docks: dict[str, QDockWidget] = {}
        self.recent_menu: QMenu | None = None
        self._dialogs: list[QDialog] = []
        self.exports: list[EngineExport] = []  # exports streamed from an engine source, under way
        self.loader = Loader(self)
        self.status_line = StatusLine(self, state, self.loader)
        self.opening = Opening(self)
        self.details = DetailsPanel(state, self)
        bottom = Qt.DockWidgetArea.BottomDockWidgetArea
        self.details_dock = self.add_dock("detailsDock", "Details", self.details, bottom)
        self.tools = timeline.contribute(self)
        self.timeline = self.tools.timeline
        self.relation_tools = relations.contribute(self, beside="detailsDock")
        self.relations, self.relations_dock = self.relation_tools.panel, self.relation_tools.dock
        self.problems = ProblemsPanel(state, self)
        self.problems_dock = self.add_dock("problemsDock", "Problems", self.problems, bottom, tab_with="detailsDock")
        self.details_dock.raise_()
        commands.register(self)
        menus.build(self)
        self.persistence = Persistence(self)
        self.tie_docks = TieDocks(self)
        self.opening.refresh_recent(self.recent_menu)
        state.changed.connect(lambda fields: self._show_title() if "dataset" in fields else None)
        self._show_title()
        # the keys of the README (+, -, Home, End) act on the timeline: a fresh window's first key goes there, not to
        # the first widget made (the Details text, where "+" did nothing and the arrows scrolled an empty page)
        self.timeline.plot.setFocus(Qt.FocusReason.OtherFocusReason)
        if settings is not None and settings.problem:  # (a read-only config folder: said, not a crash at start)
            self.statusBar().showMessage(settings.problem)

    # the Shell protocol: what panels may add
    def host(self) -> QWidget:
        """The window itself: parent of the panels' widgets."""
        return self

    def add_action(self, action_id: str, text: str, slot: Callable[..., object], shortcut: str | None = None,
                   tip: str = "", checkable: bool = False) -> QAction:
        """Register an action by id (menus.MENUS says where it shows)."""
        return self.actions_by_name.add(action_id, text, slot, shortcut, tip, checkable)

    def add_toolbar(self, bar: QToolBar, *, new_row: bool = False) -> None:
        """A toolbar along the top."""
        if new_row:
            self.addToolBarBreak()
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)

    def add_dock(self, dock_id: str, title: str, widget: QWidget, area: Qt.DockWidgetArea, *,
                 beside: str | None = None, tab_with: str | None = None) -> QDockWidget:
        """A named dock in ``area``, split from ``beside`` or tabbed with ``tab_with``."""
        dock = make_dock(self, title, dock_id, widget)
        self.addDockWidget(area, dock)
        if beside in self.docks:
            self.splitDockWidget(self.docks[beside], dock, Qt.Orientation.Horizontal)
        if tab_with in self.docks:
            self.tabifyDockWidget(self.docks[tab_with], dock)
        self.docks[dock_id] = dock
        return dock

    def set_central(self, widget: QWidget) -> None:
        """The timeline (with its overview) in the middle."""
        self.setCentralWidget(widget)

    def add_status(self, widget: QWidget) -> None:
        """A widget on the left of the status bar."""
        self.statusBar().addWidget(widget)

    # what the shell itself does
    def open_path(self, path: str | None, *, add: bool = False) -> None:
        """Open a dataset in the background (None: the bundled one); see :class:`Opening`."""
        self.opening.open_path(path, add=add)

    def save_image(self, path: str, view: str = "all") -> bool:
        """Render the window (or one panel) into a PNG, SVG or PDF file, written atomically."""
        from viewer.ui.shell.export import save_widget  # noqa: PLC0415 - export pulls in QtSvg and printing
        widget = {"timeline": self.timeline, "relations": self.relations}.get(view, self)
        return save_widget(widget, path)

    def show_problems(self) -> None:
        """Show and raise the Problems dock: what could not be read in the open dataset."""
        self.problems_dock.show()
        self.problems_dock.raise_()

    def keep(self, dialog: QDialog) -> None:
        """Keep a modeless dialog alive while it is open."""
        self._dialogs.append(dialog)

    def _show_title(self) -> None:
        self.setWindowTitle(f"{self.state.dataset.title} — Entente")

    # Qt events
    def event(self, event: QEvent) -> bool:
        """A key the focused control takes for itself (Space, the arrows: :mod:`focus_keys`) is kept from the
        window's shortcuts."""
        if event.type() == QEvent.Type.ShortcutOverride and focus_keys.taken(cast(QKeyEvent, event)):
            return True
        return super().event(event)

    def showEvent(self, event: QShowEvent) -> None:
        """Size the docks when the window first shows (and fit them to a dataset without ties)."""
        super().showEvent(event)
        self.persistence.size_docks_once()
        self.tie_docks.first_show()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Remember the session and the layout, then close."""
        self.persistence.save_all()
        self.loader.shutdown()
        for job in list(self.exports):  # the files keep their old content
            job.stop()
        if self.state.dataset.source is not None:  # an engine source: stop its questions and its build
            from viewer.ui.shared.engine import retire  # noqa: PLC0415 - loaded already, with the source
            retire()
        heap.release()
        super().closeEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept local files and folders, and cells, a table or text dragged from another application."""
        data = event.mimeData()
        if any(url.isLocalFile() for url in data.urls()) or (
                event.source() is None and (data.hasText() or data.hasHtml())):  # (not a text of this window)
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """Open the dropped local files or folders, several as one dataset (the first opened, the others joining it),
        or the dropped cells, table or text as a paste opens them."""
        data = event.mimeData()
        if any(url.isLocalFile() for url in data.urls()) or event.source() is None:
            event.acceptProposedAction()
            self.opening.open_data(data, "drop")
