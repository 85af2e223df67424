"""Nodes the user can drag: the one nodes item, taking the drags that start on a node.

A drag that starts anywhere else is ignored, so the view pans as before; a press and release
without moving stays a click (pyqtgraph tells drags and clicks apart).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import QPointF, Qt, Signal

from viewer.ui.relations.geometry import to_pixels
from viewer.ui.relations.items import NodesItem

GRAB_SLOP = 4.0  # px around a node's border that still grabs it


class DraggableNodes(NodesItem):
    """All nodes, painted together; ``node_dragged(id, QPointF in view units, finished)`` while dragged."""

    node_dragged = Signal(str, object, bool)

    def __init__(self) -> None:
        super().__init__()
        self._dragging: str | None = None
        self._offset = QPointF()

    def node_at(self, scene_pos: QPointF) -> str | None:
        """The node under a scene position, if any."""
        nodes = self.nodes
        if nodes is None or not len(nodes.ids):
            return None
        centres = to_pixels(self.sceneTransform(), nodes.xy)
        dist = np.hypot(*(centres - np.array([scene_pos.x(), scene_pos.y()])).T) - nodes.radii
        best = int(np.argmin(dist))
        return nodes.ids[best] if dist[best] <= GRAB_SLOP else None

    def mouseDragEvent(self, ev: Any) -> None:
        """Move the node under the press; leave every other drag to the view (panning)."""
        if ev.button() != Qt.MouseButton.LeftButton:
            ev.ignore()
            return
        if ev.isStart():
            key = self.node_at(ev.buttonDownScenePos())
            if key is None or self.nodes is None:
                ev.ignore()
                return
            self._dragging = key
            x, y = self.nodes.xy[self.nodes.ids.index(key)]
            self._offset = QPointF(float(x), float(y)) - ev.buttonDownPos()
        elif self._dragging is None:
            ev.ignore()
            return
        ev.accept()
        key = self._dragging
        if ev.isFinish():
            self._dragging = None
        self.node_dragged.emit(key, ev.pos() + self._offset, ev.isFinish())
