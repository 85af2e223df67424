"""What the relationship panel draws: styles, pixel geometry and one graphics object per kind of thing.

Both items paint in device pixels (the painter's transform is reset after mapping the node centres),
so node sizes, arrowheads and text stay crisp and the same size at every zoom level. Colours come
from the items' :class:`~viewer.ui.shared.theme.Theme` (``set_theme``), never from constants here.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, fields
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

from viewer.ui.relations.geometry import to_pixels
from viewer.ui.shared.guarded_paint import guarded
from viewer.ui.shared.theme import Theme, current

# kinds differ in shape as well as colour, so they stay apart without colour vision
NODE_SHAPES = {"company": "circle", "government": "square", "business_unit": "diamond", "trust": "hexagon",
               "person": "circle"}
# diff mode: what happened to an edge between the two dates (colours: Theme.changes; unchanged ones fade)
CHANGES = ("added", "removed", "changed")
UNCHANGED_ALPHA = 0.3
LABEL_MARGIN = QPointF(160.0, 40.0)  # px beyond the node centres that labels may reach


@dataclass(frozen=True)
class EdgeStyle:
    """How one kind of relation is drawn (its colour is the theme's)."""

    name: str
    dash: Qt.PenStyle
    arrow: bool = True


EDGE_STYLES = {
    "equity_stake": EdgeStyle("equity stake", Qt.PenStyle.SolidLine),
    "government_stake": EdgeStyle("government stake", Qt.PenStyle.SolidLine),
    "joint_venture": EdgeStyle("joint venture", Qt.PenStyle.DashLine),
    "partnership": EdgeStyle("partnership", Qt.PenStyle.DotLine, arrow=False),
    "leadership": EdgeStyle("leadership", Qt.PenStyle.DashDotLine),
}
GROUP_EDGE = EdgeStyle("more", Qt.PenStyle.DotLine, arrow=False)  # a shown entity → its "k more" group
# kinds the house styles do not know (GEXF labels, BODS interest types…) take a dash and a colour of their own
EXTRA_DASHES = (Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine, Qt.PenStyle.DashDotLine,
                Qt.PenStyle.DashDotDotLine)


def _crc(kind: str) -> int:
    return zlib.crc32(kind.encode())  # stable across runs, unlike hash()


def edge_style(kind: str) -> EdgeStyle:
    """How a relation kind is drawn: the house style, or a dash picked from its name for any other kind."""
    if kind in EDGE_STYLES:
        return EDGE_STYLES[kind]
    if kind == "group":
        return GROUP_EDGE
    return EdgeStyle(kind.replace("_", " "), EXTRA_DASHES[_crc(kind) % len(EXTRA_DASHES)])


def kind_color(kind: str, theme: Theme, change: str = "") -> str:
    """A relation kind's colour: the theme's for the house kinds, one of its lane colours for any other."""
    if change or kind in theme.edges or kind == "group":
        return theme.edge(kind, change)
    return theme.lanes[_crc(kind) % len(theme.lanes)]


def node_radius(kind: str, principal: bool) -> float:
    """Node radius in px: people small, the dataset's principal entities large."""
    if kind == "person":
        return 5.0
    return 10.0 if principal else 7.5


@dataclass(frozen=True)
class NodeArrays:
    """The visible nodes, ready to draw (item coordinates, one row per node)."""

    ids: tuple[str, ...]
    xy: np.ndarray
    radii: np.ndarray
    shapes: tuple[str, ...]
    colors: tuple[str, ...]
    labels: tuple[str, ...]
    rings: np.ndarray  # bool: highlighted
    alpha: np.ndarray  # opacity 0..1: dimmed by filters, fading in or out during playback


def same_arrays(a: NodeArrays | EdgeArrays, b: NodeArrays | EdgeArrays) -> bool:
    """True when two drawings hold the same values, field by field (numpy arrays compared by value)."""
    if type(a) is not type(b):
        return False
    for f in fields(a):
        x, y = getattr(a, f.name), getattr(b, f.name)
        if isinstance(x, np.ndarray) or isinstance(y, np.ndarray):
            if not np.array_equal(x, y):
                return False
        elif x != y:
            return False
    return True


@dataclass(frozen=True)
class EdgeArrays:
    """The visible edges, ready to draw (item coordinates, one row per edge)."""

    ids: tuple[str, ...]
    sources: tuple[str, ...]  # entity ids of each edge's ends
    targets: tuple[str, ...]
    kinds: tuple[str, ...]
    widths: np.ndarray
    labels: tuple[str, ...]
    faded: np.ndarray
    highlighted: np.ndarray
    alpha: np.ndarray  # opacity 0..1, as for nodes
    changes: tuple[str, ...]  # diff mode: added / removed / changed / renewed / unchanged; "" otherwise

    def color(self, i: int, theme: Theme) -> QColor:
        """The line colour of edge ``i``: its kind's, or its change's in diff mode."""
        return QColor(kind_color(self.kinds[i], theme, self.changes[i]))

    def opacity(self, i: int) -> float:
        """How opaque edge ``i`` is drawn (unchanged edges recede in diff mode)."""
        return float(self.alpha[i]) * (UNCHANGED_ALPHA if self.changes[i] == "unchanged" else 1.0)


class _PixelItem(pg.GraphicsObject):  # type: ignore[misc]
    """A graphics object positioned in view coordinates that paints in device pixels."""

    def __init__(self) -> None:
        super().__init__()
        self._bounds: QRectF | None = None  # the nodes' extent in layout units; None: nothing drawn
        self.theme = current()

    def set_theme(self, theme: Theme) -> None:
        """Paint with these colours from now on."""
        self.theme = theme
        self.update()

    def _set_bounds(self, xy: np.ndarray) -> None:
        self.prepareGeometryChange()
        if len(xy):
            lo, hi = xy.min(axis=0), xy.max(axis=0)
            self._bounds = QRectF(float(lo[0]), float(lo[1]), float(hi[0] - lo[0]), float(hi[1] - lo[1]))
        else:
            self._bounds = None
        self.update()

    def boundingRect(self) -> QRectF:
        """The data extent grown by the pixels that labels need at the current zoom (nothing drawn: none)."""
        if self._bounds is None:  # grown by pixels, nothing would become a box that shrinks with every zoom
            return QRectF()
        px, py = self.pixelLength(QPointF(1, 0)), self.pixelLength(QPointF(0, 1))
        mx, my = (px or 0.0) * LABEL_MARGIN.x(), (py or 0.0) * LABEL_MARGIN.y()
        return self._bounds.adjusted(-mx, -my, mx, my)

    def viewTransformChanged(self) -> None:
        """The pixel margins depend on zoom, so the bounds change with the view."""
        self.prepareGeometryChange()
        super().viewTransformChanged()


def shape_path(shape: str, x: float, y: float, r: float) -> QPainterPath:
    path = QPainterPath()
    if shape == "circle":
        path.addEllipse(QPointF(x, y), r, r)
    elif shape == "square":
        path.addRect(QRectF(x - r * 0.9, y - r * 0.9, r * 1.8, r * 1.8))
    elif shape == "hexagon":
        path.addPolygon(QPolygonF([QPointF(x + r * 1.1 * np.cos(a), y + r * 1.1 * np.sin(a))
                                   for a in np.linspace(0, 2 * np.pi, 7)]))
    elif shape == "diamond":
        path.addPolygon(QPolygonF([QPointF(x, y - r * 1.2), QPointF(x + r * 1.2, y), QPointF(x, y + r * 1.2),
                                   QPointF(x - r * 1.2, y), QPointF(x, y - r * 1.2)]))
    else:
        path.addPolygon(QPolygonF([QPointF(x, y - r * 1.2), QPointF(x + r * 1.1, y + r * 0.8),
                                   QPointF(x - r * 1.1, y + r * 0.8), QPointF(x, y - r * 1.2)]))
    return path


class NodesItem(_PixelItem):
    """All node shapes and highlight rings, painted together."""

    def __init__(self) -> None:
        super().__init__()
        self.nodes: NodeArrays | None = None

    def set_nodes(self, nodes: NodeArrays) -> None:
        """Replace what is drawn."""
        self.nodes = nodes
        self._set_bounds(nodes.xy)

    @guarded
    def paint(self, painter: QPainter, *args: Any) -> None:
        """Highlight rings under the shapes, so a ring reads as a halo around the node."""
        nodes = self.nodes
        if nodes is None or not len(nodes.ids):
            return
        centres = to_pixels(painter.transform(), nodes.xy)
        painter.resetTransform()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        ratio = max(float(painter.device().devicePixelRatioF()), 1.0) if painter.device() is not None else 1.0
        ring_pen, ring_brush = QPen(QColor(self.theme.outline), 3.0), QColor(self.theme.highlight)
        for (x, y), r, shape, color, ring, alpha in zip(centres.tolist(), nodes.radii.tolist(), nodes.shapes,
                                                        nodes.colors, nodes.rings.tolist(), nodes.alpha.tolist(),
                                                        strict=True):
            painter.setOpacity(alpha)
            if ring:  # a handful at most: drawn as they are
                painter.setPen(ring_pen)
                painter.setBrush(ring_brush)
                painter.drawPath(shape_path(shape, x, y, r + 4.5))
            sprite = _node_sprite(shape, color, r, self.theme.background, ratio)
            half = sprite.width() / ratio / 2
            painter.drawPixmap(QPointF(x - half, y - half), sprite)


_SPRITES: dict[tuple[str, str, float, str, float], QPixmap] = {}
SPRITE_STEP = 0.25  # px: radii that round alike share a sprite


def _node_sprite(shape: str, color: str, radius: float, background: str, ratio: float) -> QPixmap:
    """A node's shape drawn once (antialiased, with a gap where lines meet it) and stamped ever after."""
    r = round(radius / SPRITE_STEP) * SPRITE_STEP
    key = (shape, color, r, background, ratio)
    sprite = _SPRITES.get(key)
    if sprite is None:
        if len(_SPRITES) > 1024:  # themes, zooms and datasets come and go: keep the cache small
            _SPRITES.clear()
        half = int(np.ceil(r * 1.25 + 2.0))  # the widest shape (a diamond, 1.2 r) and its 1.5 px gap
        sprite = QPixmap(int(np.ceil(2 * half * ratio)), int(np.ceil(2 * half * ratio)))
        sprite.setDevicePixelRatio(ratio)
        sprite.fill(Qt.GlobalColor.transparent)
        ink = QPainter(sprite)
        ink.setRenderHint(QPainter.RenderHint.Antialiasing)
        ink.setPen(QPen(QColor(background), 1.5))  # a gap where lines meet the node
        ink.setBrush(QColor(color))
        ink.drawPath(shape_path(shape, half, half, r))
        ink.end()
        _SPRITES[key] = sprite
    return sprite
