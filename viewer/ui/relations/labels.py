"""Names and values in the relationship panel, placed so they neither overlap nor sit on lines.

Placement is greedy and in device pixels: node names first (below, above, right or left of the
node, whichever crosses the fewest edges and earlier labels), then edge values along their edge
(the midpoint first, then a little either side). It runs at paint time because it depends on zoom.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen

from viewer.ui.relations.items import EdgeArrays, NodeArrays, _PixelItem, to_pixels
from viewer.ui.shared.theme import qcolor

SAMPLES = 16  # points per edge used to see whether a label would sit on it
EDGE_SPOTS = (0.5, 0.38, 0.62, 0.28, 0.72)
CLASH = 10.0  # cost of covering another label or a node, against 1 per edge sample covered


def _inside(rects: np.ndarray, points: np.ndarray) -> np.ndarray:
    """(n rects) × (m points): which points fall in which rect (rects as x0, y0, x1, y1)."""
    x, y = points[:, 0], points[:, 1]
    return ((x[None] >= rects[:, 0:1]) & (x[None] <= rects[:, 2:3]) & (y[None] >= rects[:, 1:2])
            & (y[None] <= rects[:, 3:4]))


def _overlaps(rects: np.ndarray, taken: list[np.ndarray]) -> np.ndarray:
    """How many of the ``taken`` rects each candidate rect overlaps."""
    if not taken:
        return np.zeros(len(rects))
    t = np.array(taken)
    hit = ((rects[:, None, 0] < t[None, :, 2]) & (rects[:, None, 2] > t[None, :, 0])
           & (rects[:, None, 1] < t[None, :, 3]) & (rects[:, None, 3] > t[None, :, 1]))
    return hit.sum(axis=1).astype(float)


def _outside(rects: np.ndarray, bounds: np.ndarray) -> np.ndarray:
    """How far (px) each rect sticks out of ``bounds`` (x0, y0, x1, y1)."""
    return (np.maximum(bounds[0] - rects[:, 0], 0) + np.maximum(rects[:, 2] - bounds[2], 0)
            + np.maximum(bounds[1] - rects[:, 1], 0) + np.maximum(rects[:, 3] - bounds[3], 0))


def place_labels(centres: np.ndarray, radii: np.ndarray, name_sizes: np.ndarray, start: np.ndarray,
                 end: np.ndarray, value_sizes: np.ndarray, bounds: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Rects (x0, y0, x1, y1 in px) for every node name and every edge value, chosen greedily."""
    t = np.linspace(0.05, 0.95, SAMPLES)
    samples = (start[:, None, :] + (end - start)[:, None, :] * t[None, :, None]).reshape(-1, 2)
    node_boxes = [np.array([x - r, y - r, x + r, y + r]) for (x, y), r in zip(centres, radii, strict=True)]
    taken: list[np.ndarray] = []
    names = np.zeros((len(centres), 4))
    for i, ((x, y), r, (w, h)) in enumerate(zip(centres, radii, name_sizes, strict=True)):
        gap = r + 3.0
        rects = np.array([[x - w / 2, y + gap, x + w / 2, y + gap + h],  # below, the usual place
                          [x - w / 2, y - gap - h, x + w / 2, y - gap],  # above
                          [x + gap, y - h / 2, x + gap + w, y + h / 2],  # right
                          [x - gap - w, y - h / 2, x - gap, y + h / 2]])  # left
        others = [b for j, b in enumerate(node_boxes) if j != i]
        cost = (_inside(rects, samples).sum(axis=1) + CLASH * (_overlaps(rects, taken) + _overlaps(rects, others))
                + np.array([0.0, 0.6, 0.9, 0.9]) + _outside(rects, bounds))
        names[i] = rects[int(np.argmin(cost))]
        taken.append(names[i])
    values = np.zeros((len(start), 4))
    for i, (w, h) in enumerate(value_sizes):
        if w <= 0:
            continue
        spots = np.array([start[i] + (end[i] - start[i]) * f for f in EDGE_SPOTS])
        half = np.array([w / 2, h / 2])
        rects = np.concatenate([spots - half, spots + half], axis=1)
        cost = CLASH * (_overlaps(rects, taken) + _overlaps(rects, node_boxes)) + np.abs(
            np.array(EDGE_SPOTS) - 0.5) * 4
        values[i] = rects[int(np.argmin(cost))]
        taken.append(values[i])
    return names, values


