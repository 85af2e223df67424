"""The relationship panel: who held what in whom as of the time cursor, drawn as a directed graph.

Positions come from :func:`viewer.model.graph.layout` once per dataset, so nodes stay put while
the cursor moves; only which nodes and edges are shown, and their labels, change.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from viewer.model import graph
from viewer.model.dataset import Dataset
from viewer.model.dates import format_date
from viewer.ui.relations_items import (
    EDGE_STYLES,
    NODE_COLORS,
    NODE_SHAPES,
    OTHER_NODE_COLOR,
    EdgeArrays,
    EdgesItem,
    NodeArrays,
    NodesItem,
    node_radius,
    segment_distance,
    shape_path,
    to_pixels,
)
from viewer.ui.relations_labels import LabelsItem
from viewer.ui.state import Selection, ViewState

CLICK_SLOP = 4.0  # px around a node or an edge that still counts as a hit


def _event_actors(dataset: Dataset, event_ids: frozenset[str]) -> set[str]:
    """The entity ids named as actors of the given events."""
    rows = dataset.events.loc[dataset.events["id"].isin(event_ids), "actors"]
    return {a for text in rows for a in str(text).split(";") if a}


def _node_arrays(view: graph.GraphView, positions: graph.Positions, rings: set[str]) -> NodeArrays:
    nodes = [n for n in view.nodes if n.id in positions]
    return NodeArrays(
        ids=tuple(n.id for n in nodes),
        xy=np.array([positions[n.id] for n in nodes], dtype=float).reshape(-1, 2),
        radii=np.array([node_radius(n.kind, n.principal) for n in nodes], dtype=float),
        shapes=tuple(NODE_SHAPES.get(n.kind, "triangle") for n in nodes),
        colors=tuple(n.color or NODE_COLORS.get(n.kind, OTHER_NODE_COLOR) for n in nodes),
        labels=tuple(n.short_name for n in nodes),
        rings=np.array([n.id in rings for n in nodes], dtype=bool))


def _edge_arrays(view: graph.GraphView, positions: graph.Positions, nodes: NodeArrays,
                 highlighted: set[str]) -> EdgeArrays:
    radius = dict(zip(nodes.ids, nodes.radii, strict=True))
    edges = [e for e in view.edges if e.source in radius and e.target in radius]
    return EdgeArrays(
        ids=tuple(e.id for e in edges),
        src=np.array([positions[e.source] for e in edges], dtype=float).reshape(-1, 2),
        dst=np.array([positions[e.target] for e in edges], dtype=float).reshape(-1, 2),
        r_src=np.array([radius[e.source] for e in edges], dtype=float),
        r_dst=np.array([radius[e.target] for e in edges], dtype=float),
        lanes=np.array([e.lane for e in edges], dtype=float),
        flip=np.array([e.source > e.target for e in edges], dtype=bool),
        kinds=tuple(e.kind for e in edges),
        widths=np.array([e.width for e in edges], dtype=float),
        labels=tuple(_drawn_label(e) for e in edges),
        faded=np.array([e.uncertain for e in edges], dtype=bool),
        highlighted=np.array([e.id in highlighted for e in edges], dtype=bool))


def _drawn_label(edge: graph.Edge) -> str:
    """The value on a stake; a tie without a value is named only when its dates are uncertain,
    because the line style already says what it is and a dozen "partnership" tags drown the values."""
    if np.isnan(edge.value):
        return f"{edge.label} ({edge.fuzzy})" if edge.fuzzy else ""
    return f"{edge.label} ({edge.fuzzy})" if edge.fuzzy else edge.label


def _swatch(color: str, style: Qt.PenStyle, width: float, shape: str = "") -> QPixmap:
    """A tiny legend picture: a line in the edge's style, or a node's shape."""
    pixmap = QPixmap(22, 12)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if shape:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(color))
        painter.drawPath(shape_path(shape, 11, 6, 4.0))
    else:
        painter.setPen(QPen(QColor(color), width, style, Qt.PenCapStyle.FlatCap))
        painter.drawLine(1, 6, 21, 6)
    painter.end()
    return pixmap


def _legend_row(items: list[tuple[QPixmap, str]]) -> QHBoxLayout:
    row = QHBoxLayout()
    row.setSpacing(2)
    for pixmap, text in items:
        picture, label = QLabel(), QLabel(text)
        picture.setPixmap(pixmap)
        label.setStyleSheet("color: #444; font-size: 8pt;")
        row.addWidget(picture)
        row.addWidget(label)
        row.addSpacing(8)
    row.addStretch(1)
    return row


class RelationshipPanel(QWidget):
    """The graph of relations valid at the cursor, with selection highlighting and click-to-select."""

    def __init__(self, state: ViewState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self._include_people = False
        self._positions: graph.Positions = {}
        self._core: set[str] = set()
        self._view = graph.GraphView(state.cursor, (), ())
        self._nodes = _node_arrays(self._view, {}, set())
        self._edges = _edge_arrays(self._view, {}, self._nodes, set())
        self._build()
        state.dataset_changed.connect(self._on_dataset)
        state.cursor_moved.connect(self._refresh)
        state.selection_changed.connect(self._refresh)
        self._on_dataset(state.dataset)

    def _build(self) -> None:
        self.as_of = QLabel()
        self.as_of.setStyleSheet("font-weight: 600;")
        self.people = QCheckBox("People")
        self.people.setToolTip("Show people and who led what")
        self.people.toggled.connect(self.set_include_people)
        header = QHBoxLayout()
        header.addWidget(self.as_of)
        header.addStretch(1)
        header.addWidget(self.people)
        edge_legend = [(_swatch(s.color, s.dash, 2.0), s.name) for s in EDGE_STYLES.values()]
        node_legend = [(_swatch(color, Qt.PenStyle.NoPen, 0, NODE_SHAPES.get(kind, "triangle")),
                        kind.replace("_", " ")) for kind, color in
                       (*NODE_COLORS.items(), ("other", OTHER_NODE_COLOR))]
        self.canvas = pg.GraphicsLayoutWidget()
        self.canvas.setBackground("w")
        self.canvas.ci.setContentsMargins(0, 0, 0, 0)
        self.viewbox = self.canvas.addViewBox()
        self.viewbox.setAspectLocked(True)
        self.viewbox.invertY(True)  # layout y grows downwards, like the names that hang below nodes
        self.viewbox.setMenuEnabled(False)
        self.edges_item, self.nodes_item = EdgesItem(), NodesItem()
        self.viewbox.addItem(self.edges_item)
        self.viewbox.addItem(self.nodes_item)
        self.labels_item = LabelsItem()
        self.viewbox.addItem(self.labels_item)
        self.canvas.scene().sigMouseClicked.connect(self._on_click)
        self.canvas.scene().sigMouseMoved.connect(self._on_hover)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(2)
        layout.addLayout(header)
        layout.addLayout(_legend_row(edge_legend))
        layout.addLayout(_legend_row(node_legend))
        layout.addWidget(self.canvas, 1)

    # public API ---------------------------------------------------------------------------------

    def set_include_people(self, include: bool) -> None:
        """Show or hide people and leadership edges (other nodes keep their positions)."""
        if include != self._include_people:
            self._include_people = include
            self.people.setChecked(include)
            self._fit()
            self._refresh()

    def node_ids(self) -> set[str]:
        """The entity ids drawn now."""
        return set(self._nodes.ids)

    def edge_labels(self) -> dict[tuple[str, str, str], str]:
        """(source, target, kind) → the label drawn on that edge now."""
        return {(e.source, e.target, e.kind): label for e, label in
                zip((e for e in self._view.edges if e.id in set(self._edges.ids)), self._edges.labels,
                    strict=True)}

    def highlighted_entities(self) -> set[str]:
        """The drawn entity ids that carry a highlight ring."""
        return {i for i, ring in zip(self._nodes.ids, self._nodes.rings, strict=True) if ring}

    def highlighted_relations(self) -> set[str]:
        """The drawn relation ids that are highlighted."""
        return {i for i, on in zip(self._edges.ids, self._edges.highlighted, strict=True) if on}

    def node_pos(self, entity_id: str) -> QPoint:
        """Where a node's centre is in the canvas viewport's pixels (for clicks in tests)."""
        x, y = self._positions[entity_id]
        point: QPoint = self.canvas.mapFromScene(self.viewbox.mapViewToScene(QPointF(x, y)))
        return point

    # reactions ----------------------------------------------------------------------------------

    def _on_dataset(self, dataset: Dataset) -> None:
        args = (dataset.entities, dataset.relations)
        self._positions = graph.layout(*args, include_people=True, principal=dataset.meta.principal)
        self._core = set(graph.core_ids(*args))
        self._fit()
        self._refresh()

    def _fit(self) -> None:
        """Frame every node that can ever appear, so nothing jumps as the cursor moves."""
        shown = [xy for key, xy in self._positions.items() if self._include_people or key in self._core]
        if shown:
            xy = np.array(shown)
            (x0, y0), (x1, y1) = xy.min(axis=0), xy.max(axis=0)
            # room for names: they hang below a node and reach ~70 px either side of it
            self.viewbox.setRange(xRange=(x0 - 0.14, x1 + 0.14), yRange=(y0 - 0.06, y1 + 0.1), padding=0)

    def _refresh(self, *_: Any) -> None:
        state = self.state
        self._view = graph.graph_at(state.dataset, state.cursor, include_people=self._include_people)
        selection = state.selection
        rings = _event_actors(state.dataset, selection.events) | set(selection.entities)
        edge_ids = {e.id for e in self._view.edges if e.event and e.event in selection.events}
        self._nodes = _node_arrays(self._view, self._positions, rings)
        self._edges = _edge_arrays(self._view, self._positions, self._nodes, edge_ids | set(selection.relations))
        self.nodes_item.set_nodes(self._nodes)
        self.edges_item.set_edges(self._edges)
        self.labels_item.set_data(self._nodes, self._edges)
        self.as_of.setText(f"As of {format_date(state.cursor, 'day')}")

    def _hit(self, scene_pos: QPointF) -> tuple[str, str] | None:
        """("entity", id) or ("relation", id) under a scene position, using our own arrays."""
        transform = self.nodes_item.sceneTransform()
        point = np.array([scene_pos.x(), scene_pos.y()])
        if len(self._nodes.ids):
            centres = to_pixels(transform, self._nodes.xy)
            dist = np.hypot(*(centres - point).T) - self._nodes.radii
            best = int(np.argmin(dist))
            if dist[best] <= CLICK_SLOP:
                return "entity", self._nodes.ids[best]
        if len(self._edges.ids):
            start, end = self._edges.segments(transform)
            dist = segment_distance(point, start, end) - self._edges.widths / 2
            best = int(np.argmin(dist))
            if dist[best] <= CLICK_SLOP:
                return "relation", self._edges.ids[best]
        return None

    def _on_click(self, event: Any) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        hit = self._hit(event.scenePos())
        if hit is None:
            return  # the background clears nothing: a stray click should not lose a selection
        kind, key = hit
        self.state.select(Selection(entities=frozenset({key})) if kind == "entity"
                          else Selection(relations=frozenset({key})))

    def _on_hover(self, scene_pos: QPointF) -> None:
        hit = self._hit(scene_pos)
        text = ""
        if hit and hit[0] == "entity":
            text = self.state.dataset.entity_name(hit[1])
        elif hit:
            rows = self.state.dataset.relations
            note = rows.loc[rows["id"] == hit[1], "note"]
            text = str(note.iloc[0]) if len(note) else ""
        self.canvas.setToolTip(text)
