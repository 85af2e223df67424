"""Every action of the window in one registry, keyed by a stable id (menus, F1 and tests find them there)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

Shortcut = QKeySequence.StandardKey | str | None
# Some platforms (and the offscreen one) bind no keys to a standard key: use the common ones then.
FALLBACKS = {QKeySequence.StandardKey.Open: "Ctrl+O", QKeySequence.StandardKey.Quit: "Ctrl+Q",
             QKeySequence.StandardKey.ZoomIn: "Ctrl++", QKeySequence.StandardKey.ZoomOut: "Ctrl+-",
             QKeySequence.StandardKey.FullScreen: "F11", QKeySequence.StandardKey.Find: "Ctrl+F",
             QKeySequence.StandardKey.Paste: "Ctrl+V", QKeySequence.StandardKey.Copy: "Ctrl+C"}


def key_sequences(shortcut: Shortcut) -> list[QKeySequence]:
    """The key sequences of a standard key (with the common fallback) or of a written one."""
    if shortcut is None:
        return []
    if isinstance(shortcut, str):
        return [QKeySequence(shortcut)]
    keys = QKeySequence.keyBindings(shortcut)
    fallback = QKeySequence(FALLBACKS[shortcut]) if shortcut in FALLBACKS else None
    if fallback is not None and fallback not in keys:
        keys.append(fallback)
    return keys


class ActionRegistry(dict[str, QAction]):
    """Action id → QAction; each action is also added to the window, so its keys work without menus."""

    def __init__(self, window: QWidget) -> None:
        super().__init__()
        self.window = window

    def add(self, action_id: str, text: str, slot: Callable[..., object], shortcut: Shortcut = None,
            tip: str = "", checkable: bool = False) -> QAction:
        """Create the action ``action_id`` (an id is added once; a second add is a programming error)."""
        if action_id in self:
            raise KeyError(f"action {action_id!r} is already registered")
        action = QAction(text, self.window)
        action.setObjectName(action_id)
        action.setShortcuts(key_sequences(shortcut))
        if tip:
            action.setToolTip(tip)
        action.setCheckable(checkable)
        if checkable:
            action.toggled.connect(slot)
        else:
            action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)  # shortcuts work even when the menu bar is hidden (full screen)
        self[action_id] = action
        return action
