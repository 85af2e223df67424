"""A list of sentences wrapped to its width, so every line is read whole without scrolling sideways.

A plain QListWidget lays each item out on one line as wide as its text: the column-mapping dialog's problems
("[error] …/minutes.csv, row 2, field 'Date of the meeting': expected a date, got 'spring'; row skipped") ran past
its right edge at 1280×720, their ends behind a horizontal scroll bar. Here each item is as tall as its text wrapped
to the list's width, and a word longer than a line (a column named by 300 letters) is broken where it must be.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QLocale, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtWidgets import QListView, QListWidget, QStyledItemDelegate, QStyleOptionViewItem, QWidget

LONG_WORD = 40  # a word longer than this (no path or name of ordinary length) may be broken inside …
BREAK_EVERY = 16  # … after every this many of its characters
ZERO_WIDTH_SPACE = "\u200b"  # a break opportunity that draws nothing (the item's own text keeps none)
_LONG = re.compile(rf"\S{{{LONG_WORD + 1},}}")
_CHUNK = re.compile(rf".{{{BREAK_EVERY}}}(?=.)")


def breakable(text: str) -> str:
    """``text`` with a zero-width space after every ``BREAK_EVERY`` characters of a word longer than ``LONG_WORD``,
    where word wrapping may break a word wider than the line (Qt's word wrap lets it run on, cut at the edge).

    >>> breakable("field '" + "X" * 40 + "' row").count(ZERO_WIDTH_SPACE)
    2
    """
    return _LONG.sub(lambda word: _CHUNK.sub(lambda chunk: chunk.group(0) + ZERO_WIDTH_SPACE, word.group(0)), text)


class WrappedLines(QStyledItemDelegate):
    """Draws an item's text wrapped to the list's width, and says the height that takes."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self.view = view

    def displayText(self, value: object, locale: QLocale | QLocale.Language) -> str:
        """The text with its long words made breakable."""
        return breakable(super().displayText(value, locale))

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        """The item's size wrapped to the viewport's width (a list view asks with no width, and gets one line)."""
        option = QStyleOptionViewItem(option)
        option.rect.setRect(0, 0, max(self.view.viewport().width() - 2 * self.view.spacing(), 1), 1)
        return super().sizeHint(option, index)


class WrappedList(QListWidget):
    """A list widget whose items wrap to its width, laid out again when it is resized."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.setSpacing(1)  # (a gap between the lines of two items)
        self.setItemDelegate(WrappedLines(self))
