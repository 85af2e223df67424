"""Background spans (a war, a term of office) as shaded stretches of their lane, or of every lane, titled at the top."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter

from viewer.model.backgrounds import Backgrounds
from viewer.ui.shared.theme import Theme


def paint_spans(p: QPainter, spans: Backgrounds, lanes: np.ndarray, bands: list[tuple[float, float]],
                colours: list[QColor], height: float, view: tuple[tuple[float, float], tuple[float, ...]],
                font: QFont, theme: Theme) -> None:
    """The spans seen in ``view`` (the window's start and end, and the map ``sx, dx, sy, dy`` to device pixels),
    each in its lane's colour (``lanes``: a lane per span, -1 for every lane; ``bands``: the lanes' tops and
    bottoms, ``height`` all of them)."""
    if not len(spans):
        return
    (t0, t1), (sx, dx, sy, dy) = view
    seen = np.flatnonzero((spans.end >= t0) & (spans.start <= t1))
    p.setFont(font)
    metrics = QFontMetricsF(font)
    for i in seen.tolist():
        lane = int(lanes[i]) if i < len(lanes) else -1
        top, bottom = bands[lane] if 0 <= lane < len(bands) else (0.0, height)
        x0, x1 = spans.start[i] * sx + dx, max(spans.end[i] * sx + dx, spans.start[i] * sx + dx + 2.0)
        rect = QRectF(x0, top * sy + dy, x1 - x0, (bottom - top) * sy).normalized()
        fill = QColor(colours[lane]) if lane >= 0 else QColor(theme.highlight)
        fill.setAlpha(38 if lane >= 0 else 28)
        p.fillRect(rect, fill)
        title = spans.titles[i] if i < len(spans.titles) else ""
        if title and rect.width() > 24:
            ink = QColor(theme.text)
            ink.setAlpha(150)
            p.setPen(ink)
            text = metrics.elidedText(title, Qt.TextElideMode.ElideRight, rect.width() - 6)
            p.drawText(QPointF(rect.left() + 4, rect.top() + metrics.ascent() + 2), text)