class LabelsItem(_PixelItem):
    """Every node name and edge value, drawn above all lines and shapes."""

    def __init__(self) -> None:
        super().__init__()
        self.nodes: NodeArrays | None = None
        self.edges: EdgeArrays | None = None
        self.name_font, self.value_font = QFont(), QFont()
        self.name_font.setPointSizeF(8.5)
        self.value_font.setPointSizeF(7.5)

    def set_data(self, nodes: NodeArrays, edges: EdgeArrays) -> None:
        """Replace what is labelled."""
        self.nodes, self.edges = nodes, edges
        self._set_bounds(nodes.xy)

    def paint(self, painter: QPainter, *args: Any) -> None:
        """Place, then draw: names with a halo of the background, values in a small rounded box."""
        nodes, edges = self.nodes, self.edges
        if nodes is None or edges is None or not len(nodes.ids):
            return
        transform = painter.transform()
        centres = to_pixels(transform, nodes.xy)
        start, end = edges.segments(transform)
        visible = self.viewRect()  # through the painter's own transform: grab() paints offset
        bounds = np.array([-np.inf, -np.inf, np.inf, np.inf])
        if visible is not None:
            view = transform.mapRect(visible)
            bounds = np.array([view.left() + 4, view.top() + 4, view.right() - 4, view.bottom() - 4])
        names, values = place_labels(centres, nodes.radii + np.where(nodes.rings, 4.0, 0.0),
                                     self._sizes(nodes.labels, nodes.rings, self.name_font, 0.0),
                                     start, end, self._sizes(edges.labels, edges.highlighted, self.value_font, 6.0),
                                     bounds)
        painter.resetTransform()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        halo = QPen(qcolor(self.theme.label_back, 235), 3.5)
        ink = QColor(self.theme.text)
        halo.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        metrics = QFontMetricsF(self.name_font)
        for rect, label, ring, alpha in zip(names, nodes.labels, nodes.rings, nodes.alpha, strict=True):
            painter.setOpacity(float(alpha))
            self.name_font.setBold(bool(ring))
            path = QPainterPath()
            path.addText(float(rect[0]), float(rect[1]) + metrics.ascent(), self.name_font, label)
            painter.strokePath(path, halo)
            painter.fillPath(path, ink)
        for i, rect in enumerate(values):
            if edges.labels[i]:
                painter.setOpacity(edges.opacity(i))
                self._draw_value(painter, edges, i, QRectF(QPointF(rect[0], rect[1]), QPointF(rect[2], rect[3])))

    @staticmethod
    def _sizes(texts: tuple[str, ...], bold: np.ndarray, font: QFont, pad: float) -> np.ndarray:
        sizes = np.zeros((len(texts), 2))
        for i, (text, strong) in enumerate(zip(texts, bold, strict=True)):
            if text:
                font.setBold(bool(strong))
                metrics = QFontMetricsF(font)
                sizes[i] = (metrics.horizontalAdvance(text) + pad, metrics.height() + (1.0 if pad else 0.0))
        return sizes

    def _draw_value(self, painter: QPainter, edges: EdgeArrays, i: int, box: QRectF) -> None:
        color = edges.color(i, self.theme)
        self.value_font.setItalic(bool(edges.faded[i]))
        self.value_font.setBold(bool(edges.highlighted[i]) or bool(edges.changes[i] == "changed"))
        border = QColor(self.theme.highlight if edges.highlighted[i] else color)
        border.setAlpha(255 if edges.highlighted[i] else 110)
        painter.setPen(QPen(border, 1.0))
        painter.setBrush(qcolor(self.theme.label_back, 235))
        painter.drawRoundedRect(box, 3, 3)
        painter.setFont(self.value_font)
        # the value in its edge's colour, pushed away from the backing so small text stays legible
        painter.setPen(color.lighter(125) if self.theme.dark else color.darker(130))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, edges.labels[i])
