"""The relationship panel's canvas: one view box, one item each for edges, nodes and labels, and fades.

It draws what it is given (target arrays) and, when asked, fades from what is on screen to them:
edges and nodes that appear fade in, those that go fade out, so playback never jumps.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np
import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import QPoint, QPointF, Qt, QVariantAnimation, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel

from viewer.model import graph
from viewer.model.neighbours import Near
from viewer.ui.relations.build import blend, edge_arrays, node_arrays
from viewer.ui.relations.drag import DraggableNodes
from viewer.ui.relations.edges import EdgesItem
from viewer.ui.relations.geometry import Geometry, edge_geometry
from viewer.ui.relations.items import EdgeArrays, NodeArrays, same_arrays
from viewer.ui.relations.labels import LabelsItem
from viewer.ui.shared import focus_frame
from viewer.ui.shared.theme import Theme

CLICK_SLOP = 4.0  # px around a node or an edge that still counts as a hit
FADE_MS = 320  # how long a change of graph takes to fade in and out
FADED_UP_TO = 1000  # nodes and edges: a bigger graph changes at once (a frame of 5,000 ties took 100 ms: a fade
# of a third of a second held the window for seconds at each tie crossed)
WAYS = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1)}
MARGIN = 36.0  # px left free around the framed nodes and their names
ROOM_SHARE = 0.45  # a node's radius at most this share of the median gap between neighbours, in px …
LEAST_SIZE = 0.4  # … down to this share of its own size (a 7.5 px company drawn at 3 px, never a speck)
ZOOM_IN_MOST, ZOOM_OUT_MOST = 40.0, 20.0  # how far the wheel goes from the frame last fitted, each way: no further
# (60 notches out, the graph a speck lost in the panel; 30 in, a corner of one node)
LOOP_ROOM = 48.0  # px kept round the nodes where a tie loops from a node to itself, any way (graph_labels.loop_curves)


class GraphCanvas(pg.GraphicsLayoutWidget):  # type: ignore[misc]
    """Where the graph is painted; knows pixels (hits, mapping), not the dataset."""

    stepped = Signal(int, int)  # an arrow pressed while the graph holds the keys: its way (x right, y down)
    opened = Signal()  # Return (or Enter) pressed there

    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName("Relationship graph as of the cursor")
        self.setAccessibleDescription("The arrows select the nearest entity that way; Return opens it")
        focus_frame.framed(self)
        self.setProperty("takesArrows", True)  # (the window's arrow shortcuts give way: see shell.focus_keys)
        self.ci.setContentsMargins(0, 0, 0, 0)
        self.viewbox = self.addViewBox()
        self.viewbox.setAspectLocked(True)
        self.viewbox.invertY(True)  # layout y grows downwards, like the names that hang below nodes
        self.viewbox.setMenuEnabled(False)
        # the panel frames the graph itself (fit); pyqtgraph's auto range, with the aspect locked and no
        # item to bound, shrinks the range a third at every paint and asks for the next: an endless repaint
        self.viewbox.disableAutoRange()
        self.framed = np.zeros((0, 2))  # what "Fit" shows, in layout units
        self.loop_room = 0.0  # px kept free round the nodes (for a loop, which leaves its node on its clearest side)
        self.least = 0.0  # the least spread framed, in layout units
        self.name_widths = np.zeros(0)  # px each framed node's name needs right of its centre
        self.zoomed = False  # the user zoomed or panned: a resize keeps their view rather than refitting
        self.viewbox.sigRangeChangedManually.connect(self._on_manual_range)
        self.viewbox.sigRangeChanged.connect(self._on_range)
        self.size_share = 1.0  # of their own radii the nodes are drawn at: less where they crowd (_room)
        self._gap: tuple[int, float] | None = None  # the drawn places' median gap to a neighbour (units), by hash
        self.edges_item, self.nodes_item, self.labels_item = EdgesItem(), DraggableNodes(), LabelsItem()
        for item in (self.edges_item, self.nodes_item, self.labels_item):
            self.viewbox.addItem(item)
        empty = graph.GraphView(pd.Timestamp(0, tz="UTC"), (), ())
        self.nodes = node_arrays(empty, {}, set())
        self.edges = edge_arrays(empty, self.nodes, set())
        self.drawn: tuple[NodeArrays, EdgeArrays] = (self.nodes, self.edges)
        self._from = self.drawn
        self._hits: tuple[NodeArrays, EdgeArrays, tuple[object, ...], Geometry] | None = None  # _hit_geometry
        self._fade = QVariantAnimation(self)
        self._fade.setDuration(FADE_MS)
        self._fade.setStartValue(0.0)
        self._fade.setEndValue(1.0)
        self._fade.valueChanged.connect(self._on_fade)
        self._fade.finished.connect(lambda: self._paint(self.nodes, self.edges))
        self.note = QLabel(self)  # says why the graph is empty, in the middle of the panel
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note.setWordWrap(True)
        self.note.hide()
        self.caption = QLabel(self)  # a focused view's "14 of 2,960 entities", in the bottom-left corner
        self.caption.setToolTip("The graph is too big to read whole: it shows the neighbourhood of the chosen "
                                "entities (else the best connected), the rest gathered in \"k more\" groups. "
                                "Find… or a double-click on an entity centres the view on another.")
        self.caption.hide()
        self.hint = QLabel("Nothing in view: Fit frames the graph again", self)  # a view panned off every node
        self.hint.hide()

    def set_caption(self, text: str) -> None:
        """Say in a corner what the drawing leaves out (a focused view), or nothing with ``""``."""
        self.caption.setText(text)
        self.caption.adjustSize()
        self.caption.setVisible(bool(text))
        self._place_note()

    def set_note(self, text: str) -> None:
        """Show a sentence in the middle of the canvas (why nothing is drawn), or none with ``""``."""
        self.note.setText(text)
        self.note.setVisible(bool(text))
        self._place_note()

    def _place_note(self) -> None:
        width = min(self.width() - 40, 420)
        self.note.setGeometry((self.width() - width) // 2, self.height() // 2 - 60, max(width, 40), 120)
        self.caption.move(6, self.height() - self.caption.height() - 4)
        if hasattr(self, "hint"):
            self.hint.adjustSize()
            self.hint.move((self.width() - self.hint.width()) // 2, self.height() // 2 - self.hint.height() // 2)

    def show_arrays(self, nodes: NodeArrays, edges: EdgeArrays, animate: bool = False) -> None:
        """Draw these nodes and edges, fading from what is on screen when ``animate``. The same drawing
        again (a cursor moved where no tie starts or ends) changes nothing: no fade of 20 frames to itself."""
        if same_arrays(nodes, self.nodes) and same_arrays(edges, self.edges):
            return
        self.nodes, self.edges = nodes, edges
        if self.zoomed and len(nodes.ids) and not self.any_in_view():  # (panned away over an empty graph: the
            self.fit()  # ties of another date were drawn outside the view, and nothing said so)
        self._fade.stop()
        drawn = max(len(nodes.ids) + len(edges.ids), len(self.drawn[0].ids) + len(self.drawn[1].ids))
        if animate and self.isVisible() and drawn <= FADED_UP_TO:  # (a fade draws both graphs)
            self._from = self.drawn
            self._fade.start()
        else:
            self._paint(nodes, edges)

    def set_theme(self, theme: Theme) -> None:
        """Paint the background and every item in the theme's colours."""
        self.setBackground(theme.background)
        self.note.setStyleSheet(f"color: {theme.text}; background: transparent;")
        self.hint.setStyleSheet(f"color: {theme.axis_text}; background: transparent;")
        self.caption.setStyleSheet(f"color: {theme.axis_text}; background: transparent;")
        for item in (self.edges_item, self.nodes_item, self.labels_item):
            item.set_theme(theme)

    def frame(self, xy: np.ndarray, names: list[str], loop_room: float = 0.0, least: float = 0.0) -> None:
        """Show these layout positions as large as the panel allows, with room in pixels for their names (and
        ``loop_room`` round them, for loops), their spread taken as at least ``least`` layout units (one node, or two
        side by side, are not blown up to fill the panel)."""
        self.framed, self.zoomed, self.loop_room = np.asarray(xy, dtype=float).reshape(-1, 2), False, loop_room
        self.least = least
        self.name_widths = self.labels_item.widths(names) + 16.0  # node radius and gap, then the name
        self.fit()

    def fit(self) -> None:
        """Frame again what :meth:`frame` was given (the header's Fit button, and every resize until a zoom).

        Names go right of their node first, so the scale is the largest at which every node's name
        still ends inside the panel: ``x·s + name width ≤ panel width`` measured from the leftmost node.
        """
        xy = self.framed
        if not len(xy):
            return
        x0, (y0, y1) = xy[:, 0].min(), (xy[:, 1].min(), xy[:, 1].max())
        width, height = max(self.viewbox.width(), 1.0), max(self.viewbox.height(), 1.0)
        pad, my = min(MARGIN, width / 8), min(MARGIN, height / 4)
        loop = min(self.loop_room, height / 8, width / 8)  # (a loop at the top, bottom or left node: room for it)
        room = np.maximum(width - 2 * pad - loop - self.name_widths, width / 3)  # px left for the spread of the nodes
        dx = xy[:, 0] - x0
        scale_x = float(np.min(room[dx > 0] / dx[dx > 0])) if (dx > 0).any() else np.inf
        scale = min(scale_x, (height - 2 * my - 2 * loop) / max(y1 - y0, 1e-6))  # px per layout unit, both axes
        if self.least > 0:
            scale = min(scale, (min(width, height) - 2 * my) / self.least)
        if not np.isfinite(scale) or scale <= 0:
            scale = 1.0
        right = float(np.max(xy[:, 0] * scale + self.name_widths)) + pad  # where the last name ends, in px
        cx, cy = (x0 * scale - pad - loop + right) / 2 / scale, (y0 + y1) / 2  # (y grows down)
        half_x, half_y = width / scale / 2, height / scale / 2
        self.viewbox.setLimits(minXRange=2 * half_x / ZOOM_IN_MOST, maxXRange=2 * half_x * ZOOM_OUT_MOST,
                               minYRange=2 * half_y / ZOOM_IN_MOST, maxYRange=2 * half_y * ZOOM_OUT_MOST)
        self.viewbox.setRange(xRange=(cx - half_x, cx + half_x), yRange=(cy - half_y, cy + half_y), padding=0)
        self.zoomed = False

    def resizeEvent(self, event: Any) -> None:
        """Keep the graph fitted to the panel as it grows or shrinks, unless the user zoomed in."""
        super().resizeEvent(event)
        if hasattr(self, "note"):
            self._place_note()
        if not getattr(self, "zoomed", True):  # pyqtgraph resizes once inside its own __init__, before ours
            self.fit()

    def _on_manual_range(self, *args: Any) -> None:
        self.zoomed = True

    def _room(self) -> float:
        """The share of their own size the nodes are drawn at, for the view's scale: 100 entities framed in a
        panel of 423 × 290 px lay 10 px apart, where 15 px nodes covered each other; zoomed in, they grow back."""
        nodes = self.nodes
        if len(nodes.ids) < 3 or not len(nodes.radii):
            return 1.0
        xy = np.ascontiguousarray(nodes.xy, dtype=float)
        key = hash(xy.tobytes())  # (a cursor move makes new arrays of the same places: measured once)
        if self._gap is None or self._gap[0] != key:
            self._gap = (key, float(np.median(Near(xy).nearest_other())))
        units_per_px = float(self.viewbox.viewPixelSize()[0])
        if not np.isfinite(units_per_px) or units_per_px <= 0:
            return 1.0
        gap_px = self._gap[1] / units_per_px
        return float(np.clip(ROOM_SHARE * gap_px / float(np.median(nodes.radii)), LEAST_SIZE, 1.0))

    def _sized(self, nodes: NodeArrays) -> NodeArrays:
        """``nodes`` with their radii at :attr:`size_share` (the same arrays when that is whole)."""
        return nodes if self.size_share >= 1.0 else replace(nodes, radii=nodes.radii * self.size_share)

    def any_in_view(self) -> bool:
        """Whether a node of the drawing stands in the visible part of the canvas."""
        xy, shown = self.nodes.xy, self.viewbox.viewRect()
        return bool(len(xy)) and bool(((xy[:, 0] >= shown.left()) & (xy[:, 0] <= shown.right())
                                       & (xy[:, 1] >= shown.top()) & (xy[:, 1] <= shown.bottom())).any())

    def _on_range(self, *args: Any) -> None:
        """A zoom, a pan or a fit: the nodes drawn at the size their spacing leaves them (again when it changed);
        a view panned off every node says how to find them."""
        lost = self.zoomed and len(self.nodes.ids) > 0 and not self.any_in_view()
        if lost == self.hint.isHidden():
            self.hint.setHidden(not lost)
            self._place_note()
        share = self._room()
        changed = abs(share - self.size_share) > 0.02 or (share >= 1.0) != (self.size_share >= 1.0)  # (whole: at once)
        if changed and self._fade.state() != QVariantAnimation.State.Running:
            self.size_share = share
            self._paint(self.nodes, self.edges)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """The arrows and Return are the panel's (:mod:`~viewer.ui.relations.picking`), not a scroll of the view."""
        plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier == Qt.KeyboardModifier.NoModifier
        way = WAYS.get(Qt.Key(event.key()))
        if plain and way is not None:
            self.stepped.emit(*way)
        elif plain and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.opened.emit()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def reveal(self, x: float, y: float) -> None:
        """Bring a layout position into view, the view moved as little as it takes (kept as the user's view)."""
        shown = self.viewbox.viewRect()
        margin_x, margin_y = shown.width() * 0.08, shown.height() * 0.08
        inner = shown.adjusted(margin_x, margin_y, -margin_x, -margin_y)
        if inner.contains(QPointF(x, y)):
            return
        dx = min(x - inner.left(), 0.0) + max(x - inner.right(), 0.0)
        dy = min(y - inner.top(), 0.0) + max(y - inner.bottom(), 0.0)
        self.viewbox.translateBy(x=dx, y=dy)
        self.zoomed = True

    def to_viewport(self, x: float, y: float) -> QPoint:
        """A layout position in the viewport's pixels."""
        point: QPoint = self.mapFromScene(self.viewbox.mapViewToScene(QPointF(x, y)))
        return point

    def edge_midpoint(self, relation_id: str) -> QPoint:
        """The middle of a drawn edge's curve in the viewport's pixels."""
        geo = edge_geometry(self._sized(self.nodes), self.edges, self.nodes_item.sceneTransform())
        x, y = geo.points(0.5)[self.edges.ids.index(relation_id)]
        point: QPoint = self.mapFromScene(QPointF(float(x), float(y)))
        return point

    def hit(self, scene_pos: QPointF) -> tuple[str, str] | None:
        """("entity", id) or ("relation", id) under a scene position, using the target arrays."""
        key = self.nodes_item.node_at(scene_pos)
        if key is not None:
            return "entity", key
        if len(self.edges.ids):
            geo = self._hit_geometry()
            dist = geo.distance(np.array([scene_pos.x(), scene_pos.y()])) - self.edges.widths / 2
            best = int(np.argmin(dist))
            if dist[best] <= CLICK_SLOP:
                return "relation", self.edges.ids[best]
        return None

    def _hit_geometry(self) -> Geometry:
        """The target edges' geometry on screen, made again only when the nodes, edges or view changed
        (a hover asks at every move of the mouse)."""
        tr = self.nodes_item.sceneTransform()
        view = (self.nodes.xy.tobytes(), tr.m11(), tr.m12(), tr.m21(), tr.m22(), tr.m31(), tr.m32(), self.size_share)
        kept = self._hits
        if kept is None or kept[0] is not self.nodes or kept[1] is not self.edges or kept[2] != view:
            kept = self._hits = (self.nodes, self.edges, view, edge_geometry(self._sized(self.nodes), self.edges, tr))
        return kept[3]

    def _on_fade(self, value: Any) -> None:
        t = float(value)
        old_nodes, old_edges = self._from
        self._paint(blend(old_nodes, self.nodes, t), blend(old_edges, self.edges, t))

    def _paint(self, nodes: NodeArrays, edges: EdgeArrays) -> None:
        self.size_share = self._room()
        nodes = self._sized(nodes)
        self.drawn = (nodes, edges)
        self.nodes_item.set_nodes(nodes)
        self.edges_item.set_edges(edges, nodes)
        self.labels_item.set_data(nodes, edges)
