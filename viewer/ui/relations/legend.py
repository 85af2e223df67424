"""The relationship panel's legend: node kinds, and relation kinds that a click hides or shows again.

Each legend wraps onto as many rows as the panel's width asks (a flow layout), so that it never widens the panel;
relation kinds take at most ``KIND_ROWS`` rows, those beyond them behind a "+N more" button whose menu shows or hides
them as their entries do."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QToolButton, QWidget

from viewer.ui.relations.flow_layout import FlowLayout
from viewer.ui.relations.items import (
    CHANGES,
    EDGE_STYLES,
    NODE_SHAPES,
    UNCHANGED_ALPHA,
    edge_style,
    kind_color,
    shape_path,
)
from viewer.ui.shared.plain_text import plain_tip
from viewer.ui.shared.theme import Theme, current

SWATCH = QSize(22, 12)  # logical pixels
OTHERS_NAMED = 3  # kinds beyond the house ones named in the legend
KIND_ROWS = 2  # rows of relation kinds at most; the others are behind "+N more"
LEAD_GAP = 14  # px between diff mode's colours and the first kind
LONGEST_NAME = 28  # characters of a kind's name on its entry (the tooltip holds it whole)


def legend_style(theme: Theme) -> str:
    """The legend buttons' style sheet: small text, no frame until hovered, greyed when switched off."""
    return f"""
QToolButton {{ border: 1px solid transparent; border-radius: 3px; padding: 0 3px; color: {theme.axis_text};
              font-size: 8pt; background: transparent; }}
QToolButton:hover {{ border-color: {theme.grid}; }}
QToolButton:checked {{ background: transparent; }}
QToolButton:!checked {{ color: {theme.muted}; }}
QToolButton#more {{ color: {theme.axis_text}; }}
"""


def swatch(color: str, style: Qt.PenStyle, width: float, shape: str = "", alpha: float = 1.0) -> QPixmap:
    """A tiny legend picture: a line in the edge's style, or a node's shape (sharp on HiDPI screens)."""
    app = QGuiApplication.instance()
    ratio = app.devicePixelRatio() if isinstance(app, QGuiApplication) else 1.0
    pixmap = QPixmap(SWATCH * ratio)
    pixmap.setDevicePixelRatio(ratio)  # drawn at device resolution, laid out at logical size
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


def on_button(name: str) -> str:
    """A kind's name as a button or a menu shows it: an "&" written, not taken for a shortcut ("R&D" read "RD")."""
    return name.replace("&", "&&")


def short(name: str) -> str:
    """A kind's name as its entry shows it: cut with "…" past ``LONGEST_NAME`` characters."""
    return name if len(name) <= LONGEST_NAME else name[:LONGEST_NAME - 1].rstrip() + "…"


