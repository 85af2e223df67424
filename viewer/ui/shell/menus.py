"""The menus, declared as lists of action ids: whoever registered an id, this is where it shows.

``None`` is a separator, ``("Title", [...])`` a submenu, ``"dock:<id>"`` a dock's show/hide action and
``"recent"`` the Open recent submenu. Ids nobody registered are left out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeAlias

from PySide6.QtWidgets import QMenu, QMenuBar

if TYPE_CHECKING:
    from viewer.ui.shell.main_window import MainWindow

Entry: TypeAlias = "str | tuple[str, list[Entry]] | None"
MENUS: list[tuple[str, list[Entry]]] = [
    ("&File", ["open", "open_folder", "recent", "add", "bundled", None, "save_as",
               ("&Export", ["export_all", "export_timeline", "export_relations", None, "export_events_table",
                            "export_relations_table"]),
               "problems", None, "quit"]),
    ("&Edit", ["copy", "copy_image", None, "paste"]),
    ("&View", ["find", "play", "hide_unmatched", None, "default_window", "fit", "around_selection", "zoom_in",
               "zoom_out", "previous",
               "next", "escape", None, "dock:relationsDock", "dock:relationHistoryDock", "dock:relationsTableDock",
               "dock:detailsDock", "dock:problemsDock", "full_screen", None,
               ("&Theme", ["theme_system", "theme_light", "theme_dark"])]),
    ("&Help", ["shortcuts", "about"]),
]


def build(window: MainWindow) -> None:
    """Fill the menu bar from :data:`MENUS`."""
    bar: QMenuBar = window.menuBar()
    for title, entries in MENUS:
        _fill(window, bar.addMenu(title), entries)


def _fill(window: MainWindow, menu: QMenu, entries: list[Entry]) -> None:
    for entry in entries:
        if entry is None:
            if menu.actions() and not menu.actions()[-1].isSeparator():
                menu.addSeparator()
        elif isinstance(entry, tuple):
            _fill(window, menu.addMenu(entry[0]), entry[1])
        elif entry == "recent":
            window.recent_menu = menu.addMenu("Open &recent")
        elif entry.startswith("dock:"):
            dock = window.docks.get(entry[5:])
            if dock is not None:
                menu.addAction(dock.toggleViewAction())
        elif entry in window.actions_by_name:
            menu.addAction(window.actions_by_name[entry])
