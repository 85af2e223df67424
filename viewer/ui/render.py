"""Rendering a whole window to a file without a screen: ``entente export`` and the README screenshot."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QMessageLogContext, QSize, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QWidget

from viewer.model.dataset import Dataset
from viewer.model.problems import LoadError
from viewer.model.window import TimeWindow
from viewer.ui.app import application
from viewer.ui.shared.state import ViewState
from viewer.ui.shell.export import FORMATS, save_widget
from viewer.ui.shell.main_window import MainWindow


def _ensure_platform() -> None:
    # Without a display Qt would abort trying to reach one: render offscreen instead.
    if not os.environ.get("QT_QPA_PLATFORM") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


PLATFORM_CHATTER = ("does not support propagateSizeHints",)  # the offscreen platform's, on every window shown


def _without_chatter(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's messages on stderr, as Qt writes them, but the offscreen platform's notes on what it cannot do: ``entente
    export`` printed "This plugin does not support propagateSizeHints()" before every "Wrote view.png"."""
    if not any(note in message for note in PLATFORM_CHATTER):
        sys.stderr.write(f"{message}\n")


def export_window(dataset: Dataset, out: str | Path, *, size: tuple[int, int] = (1600, 900), at: str | None = None,
                  start: str | None = None, end: str | None = None, view: str = "all") -> None:
    """Build the main window at ``size`` with the given window and cursor and save the chosen view."""
    _ensure_platform()
    if Path(out).suffix.lower() not in FORMATS:
        raise ValueError(f"{out}: expected a file ending in {', '.join(FORMATS)}")
    app = application()
    previous = qInstallMessageHandler(_without_chatter)
    try:
        _render(app, dataset, out, size, at, start, end, view)
    finally:
        qInstallMessageHandler(previous)


def _render(app: QApplication, dataset: Dataset, out: str | Path, size: tuple[int, int], at: str | None,
            start: str | None, end: str | None, view: str) -> None:
    state = ViewState(dataset)
    if start or end:
        state.set_window(TimeWindow.between(dataset.when(start) or state.window.start_time,
                                            dataset.when(end) or state.window.end_time))
    if at:
        state.move_cursor(dataset.when(at))
    main = MainWindow(state)
    main.resize(*size)
    widget: QWidget = main
    if view != "all":
        widget = main.timeline if view == "timeline" else main.relations
        widget.setParent(None)  # render the panel alone, at the full size
        widget.resize(QSize(*size))
        widget.show()
    else:
        main.show()
    for _ in range(3):
        app.processEvents()
    ok = save_widget(widget, out)
    widget.close()
    main.close()
    if not ok:
        raise LoadError(f"{out}: could not write the image (check that the folder exists and is writable)")