class LegendRow(QWidget):
    """Pictures with their names, left-aligned, wrapping onto more rows where narrow; ``set_theme`` redraws the
    pictures."""

    def __init__(self, names: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row = FlowLayout(self, spacing=(8, 0))
        self.pictures: list[QLabel] = []
        self.labels: list[QLabel] = []
        self.theme = current()
        self.set_names(names)

    def set_names(self, names: list[str]) -> None:
        """Show these entries (their pictures from :meth:`swatches`), replacing the row's."""
        while (item := self.row.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.hide()  # deleteLater waits for the event loop; an export renders before it runs
                widget.deleteLater()
        self.pictures, self.labels = [], []
        for text in names:
            entry = QWidget(self)  # a picture and its name: never apart on two rows
            pair = QHBoxLayout(entry)
            pair.setContentsMargins(0, 0, 0, 0)
            pair.setSpacing(2)
            picture, label = QLabel(entry), QLabel(short(text), entry)
            label.setTextFormat(Qt.TextFormat.PlainText)  # a kind read as written: "<b>firm</b>" showed a bold "firm"
            if label.text() != text:
                label.setToolTip(plain_tip(text))
            pair.addWidget(picture)
            pair.addWidget(label)
            self.pictures.append(picture)
            self.labels.append(label)
            self.row.addWidget(entry)
        self.set_theme(self.theme)

    def sizeHint(self) -> QSize:
        """Every entry in one row: where the legend may share a row with more, it asks no more than that."""
        return self.row.row_size()

    def swatches(self, theme: Theme) -> list[QPixmap]:
        """One picture per entry, in the theme's colours."""
        raise NotImplementedError

    def set_theme(self, theme: Theme) -> None:
        """Redraw the pictures and re-colour the names."""
        self.theme = theme
        for picture, pixmap in zip(self.pictures, self.swatches(theme), strict=True):
            picture.setPixmap(pixmap)
        for label in self.labels:
            label.setStyleSheet(f"color: {theme.axis_text}; font-size: 8pt;")


class NodeLegend(LegendRow):
    """Shapes and colours of the node kinds the dataset has: the house kinds in their order, then every other kind
    under the one shape they share ("other", or their own names: "bot, channel")."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.kinds = [*NODE_SHAPES, "other"]
        super().__init__([kind.replace("_", " ") for kind in self.kinds], parent)

    def set_kinds(self, kinds: Iterable[str]) -> None:
        """Show the entries of these entity kinds."""
        present = {str(k) for k in kinds}
        unnamed = present & {"other", "", "nan"}
        others = sorted(present - set(NODE_SHAPES) - unnamed)
        self.kinds = [k for k in NODE_SHAPES if k in present]
        names = [kind.replace("_", " ") for kind in self.kinds]
        if others or unnamed:
            self.kinds.append("other")
            named = ", ".join(k.replace("_", " ") for k in others[:OTHERS_NAMED])
            named += " …" if len(others) > OTHERS_NAMED else ""
            names.append(", ".join(part for part in ("other" if unnamed else "", named) if part))
        self.set_names(names)

    def swatches(self, theme: Theme) -> list[QPixmap]:
        """A filled shape per kind."""
        return [swatch(theme.node(kind), Qt.PenStyle.NoPen, 0, NODE_SHAPES.get(kind, "triangle"))
                for kind in self.kinds]


class ChangeLegend(LegendRow):
    """What the colours mean in diff mode."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([*CHANGES, "unchanged"], parent)

    def swatches(self, theme: Theme) -> list[QPixmap]:
        """A line per change (dashed when removed), and a faint one for what stayed."""
        return [*(swatch(theme.edge("", change), Qt.PenStyle.DashLine if change == "removed"
                         else Qt.PenStyle.SolidLine, 2.5) for change in CHANGES),
                swatch(theme.edge("equity_stake"), Qt.PenStyle.SolidLine, 2.0, alpha=UNCHANGED_ALPHA)]


class KindLegend(QWidget):
    """One checkable entry per relation kind in the data: unchecking one hides that kind's edges. The entries wrap
    onto at most ``KIND_ROWS`` rows; the kinds past them are in the menu of a last "+N more" entry."""

    hidden_changed = Signal(object)  # frozenset[str] of hidden kinds

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.buttons: dict[str, QToolButton] = {}
        self.row = FlowLayout(self, spacing=(1, 1), max_rows=KIND_ROWS)
        self.more = QToolButton(self)
        self.more.setObjectName("more")
        self.more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more.setAccessibleName("More relation kinds")
        self.more.setMenu(QMenu(self.more))
        self.more.menu().aboutToShow.connect(self._fill_more)
        self.row.set_more(self.more)
        self.row.on_overflow = lambda _shown: self._name_more()
        self.theme = current()
        self.set_kinds(list(EDGE_STYLES))

    def set_kinds(self, kinds: list[str]) -> None:
        """One entry per kind, the house kinds first in their usual order (kinds switched off stay off)."""
        hidden = self.hidden()
        ordered = [k for k in EDGE_STYLES if k in kinds] + sorted(k for k in kinds if k not in EDGE_STYLES)
        for button in self.buttons.values():
            self.row.remove(button)
            button.hide()  # deleteLater waits for the event loop; an export renders before it runs
            button.deleteLater()
        self.buttons = {}
        for kind in ordered:
            name = edge_style(kind).name
            button = QToolButton(self)
            button.setText(on_button(short(name)))
            button.setIconSize(SWATCH)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setCheckable(True)
            button.setChecked(kind not in hidden)
            button.setToolTip(plain_tip(f"Show or hide {name} ties"))
            button.toggled.connect(lambda _on: self.hidden_changed.emit(self.hidden()))
            button.toggled.connect(lambda _on: self._name_more())
            self.buttons[kind] = button
            self.row.addWidget(button)
        if self.buttons:  # Tab goes from the last entry to "+N more", not back to the first
            QWidget.setTabOrder(list(self.buttons.values())[-1], self.more)
        self.set_theme(self.theme)
        self._name_more()

    def lead_with(self, legend: QWidget) -> None:
        """Put another legend of lines first in these rows whenever it is shown (diff mode's colours of changes),
        a gap after it."""
        if (layout := legend.layout()) is not None:
            layout.setContentsMargins(0, 0, LEAD_GAP, 0)
        self.row.set_lead(legend)

    def set_rows(self, rows: int) -> None:
        """Fold the kinds past so many rows into "+N more"."""
        if rows != self.row.max_rows:
            self.row.max_rows = rows
            self.row.invalidate()

    def set_theme(self, theme: Theme) -> None:
        """Redraw the line pictures (faint when switched off) and the buttons' colours."""
        self.theme = theme
        for kind, button in self.buttons.items():
            button.setIcon(self._icon(kind))
        self.setStyleSheet(legend_style(theme))

    def _icon(self, kind: str) -> QIcon:
        """A kind's line in the theme's colour, faint when switched off."""
        style, color = edge_style(kind), kind_color(kind, self.theme)
        icon = QIcon(swatch(color, style.dash, 2.0))
        icon.addPixmap(swatch(color, style.dash, 2.0, alpha=0.2), QIcon.Mode.Normal, QIcon.State.Off)
        icon.addPixmap(swatch(color, style.dash, 2.0), QIcon.Mode.Normal, QIcon.State.On)
        return icon

    def folded(self) -> list[str]:
        """The kinds whose entries found no room in the rows: those in the "+N more" menu."""
        return [kind for kind, button in self.buttons.items() if button in self.row.overflowed]

    def _name_more(self) -> None:
        """Say on the "+N more" entry how many kinds it holds, and how many of them are switched off."""
        folded = self.folded()
        off = sum(not self.buttons[kind].isChecked() for kind in folded)
        self.more.setText(f"+{len(folded)} more" + (f" · {off} off" if off else ""))
        names = ", ".join(edge_style(kind).name for kind in folded[:12]) + (" …" if len(folded) > 12 else "")
        self.more.setToolTip(plain_tip(f"Show or hide the other kinds of ties: {names}"))

    def _fill_more(self) -> None:
        """The menu of the kinds folded away: each checked while shown, as their entries would be."""
        menu = self.more.menu()
        menu.clear()
        for kind in self.folded():
            button = self.buttons[kind]
            action = menu.addAction(self._icon(kind), on_button(edge_style(kind).name))
            action.setCheckable(True)
            action.setChecked(button.isChecked())
            action.toggled.connect(button.setChecked)

    def hidden(self) -> frozenset[str]:
        """The kinds switched off."""
        return frozenset(kind for kind, button in self.buttons.items() if not button.isChecked())

    def set_hidden(self, kinds: frozenset[str]) -> None:
        """Switch kinds off (and the others on) without emitting once per button."""
        self.blockSignals(True)
        for kind, button in self.buttons.items():
            button.setChecked(kind not in kinds)
        self.blockSignals(False)
