"""Rendering the window, the timeline or the relationship panel offscreen to PNG, SVG or PDF.

pyqtgraph 0.14's own SVG exporter fails on Qt 6.12, so vectors go through ``QSvgGenerator`` and
``QPdfWriter``: the widget renders itself into a QPainter on either. The image is rendered into memory
and written with :func:`viewer.io.atomic.replace_file`, so a failed export leaves an older file intact.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QPoint, QRect, QSize, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPaintDevice, QPainter, QPdfWriter
from PySide6.QtWidgets import QWidget

from viewer.io.atomic import replace_file
from viewer.model.dataset import Dataset
from viewer.model.problems import LoadError

VIEWS = ("all", "timeline", "relations")
FORMATS = (".png", ".svg", ".pdf")


def _ensure_platform() -> None:
    # Without a display Qt would abort trying to reach one: render offscreen instead.
    if not os.environ.get("QT_QPA_PLATFORM") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def _write_png(widget: QWidget, device: QIODevice) -> bool:
    return widget.grab().save(device, "PNG")


def _write_svg(widget: QWidget, device: QIODevice) -> bool:
    from PySide6.QtSvg import QSvgGenerator
    generator = QSvgGenerator()
    generator.setOutputDevice(device)
    generator.setSize(widget.size())
    generator.setViewBox(QRect(0, 0, widget.width(), widget.height()))
    generator.setTitle("Entente")
    return _paint(widget, generator, 1.0)


def _write_pdf(widget: QWidget, device: QIODevice) -> bool:
    writer = QPdfWriter(device)
    writer.setTitle("Entente")
    writer.setResolution(96)
    size = QSizeF(widget.width(), widget.height())
    writer.setPageLayout(QPageLayout(QPageSize(size, QPageSize.Unit.Point), QPageLayout.Orientation.Portrait,
                                     QMarginsF(0, 0, 0, 0)))
    return _paint(widget, writer, writer.width() / max(widget.width(), 1))


def _paint(widget: QWidget, device: QPaintDevice, scale: float) -> bool:
    painter = QPainter()
    if not painter.begin(device):
        return False
    try:
        painter.scale(scale, scale)
        widget.render(painter, QPoint(0, 0))
    finally:
        ended = painter.end()
    return ended


WRITERS: dict[str, Callable[[QWidget, QIODevice], bool]] = {".png": _write_png, ".svg": _write_svg, ".pdf": _write_pdf}


def save_widget(widget: QWidget, path: str | Path) -> bool:
    """Write a widget as PNG, SVG or PDF (by suffix), atomically; False when it could not be written."""
    target = Path(path)
    writer = WRITERS.get(target.suffix.lower())
    if writer is None or not target.parent.is_dir():
        return False
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not writer(widget, buffer):
        return False
    data = bytes(buffer.data().data())
    if not data:
        return False
    try:
        replace_file(target, data)
    except OSError:
        return False
    return True


def export_window(dataset: Dataset, out: str | Path, *, size: tuple[int, int] = (1600, 900), at: str | None = None,
                  start: str | None = None, end: str | None = None, view: str = "all") -> None:
    """Build the main window at ``size`` with the given window and cursor and save the chosen view."""
    _ensure_platform()
    from viewer.model.window import TimeWindow
    from viewer.ui.app import application
    from viewer.ui.main_window import MainWindow
    from viewer.ui.state import ViewState

    if Path(out).suffix.lower() not in FORMATS:
        raise ValueError(f"{out}: expected a file ending in {', '.join(FORMATS)}")
    app = application()
    state = ViewState(dataset)
    if start or end:
        state.set_window(TimeWindow.between(start or state.window.start_time, end or state.window.end_time))
    if at:
        state.move_cursor(at)
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
