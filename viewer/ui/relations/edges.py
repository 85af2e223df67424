"""The edges of the relationship panel: curves and arrowheads, stroked in batches of one style.

Edges that look alike (kind, change, faded, width to a quarter pixel, opacity to 5%) go into one
path each for lines and arrowheads, so a thousand edges cost a few strokes rather than a thousand;
geometry is computed for all of them at once in numpy
(:func:`~viewer.ui.relations.geometry.edge_geometry`) and each path is built from arrays in one step
(``pyqtgraph.arrayToQPath``): curves as polylines of :data:`CURVE_STEPS` segments, arrowheads as
triangles.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from viewer.ui.relations.geometry import Geometry, edge_geometry
from viewer.ui.relations.items import UNCHANGED_ALPHA, EdgeArrays, NodeArrays, _PixelItem, edge_style
from viewer.ui.shared.guarded_paint import guarded
from viewer.ui.shared.theme import qcolor

CURVE_STEPS = 16  # segments of a bent edge's polyline (a few pixels each at any readable zoom)
WIDTH_STEP = 0.25  # px: edges whose widths round alike are stroked together
OPACITY_STEP = 0.05
SMOOTHED_UP_TO = 800  # edges drawn with smoothed lines; more are drawn plain, as graph tools lower the detail of a
# crowded network (5,000 smoothed ties 2 to 6 px wide took 220 ms a paint; plain, 33 ms)


class EdgesItem(_PixelItem):
    """All edges (quadratic curves, see :mod:`~viewer.ui.relations.geometry`) and their arrowheads."""

    def __init__(self) -> None:
        super().__init__()
        self.edges: EdgeArrays | None = None
        self.nodes: NodeArrays | None = None

    def set_edges(self, edges: EdgeArrays, nodes: NodeArrays) -> None:
        """Replace what is drawn (``nodes`` places the edges' ends)."""
        self.edges, self.nodes = edges, nodes
        self._set_bounds(nodes.xy)

    @guarded
    def paint(self, painter: QPainter, *args: Any) -> None:
        """Highlight halos first, then lines and arrowheads (labels are the LabelsItem's)."""
        edges, nodes = self.edges, self.nodes
        if edges is None or nodes is None or not len(edges.ids):
            return
        geo = edge_geometry(nodes, edges, painter.transform())
        painter.resetTransform()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, len(edges.ids) <= SMOOTHED_UP_TO)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for j in np.flatnonzero(edges.highlighted):
            painter.setOpacity(float(edges.alpha[j]))
            glow = qcolor(self.theme.highlight, 150)  # a glow behind the line, so its own style still shows
            painter.setPen(QPen(glow, edges.widths[j] + 6.0, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            painter.drawPath(_lines(geo, geo.end, np.array([j])))
        arrows = np.array([edge_style(k).arrow for k in edges.kinds], dtype=bool)
        head = np.where(arrows, 7.0 + edges.widths * 1.1, 0.0)
        d = geo.end - geo.control
        u = d / np.maximum(np.hypot(d[:, 0], d[:, 1]), 1e-9)[:, None]  # the curve's direction at the target
        tip_base = geo.end - u * (head * 0.85)[:, None]  # lines stop under the arrowhead: thick ones keep a sharp tip
        base = geo.end - u * head[:, None]
        side = np.stack([-u[:, 1], u[:, 0]], axis=1) * (3.5 + edges.widths * 0.75)[:, None]
        drawn = (np.hypot(*(geo.end - geo.start).T) >= 1.0) & (np.hypot(*d.T) >= 1.0)
        for rows in self._batches(edges, drawn):
            i = rows[0]
            style = edge_style(edges.kinds[i])
            color = edges.color(i, self.theme)
            if edges.faded[i]:
                color.setAlpha(150 if self.theme.dark else 110)  # faint, but a dark background swallows more
            pen = QPen(color, float(edges.widths[i]), style.dash, Qt.PenCapStyle.FlatCap)
            if (edges.faded[i] or edges.changes[i] == "removed") and style.dash == Qt.PenStyle.SolidLine:
                pen.setStyle(Qt.PenStyle.DashLine)  # uncertain dates or gone by then: a broken line
            painter.setOpacity(edges.opacity(i))
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(_lines(geo, tip_base, rows))
            if style.arrow:
                triangles = np.stack([geo.end[rows], base[rows] + side[rows], base[rows] - side[rows]], axis=1)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.fillPath(_polylines(triangles, Qt.FillRule.WindingFill), QColor(color))

    @staticmethod
    def _batches(edges: EdgeArrays, drawn: np.ndarray) -> list[np.ndarray]:
        """Rows that draw alike, each batch in the order its first row comes."""
        rows = np.flatnonzero(drawn)
        if not len(rows):
            return []
        kinds = np.unique(np.array(edges.kinds, dtype=object), return_inverse=True)[1].ravel()
        changes = np.array(edges.changes, dtype=object)
        changed = np.unique(changes, return_inverse=True)[1].ravel()
        opacity = edges.alpha * np.where(changes == "unchanged", UNCHANGED_ALPHA, 1.0)
        key = np.stack([kinds, changed, edges.faded.astype(int), np.round(edges.widths / WIDTH_STEP).astype(int),
                        np.round(opacity / OPACITY_STEP).astype(int)], axis=1)[rows]
        _, first, group = np.unique(key, axis=0, return_index=True, return_inverse=True)
        group = group.ravel()
        order = np.argsort(group, kind="stable")
        bounds = np.flatnonzero(np.diff(group[order])) + 1
        batches = np.split(rows[order], bounds)
        return [batches[g] for g in np.argsort(first, kind="stable")]


def _lines(geo: Geometry, ends: np.ndarray, rows: np.ndarray) -> QPainterPath:
    """One path through the given edges: straight ones as lines, bent ones as polylines along their curve."""
    rows = np.asarray(rows, dtype=int)
    bent = geo.bends[rows] != 0
    straight, curved = rows[~bent], rows[bent]
    t = np.linspace(0.0, 1.0, CURVE_STEPS + 1)[None, :, None]
    curves = ((1 - t) ** 2 * geo.start[curved][:, None] + 2 * t * (1 - t) * geo.control[curved][:, None]
              + t**2 * ends[curved][:, None])
    path = _polylines(np.stack([geo.start[straight], ends[straight]], axis=1))
    path.addPath(_polylines(curves))
    return path


def _polylines(points: np.ndarray, fill: Qt.FillRule = Qt.FillRule.OddEvenFill) -> QPainterPath:
    """One path of separate polylines, ``points`` (count, vertices, 2); filled, each closes on itself."""
    count, vertices = points.shape[:2]
    if not count:
        return QPainterPath()
    flat = points.reshape(-1, 2)
    connect = np.ones((count, vertices), dtype=np.int32)
    connect[:, -1] = 0  # the last vertex of one polyline does not lead to the first of the next
    path: QPainterPath = pg.arrayToQPath(flat[:, 0].copy(), flat[:, 1].copy(), connect=connect.ravel(),
                                         finiteCheck=False)
    path.setFillRule(fill)
    return path
