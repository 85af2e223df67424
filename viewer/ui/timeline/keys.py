"""Keys that act on the timeline while it (or a child) has focus: + / - zoom, Home / End.

Ctrl+0, Ctrl++ / Ctrl+- and Left / Right belong to the main window's actions; binding them here
too would make them ambiguous, and Qt then does nothing at all.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from viewer.model import attributes, navigation
from viewer.model.dates import to_seconds
from viewer.ui.shared.state import ViewState

ZOOM_IN, ZOOM_OUT = 0.8, 1.25
KEYS: dict[str, tuple[str, ...]] = {"zoom_in": ("+", "="), "zoom_out": ("-",), "first": ("Home",), "last": ("End",)}
# What F1 and the README say about these keys (the first of each key's sequences)
HELP: tuple[tuple[str, str], ...] = (("+", "Zoom the timeline in around the cursor"), ("-", "Zoom the timeline out"),
                                     ("Home", "Select the first event"), ("End", "Select the last event"))


def zoom(state: ViewState, factor: float) -> None:
    """Zoom around the cursor when it is in view (the as-of instant stays put), else the centre."""
    window = state.window
    cursor = float(to_seconds(state.cursor))
    pivot = cursor if window.contains(cursor) else None
    state.set_window(navigation.clamp(window.zoom(factor, pivot), state.dataset))


def select_boundary(state: ViewState, last: bool) -> None:
    """Select the first (or last) event, among the matching ones when filters are set, and show it."""
    events = state.dataset.events
    matched = navigation.matches(state.dataset, state.filters) if state.filters.active else None
    target = navigation.boundary_event(events, matched, last)
    if target is None:
        return
    state.select_event(target)
    found = state.dataset.ids.get(target)
    if found < 0:
        return
    row = attributes.core_row_at(events, found)
    end = row["span_end"] if row["span_end"] == row["span_end"] else row["span_start"]
    state.set_window(navigation.reveal(state.window, float(to_seconds(row["span_start"])), float(to_seconds(end))))


def install(widget: QWidget, state: ViewState) -> dict[str, list[QShortcut]]:
    """Bind the keys to ``widget`` and its children; returns the shortcuts by name."""
    slots: dict[str, Callable[[], None]] = {
        "zoom_in": lambda: zoom(state, ZOOM_IN), "zoom_out": lambda: zoom(state, ZOOM_OUT),
        "first": lambda: select_boundary(state, last=False), "last": lambda: select_boundary(state, last=True)}
    out: dict[str, list[QShortcut]] = {}
    for name, sequences in KEYS.items():
        out[name] = []
        for sequence in sequences:
            shortcut = QShortcut(QKeySequence(sequence), widget)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slots[name])
            out[name].append(shortcut)
    return out
