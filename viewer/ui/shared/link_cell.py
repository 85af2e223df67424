"""Links in the panels: a cell that reads as a link, the short text it shows, and opening it (with an
answer the user can see when no browser can be opened)."""

from __future__ import annotations

from urllib.parse import urlsplit

from PySide6.QtCore import QUrl
from PySide6.QtGui import QBrush, QColor, QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QMainWindow, QTreeWidgetItem, QWidget

from viewer.ui.shared.plain_text import plain_tip

SHORT_PATH = 24  # characters of the path shown after the host before "…"
STATUS_MS = 10_000
SAFE_SCHEMES = ("http", "https")  # the only links a panel opens (a file: or javascript: link never)


def style_link(item: QTreeWidgetItem, column: int, colour: str, tooltip: str) -> None:
    """Make one cell of ``item`` look clickable (the click itself is handled by the tree's owner)."""
    font = item.font(column)
    font.setUnderline(True)
    item.setFont(column, font)
    item.setForeground(column, QBrush(QColor(colour)))
    item.setToolTip(column, plain_tip(tooltip))  # (an address with a tag in it, shown as written)


def short_url(url: str) -> str:
    """A link as people read it: host and path without the scheme or "www." ("nasdaq.com/articles/…").

    >>> short_url("https://www.nasdaq.com/articles/renault-nissan-alliance-reset-2023")
    'nasdaq.com/articles/renault-nissan…'
    >>> short_url("https://example.org/")
    'example.org'
    >>> short_url("not a link")
    'not a link'
    """
    parts = urlsplit(url.strip())
    if not parts.netloc:
        return url
    host = parts.netloc.removeprefix("www.")
    path = parts.path.rstrip("/")
    if len(path) > SHORT_PATH:
        path = path[:SHORT_PATH].rstrip("/") + "…"
    return host + path


def safe(url: str) -> bool:
    """Whether a source link may be opened: http(s) only.

    >>> safe("https://example.org"), safe("file:///etc/passwd"), safe("")
    (True, False, False)
    """
    return bool(url) and QUrl(url).scheme().lower() in SAFE_SCHEMES


def open_link(url: str, near: QWidget) -> bool:
    """Open ``url`` in the browser; when none can be opened, copy it and say so in the status bar.

    Returns True when the browser took the link.
    """
    if QDesktopServices.openUrl(QUrl(url)):
        return True
    clipboard = QGuiApplication.clipboard()
    if clipboard is not None:
        clipboard.setText(url)
    host = near.window()
    if isinstance(host, QMainWindow):
        host.statusBar().showMessage(f"No browser could be opened — link copied to the clipboard: {url}", STATUS_MS)
    return False
