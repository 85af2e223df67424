"""A frame round a picture view that holds the keys, shown when the focus came from the keyboard.

The timeline, the overview and the graph are pictures: none of them draws a focus of its own, so a user walking
the window with Tab could not see which of them the arrows, ``+`` and ``-`` would reach. Like a web browser's
``:focus-visible``, the frame shows when the focus came by Tab, Shift+Tab or a shortcut, and goes with the focus;
a click or the window's first focus shows none (the pointer says where it went). It is a child drawn over the
view's viewport, not part of the view's own painting, and an exported or copied picture leaves it out
(:func:`left_out`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFocusEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

V = TypeVar("V", bound=QWidget)
KEYBOARD = (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason, Qt.FocusReason.ShortcutFocusReason)
WIDTH_PX = 2
_LEFT_OUT = [0]  # pictures being taken of the window now (nested: a count)


@contextmanager
def left_out() -> Iterator[None]:
    """While a picture of the window is taken (an export, Copy image): no frame is drawn into it."""
    _LEFT_OUT[0] += 1
    try:
        yield
    finally:
        _LEFT_OUT[0] -= 1


class FocusFrame(QWidget):
    """The frame of one view (made with the view as its parent: it lives and goes with it)."""

    def __init__(self, view: QAbstractScrollArea) -> None:
        super().__init__(view)
        self.view = view
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hide()
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Show on a focus from the keyboard, hide as the focus leaves, follow the viewport's size."""
        kind = event.type()
        if kind == QEvent.Type.FocusIn and isinstance(event, QFocusEvent):
            self._place()
            self.setVisible(event.reason() in KEYBOARD)
        elif kind == QEvent.Type.FocusOut:
            self.hide()
        elif kind == QEvent.Type.Resize and self.isVisible():
            self._place()
        return False

    def _place(self) -> None:
        self.setGeometry(self.view.viewport().geometry())
        self.raise_()

    def paintEvent(self, event: Any) -> None:
        if _LEFT_OUT[0]:
            return
        painter = QPainter(self)
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), WIDTH_PX))
        half = WIDTH_PX // 2
        painter.drawRect(self.rect().adjusted(half, half, -half, -half))
        painter.end()


def framed(view: V) -> V:
    """Give ``view`` (a picture view: a graphics view or other scroll area) a focus frame; the view itself back."""
    if isinstance(view, QAbstractScrollArea):
        FocusFrame(view)  # (the view owns it: ``view.findChild(FocusFrame)``)
    return view
