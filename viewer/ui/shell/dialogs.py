"""The app's small dialogs: errors with details, the offer to convert a table too big to load, About, keyboard
shortcuts."""

from __future__ import annotations

from html import escape
from pathlib import Path

import numpy
import pandas
import pyqtgraph
import PySide6
from PySide6.QtCore import qVersion
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QTextBrowser, QVBoxLayout, QWidget

import viewer
from viewer.model.dataset import Dataset


def error(parent: QWidget | None, title: str, message: str, details: str = "") -> None:
    """A warning with the message, and the technical details folded away."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, message, parent=parent)
    if details:
        box.setDetailedText(details)
    box.exec()


def offer_conversion(parent: QWidget | None, message: str, folder: Path) -> bool:
    """Ask whether a table too big for memory is written as Parquet in ``folder`` and opened, queried in place."""
    # the sizes, without the command line's way on
    said = message.split(" is free. ", 1)[0] + " is free." if " is free. " in message else message
    box = QMessageBox(QMessageBox.Icon.Question, "Too big to load", said, parent=parent)
    box.setInformativeText(f"Entente can write it as Parquet without loading it, in {folder}, and open that: "
                           "its events are then queried where they are.")
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Yes).setText("Convert and open")
    box.setDefaultButton(QMessageBox.StandardButton.Yes)
    return box.exec() == QMessageBox.StandardButton.Yes


def _text_dialog(parent: QWidget | None, title: str, html: str) -> QDialog:
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    browser = QTextBrowser(dialog)
    browser.setOpenLinks(False)
    browser.setHtml(html)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(browser)
    layout.addWidget(buttons)
    dialog.resize(560, 480)
    return dialog


def versions() -> dict[str, str]:
    """Versions of Entente and the libraries it stands on."""
    return {"Entente": viewer.__version__, "Qt": qVersion(), "PySide6": PySide6.__version__,
            "pandas": pandas.__version__, "numpy": numpy.__version__, "pyqtgraph": pyqtgraph.__version__}


def about_html(dataset: Dataset) -> str:
    """The About text: what Entente is, versions, licence, and the open dataset's sources."""
    rows = "".join(f"<tr><td>{escape(k)}</td><td>{escape(v)}</td></tr>" for k, v in versions().items())
    sources = "".join(f"<li>{escape(s)}</li>" for s in dataset.meta.sources) or "<li>(none given)</li>"
    return (f"<h2>Entente {escape(viewer.__version__)}</h2>"
            "<p>A timeline and relationship viewer for event datasets on your own disk. "
            "Offline: it never reaches the network.</p><p>Licence: MIT.</p>"
            f"<table>{rows}</table>"
            f"<h3>{escape(dataset.title)}</h3><p>{escape(dataset.meta.description)}</p>"
            f"<p><b>Licence:</b> {escape(dataset.meta.licence or 'not stated')}</p><ul>{sources}</ul>")


def about(parent: QWidget | None, dataset: Dataset) -> QDialog:
    """The About dialog (returned shown, non-modal)."""
    dialog = _text_dialog(parent, "About Entente", about_html(dataset))
    dialog.show()
    return dialog


def shortcut_rows(actions: list[QAction], more: tuple[tuple[str, str], ...] = ()) -> list[tuple[str, str]]:
    """(key, what it does) for every action that has a shortcut, then ``more`` (keys a panel binds itself)."""
    rows = [(a.shortcut().toString(), a.text().replace("&", "")) for a in actions
            if not a.shortcut().isEmpty()]
    return rows + list(more)


def shortcuts_html(actions: list[QAction], more: tuple[tuple[str, str], ...] = ()) -> str:
    """A table of every action that has a shortcut, and the keys the timeline binds while it has focus."""
    rows = "".join(f"<tr><td><b>{escape(key)}</b></td><td>{escape(text)}</td></tr>"
                   for key, text in shortcut_rows(actions, more))
    extra = ("<tr><td><b>Wheel</b></td><td>Zoom the timeline around the mouse</td></tr>"
             "<tr><td><b>Drag</b></td><td>Pan the timeline; drag the cursor line to move the date</td></tr>")
    return f"<h3>Keyboard and mouse</h3><table cellpadding='3'>{rows}{extra}</table>"


def shortcuts(parent: QWidget | None, actions: list[QAction], more: tuple[tuple[str, str], ...] = ()) -> QDialog:
    """The keyboard shortcuts window (returned shown, non-modal)."""
    dialog = _text_dialog(parent, "Keyboard shortcuts", shortcuts_html(actions, more))
    dialog.show()
    return dialog
