"""Adds the relation history and the relations table to the main window, as docks by the relationship panel.

The main window stays as it is; it calls :func:`install` once at the end of its ``__init__``::

    self.relation_tools = relations_tools.install(self)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMenu

from viewer.ui.relations.history_chart import HistoryPanel
from viewer.ui.relations.table import RelationsTable
from viewer.ui.shared.docks import make_dock

if TYPE_CHECKING:
    from viewer.ui.shell.main_window import MainWindow

HISTORY_DOCK, TABLE_DOCK = "relationHistoryDock", "relationsTableDock"
DETAILS_SHARE = 0.45  # of the bottom row's width; the history and the table get the rest
BOTTOM_HEIGHT = 190


@dataclass
class RelationsTools:
    """What :func:`install` added: the two panels and their docks."""

    history: HistoryPanel
    table: RelationsTable
    history_dock: QDockWidget
    table_dock: QDockWidget


class _FirstShow(QObject):
    """Sizes the docks once, when the window first shows (a restored layout sizes them itself)."""

    def __init__(self, window: MainWindow, tools: RelationsTools) -> None:
        super().__init__(window)
        self.window, self.tools = window, tools

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """On the first Show, share the bottom row between the details and the history."""
        if watched is self.window and event.type() == QEvent.Type.Show:
            self.window.removeEventFilter(self)
            QTimer.singleShot(0, self.window, self._size)
        return False

    def _size(self) -> None:
        width = max(self.window.width(), 800)
        self.window.resizeDocks([self.window.details_dock, self.tools.history_dock],
                                [int(width * DETAILS_SHARE), int(width * (1 - DETAILS_SHARE))],
                                Qt.Orientation.Horizontal)
        self.window.resizeDocks([self.window.details_dock], [BOTTOM_HEIGHT], Qt.Orientation.Vertical)


def install(window: MainWindow) -> RelationsTools:
    """Add the history panel and the relations table beside the details panel, tabbed (once per window)."""
    existing = getattr(window, "relation_tools", None)
    if isinstance(existing, RelationsTools):
        return existing
    state = window.state
    history, table = HistoryPanel(state, window), RelationsTable(state, window)
    history_dock = make_dock(window, "Relation history", HISTORY_DOCK, history)
    table_dock = make_dock(window, "Relations at the cursor", TABLE_DOCK, table)
    # Beside the details, below the timeline: the graph keeps the whole right-hand column.
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, history_dock)
    window.splitDockWidget(window.details_dock, history_dock, Qt.Orientation.Horizontal)
    window.tabifyDockWidget(history_dock, table_dock)
    table_dock.raise_()  # the table always has something to show; the history once an edge is picked
    tools = RelationsTools(history, table, history_dock, table_dock)
    state.selection_changed.connect(lambda selection: history_dock.raise_() if selection.relations else None)
    window.relation_tools = tools  # the lead's one line names it the same
    saved = window.settings.dock_state() if window.settings is not None else None
    if saved is not None and HISTORY_DOCK.encode("utf-16-be") in bytes(saved.data()):
        window.restoreState(saved)  # the saved layout knows where the user put these docks
    else:
        window.installEventFilter(_FirstShow(window, tools))
    _add_view_actions(window, tools)
    return tools


def _add_view_actions(window: MainWindow, tools: RelationsTools) -> None:
    """Let the View menu show and hide the new docks, next to the relationship panel's entry."""
    anchor = window.relations_dock.toggleViewAction()
    for action in window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu) and anchor in menu.actions():
            index = menu.actions().index(anchor)
            following = menu.actions()[index + 1] if index + 1 < len(menu.actions()) else None
            for dock in (tools.history_dock, tools.table_dock):
                if following is None:
                    menu.addAction(dock.toggleViewAction())
                else:
                    menu.insertAction(following, dock.toggleViewAction())
            return
