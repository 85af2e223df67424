"""Stable positions for the relationship graph: igraph's Fruchterman–Reingold, then overlap removal.

Positions are computed once over every relation of every date, so a node stays where it is while
the cursor moves. Entities tied to other non-people (the core) are laid out first; people, and
boards only people sit on, are then laid out around them with the core held still, so showing or
hiding people never moves a company. igraph's C layout does the spring embedding (its grid variant
above :data:`GRID_FROM` nodes); :func:`viewer.model.graph_overlap.separate` then keeps nodes apart.
A layout is seeded (igraph's random numbers included), so the same dataset always looks the same.
Never Qt.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from viewer.model.columns import distinct, is_in
from viewer.model.graph_overlap import separate
from viewer.model.neighbours import Near

# igraph is imported where a layout is computed (and scipy, by Near, only for a big one): the
# commands that never draw the graph start sooner without them
if TYPE_CHECKING:
    from viewer.model.dataset import Dataset

PERSON = "person"
MIN_DISTANCE = 0.09  # in the unit box: about 50 px in a 600 px panel, room for a node and its name
HUB_ROOM = 1.3  # a hub asks for more room (its edges carry labels): spacing grows with √degree …
MAX_ROOM = 2.5  # … up to this many times MIN_DISTANCE
PERSON_ROOM = 1.01
ORBIT_RADIUS = 0.14  # how far outside its anchor a person sits, in the unit box
ORBIT_SPOTS = 12  # candidate directions around an anchor
GOLDEN_ANGLE = np.pi * (3 - np.sqrt(5))  # between a spiral's hubs: they fill a disc evenly
GRID_FROM = 400  # from this many nodes igraph's grid variant (repulsion between neighbours only)
PAIR_BUDGET = 8e7  # node pairs × iterations for the exact variant: a few tenths of a second
ITERATIONS = 500  # the exact variant, for small graphs
GRID_ITERATIONS = 300  # the grid variant settles sooner, and each of its rounds costs far more
GRAVITY = 0.02  # weight of the tie every node has to an invisible centre: keeps islands near
PRINCIPAL_PULL = 1.0  # the same tie for principal entities, which end up central
LAYOUT_MOST = 20_000  # tied entities laid out together at most (see dataset_layout)

LAYOUT_VERSION = 2  # bump when positions change for the same data: cached positions are recomputed (2: hubs)

Positions = dict[str, tuple[float, float]]

_IGRAPH_RANDOM = threading.Lock()  # igraph's random generator is process-wide: one seeded layout at a time


def _pairs(relations: pd.DataFrame, index: dict[str, int]) -> np.ndarray:
    """Unique undirected node pairs (as rows of two indices) among the given ids."""
    src = relations["source"].map(index).to_numpy()
    dst = relations["target"].map(index).to_numpy()
    keep = ~(pd.isna(src) | pd.isna(dst))
    src, dst = src[keep].astype(int), dst[keep].astype(int)
    keep = src != dst
    lo, hi = np.minimum(src[keep], dst[keep]), np.maximum(src[keep], dst[keep])
    return np.unique(np.stack([lo, hi], axis=1).reshape(-1, 2), axis=0)


def _spring(pairs: np.ndarray, pull: np.ndarray, start: np.ndarray, seed: int) -> np.ndarray:
    """igraph's Fruchterman–Reingold from ``start``; the grid variant from :data:`GRID_FROM` nodes.

    Every node is also tied to an invisible centre node with weight ``pull`` (gravity), so separate
    islands stay near and principal entities (a stronger pull) end up central.
    """
    import igraph  # noqa: PLC0415 - only a layout needs it: commands that draw nothing start a second sooner
    count = len(start)
    edges = np.concatenate([pairs, np.stack([np.arange(count), np.full(count, count)], axis=1)])
    weights = np.concatenate([np.ones(len(pairs)), pull])
    graph = igraph.Graph(n=count + 1, edges=edges.tolist())
    grid = count + 1 >= GRID_FROM
    iterations = GRID_ITERATIONS if grid else int(np.clip(PAIR_BUDGET / (count + 1) ** 2, 50, ITERATIONS))
    with _IGRAPH_RANDOM:
        igraph.set_random_number_generator(random.Random(seed))
        try:
            coords = graph.layout_fruchterman_reingold(weights=weights.tolist(), niter=iterations, grid=grid,
                                                       seed=np.vstack([start, np.zeros(2)]).tolist()).coords
        finally:
            igraph.set_random_number_generator(random)
    return np.asarray(coords, dtype=float)[:count]


def _spacing(pairs: np.ndarray, count: int) -> np.ndarray:
    """Room each node asks for: hubs more, as their edges carry labels."""
    degree = np.bincount(pairs.ravel(), minlength=count) if len(pairs) else np.zeros(count)
    return MIN_DISTANCE * np.clip(np.sqrt(1.0 + degree) * HUB_ROOM, 1.0, MAX_ROOM)


def _extent(pos: np.ndarray) -> float:
    return float(np.ptp(pos, axis=0).max()) if len(pos) > 1 else 0.0


def _fit(raw: np.ndarray, spacing: np.ndarray) -> np.ndarray:
    """Scale and separate: the longest side is 1 when the nodes fit at their spacing, more when not.

    A small graph is scaled to the unit box and separated, and the two are repeated a few times
    (separating grows the box, rescaling shrinks the gaps). A bigger one is scaled so that the
    median gap to the nearest node is the mean spacing: the crowded half then only needs local
    pushes, which settle in a few dozen passes (scaling to the smallest area the nodes could fill
    would leave a jam that only a global expansion undoes). No two nodes end up too close.
    """
    if len(raw) < 2:
        return np.full((len(raw), 2), 0.5)
    pos = raw - raw.mean(axis=0)
    nearest = Near(pos).nearest_other()
    spread = float(spacing.mean() / max(float(np.median(nearest)), 1e-9))
    boxed = 1.0 / max(_extent(pos), 1e-9)
    if np.sqrt(len(pos)) * spacing.mean() * 1.2 > 1.0:  # they cannot all fit in the unit box
        pos = separate(pos * max(spread, boxed), spacing)
    else:
        squeeze = 1.0
        for _ in range(6):
            pos = separate(pos * (squeeze / max(_extent(pos), 1e-9)), spacing)
            if _extent(pos) <= 1.0:
                break
            squeeze *= 0.95  # separating grew it past the box: start the next round a little smaller
    lo, hi = pos.min(axis=0), pos.max(axis=0)
    pos = pos - (lo + hi) / 2
    return pos * max(1.0, 1.0 / max(_extent(pos), 1e-9)) + 0.5  # only ever spread out, never squeeze


def core_ids(entities: pd.DataFrame, relations: pd.DataFrame) -> list[str]:
    """The entities laid out first: those tied to another entity that is not a person."""
    people = entities.loc[entities["kind"].astype(str) == PERSON, "id"]
    among = relations[~is_in(relations["source"], people) & ~is_in(relations["target"], people)]  # (in C++)
    return sorted((set(distinct(among["source"])) | set(distinct(among["target"]))) - set(distinct(people)))


def layout(entities: pd.DataFrame, relations: pd.DataFrame, *, include_people: bool = False, seed: int = 0,
           principal: Sequence[str] = ()) -> Positions:
    """Stable, seeded positions for every entity that takes part in a relation.

    The core fills the unit box (longest side 1) when its nodes fit there :data:`MIN_DISTANCE`
    apart, and spreads further when they do not. Principal and well-connected entities end up
    central; no two nodes are closer than :data:`MIN_DISTANCE`. Non-person positions are the same
    whether or not people are included (people may land outside the box).
    """
    core = core_ids(entities, relations)
    pairs = _pairs(relations, {e: i for i, e in enumerate(core)})
    wanted = set(principal)
    pull = np.array([GRAVITY * (1.0 + PRINCIPAL_PULL * 30 * (e in wanted)) for e in core])
    rng = np.random.default_rng(seed)
    start = rng.uniform(-0.5, 0.5, size=(len(core), 2)) * np.sqrt(max(len(core), 1))
    raw = _spring(pairs, pull, start, seed) if core else start
    spacing = _spacing(pairs, len(core))
    pos = _fit(raw, spacing)
    positions = dict(zip(core, map(tuple, pos), strict=True))
    if include_people:
        ends = sorted(set(relations["source"]) | set(relations["target"]))
        placed = set(core)
        others = [e for e in ends if e not in placed]
        if others:
            positions.update(zip(others, map(tuple, _around(pos, spacing, core, others, relations)), strict=True))
    return {key: (float(x), float(y)) for key, (x, y) in positions.items()}


def _around(core_pos: np.ndarray, core_spacing: np.ndarray, core: list[str], others: list[str],
            relations: pd.DataFrame) -> np.ndarray:
    """Positions for ``others`` (people and their boards) with the core held where it is.

    Works outwards in rounds: each person goes on an arc around the placed entity it is tied to
    (the best-connected one), on the side facing away from that entity's own ties, so people
    gather in the free space around their company; a board only people sit on follows its
    chairman in the next round. A part tied to nothing placed grows round its own hub (:func:`_hubs`).
    Then overlap removal with the core fixed. No random numbers: the result is deterministic.
    """
    ids = [*core, *others]
    index = {e: i for i, e in enumerate(ids)}
    pairs = _pairs(relations, index)
    pos = np.vstack([core_pos.reshape(-1, 2), np.full((len(others), 2), np.nan)])
    degree = np.bincount(pairs.ravel(), minlength=len(ids)) if len(pairs) else np.zeros(len(ids), dtype=int)
    both = np.vstack([pairs, pairs[:, ::-1]])  # (node, neighbour) both ways
    centre = core_pos.mean(axis=0) if len(core_pos) else np.full(2, 0.5)
    while np.isnan(pos[:, 0]).any():
        todo = np.isnan(pos[both[:, 0], 0]) & ~np.isnan(pos[both[:, 1], 0])
        if not todo.any():  # what is left is tied to nothing placed: each part of it around its own hub
            _hubs(pos, pairs, degree, centre)
            continue
        ties = pd.DataFrame({"node": both[todo, 0], "anchor": both[todo, 1], "degree": degree[both[todo, 1]]})
        ties = ties.sort_values(["node", "degree", "anchor"], ascending=[True, False, True]).drop_duplicates("node")
        _orbit(pos, ties["node"].to_numpy(), ties["anchor"].to_numpy(), both, centre)
    spacing = np.concatenate([core_spacing, np.full(len(others), MIN_DISTANCE * PERSON_ROOM)])
    fixed = np.arange(len(ids)) < len(core)
    return separate(pos, spacing, movable=~fixed)[len(core):]


def _orbit(pos: np.ndarray, nodes: np.ndarray, anchors: np.ndarray, both: np.ndarray, centre: np.ndarray) -> None:
    """Put ``nodes`` on arcs around their ``anchors``, facing away from each anchor's placed ties."""
    placed = ~np.isnan(pos[both[:, 1], 0])
    ties = pd.DataFrame({"anchor": both[placed, 0], "x": pos[both[placed, 1], 0], "y": pos[both[placed, 1], 1]})
    ties = ties[ties["anchor"].isin(anchors)].groupby("anchor")[["x", "y"]].mean()
    toward = ties.reindex(anchors).to_numpy()  # the middle of what each anchor is tied to
    toward = np.where(np.isnan(toward), centre, toward)
    away = pos[anchors] - toward
    angle = np.arctan2(away[:, 1], away[:, 0])
    angle = np.where(np.hypot(away[:, 0], away[:, 1]) < 1e-9, 0.0, angle)
    order = pd.Series(anchors).groupby(anchors).cumcount().to_numpy()
    size = pd.Series(anchors).map(pd.Series(anchors).value_counts()).to_numpy()
    step = np.minimum(0.6, 2 * np.pi / np.maximum(size, 1))  # a fan, closing into a ring for many people
    theta = angle + (order - (size - 1) / 2) * step
    radius = ORBIT_RADIUS * np.maximum(1.0, size * MIN_DISTANCE / (2 * np.pi * ORBIT_RADIUS))
    # candidate spots: the fan's own first, then round the anchor and further out; keep the roomiest
    turns = np.linspace(0, 2 * np.pi, ORBIT_SPOTS, endpoint=False)
    spots = np.concatenate([
        pos[anchors][:, None, :] + (radius * r)[:, None, None]
        * np.stack([np.cos(theta[:, None] + turns), np.sin(theta[:, None] + turns)], axis=2)
        for r in (1.0, 1.6)], axis=1)
    taken = pos[~np.isnan(pos[:, 0])]
    room = Near(taken).nearest(spots).reshape(len(nodes), -1)
    preference = np.concatenate([np.minimum(turns, 2 * np.pi - turns)] * 2) * 0.01 + np.repeat([0, 0.02], len(turns))
    best = np.argmax(np.minimum(room, 2 * MIN_DISTANCE) - preference, axis=1)
    pos[nodes] = spots[np.arange(len(nodes)), best]


