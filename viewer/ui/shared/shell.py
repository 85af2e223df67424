"""What a panel package may ask of the window it lives in: the ``Shell`` protocol.

Each panel package has a ``contribute(shell)`` function that builds its widgets and hands the shell
its actions (by id), toolbars, docks and status-bar widgets. Panels never import the main window nor
each other; the shell declares where each action id goes in the menus.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QToolBar, QWidget

from viewer.ui.shared.state import ViewState

Area = Qt.DockWidgetArea


class Shell(Protocol):
    """The window's side of the contract (implemented by the main window)."""

    state: ViewState

    def host(self) -> QWidget:
        """The widget to parent dialogs, toolbars and docks to."""
        ...

    def add_action(self, action_id: str, text: str, slot: Callable[..., object], shortcut: str | None = None,
                   tip: str = "", checkable: bool = False) -> QAction:
        """An action known by ``action_id``; the shell decides which menu shows it."""
        ...

    def add_toolbar(self, bar: QToolBar, *, new_row: bool = False) -> None:
        """A toolbar along the top (``new_row``: below the ones added before)."""
        ...

    def add_dock(self, dock_id: str, title: str, widget: QWidget, area: Area, *, beside: str | None = None,
                 tab_with: str | None = None) -> QDockWidget:
        """A dock named ``dock_id`` (saved layouts find it by that name) in ``area``.

        ``beside``: split the dock of that id to make room; ``tab_with``: share its place as a tab.
        """
        ...

    def set_central(self, widget: QWidget) -> None:
        """The widget in the middle of the window."""
        ...

    def add_status(self, widget: QWidget) -> None:
        """A widget on the left of the status bar."""
        ...
