"""Where the graph's edges run on screen: quadratic curves fanned apart, cut back to the nodes' rims.

The edges item, the labels item and hit-testing all take their geometry from :func:`edge_geometry`,
so a label sits on the curve that is drawn and a click lands on it. Bends come from
:func:`viewer.model.graph_labels.bends` in pixels: a reciprocal pair becomes two arcs on opposite
sides, parallel relations of different kinds fan apart, a lone edge stays straight; a tie from a node to itself is a
loop on its clearest side.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtGui import QTransform

from viewer.model.graph_labels import LOOP_PX, bends, control_points, loop_curves, loop_ways

if TYPE_CHECKING:
    from viewer.ui.relations.items import EdgeArrays, NodeArrays

HIT_SAMPLES = 13  # points per curve used to find the edge under the mouse


def to_pixels(transform: QTransform, xy: np.ndarray) -> np.ndarray:
    """Map an (n, 2) array of item coordinates through an affine transform in one numpy step."""
    xy = np.asarray(xy, dtype=float).reshape(-1, 2)
    x = transform.m11() * xy[:, 0] + transform.m21() * xy[:, 1] + transform.m31()
    y = transform.m12() * xy[:, 0] + transform.m22() * xy[:, 1] + transform.m32()
    return np.stack([x, y], axis=1)


@dataclass(frozen=True)
class Geometry:
    """Pixel geometry of a drawing: node centres, and per edge its end nodes, bend, curve ends and control point."""

    centres: np.ndarray  # (n, 2)
    sources: np.ndarray  # (m,) node index
    targets: np.ndarray  # (m,)
    bends: np.ndarray  # (m,) px to the left of the edge's direction
    start: np.ndarray  # (m, 2) where the line leaves the source's rim
    control: np.ndarray  # (m, 2) the quadratic Bézier's control point
    end: np.ndarray  # (m, 2) where the line meets the target's rim (the arrow's tip)

    def points(self, t: float | np.ndarray) -> np.ndarray:
        """Points at ``t`` (0 at the start, 1 at the end) of every drawn curve."""
        t = np.broadcast_to(np.asarray(t, dtype=float), (len(self.start),))[:, None]
        return (1 - t) ** 2 * self.start + 2 * t * (1 - t) * self.control + t**2 * self.end

    @cached_property
    def _segments(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Each curve as a polyline of :data:`HIT_SAMPLES` points: segment starts, directions and squared
        lengths (made once per geometry; a hover asks for distances at every move of the mouse)."""
        t = np.linspace(0.0, 1.0, HIT_SAMPLES)[None, :, None]
        start, control, end = self.start[:, None, :], self.control[:, None, :], self.end[:, None, :]
        samples = (1 - t) ** 2 * start + 2 * t * (1 - t) * control + t**2 * end  # (m, k, 2)
        a = samples[:, :-1]
        d = samples[:, 1:] - a
        return a, d, np.maximum((d * d).sum(axis=2), 1e-9)

    def distance(self, point: np.ndarray) -> np.ndarray:
        """Distance (px) from one point to each curve (through a polyline of :data:`HIT_SAMPLES` points)."""
        if not len(self.start):
            return np.zeros(0)
        a, d, span = self._segments
        t = np.clip(((point - a) * d).sum(axis=2) / span, 0.0, 1.0)
        nearest = a + d * t[..., None]
        return np.hypot(*(point - nearest).transpose(2, 0, 1)).min(axis=1)


def edge_geometry(nodes: NodeArrays, edges: EdgeArrays, transform: QTransform) -> Geometry:
    """The pixel geometry of ``edges`` between ``nodes`` under ``transform`` (edges whose ends are not drawn
    are given a zero-length curve at the origin, so every row keeps its index)."""
    centres = to_pixels(transform, nodes.xy)
    index = {key: i for i, key in enumerate(nodes.ids)}
    sources = np.array([index.get(s, -1) for s in edges.sources], dtype=int)
    targets = np.array([index.get(t, -1) for t in edges.targets], dtype=int)
    known = (sources >= 0) & (targets >= 0)
    sources, targets = np.where(known, sources, 0), np.where(known, targets, 0)
    if not len(centres):
        empty = np.zeros((len(sources), 2))
        return Geometry(centres, sources, targets, np.zeros(len(sources)), empty, empty, empty)
    bent = bends(sources, targets, centres) * known
    p0, p1 = centres[sources], centres[targets]
    control = control_points(p0, p1, bent)
    radius = nodes.radii
    # cut each end back to its node's rim along the curve's tangent there, so arrowheads touch the node
    start = p0 + _unit(control - p0) * (radius[sources] + 2.0)[:, None]
    end = p1 - _unit(p1 - control) * (radius[targets] + 3.0)[:, None]
    short = np.hypot(*(p1 - p0).T) <= radius[sources] + radius[targets] + 5.0
    end = np.where((short | ~known)[:, None], start, end)
    loops = np.flatnonzero(known & (sources == targets))
    if len(loops):  # a company's stake in itself (its own shares, held in treasury): a loop where no tie leaves
        start[loops], control[loops], end[loops] = loop_curves(centres[sources[loops]], radius[sources[loops]],
                                                               loop_ways(centres, sources, targets, sources[loops]))
        bent[loops] = LOOP_PX  # (drawn along its curve, not as a line from start to end)
    return Geometry(centres, sources, targets, bent, start, control, end)


def _unit(d: np.ndarray) -> np.ndarray:
    length = np.maximum(np.hypot(d[:, 0], d[:, 1]), 1e-9)[:, None]
    return d / length

