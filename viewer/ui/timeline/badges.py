"""Runs of marks too close to label, told as one "14 events" badge each where no label is (a click on one
zooms to its events: pointer.py).

Each badge is drawn once per count, theme and pixel ratio, then blitted: drawing its rounded box and its
text at every frame cost 70 µs a badge, and a 5-year view of 10k events holds about 70 of them.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QPixmap

from viewer.model import clusters, marks
from viewer.ui.shared.theme import Theme, current, qcolor
from viewer.ui.timeline.shapes import MARK_RADIUS

GAP_PX, MIN_RUN = 24.0, 4  # marks closer than this, this many in a run, get one badge
SPRITES = 512  # distinct badges kept drawn (a count and a pixel ratio each)


class Badges:
    """The badges of the last paint (boxes in device pixels, with the time span each stands for) and the
    pictures they are blitted from."""

    def __init__(self, font: QFont) -> None:
        self.font = font
        self.theme = current()
        self.boxes: list[tuple[QRectF, float, float]] = []
        self._sprites: dict[tuple[str, float], QPixmap] = {}
        self._widths: dict[str, float] = {}  # per text, in this font

    def set_theme(self, theme: Theme) -> None:
        """Draw the badges in these colours from now on."""
        self.theme = theme
        self._sprites.clear()

    def paint(self, p: QPainter, spans: tuple[np.ndarray, np.ndarray], px0: np.ndarray, rows: np.ndarray,
              told: np.ndarray, labels: tuple[np.ndarray, np.ndarray, np.ndarray], right: float) -> None:
        """One badge per crowded run of the visible marks (``spans``: their times; ``told``: those labelled
        or quiet), placed where no drawn label (``labels``: left, width, row) is."""
        self.boxes = []
        runs = clusters.crowded_runs(px0, rows, told, *spans, gap=GAP_PX, min_count=MIN_RUN)
        if not len(runs):
            return
        metrics = QFontMetricsF(self.font)
        texts = [f"{int(n)} events" for n in runs.counts.tolist()]
        widths = np.array([self._width(t, metrics) for t in texts])
        x = np.minimum(runs.x0 + MARK_RADIUS + 4.0, right - widths - 4.0)
        label_x, label_w, label_rows = labels
        # labels already drawn rank above every badge: a badge never covers a title
        keep = marks.place_labels(np.concatenate([label_x, x]), np.concatenate([label_w, widths]),
                                  np.concatenate([label_rows, runs.rows]),
                                  np.concatenate([np.full(len(label_x), 10.0), np.zeros(len(x))]))[len(label_x):]
        height = metrics.height() + 2.0
        ratio = p.device().devicePixelRatioF() if p.device() is not None else 1.0
        kept = np.flatnonzero(keep)
        lefts = np.round(x[kept]).astype(np.int64).tolist()  # halves to even, as Python's round did
        tops = np.round(runs.rows[kept] / 4.0 - height / 2.0).astype(np.int64).tolist()
        draw, sprite = p.drawPixmap, self.sprite
        for k, left, top, width, t0, t1 in zip(kept.tolist(), lefts, tops, widths[kept].tolist(),
                                               runs.t0[kept].tolist(), runs.t1[kept].tolist(), strict=True):
            draw(left, top, sprite(texts[k], width, height, ratio))
            self.boxes.append((QRectF(left + 0.5, top + 0.5, width, height), t0, t1))

    def _width(self, text: str, metrics: QFontMetricsF) -> float:
        """A badge's width for its text, measured once per text."""
        width = self._widths.get(text)
        if width is None:
            if len(self._widths) > SPRITES:
                self._widths.clear()
            width = self._widths[text] = metrics.horizontalAdvance(text) + 10.0
        return width

    def sprite(self, text: str, width: float, height: float, ratio: float) -> QPixmap:
        """The picture of one badge (its rounded box and text), drawn the first time it is asked for."""
        key = (text, ratio)
        sprite = self._sprites.get(key)
        if sprite is not None:
            return sprite
        if len(self._sprites) > SPRITES:
            self._sprites.clear()
        sprite = QPixmap(math.ceil((width + 1.0) * ratio), math.ceil((height + 1.0) * ratio))
        sprite.setDevicePixelRatio(ratio)
        sprite.fill(Qt.GlobalColor.transparent)
        painter = QPainter(sprite)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setFont(self.font)
        painter.setPen(QPen(QColor(self.theme.muted), 1.0))
        painter.setBrush(qcolor(self.theme.label_back, 235))
        box = QRectF(0.5, 0.5, width, height)  # the outline on pixel centres: one crisp pixel wide
        painter.drawRoundedRect(box, height / 2.0, height / 2.0)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
        painter.end()
        self._sprites[key] = sprite
        return sprite

    def at(self, scene_pos: QPointF) -> tuple[float, float] | None:
        """The time span of the badge under a scene position, if any (to zoom to)."""
        for box, t0, t1 in self.boxes:
            if box.contains(scene_pos):
                return t0, t1
        return None
