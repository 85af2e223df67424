"""What the relationship panel draws now, read back: ids, labels, highlights, pixels (for tests and tools)."""

from __future__ import annotations

from PySide6.QtCore import QPoint

from viewer.model import graph
from viewer.ui.relations.canvas import GraphCanvas
from viewer.ui.relations.header import DIFF
from viewer.ui.relations.items import EdgeArrays, NodeArrays
from viewer.ui.shared.state import ViewState


class Readout:
    """Read-only answers about the drawing, mixed into :class:`~viewer.ui.relations.panel.RelationshipPanel`."""

    state: ViewState
    canvas: GraphCanvas
    _nodes: NodeArrays
    _edges: EdgeArrays
    _view: graph.GraphView
    _positions: graph.Positions
    _shown: graph.Positions

    def node_ids(self) -> set[str]:
        """The entity ids drawn now."""
        return set(self._nodes.ids)

    def node_colours(self) -> dict[str, str]:
        """Entity id → the colour its node is drawn in now."""
        return dict(zip(self._nodes.ids, self._nodes.colors, strict=True))

    def edge_labels(self) -> dict[tuple[str, str, str], str]:
        """(source, target, kind) → the label drawn on that edge now."""
        by_id = {e.id: e for e in self._view.edges}
        return {(by_id[i].source, by_id[i].target, by_id[i].kind): label
                for i, label in zip(self._edges.ids, self._edges.labels, strict=True)}

    def edge_changes(self) -> dict[str, str]:
        """In diff mode, relation id → added / removed / changed / renewed / unchanged for every drawn edge."""
        if self.state.view.graph_mode != DIFF:
            return {}
        return dict(zip(self._edges.ids, self._edges.changes, strict=True))

    def highlighted_entities(self) -> set[str]:
        """The drawn entity ids that carry a highlight ring."""
        return {i for i, ring in zip(self._nodes.ids, self._nodes.rings, strict=True) if ring}

    def highlighted_relations(self) -> set[str]:
        """The drawn relation ids that are highlighted."""
        return {i for i, on in zip(self._edges.ids, self._edges.highlighted, strict=True) if on}

    def dimmed_entities(self) -> set[str]:
        """The drawn entity ids dimmed because no event matching the filters involves them."""
        return {i for i, a in zip(self._nodes.ids, self._nodes.alpha, strict=True) if a < 1.0}

    def node_pos(self, entity_id: str) -> QPoint:
        """Where a node's centre is in the canvas viewport's pixels (for clicks in tests)."""
        return self.canvas.to_viewport(*{**self._positions, **self._shown}[entity_id])

    def is_placed(self, entity_id: str) -> bool:
        """True when the layout has a position for this entity (drawn now or at another date)."""
        return entity_id in self._positions

    def edge_midpoint(self, relation_id: str) -> QPoint:
        """Where the middle of a drawn edge is in the canvas viewport's pixels (for clicks in tests)."""
        return self.canvas.edge_midpoint(relation_id)

    def drawn_edge_alpha(self) -> dict[str, float]:
        """Relation id → opacity of every edge painted now (fading ones included)."""
        edges = self.canvas.drawn[1]
        return {i: float(a) for i, a in zip(edges.ids, edges.alpha, strict=True)}
