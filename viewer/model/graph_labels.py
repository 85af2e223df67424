"""Where the graph's labels go: beside their node or along their edge, never on another label or a node.

Everything is in pixels with y growing downwards (screen coordinates). :func:`bends` fans apart the
edges between the same two nodes: a reciprocal pair (A→B and B→A) becomes two arcs bent to opposite
sides, parallel relations of different kinds get distinct offsets. :func:`place_labels` then puts
each node's label on the first free side (right, left, below, above, then the corners; sides where
the node's edges leave come last) and each edge's label on the first free spot along its curve
(the middle first, then sliding towards the ends, then just beside the curve near its middle, where
a short edge between two labelled nodes still has room); a label with no free spot is hidden, for
the caller to show its text in a tooltip. Collisions are checked against a uniform grid of the rectangles
placed so far, so the work grows with the number of labels, not its square. Qt-free.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

BEND_STEP = 22.0  # px between the arcs of neighbouring parallel edges
MAX_BEND = 0.3  # an arc never bulges more than this share of its edge's length
GAP = 3.0  # px between a node's rim and its label
NODE_PAD = 1.0  # px around a node that no label may cover
SLIDE = (0.5, 0.4, 0.6, 0.3, 0.7, 0.25, 0.75, 0.2, 0.8)  # where along its edge a label is tried
# then beside the curve: (index into SLIDE, side: +1 left of the edge's direction, -1 right; 2: twice as far,
# clear of the end nodes of a short edge)
BESIDE = ((0, 1), (0, -1), (1, 1), (2, -1), (1, -1), (2, 1), (0, 2), (0, -2))
# node label sides: (dx, dy) of the label's centre in units of (radius + gap + half the label's size)
SIDES = ((1, 0), (-1, 0), (0, 1), (0, -1), (1, 1), (-1, 1), (1, -1), (-1, -1))
CROWDED = 40  # labelled edges beyond which plain numbers are labelled on the strongest ties only
STRONGEST = 15  # plain numbers labelled in a crowded graph
GIVE_UP = 100  # labels in a row that found no room, after which the rest are not tried: the view is full


def worth_labelling(values: np.ndarray, plain: np.ndarray, keep: np.ndarray, crowded: int = CROWDED,
                    strongest: int = STRONGEST) -> np.ndarray:
    """Which edges' values are labelled: every value in a graph of at most ``crowded`` of them; in a crowded one,
    those that are no plain number (a stake's percentage, a price), those in ``keep`` (selected, or told in the
    comparison) and the ``strongest`` largest plain numbers. A mailbox's or a chat's hundreds of "1" and "2"
    (messages between two people) told nothing and covered the names.

    >>> worth_labelling(np.array([1.0, 9.0, 2.0, 43.4]), np.array([True, True, True, False]),
    ...                 np.zeros(4, dtype=bool), crowded=3, strongest=1).tolist()
    [False, True, False, True]
    """
    values = np.asarray(values, dtype=float)
    labelled = ~np.isnan(values)
    if int(labelled.sum()) <= crowded:
        return labelled | keep
    counts = labelled & plain & ~keep
    worth = (labelled & ~plain) | keep
    ranked = np.argsort(-np.where(counts, values, -np.inf), kind="stable")[:strongest]
    worth[ranked[counts[ranked]]] = True
    return worth


@dataclass(frozen=True)
class Placement:
    """Placed label rectangles (x0, y0, x1, y1 in px; NaN when hidden) and each edge's bend.

    ``bends`` is the offset of an edge's middle from the straight line, in px, to the left of the
    edge's own direction (source → target, with y down "left" is the side of ``(dy, -dx)``);
    :func:`curve_points` turns it into points, :func:`control_points` into a quadratic Bézier.
    """

    node_rects: np.ndarray
    node_shown: np.ndarray
    edge_rects: np.ndarray
    edge_shown: np.ndarray
    bends: np.ndarray


def bends(sources: np.ndarray, targets: np.ndarray, node_xy: np.ndarray, step: float = BEND_STEP) -> np.ndarray:
    """Each edge's bend (px, to the left of its own direction) so edges between two nodes never coincide.

    A pair with edges both ways puts each direction on its own side; otherwise the edges between
    two nodes are centred on the straight line (a lone edge stays straight). Loops stay 0.

    >>> bends(np.array([0, 1]), np.array([1, 0]), np.array([[0.0, 0.0], [100.0, 0.0]])).tolist()
    [11.0, 11.0]
    """
    sources, targets = np.asarray(sources, dtype=int), np.asarray(targets, dtype=int)
    if not len(sources):
        return np.zeros(0)
    forward = sources < targets
    lo, hi = np.minimum(sources, targets), np.maximum(sources, targets)
    pair = np.unique(lo * (int(hi.max()) + 1) + hi, return_inverse=True)[1].ravel()
    group = pair * 2 + ~forward  # the edges between two nodes going one way
    rank, count = _rank(group)
    total = np.bincount(pair)[pair]
    ways = (np.bincount(pair, weights=forward) > 0)[pair].astype(int) + (np.bincount(pair, weights=~forward) > 0)[pair]
    # the offset towards the normal of the pair's lower → higher direction, then in each edge's own frame
    both = np.where(forward, rank + 0.5, -(rank + 0.5))
    alone = rank - (count - 1) / 2
    offset = np.where(ways == 2, both, np.where(total > 1, alone, 0.0)) * step
    own = np.where(forward, offset, -offset)
    length = np.hypot(*(node_xy[targets] - node_xy[sources]).T)
    cap = length * MAX_BEND
    return np.where(sources == targets, 0.0, np.clip(own, -cap, cap))


def _rank(group: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each row's rank within its group (in row order) and the group's size."""
    order = np.argsort(group, kind="stable")
    first = np.searchsorted(group[order], group[order], side="left")
    rank = np.empty(len(group), dtype=int)
    rank[order] = np.arange(len(group)) - first
    return rank, np.bincount(group)[group]


