"""The relationship panel's legend: node kinds, and relation kinds that a click hides or shows again."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from viewer.ui.relations_items import (
    CHANGE_COLORS,
    EDGE_STYLES,
    NODE_COLORS,
    NODE_SHAPES,
    OTHER_NODE_COLOR,
    UNCHANGED_ALPHA,
    shape_path,
)

LEGEND_STYLE = """
QToolButton { border: 1px solid transparent; border-radius: 3px; padding: 0 3px; color: #333; font-size: 8pt;
              background: transparent; }
QToolButton:hover { border-color: #bbb; }
QToolButton:checked { background: transparent; }
QToolButton:!checked { color: #b0b0b0; }
"""


def swatch(color: str, style: Qt.PenStyle, width: float, shape: str = "", alpha: float = 1.0) -> QPixmap:
    """A tiny legend picture: a line in the edge's style, or a node's shape."""
    pixmap = QPixmap(22, 12)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setOpacity(alpha)
    if shape:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(color))
        painter.drawPath(shape_path(shape, 11, 6, 4.0))
    else:
        painter.setPen(QPen(QColor(color), width, style, Qt.PenCapStyle.FlatCap))
        painter.drawLine(1, 6, 21, 6)
    painter.end()
    return pixmap


def legend_row(items: list[tuple[QPixmap, str]]) -> QHBoxLayout:
    """A row of pictures with their names, left-aligned."""
    row = QHBoxLayout()
    row.setSpacing(2)
    for pixmap, text in items:
        picture, label = QLabel(), QLabel(text)
        picture.setPixmap(pixmap)
        label.setStyleSheet("color: #444; font-size: 8pt;")
        row.addWidget(picture)
        row.addWidget(label)
        row.addSpacing(8)
    row.addStretch(1)
    return row


def node_legend() -> QHBoxLayout:
    """Shapes and colours of the node kinds."""
    return legend_row([(swatch(color, Qt.PenStyle.NoPen, 0, NODE_SHAPES.get(kind, "triangle")),
                        kind.replace("_", " ")) for kind, color in (*NODE_COLORS.items(), ("other", OTHER_NODE_COLOR))])


def change_legend() -> QWidget:
    """What the colours mean in diff mode."""
    widget = QWidget()
    items = [(swatch(c, Qt.PenStyle.DashLine if k == "removed" else Qt.PenStyle.SolidLine, 2.5), k)
             for k, c in CHANGE_COLORS.items()]
    items.append((swatch("#333333", Qt.PenStyle.SolidLine, 2.0, alpha=UNCHANGED_ALPHA), "unchanged"))
    row = legend_row(items)
    row.setContentsMargins(0, 0, 0, 0)
    widget.setLayout(row)
    return widget


class KindLegend(QWidget):
    """One checkable entry per relation kind: unchecking one hides that kind's edges."""

    hidden_changed = Signal(object)  # frozenset[str] of hidden kinds

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.buttons: dict[str, QToolButton] = {}
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(1)
        for kind, style in EDGE_STYLES.items():
            button = QToolButton(self)
            button.setText(style.name)
            icon = QIcon(swatch(style.color, style.dash, 2.0))
            icon.addPixmap(swatch(style.color, style.dash, 2.0, alpha=0.2), QIcon.Mode.Normal, QIcon.State.Off)
            icon.addPixmap(swatch(style.color, style.dash, 2.0), QIcon.Mode.Normal, QIcon.State.On)
            button.setIcon(icon)
            button.setIconSize(QSize(22, 12))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setCheckable(True)
            button.setChecked(True)
            button.setToolTip(f"Show or hide {style.name} ties")
            button.toggled.connect(lambda _on: self.hidden_changed.emit(self.hidden()))
            self.buttons[kind] = button
            row.addWidget(button)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(row)
        self.setStyleSheet(LEGEND_STYLE)

    def hidden(self) -> frozenset[str]:
        """The kinds switched off."""
        return frozenset(kind for kind, button in self.buttons.items() if not button.isChecked())

    def set_hidden(self, kinds: frozenset[str]) -> None:
        """Switch kinds off (and the others on) without emitting once per button."""
        self.blockSignals(True)
        for kind, button in self.buttons.items():
            button.setChecked(kind not in kinds)
        self.blockSignals(False)
