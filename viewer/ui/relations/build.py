"""From a graph as of a date to the arrays the relationship panel's items draw, and blends between two.

Kept apart from the widget so that the panel only wires signals: what is drawn, how dimmed, and how
one graph fades into the next are decided here, on plain arrays.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import fields, replace
from typing import Any, TypeVar

import numpy as np
from PySide6.QtGui import QColor

from viewer.model import graph
from viewer.model.dataset import Dataset
from viewer.model.graph_labels import worth_labelling
from viewer.model.value_labels import is_plain
from viewer.ui.relations.items import NODE_SHAPES, EdgeArrays, NodeArrays, node_radius, same_arrays
from viewer.ui.shared.theme import Theme, current

DIMMED = 0.22  # opacity of what no event matching the filters involves
HUB_TIES, HUB_THINNEST = 16, 0.2  # ties a node may have drawn before its ties thin; the thinnest they get
THINNED_PX = 1.0  # a thinned tie stays at least this wide (or as wide as it was, if narrower)
Arrays = TypeVar("Arrays", NodeArrays, EdgeArrays)


def event_actors(dataset: Dataset, event_ids: frozenset[str]) -> set[str]:
    """The entity ids named as actors of the given events."""
    if not event_ids:  # nothing selected: no pass over every event's id
        return set()
    found = dataset.ids.positions(event_ids)  # (looked up once for every panel)
    rows = dataset.events["actors"].iloc[found]
    return {a for text in rows for a in str(text).split(";") if a}


def node_arrays(view: graph.GraphView, positions: graph.Positions, rings: set[str],
                involved: frozenset[str] | None = None, theme: Theme | None = None) -> NodeArrays:
    """The nodes of ``view`` that have a position; ``involved`` (when given) keeps only those bright.

    A node takes its entity's own colour when the dataset gives one, else its kind's in ``theme``.
    """
    theme = theme or current()
    nodes = [n for n in view.nodes if n.id in positions]
    return NodeArrays(
        ids=tuple(n.id for n in nodes),
        xy=np.array([positions[n.id] for n in nodes], dtype=float).reshape(-1, 2),
        radii=np.array([node_radius(n.kind, n.principal) for n in nodes], dtype=float),
        shapes=tuple(NODE_SHAPES.get(n.kind, "triangle") for n in nodes),
        colors=tuple(_colour(n, theme) for n in nodes),
        labels=tuple(n.short_name for n in nodes),
        rings=np.array([n.id in rings for n in nodes], dtype=bool),
        alpha=np.array([1.0 if involved is None or n.id in involved else DIMMED for n in nodes], dtype=float))


def edge_arrays(view: graph.GraphView, nodes: NodeArrays, highlighted: set[str],
                changes: dict[str, str] | None = None) -> EdgeArrays:
    """The edges of ``view`` between drawn nodes; an edge is as dim as its dimmer end."""
    alpha = dict(zip(nodes.ids, nodes.alpha, strict=True))
    edges = [e for e in view.edges if e.source in alpha and e.target in alpha]
    labels = [drawn_label(e) for e in edges]
    told = np.array([e.id in highlighted or "→" in label for e, label in zip(edges, labels, strict=True)], dtype=bool)
    worth = worth_labelling(np.array([e.value for e in edges], dtype=float),
                            np.array([is_plain(e.kind) for e in edges], dtype=bool), told)
    return EdgeArrays(
        ids=tuple(e.id for e in edges),
        sources=tuple(e.source for e in edges),
        targets=tuple(e.target for e in edges),
        kinds=tuple(e.kind for e in edges),
        # during a window, a tie that held for part of it is drawn thinner (down to a third); so are the ties of
        # a hub (a holding's hundreds of stakes drew one black disc over their own values)
        widths=thinned(np.array([e.width * (0.35 + 0.65 * min(max(e.held, 0.0), 1.0)) for e in edges], dtype=float),
                       crowded_thinning(edges)),
        labels=tuple(label if shown or not np.isfinite(e.value) else "" for e, label, shown in
                     zip(edges, labels, worth.tolist(), strict=True)),
        faded=np.array([e.uncertain for e in edges], dtype=bool),
        highlighted=np.array([e.id in highlighted for e in edges], dtype=bool),
        alpha=np.array([min(alpha[e.source], alpha[e.target]) for e in edges], dtype=float),
        changes=tuple((changes or {}).get(e.id, "") for e in edges))


class EdgesOf:
    """:func:`edge_arrays`, kept for the last graph: a cursor step where no tie starts or ends finds the same ties (the
    very tuple, :mod:`viewer.model.memo`), and made their arrays again, a Python pass over each (11 ms a step at
    5,000 ties)."""

    def __init__(self) -> None:
        self._last: tuple[graph.GraphView, NodeArrays, tuple[set[str], dict[str, str]], EdgeArrays] | None = None

    def __call__(self, view: graph.GraphView, nodes: NodeArrays, highlighted: set[str],
                 changes: dict[str, str] | None = None) -> EdgeArrays:
        """The edges of ``view`` between ``nodes``, as :func:`edge_arrays` makes them."""
        told = (set(highlighted), dict(changes or {}))
        last = self._last
        if last is not None and last[0].edges is view.edges and last[2] == told and same_arrays(last[1], nodes):
            return last[3]
        edges = edge_arrays(view, nodes, highlighted, changes)
        self._last = (view, nodes, told, edges)
        return edges


def thinned(widths: np.ndarray, factors: np.ndarray) -> np.ndarray:
    """Widths times their factors, none thinned below :data:`THINNED_PX` (a 1.5 px tie of a hub stays visible)."""
    return np.maximum(widths * factors, np.minimum(widths, THINNED_PX))


def crowded_thinning(edges: list[graph.Edge]) -> np.ndarray:
    """Each edge's width factor: 1 where neither end has more than :data:`HUB_TIES` ties drawn, thinner (down to
    :data:`HUB_THINNEST`) as the busier end has more, by the square root of how many more."""
    if not edges:
        return np.ones(0)
    ties = Counter(e.source for e in edges) + Counter(e.target for e in edges)
    busiest = np.array([max(ties[e.source], ties[e.target]) for e in edges], dtype=float)
    return np.clip(np.sqrt(HUB_TIES / busiest), HUB_THINNEST, 1.0)


def drawn_label(edge: graph.Edge) -> str:
    """The value on a stake; a tie without a value is named only when its dates are uncertain,
    because the line style already says what it is and a dozen "partnership" tags drown the values."""
    if np.isnan(edge.value) and not edge.fuzzy:
        return edge.label if "→" in edge.label else ""  # a diff label ("– → 15%") always shows
    return f"{edge.label} ({edge.fuzzy})" if edge.fuzzy else edge.label


def _take(arrays: Arrays, index: np.ndarray) -> Arrays:
    """The rows ``index`` of every field (tuples and arrays alike)."""
    out: dict[str, Any] = {}
    for f in fields(arrays):
        value = getattr(arrays, f.name)
        out[f.name] = tuple(value[i] for i in index) if isinstance(value, tuple) else value[index]
    return type(arrays)(**out)


def _concat(a: Arrays, b: Arrays) -> Arrays:
    out: dict[str, Any] = {}
    for f in fields(a):
        x, y = getattr(a, f.name), getattr(b, f.name)
        out[f.name] = x + y if isinstance(x, tuple) else np.concatenate([x, y])
    return type(a)(**out)


def blend(old: Arrays, new: Arrays, t: float) -> Arrays:
    """``new`` drawn at fraction ``t`` of a fade from ``old``: what leaves fades out, what arrives fades in.

    Rows in both keep ``new``'s look with their opacity moving from old to new; rows only in ``old``
    are appended (fading out) so that nothing jumps.
    """
    t = float(np.clip(t, 0.0, 1.0))
    before = dict(zip(old.ids, old.alpha, strict=True))
    start = np.array([before.get(i, 0.0) for i in new.ids], dtype=float)
    arriving = replace(new, alpha=start + (new.alpha - start) * t)
    keep = set(new.ids)
    leaving = np.array([j for j, i in enumerate(old.ids) if i not in keep], dtype=int)
    if not len(leaving) or t >= 1.0:
        return arriving
    gone = _take(old, leaving)
    return _concat(arriving, replace(gone, alpha=gone.alpha * (1.0 - t)))


def _colour(node: graph.Node, theme: Theme) -> str:
    """The entity's own colour when it is one Qt knows, else its kind's (a mistyped colour drew the node black)."""
    return node.color if node.color and QColor.isValidColorName(node.color) else theme.node(node.kind)