def _normals(p0: np.ndarray, p1: np.ndarray) -> np.ndarray:
    d = p1 - p0
    length = np.maximum(np.hypot(d[:, 0], d[:, 1]), 1e-9)
    return np.stack([d[:, 1], -d[:, 0]], axis=1) / length[:, None]


LOOP_DEGREES, LOOP_PX = 35.0, 30.0  # where a loop leaves and meets its node's rim (from the top), and its reach


def loop_curves(centres: np.ndarray, radius: np.ndarray, towards: np.ndarray | None = None
                ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each loop's start, control point and end (px, y down): a quadratic curve out of its node's rim on one side
    of ``towards`` (unit vectors, one a loop; up by default) and back in on the other. A tie from a node to itself
    (a company's stake in its own shares) was a curve of no length: not drawn, and its value had no place.

    >>> [p.round(1).tolist() for p in loop_curves(np.array([[0.0, 0.0]]), np.array([10.0]))]
    [[[-6.9, -9.8]], [[0.0, -80.0]], [[7.5, -10.6]]]
    >>> [p.round(1).tolist() for p in loop_curves(np.array([[0.0, 0.0]]), np.array([10.0]), np.array([[0.0, 1.0]]))]
    [[[6.9, 9.8]], [[0.0, 80.0]], [[-7.5, 10.6]]]
    """
    way = np.tile([0.0, -1.0], (len(radius), 1)) if towards is None else np.asarray(towards, dtype=float)
    across = np.stack([-way[:, 1], way[:, 0]], axis=1)  # (up's is to the right: the template's x)
    side, up = np.sin(np.radians(LOOP_DEGREES)), np.cos(np.radians(LOOP_DEGREES))
    start = centres + (radius + 2.0)[:, None] * (-side * across + up * way)
    end = centres + (radius + 3.0)[:, None] * (side * across + up * way)
    control = centres + (2.0 * (radius + LOOP_PX))[:, None] * way
    return start, control, end


def loop_ways(node_xy: np.ndarray, sources: np.ndarray, targets: np.ndarray, nodes: np.ndarray) -> np.ndarray:
    """Which way each of ``nodes`` (indices) loops: the middle of the widest gap between the ties leaving it, so the
    loop crosses none (a node tied to one above it loops below it); up for a node with no other tie.

    >>> above = np.array([[0.0, 0.0], [0.0, -50.0]])  # (y grows down: the second node is above the first)
    >>> loop_ways(above, np.array([0, 0]), np.array([1, 0]), np.array([0])).round(3).tolist()
    [[0.0, 1.0]]
    """
    ways = np.tile([0.0, -1.0], (len(nodes), 1))
    other = sources != targets
    for i, node in enumerate(np.asarray(nodes, dtype=int).tolist()):
        ends = np.concatenate([targets[other & (sources == node)], sources[other & (targets == node)]])
        d = node_xy[ends] - node_xy[node]
        d = d[np.hypot(d[:, 0], d[:, 1]) > 1e-9]
        if not len(d):
            continue
        angles = np.sort(np.arctan2(d[:, 1], d[:, 0]))
        gaps = np.diff(np.concatenate([angles, [angles[0] + 2 * np.pi]]))
        widest = int(np.argmax(gaps))
        middle = angles[widest] + gaps[widest] / 2
        ways[i] = np.cos(middle), np.sin(middle)
    return ways


def control_points(p0: np.ndarray, p1: np.ndarray, bend: np.ndarray) -> np.ndarray:
    """The control point of each quadratic Bézier whose middle is ``bend`` px off the straight line."""
    return (p0 + p1) / 2 + _normals(p0, p1) * (2 * np.asarray(bend))[:, None]


def curve_points(p0: np.ndarray, p1: np.ndarray, bend: np.ndarray, t: float | np.ndarray) -> np.ndarray:
    """Points at parameter ``t`` (0 at the source, 1 at the target) of each bent edge."""
    c = control_points(p0, p1, bend)
    t = np.broadcast_to(np.asarray(t, dtype=float), (len(p0),))[:, None]
    return (1 - t) ** 2 * p0 + 2 * t * (1 - t) * c + t**2 * p1


class _Grid:
    """Rectangles bucketed in square cells: a new one is checked only against its cells' neighbours."""

    def __init__(self, cell: float) -> None:
        self.cell = max(cell, 1.0)
        self.cells: dict[tuple[int, int], list[tuple[float, float, float, float]]] = {}
        self.outside: list[tuple[float, float, float, float]] = []  # huge rectangles checked apart from the cells

    def keys(self, x0: float, y0: float, x1: float, y1: float) -> list[tuple[int, int]]:
        """The cells a rectangle touches."""
        c = self.cell
        i0, i1, j0, j1 = int(x0 // c), int(x1 // c), int(y0 // c), int(y1 // c)
        if i0 == i1 and j0 == j1:
            return [(i0, j0)]
        return [(i, j) for i in range(i0, i1 + 1) for j in range(j0, j1 + 1)]

    def take(self, rect: tuple[float, float, float, float]) -> bool:
        """Add the rectangle if it overlaps nothing added so far (and nothing outside); True if it was added.

        The hot loop of placement: the cells are found and checked inline.
        """
        x0, y0, x1, y1 = rect
        for a0, b0, a1, b1 in self.outside:
            if x0 < a1 and a0 < x1 and y0 < b1 and b0 < y1:
                return False
        c, cells = self.cell, self.cells
        i0, i1, j0, j1 = int(x0 // c), int(x1 // c), int(y0 // c), int(y1 // c)
        keys = [(i, j) for i in range(i0, i1 + 1) for j in range(j0, j1 + 1)]
        for key in keys:
            for a0, b0, a1, b1 in cells.get(key, ()):
                if x0 < a1 and a0 < x1 and y0 < b1 and b0 < y1:
                    return False
        for key in keys:
            cell = cells.get(key)
            if cell is None:
                cells[key] = [rect]
            else:
                cell.append(rect)
        return True

    def add(self, keys: list[tuple[int, int]], rect: tuple[float, float, float, float]) -> None:
        """Add a rectangle to the cells it touches."""
        for key in keys:
            self.cells.setdefault(key, []).append(rect)


def _side_order(node_xy: np.ndarray, sources: np.ndarray, targets: np.ndarray) -> np.ndarray:
    """Per node, the order to try :data:`SIDES` in: sides where none of its edges leave come first."""
    sides = np.array(SIDES, dtype=float)
    side_angle = np.arctan2(sides[:, 1], sides[:, 0])
    crowded = np.zeros((len(node_xy), len(SIDES)))
    for a, b in ((sources, targets), (targets, sources)):
        keep = a != b
        d = node_xy[b[keep]] - node_xy[a[keep]]
        angle = np.arctan2(d[:, 1], d[:, 0])
        near = np.abs((angle[:, None] - side_angle[None, :] + np.pi) % (2 * np.pi) - np.pi) < np.radians(35)
        np.add.at(crowded, a[keep], near)
    loops = np.flatnonzero(sources == targets)
    if len(loops):  # (a loop's side is taken too: a name there would sit on its curve)
        ways = loop_ways(node_xy, sources, targets, sources[loops])
        angle = np.arctan2(ways[:, 1], ways[:, 0])
        near = np.abs((angle[:, None] - side_angle[None, :] + np.pi) % (2 * np.pi) - np.pi) < np.radians(35)
        np.add.at(crowded, sources[loops], 2 * near)
    return np.argsort(crowded + np.arange(len(SIDES)) * 1e-3, axis=1, kind="stable")


def place_labels(node_xy: np.ndarray, node_radius: np.ndarray, node_size: np.ndarray, sources: np.ndarray,
                 targets: np.ndarray, edge_size: np.ndarray, *, edge_bends: np.ndarray | None = None,
                 node_order: np.ndarray | None = None, edge_order: np.ndarray | None = None,
                 bounds: tuple[float, float, float, float] | None = None) -> Placement:
    """Place every node label beside its node and every edge label along its edge, hiding what cannot fit.

    ``node_xy`` (n, 2), ``node_radius`` (n,) and ``node_size`` (n, 2: label width, height) in px;
    ``sources``/``targets`` (m,) index the nodes and ``edge_size`` (m, 2) sizes the edge labels (a
    zero width means no label). Node labels go first, in ``node_order`` (default: biggest node
    first), then edge labels in ``edge_order`` (default: as given). ``edge_bends`` defaults to
    :func:`bends`. No placed rectangle overlaps another, or any node's square around its circle;
    with ``bounds`` (x0, y0, x1, y1: the visible pixels) a label is placed only where it is seen whole.
    """
    node_xy = np.asarray(node_xy, dtype=float).reshape(-1, 2)
    radius = np.asarray(node_radius, dtype=float)
    node_size = np.asarray(node_size, dtype=float).reshape(-1, 2)
    sources, targets = np.asarray(sources, dtype=int), np.asarray(targets, dtype=int)
    edge_size = np.asarray(edge_size, dtype=float).reshape(-1, 2)
    bent = bends(sources, targets, node_xy) if edge_bends is None else np.asarray(edge_bends, dtype=float)
    grid = _grid(node_xy, radius, node_size, edge_size, bounds)
    order = np.argsort(-radius, kind="stable") if node_order is None else np.asarray(node_order, dtype=int)
    sides = np.array(SIDES, dtype=float)
    reach = radius[:, None] + GAP + node_size / 2  # (n, 2): from the centre to a side label's centre
    centres = node_xy[:, None, :] + sides[_side_order(node_xy, sources, targets)] * reach[:, None, :]
    node_rects = _place(grid, centres, node_size, order, len(order))  # (a node's name is tried at all its sides)
    if len(sources):
        order = np.arange(len(sources)) if edge_order is None else np.asarray(edge_order, dtype=int)
        spots = _edge_spots(node_xy[sources], node_xy[targets], bent, edge_size)
        loops = np.flatnonzero(sources == targets)
        if len(loops):  # on the loop's top, else just above it
            start, control, end = loop_curves(node_xy[sources[loops]], radius[sources[loops]],
                                              loop_ways(node_xy, sources, targets, sources[loops]))
            top = (start + 2 * control + end) / 4
            lift = np.arange(spots.shape[1], dtype=float)[None, :, None] * np.array([0.0, -2.0])
            spots[loops] = top[:, None, :] + lift * edge_size[loops, 1][:, None, None] / 4
        edge_rects = _place(grid, spots, edge_size, order)
    else:
        edge_rects = np.full((0, 4), np.nan)
    return Placement(node_rects, ~np.isnan(node_rects[:, 0]), edge_rects, ~np.isnan(edge_rects[:, 0]), bent)


def _grid(node_xy: np.ndarray, radius: np.ndarray, node_size: np.ndarray, edge_size: np.ndarray,
          bounds: tuple[float, float, float, float] | None) -> _Grid:
    """A grid sized for these labels, holding every node's square (and, with bounds, the invisible outside)."""
    sizes = np.concatenate([node_size, edge_size, 2 * radius[:, None].repeat(2, axis=1)])
    extent = sizes.max(axis=1)
    extent = extent[extent > 0]  # edges without a label (size 0) would shrink the cells to a pixel
    grid = _Grid(float(np.median(extent)) if len(extent) else 1.0)
    if bounds is not None:  # the outside counts as taken: four wide frames around the visible pixels
        bx0, by0, bx1, by1 = bounds
        far = 4.0 * (bx1 - bx0 + by1 - by0) + 1e6
        grid.outside.extend([(bx0 - far, by0 - far, bx0, by1 + far), (bx1, by0 - far, bx1 + far, by1 + far),
                             (bx0, by0 - far, bx1, by0), (bx0, by1, bx1, by1 + far)])
    pad = radius + NODE_PAD
    for (x, y), r in zip(node_xy.tolist(), pad.tolist(), strict=True):
        box = (x - r, y - r, x + r, y + r)
        grid.add(grid.keys(*box), box)
    return grid


def _edge_spots(p0: np.ndarray, p1: np.ndarray, bent: np.ndarray, edge_size: np.ndarray) -> np.ndarray:
    """(m, tries, 2) label centres to try per edge: along its curve, then just beside it near the middle."""
    c = control_points(p0, p1, bent)[:, None, :]
    t = np.array(SLIDE)[None, :, None]
    spots = (1 - t) ** 2 * p0[:, None, :] + 2 * t * (1 - t) * c + t**2 * p1[:, None, :]
    # beside the curve, just clear of the line on either side (a short edge's only room)
    normal = _normals(p0, p1)
    clear = np.abs(normal[:, 0]) * edge_size[:, 0] / 2 + np.abs(normal[:, 1]) * edge_size[:, 1] / 2 + GAP
    at, side = np.array(BESIDE).T
    beside = spots[:, at] + (normal * clear[:, None])[:, None, :] * side[None, :, None]
    return np.concatenate([spots, beside], axis=1)


def _place(grid: _Grid, spots: np.ndarray, size: np.ndarray, order: np.ndarray,
           give_up: int = GIVE_UP) -> np.ndarray:
    """Each label (in ``order``) at the first of its ``spots`` where it is free; NaN rows for the hidden. Once
    ``give_up`` labels in a row found no room, the view is full: the rest are hidden untried (a hairball of 5,000
    ties tried 17 spots for each of its 2,500 values, 180 ms at every paint, for the few dozen that fit)."""
    rects = np.full((len(size), 4), np.nan)
    # only labels with a width are tried, their spots made Python numbers as one flat row each: every spot of
    # every edge as nested lists cost 8 ms a paint at 1,000 edges, most of which carry no label
    todo = order[size[order, 0] > 0]
    along, half = spots[todo].reshape(len(todo), -1 if len(todo) else 0).tolist(), (size[todo] / 2).tolist()
    take = grid.take
    missed = 0
    for k, flat, (w, h) in zip(todo.tolist(), along, half, strict=True):
        for cx, cy in zip(flat[0::2], flat[1::2], strict=True):
            rect = (cx - w, cy - h, cx + w, cy + h)
            if take(rect):
                rects[k] = rect
                missed = 0
                break
        else:
            missed += 1
            if missed >= give_up:
                break
    return rects
