"""The relationship panel's header: what it shows (as of which day, or between which dates) and its switches."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QCheckBox, QHBoxLayout, QLabel, QToolButton, QWidget

from viewer.ui.shared.theme import Theme, follow

CURSOR, DIFF = "cursor", "diff"
MODES = ((CURSOR, "As of cursor", "The ties valid at the time cursor"),
         (DIFF, "Compare two dates", "What changed between two dates"))


class RelationsHeader(QWidget):
    """A title, the mode switch ("As of cursor" / "Compare two dates"), People and Reset layout."""

    mode_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.as_of = QLabel(self)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.as_of)
        row.addStretch(1)
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
        self.people = QCheckBox("People", self)
        self.people.setToolTip("Show people and who led what")
        self.reset_layout = QToolButton(self)
        self.reset_layout.setText("Reset layout")
        self.reset_layout.setToolTip("Put the nodes you moved back where the layout placed them")
        self.reset_layout.setVisible(False)
        row.addSpacing(8)
        row.addWidget(self.people)
        row.addWidget(self.reset_layout)
        follow(self.set_theme)

    def set_theme(self, theme: Theme) -> None:
        """The heading in the theme's text colour (a style sheet would otherwise keep the old palette's),
        and the active mode button filled with the accent, so it reads as active in light and dark alike."""
        self.as_of.setStyleSheet(f"font-weight: 600; color: {theme.text};")
        style = (f"QToolButton {{ padding: 2px 8px; border: 1px solid {theme.grid}; border-radius: 3px; }}"
                 f"QToolButton:checked {{ background: {theme.accent}; color: #FFFFFF;"
                 f" border-color: {theme.accent}; }}")
        for button in self.mode_buttons.values():
            button.setStyleSheet(style)

    def show_mode(self, mode: str) -> None:
        """Check the button of ``mode``."""
        self.mode_buttons[mode].setChecked(True)
