"""How a user picks in the graph: a click or a hover with the mouse, the arrows and Return from the keyboard.

A keyboard user reached the graph with Tab and could do nothing there but Find: the arrows walked the timeline's
events. While the graph holds the focus, an arrow now selects the entity drawn nearest in its direction, as a
click on it does (its events light up in the timeline, Details shows it), and scrolls it into view when it lies
outside; with none selected, the first arrow picks the one nearest the middle of the view. Return does what a
double-click does. A "k more" group of a big graph is no entity, and a click on one selects nothing: an arrow that
reaches one rings it and leaves the selection as it was, and Return then shows its members.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from PySide6.QtCore import QPointF, Qt, SignalInstance

from viewer.model import graph
from viewer.ui.relations.canvas import GraphCanvas
from viewer.ui.relations.focusing import Focusing
from viewer.ui.relations.tips import edge_tip, node_tip
from viewer.ui.shared.plain_text import plain_tip
from viewer.ui.shared.state import Selection, ViewState

HELP = (("Return", "Open the selected entity's neighbourhood, as a double-click does (graph)"),)
ACROSS_WEIGHT = 2.0  # a node off to the side counts its offset twice: the step follows the arrow, not the nearest


def step(xy: np.ndarray, at: int | None, way: tuple[int, int], centre: tuple[float, float]) -> int | None:
    """The row of ``xy`` to step to from row ``at`` in direction ``way``: of those within 45° of the way (else of
    all those ahead), the one nearest along the way plus twice across it; None when none lies ahead. From no row,
    the row nearest ``centre``.

    >>> points = np.array([[0.0, 0.0], [1.0, 0.1], [1.0, 3.0], [-2.0, 0.0]])
    >>> step(points, 0, (1, 0), (0, 0)), step(points, 0, (0, 1), (0, 0)), step(points, 3, (-1, 0), (0, 0))
    (1, 2, None)
    >>> step(points, None, (1, 0), (0.9, 2.5)), step(np.array([[np.nan, 0.0], [5.0, 5.0]]), None, (1, 0), (0, 0))
    (2, 1)
    """
    if not np.isfinite(xy).all(axis=1).any():
        return None
    if at is None:
        distance = np.hypot(xy[:, 0] - centre[0], xy[:, 1] - centre[1])
        return int(np.argmin(np.where(np.isfinite(distance), distance, np.inf)))
    offset = xy - xy[at]
    along = offset @ np.asarray(way, dtype=float)
    across = np.abs(offset @ np.asarray((-way[1], way[0]), dtype=float))
    ahead = along > 1e-9
    if not ahead.any():
        return None
    within = ahead & (across <= along)  # within 45° of the way, where there are any: Down is not a step right
    chosen = within if within.any() else ahead
    return int(np.argmin(np.where(chosen, along + ACROSS_WEIGHT * across, np.inf)))


class Picking:
    """Clicks, hovers, arrows and Return on the graph, mixed into
    :class:`~viewer.ui.relations.panel.RelationshipPanel`."""

    state: ViewState
    canvas: GraphCanvas
    focusing: Focusing
    relation_picked: SignalInstance
    expand: Callable[[str], None]  # the panel's: a double-click's answer
    _rebuild: Callable[[], None]  # the panel's: draw again (a ring moved)
    _view: graph.GraphView
    _told: tuple[tuple[str, str] | None, graph.GraphView] | None
    _key_group: str | None = None  # a "k more" group the arrows stepped to (ringed; the selection stays as it was)

    def _on_click(self, event: Any) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        hit = self.canvas.hit(event.scenePos())
        if hit is None:
            return  # the background clears nothing: a stray click should not lose a selection
        kind, key = hit
        if event.double() and kind == "entity":
            self.expand(key)
            return
        if kind == "entity" and key in self.focusing.members:
            return  # a group is not an entity: a single click selects nothing
        self.state.select(Selection(entities=frozenset({key})) if kind == "entity"
                          else Selection(relations=frozenset({key})))
        if kind != "entity":
            self.relation_picked.emit(key)

    def _on_hover(self, scene_pos: QPointF) -> None:
        hit = self.canvas.hit(scene_pos)
        if self._told is not None and self._told[0] == hit and self._told[1] is self._view:
            return  # the same node or edge of the same graph: its tip is already set
        self._told = (hit, self._view)
        text = ""
        if hit and hit[0] == "entity":
            node = next((n for n in self._view.nodes if n.id == hit[1]), None)
            text = node_tip(self.state.dataset, node, self.focusing.members) if node else ""
        elif hit:
            edge = next((e for e in self._view.edges if e.id == hit[1]), None)
            names = {n.id: n.short_name for n in self._view.nodes}
            text = edge_tip(self.state.dataset, edge, names) if edge else ""
        self.canvas.setToolTip(plain_tip(text))

    def _key_rings(self) -> set[str]:
        """The group the keys stand on, ringed as the selection is."""
        return {self._key_group} if self._key_group is not None else set()

    def _steppable(self) -> tuple[list[str], np.ndarray]:
        """The nodes drawn ("k more" groups among them) and where, in the graph's units."""
        nodes = self.canvas.nodes
        return list(nodes.ids), np.asarray(nodes.xy, dtype=float).reshape(-1, 2)

    def _current(self, keys: list[str]) -> int | None:
        """Where the keys stand: the group they stepped to, else the selected entity drawn (the first of several)."""
        if self._key_group in keys:
            return keys.index(self._key_group)
        chosen = self.state.selection.entities
        return next((i for i, key in enumerate(keys) if key in chosen and key not in self.focusing.members), None)

    def _on_step(self, dx: int, dy: int) -> None:
        keys, xy = self._steppable()
        middle = self.canvas.viewbox.viewRect().center()
        to = step(xy, self._current(keys), (dx, dy), (middle.x(), middle.y()))
        if to is None:
            return  # nothing that way: the selection stays
        chosen = Selection(entities=frozenset({keys[to]}))
        if keys[to] in self.focusing.members:  # a group is no entity: ringed, not selected (as a click selects none)
            self._key_group = keys[to]
            self._rebuild()
        elif chosen == self.state.selection:  # back from a group to the entity still selected: only the ring moves
            self._key_group = None
            self._rebuild()
        else:
            self.state.select(chosen)
        self.canvas.reveal(float(xy[to, 0]), float(xy[to, 1]))

    def _on_open(self) -> None:
        keys, _xy = self._steppable()
        at = self._current(keys)
        if at is not None:
            self.expand(keys[at])  # (a group shows its members)
