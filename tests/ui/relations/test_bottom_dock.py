"""The bottom dock as a user clicks it: a row of the relations table keeps the table in view."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTabBar

from viewer.ui.shell.main_window import MainWindow


def raised_tab(window: MainWindow) -> str:
    """The title of the current tab in the bottom dock's tab bar that holds the relation history."""
    for bar in window.findChildren(QTabBar):
        titles = [bar.tabText(i) for i in range(bar.count())]
        if "Relation history" in titles:
            return bar.tabText(bar.currentIndex())
    raise AssertionError("no tab bar holds the relation history")


def test_clicking_a_row_of_the_relations_table_keeps_the_table_in_view(qtbot, window: MainWindow) -> None:
    tools = window.relation_tools
    view = tools.table.view
    qtbot.waitUntil(lambda: view.model().rowCount() > 0)
    assert raised_tab(window) == "Relations at the cursor"
    rect = view.visualRect(view.model().index(1, 0))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
    assert window.state.selection.relations  # the row selected its relation
    qtbot.wait(20)
    assert raised_tab(window) == "Relations at the cursor"


def test_a_relation_picked_in_the_graph_raises_its_history(qtbot, window: MainWindow) -> None:
    tools = window.relation_tools
    tools.panel.relation_picked.emit("R001")
    qtbot.wait(20)
    assert raised_tab(window) == "Relation history"