def _hubs(pos: np.ndarray, pairs: np.ndarray, degree: np.ndarray, centre: np.ndarray) -> None:
    """The best-connected node of each part of the graph not placed yet on a spiral just outside everything placed,
    the biggest parts nearest: the rest of each part then orbits its own hub. They went on one ring in the order of
    their ids, so an owner sat across the graph from the company it owns (a register of individuals' stakes)."""
    import igraph  # noqa: PLC0415 - (as in _spring)

    todo = np.flatnonzero(np.isnan(pos[:, 0]))
    part = np.asarray(igraph.Graph(n=len(pos), edges=pairs.tolist()).connected_components().membership)
    nodes = pd.DataFrame({"node": todo, "part": part[todo], "degree": degree[todo]})
    nodes["size"] = nodes.groupby("part")["node"].transform("size")
    hubs = nodes.sort_values(["size", "part", "degree", "node"], ascending=[False, True, False, True]).drop_duplicates(
        "part")["node"].to_numpy()
    placed = pos[~np.isnan(pos[:, 0])]
    # (clear of what is placed by a hub's own orbit and a node's room: a first hub beside a person orbiting the
    # core had its name read as that person's)
    reach = float(np.hypot(*(placed - centre).T).max()) + 2 * ORBIT_RADIUS + MIN_DISTANCE if len(placed) else 0.0
    turn = np.arange(len(hubs))  # a sunflower's spiral: each hub the same area, (3 orbits across) around it
    radius = np.sqrt(reach**2 + (turn + (0.0 if len(placed) else 0.5)) * (3 * ORBIT_RADIUS) ** 2)
    theta = turn * GOLDEN_ANGLE
    pos[hubs] = centre + radius[:, None] * np.stack([np.cos(theta), np.sin(theta)], axis=1)


def dataset_layout(dataset: Dataset) -> Positions:
    """The one layout of a dataset: every relation of every date, people included, principals central; none for a
    graph of more than :data:`LAYOUT_MOST` tied entities, which is shown a focused view at a time, each laid out on
    its own (50,000 entities took 13 s, 500,000 seven minutes, to place nodes no view would show together)."""
    relations = dataset.relations
    if 2 * len(relations) > LAYOUT_MOST and (  # (ties with fewer ends than that are not counted)
            len(set(distinct(relations["source"])) | set(distinct(relations["target"]))) > LAYOUT_MOST):
        return {}
    return layout(dataset.entities, relations, include_people=True, principal=dataset.meta.principal)


def positions_for(dataset: Dataset) -> Positions:
    """The dataset's layout (computed once and kept on the dataset; see :func:`prepare`), as a new dict."""
    return dict(dataset.positions)


def prepare(dataset: Dataset) -> Dataset:
    """Compute what drawing the dataset needs beyond its tables (its layout), so a worker thread pays for it."""
    _ = dataset.positions
    return dataset
