"""Dock widgets made the one way: named (restoreState needs it), movable, floatable, closable."""

from __future__ import annotations

from PySide6.QtWidgets import QDockWidget, QWidget

FEATURES = (QDockWidget.DockWidgetFeature.DockWidgetMovable | QDockWidget.DockWidgetFeature.DockWidgetFloatable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable)


def make_dock(parent: QWidget, title: str, name: str, widget: QWidget) -> QDockWidget:
    """A dock holding ``widget``, with an object name for saving and restoring the layout."""
    dock = QDockWidget(title, parent)
    dock.setObjectName(name)
    dock.setWidget(widget)
    dock.setFeatures(FEATURES)
    return dock
