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
ROOM = "00"  # the label is this much wider than its text: a date whose digits are wider still fits


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
        """Fix the size to the text's. A label's own hint is never below the size it is fixed to, so the text is
        measured here to tell whether the label must grow or may shrink; only then is it unfixed and measured."""
        margins = self.contentsMargins()
        natural = (self.fontMetrics().horizontalAdvance(self.text()) + margins.left() + margins.right()
                   + 2 * self.margin())
        fixed = self.minimumSize() == self.maximumSize()
        width = self.minimumWidth()
        if fixed and not exact and width * SHRINK_BELOW <= natural <= width:
            return
        self.setMinimumSize(0, 0)
        self.setMaximumSize(16_777_215, 16_777_215)
        hint = self.sizeHint()
        room = self.fontMetrics().horizontalAdvance(ROOM)  # (19 Nov, then 28 Feb: a pixel wider)
        self.setFixedSize(max(hint.width(), natural) + room, hint.height())
