"""Copy (Ctrl+C, Edit → Copy): what holds the focus is copied as a user expects it; Copy image (Ctrl+Shift+C) the
window as drawn.

In a table (the relations at the cursor, the Problems), its selected rows (else all it shows) as tab-separated text
under its column names, for a spreadsheet. Anywhere else, what is selected (events, entities, ties) as Details shows
it: as HTML for a word processor, and as text with each link's address written out (a journalist's source kept).
A text field with a selection copies its own text, as ever (Qt gives it the key first).
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QGuiApplication, QImage, QTextDocument
from PySide6.QtWidgets import QAbstractItemView, QApplication

from viewer.ui.shared import focus_frame

if TYPE_CHECKING:
    from viewer.ui.shell.main_window import MainWindow

_LINK = re.compile(r"<a\s[^>]*href=(['\"])(.*?)\1[^>]*>(.*?)</a>", re.IGNORECASE | re.DOTALL)
NOTHING = "Nothing selected to copy: click an event, an entity or a tie (or rows of a table) first"
_last: list[str] = [""]  # the text Copy last put on the clipboard (Paste as dataset does not open it back)


def copied_here(text: str) -> bool:
    """Whether ``text`` is what Copy last put on the clipboard."""
    return bool(text) and text == _last[0]


def copy(window: MainWindow) -> str:
    """Copy what the focus is on; returns the text put on the clipboard (empty: nothing was)."""
    focus = QApplication.focusWidget()
    if isinstance(focus, QAbstractItemView) and window.isAncestorOf(focus):
        return _put(rows_text(focus), None)
    picked = window.state.selection
    shown = window.details.shown_html() if picked.events or picked.entities or picked.relations else ""
    if not shown:
        window.statusBar().showMessage(NOTHING, 8_000)
        return ""
    text = text_with_links(shown)
    _put(text, shown)
    window.statusBar().showMessage("Copied what Details shows, with its sources", 5_000)
    return text


def copy_image(window: MainWindow) -> QImage:
    """Put a picture of the window, as it is drawn, on the clipboard (for a document or a chat)."""
    with focus_frame.left_out():
        image = window.grab().toImage()
    clipboard = QGuiApplication.clipboard()
    if clipboard is not None:
        clipboard.setImage(image)
    window.statusBar().showMessage(f"Copied an image of the window ({image.width()}×{image.height()} pixels)", 5_000)
    return image


def rows_text(view: QAbstractItemView) -> str:
    """The view's selected rows (all the rows it shows when none is), under its column names, tab-separated."""
    model = view.model()
    columns = [c for c in range(model.columnCount()) if not getattr(view, "isColumnHidden", lambda _c: False)(c)]
    selection = view.selectionModel()
    rows = sorted({index.row() for index in selection.selectedIndexes()}) if selection is not None else []
    rows = rows or list(range(model.rowCount()))
    header = [_cell(model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)) for c in columns]
    lines = ("\t".join(_cell(model.index(r, c).data(Qt.ItemDataRole.DisplayRole)) for c in columns) for r in rows)
    return "\n".join(["\t".join(header), *lines]) + "\n"


def _cell(value: object) -> str:
    """A cell as one line: a tab or a line break in it would split it in a spreadsheet."""
    return " ".join(str("" if value is None else value).split())


def text_with_links(shown: str) -> str:
    """Details' HTML as plain text, each link followed by its address ("Reuters <https://…>")."""

    def spelled(match: re.Match[str]) -> str:
        address, words = html.unescape(match.group(2)), match.group(3)
        plain = re.sub(r"<[^>]+>", "", words)
        return words if html.unescape(plain).strip() == address else f"{words} &lt;{html.escape(address)}&gt;"

    document = QTextDocument()
    document.setHtml(_LINK.sub(spelled, shown))
    return document.toPlainText().strip() + "\n"


def release_clipboard() -> None:
    """Before Python stops: what a QMimeData made in Python left on the clipboard becomes Qt's own text. Qt deletes the
    clipboard's data as the application ends, after Python has stopped, and a QMimeData made in Python then crashes
    the exit (offscreen, at least). Called as the application is about to quit (and by the tests at their end)."""
    if QGuiApplication.instance() is None:
        return
    clipboard = QGuiApplication.clipboard()
    data = clipboard.mimeData() if clipboard is not None else None
    if clipboard is not None and data is not None and shiboken6.createdByPython(data):
        clipboard.setText(clipboard.text())


def _put(text: str, rich: str | None) -> str:
    """Put ``text`` on the clipboard, with ``rich`` as its HTML (a QMimeData made here: see release_clipboard)."""
    _last[0] = text
    clipboard = QGuiApplication.clipboard()
    if clipboard is None:
        return text
    if rich is None:
        clipboard.setText(text)
        return text
    data = QMimeData()
    data.setText(text)
    data.setHtml(rich)
    clipboard.setMimeData(data)
    return text
