"""A label whose text follows the cursor without laying the window out again at each step.

A QLabel asks its layout for a new geometry whenever its text changes, unless its size is fixed: the date under
a dragged cursor, shown in the relationship panel's heading and the status bar, made Qt lay out the panel, its
dock, the status bar and the main window once per step, and paint them (a millisecond of a 10 ms step on the
bundled dataset). This label holds a fixed size that fits its text: it grows at once for a longer text, and gives
room back only when a text is much shorter (another dataset's counts), so a date a digit shorter moves nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QWidget

SHRINK_BELOW = 0.8  # a text narrower than this share of the label's width makes the label narrower


class SteadyLabel(QLabel):
    """A one-line label whose width changes only when its text needs more room, or far less."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fit(exact=True)

    def setText(self, text: str) -> None:
        """Show ``text``, keeping the label's size unless the text does not fit it or fills too little of it."""
        if text == self.text():
            return
        super().setText(text)
        self._fit()

    def changeEvent(self, event: QEvent) -> None:
        """A new font or style sheet measures the text again."""
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit(exact=True)

    def _fit(self, exact: bool = False) -> None:
        """Fix the size to the text's (a label's own hint ignores the size it is fixed to)."""
        hint = self.sizeHint()
        width = self.minimumWidth()
        if exact or hint.width() > width or hint.width() < width * SHRINK_BELOW:
            width = hint.width()
        if (width, hint.height()) != (self.minimumWidth(), self.minimumHeight()) or not self._fixed():
            self.setFixedSize(width, hint.height())

    def _fixed(self) -> bool:
        return self.minimumSize() == self.maximumSize()
