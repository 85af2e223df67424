"""Rendering the window, the timeline or the relationship panel offscreen to PNG, SVG or PDF.

pyqtgraph 0.14's own SVG exporter fails on Qt 6.12, so vectors go through ``QSvgGenerator`` and
``QPdfWriter``: the widget renders itself into a QPainter on either. Files are written to a temporary
name beside the target and renamed, so a failed export leaves an older file intact.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPoint, QRect, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPaintDevice, QPainter, QPdfWriter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QWidget

from viewer.io.atomic import umask

VIEWS = ("all", "timeline", "relations")
FORMATS = (".png", ".svg", ".pdf")


def _write_png(widget: QWidget, path: str) -> bool:
    return widget.grab().save(path, "PNG")


def _write_svg(widget: QWidget, path: str) -> bool:
    generator = QSvgGenerator()
    generator.setFileName(path)
    generator.setSize(widget.size())
    generator.setViewBox(QRect(0, 0, widget.width(), widget.height()))
    generator.setTitle("Entente")
    return _paint(widget, generator, 1.0)


def _write_pdf(widget: QWidget, path: str) -> bool:
    writer = QPdfWriter(path)
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


WRITERS: dict[str, Callable[[QWidget, str], bool]] = {".png": _write_png, ".svg": _write_svg, ".pdf": _write_pdf}


def save_widget(widget: QWidget, path: str | Path) -> bool:
    """Write a widget as PNG, SVG or PDF (by suffix), atomically; False when it could not be written."""
    target = Path(path)
    writer = WRITERS.get(target.suffix.lower())
    if writer is None or not target.parent.is_dir():
        return False
    try:
        fd, tmp = tempfile.mkstemp(suffix=target.suffix, prefix=f".{target.stem}.", dir=target.parent)
    except OSError:
        return False
    os.close(fd)
    try:
        if not writer(widget, tmp) or os.path.getsize(tmp) == 0:
            return False
        os.chmod(tmp, 0o666 & ~umask())  # mkstemp makes 0600; an export is an ordinary file
        os.replace(tmp, target)
        return True
    except OSError:
        return False
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
