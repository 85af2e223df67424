"""Rendering the window, the timeline or the relationship panel offscreen to PNG, SVG or PDF.

pyqtgraph 0.14's own SVG exporter fails on Qt 6.12, so vectors go through ``QSvgGenerator`` and
``QPdfWriter``: the widget renders itself into a QPainter on either. The image is rendered into memory
and written with :func:`viewer.io.atomic.replace_file`, so a failed export leaves an older file intact.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QPoint, QRect, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPaintDevice, QPainter, QPdfWriter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QWidget

from viewer.io.atomic import replace_file
from viewer.ui.shared import focus_frame

VIEWS = ("all", "timeline", "relations")
FORMATS = (".png", ".svg", ".pdf")


def _write_png(widget: QWidget, device: QIODevice) -> bool:
    return widget.grab().save(device, "PNG")


def _write_svg(widget: QWidget, device: QIODevice) -> bool:
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


def unwritable(path: str | Path) -> str:
    """Why a picture cannot be written at ``path`` ("" when nothing says so before trying): the export said only
    "Could not write PATH", for a name without a suffix as for a folder that is gone."""
    target = Path(path)
    if target.suffix.lower() not in WRITERS:
        return f"a picture is written as {', '.join(s.lstrip('.').upper() for s in WRITERS)}: end the name in " \
               f"{', '.join(WRITERS)}"
    if target.is_dir():
        return "it is a folder"
    if not target.parent.is_dir():
        return f"{'its folder is a file' if target.parent.exists() else 'its folder does not exist'}: {target.parent}"
    if not os.access(target.parent, os.W_OK):
        return f"its folder cannot be written to: {target.parent}"
    return ""


def save_widget(widget: QWidget, path: str | Path) -> bool:
    """Write a widget as PNG, SVG or PDF (by suffix), atomically; False when it could not be written."""
    target = Path(path)
    writer = WRITERS.get(target.suffix.lower())
    if writer is None or not target.parent.is_dir():
        return False
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    with focus_frame.left_out():  # (a picture of the data, not of where the keys are)
        written = writer(widget, buffer)
    if not written:
        return False
    data = bytes(buffer.data().data())
    if not data:
        return False
    try:
        replace_file(target, data)
    except OSError:
        return False
    return True
