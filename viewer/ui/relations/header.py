"""The relationship panel's header: what it shows (as of which day, or between which dates) and its switches."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from viewer.ui.shared.plain_text import plain_tip
from viewer.ui.shared.steady_label import SteadyLabel
from viewer.ui.shared.theme import Theme, current, follow

CURSOR, DIFF, WINDOW = "cursor", "diff", "window"
FIND_TIP = "Type a name and press Return to show its neighbourhood (Return again: the next match)"
MODES = ((CURSOR, "As of cursor", "The ties valid at the time cursor"),
         (WINDOW, "During the window", "Every tie valid during the visible window (thinner: held for part of it)"),
         (DIFF, "Compare two dates", "What changed between two dates"))


class RelationsHeader(QWidget):
    """A title, the mode switch, a search box, People, Fit and Reset layout."""

    mode_requested = Signal(str)
    search_requested = Signal(str)  # the text typed in the search box, on Return

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.as_of = SteadyLabel(self)
        # two rows, so the panel asks little width and the timeline keeps its room at 1280×720
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(2)
        top, row = QHBoxLayout(), QHBoxLayout()
        rows.addLayout(top)
        rows.addLayout(row)
        top.addWidget(self.as_of)
        top.addStretch(1)
        self.group = QButtonGroup(self)
        self.mode_buttons: dict[str, QToolButton] = {}
        for mode, text, tip in MODES:
            button = QToolButton(self)
            button.setText(text)
            button.setToolTip(tip)
            button.setCheckable(True)
            button.setChecked(mode == CURSOR)
            button.clicked.connect(lambda _on=False, m=mode: self.mode_requested.emit(m))
            self.group.addButton(button)
            self.mode_buttons[mode] = button
            row.addWidget(button)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Find…")
        self.search.setAccessibleName("Find an entity")
        self.search.setClearButtonEnabled(True)
        self.search.setToolTip(FIND_TIP)
        self.search.setMinimumWidth(90)
        self.search.setMaximumWidth(160)
        self.search.returnPressed.connect(lambda: self.search_requested.emit(self.search.text()))
        self.search.textEdited.connect(lambda _text: self.tell(""))  # (what was said of the last search goes)
        self.fit = QToolButton(self)
        self.fit.setText("Fit")
        self.fit.setToolTip("Frame the entities drawn now (the wheel zooms, dragging the background pans)")
        self.people = QCheckBox("People", self)
        self.people.setToolTip("Show people and who led what")
        self.reset_layout = QToolButton(self)
        self.reset_layout.setText("Reset layout")
        self.reset_layout.setToolTip("Put the nodes you moved back where the layout placed them")
        self.reset_layout.setVisible(False)
        row.addStretch(1)
        top.addWidget(self.search)
        top.addWidget(self.fit)
        top.addWidget(self.people)
        top.addWidget(self.reset_layout)
        follow(self.set_theme)

    def set_theme(self, theme: Theme) -> None:
        """The heading in the theme's text colour (a style sheet would otherwise keep the old palette's),
        and the active mode button filled with the accent, so it reads as active in light and dark alike."""
        self.as_of.setStyleSheet(f"font-weight: 600; color: {theme.text};")
        style = (f"QToolButton {{ padding: 1px 8px; border: 1px solid {theme.grid}; border-radius: 3px; }}"
                 f"QToolButton:checked {{ background: {theme.accent}; color: #FFFFFF;"
                 f" border-color: {theme.accent}; }}")
        for button in self.mode_buttons.values():
            button.setStyleSheet(style)

    def tell(self, message: str, missed: bool = False) -> None:
        """Say what Find found beside its box ("No entity matches “zzz”", framed in the error colour when nothing
        matched; "" clears it): Return on a name nothing matched, or on one with no tie drawn, did nothing visible."""
        self.search.setProperty("missed", missed)
        self.search.setStyleSheet(f"QLineEdit {{ border: 1px solid {current().error}; }}" if missed else "")
        message = plain_tip(message)  # (it names the entity: as written, not read as HTML)
        self.search.setToolTip(message or FIND_TIP)
        if message and self.search.isVisible():
            QToolTip.showText(self.search.mapToGlobal(QPoint(0, self.search.height())), message, self.search)
        elif not message:
            QToolTip.hideText()

    def show_mode(self, mode: str) -> None:
        """Check the button of ``mode``."""
        self.mode_buttons[mode].setChecked(True)
