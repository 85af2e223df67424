"""The relationship panel's canvas: one view box, one item each for edges, nodes and labels, and fades.

It draws what it is given (target arrays) and, when asked, fades from what is on screen to them:
edges and nodes that appear fade in, those that go fade out, so playback never jumps.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import QPoint, QPointF, QVariantAnimation

from viewer.model import graph
from viewer.ui.relations.build import blend, edge_arrays, node_arrays
from viewer.ui.relations.drag import DraggableNodes
from viewer.ui.relations.items import EdgeArrays, EdgesItem, NodeArrays, segment_distance
from viewer.ui.relations.labels import LabelsItem
from viewer.ui.shared.theme import Theme

CLICK_SLOP = 4.0  # px around a node or an edge that still counts as a hit
FADE_MS = 320  # how long a change of graph takes to fade in and out


class GraphCanvas(pg.GraphicsLayoutWidget):  # type: ignore[misc]
    """Where the graph is painted; knows pixels (hits, mapping), not the dataset."""

    def __init__(self) -> None:
        super().__init__()
        self.ci.setContentsMargins(0, 0, 0, 0)
        self.viewbox = self.addViewBox()
        self.viewbox.setAspectLocked(True)
        self.viewbox.invertY(True)  # layout y grows downwards, like the names that hang below nodes
        self.viewbox.setMenuEnabled(False)
        self.edges_item, self.nodes_item, self.labels_item = EdgesItem(), DraggableNodes(), LabelsItem()
        for item in (self.edges_item, self.nodes_item, self.labels_item):
            self.viewbox.addItem(item)
        empty = graph.GraphView(pd.Timestamp(0, tz="UTC"), (), ())
        self.nodes = node_arrays(empty, {}, set())
        self.edges = edge_arrays(empty, {}, self.nodes, set())
        self.drawn: tuple[NodeArrays, EdgeArrays] = (self.nodes, self.edges)
        self._from = self.drawn
        self._fade = QVariantAnimation(self)
        self._fade.setDuration(FADE_MS)
        self._fade.setStartValue(0.0)
        self._fade.setEndValue(1.0)
        self._fade.valueChanged.connect(self._on_fade)
        self._fade.finished.connect(lambda: self._paint(self.nodes, self.edges))

    def show_arrays(self, nodes: NodeArrays, edges: EdgeArrays, animate: bool = False) -> None:
        """Draw these nodes and edges, fading from what is on screen when ``animate``."""
        self.nodes, self.edges = nodes, edges
        self._fade.stop()
        if animate and self.isVisible():
            self._from = self.drawn
            self._fade.start()
        else:
            self._paint(nodes, edges)

    def set_theme(self, theme: Theme) -> None:
        """Paint the background and every item in the theme's colours."""
        self.setBackground(theme.background)
        for item in (self.edges_item, self.nodes_item, self.labels_item):
            item.set_theme(theme)

    def frame(self, xy: np.ndarray) -> None:
        """Show these layout positions, with room for the names around them."""
        if len(xy):
            (x0, y0), (x1, y1) = xy.min(axis=0), xy.max(axis=0)
            # names hang below a node and reach ~70 px either side of it
            self.viewbox.setRange(xRange=(x0 - 0.17, x1 + 0.17), yRange=(y0 - 0.06, y1 + 0.1), padding=0)

    def to_viewport(self, x: float, y: float) -> QPoint:
        """A layout position in the viewport's pixels."""
        point: QPoint = self.mapFromScene(self.viewbox.mapViewToScene(QPointF(x, y)))
        return point

    def edge_midpoint(self, relation_id: str) -> QPoint:
        """The middle of a drawn edge in the viewport's pixels."""
        start, end = self.edges.segments(self.nodes_item.sceneTransform())
        i = self.edges.ids.index(relation_id)
        x, y = (start[i] + end[i]) / 2
        point: QPoint = self.mapFromScene(QPointF(float(x), float(y)))
        return point

    def hit(self, scene_pos: QPointF) -> tuple[str, str] | None:
        """("entity", id) or ("relation", id) under a scene position, using the target arrays."""
        key = self.nodes_item.node_at(scene_pos)
        if key is not None:
            return "entity", key
        if len(self.edges.ids):
            start, end = self.edges.segments(self.nodes_item.sceneTransform())
            dist = segment_distance(np.array([scene_pos.x(), scene_pos.y()]), start, end) - self.edges.widths / 2
            best = int(np.argmin(dist))
            if dist[best] <= CLICK_SLOP:
                return "relation", self.edges.ids[best]
        return None

    def _on_fade(self, value: Any) -> None:
        t = float(value)
        old_nodes, old_edges = self._from
        self._paint(blend(old_nodes, self.nodes, t), blend(old_edges, self.edges, t))

    def _paint(self, nodes: NodeArrays, edges: EdgeArrays) -> None:
        self.drawn = (nodes, edges)
        self.nodes_item.set_nodes(nodes)
        self.edges_item.set_edges(edges)
        self.labels_item.set_data(nodes, edges)
