"""A tree-widget cell that reads as a link: underlined, in the theme's link colour, with a tooltip."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QTreeWidgetItem


def style_link(item: QTreeWidgetItem, column: int, colour: str, tooltip: str) -> None:
    """Make one cell of ``item`` look clickable (the click itself is handled by the tree's owner)."""
    font = item.font(column)
    font.setUnderline(True)
    item.setFont(column, font)
    item.setForeground(column, QBrush(QColor(colour)))
    item.setToolTip(column, tooltip)
