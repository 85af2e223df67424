"""Names and values in the relationship panel, placed in pixels so that none covers another or a node.

Placement is :func:`viewer.model.graph_labels.place_labels` at every paint that asks it of other places or sizes
(it depends on zoom; a fade's frames and a hover's repaint keep it):
node names beside their node on a free side, edge values along their curve (the middle first,
sliding towards the ends), a value with no free spot hidden (its text stays in the edge's tooltip).
Text sizes are measured once per text and font with ``QFontMetricsF`` and kept.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QPixmap

from viewer.model.graph_labels import Placement, place_labels
from viewer.ui.relations.geometry import edge_geometry
from viewer.ui.relations.halo import name_picture
from viewer.ui.relations.items import EdgeArrays, NodeArrays, _PixelItem
from viewer.ui.shared.guarded_paint import guarded
from viewer.ui.shared.theme import qcolor

RING = 4.5  # px a highlight ring adds around a node
VALUE_PAD = (8.0, 2.0)  # px the value's box adds to its text
HALO = 2.0  # px of background-coloured halo around a name (so it reads over lines)
HALO_REACH = 1.75  # px the halo reaches beyond the ink (half of the 3.5 px pen it was stroked with)
MAX_PICTURES = 4000  # names kept drawn; beyond that the cache starts again


class LabelsItem(_PixelItem):
    """Every node name and edge value, drawn above all lines and shapes."""

    def __init__(self) -> None:
        super().__init__()
        self.nodes: NodeArrays | None = None
        self.edges: EdgeArrays | None = None
        self.name_font, self.value_font = QFont(), QFont()
        self.name_font.setPointSizeF(8.5)
        self.value_font.setPointSizeF(7.5)
        self._measured: dict[tuple[str, bool, bool], tuple[float, float]] = {}
        self._pictures: dict[tuple[str, bool, float, str, str], QPixmap] = {}
        self.placement: Placement | None = None  # the last placement, in the painter's pixels
        self._asked: tuple[np.ndarray, ...] = ()  # what it was placed from: a paint asking the same keeps it
        self.node_boxes = np.zeros((0, 4))  # the nodes' squares (x0, y0, x1, y1) in the same pixels

    def set_data(self, nodes: NodeArrays, edges: EdgeArrays) -> None:
        """Replace what is labelled."""
        self.nodes, self.edges = nodes, edges
        self._set_bounds(nodes.xy)

    @guarded
    def paint(self, painter: QPainter, *args: Any) -> None:
        """Place, then draw: names with a halo of the background, values in a small rounded box."""
        nodes, edges = self.nodes, self.edges
        if nodes is None or edges is None or not len(nodes.ids):
            return
        geo = edge_geometry(nodes, edges, painter.transform())
        radius = nodes.radii + np.where(nodes.rings, RING, 0.0)
        node_order = np.lexsort((-radius, ~nodes.rings))  # highlighted names first, then the big nodes
        # the selected ties first, then the shortest: a short edge has few free spots, a long one many
        length = np.hypot(*(geo.centres[geo.targets] - geo.centres[geo.sources]).T)
        edge_order = np.lexsort((-edges.widths, length, ~edges.highlighted))
        asked = (geo.centres, radius, self._sizes(nodes.labels, nodes.rings, False), geo.sources, geo.targets,
                 self._sizes(edges.labels, edges.highlighted, True), geo.bends, node_order, edge_order,
                 np.array(_visible(painter) or (), dtype=float))
        if self.placement is None or not _same(asked, self._asked):  # (a fade's frames, a hover: the same places)
            *placed, bends, node_order, edge_order, bounds = asked
            self.placement = place_labels(*placed, edge_bends=bends, node_order=node_order, edge_order=edge_order,
                                          bounds=tuple(bounds.tolist()) if len(bounds) else None)
            self._asked = asked
        self.node_boxes = np.concatenate([geo.centres - radius[:, None], geo.centres + radius[:, None]], axis=1)
        painter.resetTransform()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        place = self.placement
        ratio = float(painter.device().devicePixelRatioF()) if painter.device() is not None else 1.0
        for i in np.flatnonzero(place.node_shown):
            rect = place.node_rects[i]
            painter.setOpacity(float(nodes.alpha[i]))
            painter.drawPixmap(QPointF(float(rect[0]) - HALO, float(rect[1]) - HALO),
                               self._name_picture(nodes.labels[i], bool(nodes.rings[i]), ratio))
        for i in np.flatnonzero(place.edge_shown):
            rect = place.edge_rects[i]
            painter.setOpacity(edges.opacity(int(i)))
            self._draw_value(painter, edges, int(i), QRectF(QPointF(rect[0], rect[1]), QPointF(rect[2], rect[3])))

    def _name_picture(self, text: str, bold: bool, ratio: float) -> QPixmap:
        """A name in ink with a halo of the background, drawn once and kept."""
        key = (text, bold, ratio, self.theme.text, self.theme.label_back)
        picture = self._pictures.get(key)
        if picture is not None:
            return picture
        if len(self._pictures) > MAX_PICTURES:
            self._pictures.clear()
        self.name_font.setBold(bold)
        metrics = QFontMetricsF(self.name_font)
        width, height = self._sizes((text,), np.array([bold]), False)[0]
        size = (int(np.ceil((width + 2 * HALO) * ratio)), int(np.ceil((height + 2 * HALO) * ratio)))
        picture = name_picture(text, self.name_font, size, ratio, QPointF(HALO, HALO + metrics.ascent()),
                               QColor(self.theme.text), qcolor(self.theme.label_back, 235), HALO_REACH)
        self._pictures[key] = picture
        return picture

    def widths(self, names: list[str]) -> np.ndarray:
        """The width (px) of each of these node names (the canvas leaves room for them when fitting)."""
        return self._sizes(tuple(names), np.zeros(len(names), dtype=bool), False)[:, 0]

    def _sizes(self, texts: tuple[str, ...], bold: np.ndarray, value: bool) -> np.ndarray:
        """Width and height (px) of each text in its font, measured once per (text, bold, font)."""
        font = self.value_font if value else self.name_font
        pad = VALUE_PAD if value else (0.0, 0.0)
        sizes = np.zeros((len(texts), 2))
        for i, (text, strong) in enumerate(zip(texts, bold.tolist(), strict=True)):
            if not text:
                continue
            key = (text, bool(strong), value)
            size = self._measured.get(key)
            if size is None:
                font.setBold(bool(strong))
                metrics = QFontMetricsF(font)
                size = (metrics.horizontalAdvance(text) + pad[0], metrics.height() + pad[1])
                self._measured[key] = size
            sizes[i] = size
        return sizes

    def _draw_value(self, painter: QPainter, edges: EdgeArrays, i: int, box: QRectF) -> None:
        color = edges.color(i, self.theme)
        self.value_font.setItalic(bool(edges.faded[i]))
        self.value_font.setBold(bool(edges.highlighted[i]))
        border = QColor(self.theme.highlight if edges.highlighted[i] else color)
        border.setAlpha(255 if edges.highlighted[i] else 110)
        painter.setPen(QPen(border, 1.0))
        painter.setBrush(qcolor(self.theme.label_back, 235))
        painter.drawRoundedRect(box, 3, 3)
        painter.setFont(self.value_font)
        # the value in its edge's colour, pushed away from the backing so small text stays legible
        painter.setPen(color.lighter(125) if self.theme.dark else color.darker(130))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, edges.labels[i])


def _visible(painter: QPainter) -> tuple[float, float, float, float] | None:
    """The pixels the painter can show (labels are placed where they are seen whole), None if unknown."""
    view = painter.viewport()
    if view.isEmpty():
        return None
    return float(view.left()), float(view.top()), float(view.right() + 1), float(view.bottom() + 1)


def _same(a: tuple[np.ndarray, ...], b: tuple[np.ndarray, ...]) -> bool:
    """Whether two placements were asked of the same arrays (shapes and values)."""
    return len(a) == len(b) and all(x.shape == y.shape and np.array_equal(x, y) for x, y in zip(a, b, strict=True))
