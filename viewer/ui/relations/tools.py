"""The relationship panel in the window: the graph dock on the right, the relation history and the
relations table beside the details below; all handed to the shell by :func:`contribute`."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget

from viewer.ui.relations.history_chart import HistoryPanel
from viewer.ui.relations.panel import RelationshipPanel
from viewer.ui.relations.table import RelationsTable
from viewer.ui.shared.shell import Shell

GRAPH_DOCK, HISTORY_DOCK, TABLE_DOCK = "relationsDock", "relationHistoryDock", "relationsTableDock"


@dataclass
class RelationsTools:
    """What :func:`contribute` built: the panels and their docks."""

    panel: RelationshipPanel
    history: HistoryPanel
    table: RelationsTable
    dock: QDockWidget
    history_dock: QDockWidget
    table_dock: QDockWidget


def contribute(shell: Shell, *, beside: str | None = None) -> RelationsTools:
    """Add the graph on the right, and the history and the table (tabbed) below, ``beside`` that dock."""
    host, state = shell.host(), shell.state
    panel = RelationshipPanel(state, host)
    dock = shell.add_dock(GRAPH_DOCK, "Relationships as of the cursor", panel, Qt.DockWidgetArea.RightDockWidgetArea)
    history, table = HistoryPanel(state, host), RelationsTable(state, host)
    # Beside the details, below the timeline: the graph keeps the whole right-hand column.
    history_dock = shell.add_dock(HISTORY_DOCK, "Relation history", history, Qt.DockWidgetArea.BottomDockWidgetArea,
                                  beside=beside)
    table_dock = shell.add_dock(TABLE_DOCK, "Relations at the cursor", table, Qt.DockWidgetArea.BottomDockWidgetArea,
                                tab_with=HISTORY_DOCK)
    table_dock.raise_()  # the table always has something to show; the history once an edge is picked
    # A relation picked in the graph shows its history; a row picked in the table keeps the table in view.
    panel.relation_picked.connect(lambda _key: history_dock.raise_())
    return RelationsTools(panel, history, table, dock, history_dock, table_dock)
