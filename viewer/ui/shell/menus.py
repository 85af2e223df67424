"""The main window's menus and actions, with standard shortcuts, in one place."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from viewer.ui.shared import theme

if TYPE_CHECKING:
    from viewer.ui.shell.main_window import MainWindow

Shortcut = QKeySequence.StandardKey | str | None
# Some platforms (and the offscreen one) bind no keys to a standard key: use the common ones then.
FALLBACKS = {QKeySequence.StandardKey.Open: "Ctrl+O", QKeySequence.StandardKey.Quit: "Ctrl+Q",
             QKeySequence.StandardKey.ZoomIn: "Ctrl++", QKeySequence.StandardKey.ZoomOut: "Ctrl+-",
             QKeySequence.StandardKey.FullScreen: "F11", QKeySequence.StandardKey.Find: "Ctrl+F"}


def _keys(shortcut: Shortcut) -> list[QKeySequence]:
    if shortcut is None:
        return []
    if isinstance(shortcut, str):
        return [QKeySequence(shortcut)]
    keys = QKeySequence.keyBindings(shortcut)
    fallback = QKeySequence(FALLBACKS[shortcut]) if shortcut in FALLBACKS else None
    if fallback is not None and fallback not in keys:
        keys.append(fallback)
    return keys


def _action(window: MainWindow, text: str, shortcut: Shortcut, slot: Callable[[], object]) -> QAction:
    action = QAction(text, window)
    action.setShortcuts(_keys(shortcut))
    action.triggered.connect(lambda _checked=False: slot())
    window.addAction(action)  # shortcuts work even when the menu bar is hidden (full screen)
    return action


def _theme_menu(window: MainWindow, menu: QMenu, a: dict[str, QAction]) -> None:
    """System / Light / Dark, one checked; the choice is applied at once and remembered."""
    group = QActionGroup(window)
    group.setExclusive(True)
    chosen = window.settings.theme() if window.settings is not None else theme.choice()
    for key, text in (("system", "&System"), ("light", "&Light"), ("dark", "&Dark")):
        action = _action(window, text, None, lambda key=key: window.apply_theme(key))  # type: ignore[misc]
        action.setCheckable(True)
        action.setChecked(key == chosen)
        action.setData(key)
        group.addAction(action)
        menu.addAction(action)
        a[f"theme_{key}"] = action


def build(window: MainWindow) -> dict[str, QAction]:
    """Create the menus; returns the actions by name (for tests and the shortcuts window)."""
    key = QKeySequence.StandardKey
    a: dict[str, QAction] = {}
    file_menu = window.menuBar().addMenu("&File")
    a["open"] = _action(window, "&Open…", key.Open, window.open_dialog)
    a["bundled"] = _action(window, "Open the &bundled alliance dataset", None, lambda: window.open_path(None))
    file_menu.addAction(a["open"])
    window.recent_menu = file_menu.addMenu("Open &recent")
    a["add"] = _action(window, "&Add to dataset…", "Ctrl+Shift+O", window.add_dialog)
    file_menu.addAction(a["add"])
    file_menu.addAction(a["bundled"])
    file_menu.addSeparator()
    export_menu = file_menu.addMenu("&Export")
    for view, label in (("all", "the window"), ("timeline", "the timeline"), ("relations", "the relationship panel")):
        a[f"export_{view}"] = _action(window, f"Image of {label}…", "Ctrl+E" if view == "all" else None,
                                      lambda view=view: window.export_image_dialog(view))  # type: ignore[misc]
        export_menu.addAction(a[f"export_{view}"])
    export_menu.addSeparator()
    a["export_events"] = _action(window, "Events in the window (CSV/JSON)…", None, window.export_events_dialog)
    a["export_relations"] = _action(window, "Relations at the cursor (CSV/JSON)…", None,
                                    window.export_relations_dialog)
    export_menu.addAction(a["export_events"])
    export_menu.addAction(a["export_relations"])
    a["problems"] = _action(window, "Loading &problems…", None, window.show_problems)
    file_menu.addAction(a["problems"])
    file_menu.addSeparator()
    a["quit"] = _action(window, "&Quit", key.Quit, window.close)
    file_menu.addAction(a["quit"])

    view_menu = window.menuBar().addMenu("&View")
    a["default_window"] = _action(window, "&Default window", "Ctrl+D", window.show_default_window)
    a["fit"] = _action(window, "&Fit all events", "Ctrl+0", window.fit_all)
    a["zoom_in"] = _action(window, "Zoom &in", key.ZoomIn, lambda: window.zoom(0.8))
    a["zoom_out"] = _action(window, "Zoom &out", key.ZoomOut, lambda: window.zoom(1.25))
    a["previous"] = _action(window, "&Previous event", "Left", lambda: window.step_event(-1))
    a["next"] = _action(window, "&Next event", "Right", lambda: window.step_event(1))
    a["full_screen"] = _action(window, "F&ull screen", key.FullScreen, window.toggle_full_screen)
    for name in ("default_window", "fit", "zoom_in", "zoom_out", "previous", "next"):
        view_menu.addAction(a[name])
    view_menu.addSeparator()
    view_menu.addAction(window.relations_dock.toggleViewAction())
    view_menu.addAction(window.details_dock.toggleViewAction())
    view_menu.addAction(a["full_screen"])
    view_menu.addSeparator()
    _theme_menu(window, view_menu.addMenu("&Theme"), a)

    help_menu = window.menuBar().addMenu("&Help")
    a["shortcuts"] = _action(window, "&Keyboard shortcuts", "F1", window.show_shortcuts)
    a["about"] = _action(window, "&About Entente", None, window.show_about)
    help_menu.addAction(a["shortcuts"])
    help_menu.addAction(a["about"])
    return a
