"""The keys a focused control needs for itself win over the window's shortcuts.

Space is Play and Left / Right walk the events, anywhere in the window. A user who Tabs to a button, a check box, a
list or a table expects Space to press or tick it and the arrows to move in it; the shortcuts took those keys first,
so the People box could not be ticked from the keyboard, the graph's modes not chosen, a combo box not opened and a
table's cells not walked. Qt asks the focused widget first (a ``ShortcutOverride`` event, passed up to the window
when the widget lets it by): the window answers yes for those keys on those controls (:func:`taken`), and every other
key, and every other widget (the timeline), keeps the shortcuts. A view that walks its own items with the arrows says
so with a ``takesArrows`` property (the graph: from node to node).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QApplication, QComboBox, QTabBar, QWidget

_ARROWS = {Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down}


def wants(widget: QWidget, key: int) -> bool:
    """Whether ``widget``, holding the focus, takes ``key`` (pressed with no modifier) for itself."""
    if isinstance(widget, QAbstractButton):
        grouped = widget.group() is not None or widget.autoExclusive()
        return key == Qt.Key.Key_Space or (grouped and key in _ARROWS)  # (arrows move along a group of choices)
    if isinstance(widget, QComboBox):
        return key == Qt.Key.Key_Space  # it opens the list
    if isinstance(widget, QAbstractItemView):
        return key == Qt.Key.Key_Space or key in _ARROWS
    if isinstance(widget, QTabBar) or widget.property("takesArrows"):
        return key in _ARROWS  # (from one docked panel's tab to the next; from one node of the graph to the next)
    return False


def taken(event: QKeyEvent) -> bool:
    """Answer a ``ShortcutOverride`` that reached the window (the focused widget let it pass up): accepted, and so kept
    from the shortcuts, when the focused control takes the key (see the module)."""
    focused = QApplication.focusWidget()
    plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier == Qt.KeyboardModifier.NoModifier
    if focused is None or not plain or not wants(focused, event.key()):
        return False
    event.accept()  # the widget takes the key: no shortcut fires, the key press reaches it
    return True
