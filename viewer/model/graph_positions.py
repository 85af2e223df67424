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

import igraph
import numpy as np
import pandas as pd

from viewer.model.graph_overlap import separate

if TYPE_CHECKING:
    from viewer.model.dataset import Dataset

PERSON = "person"
MIN_DISTANCE = 0.09  # in the unit box: about 50 px in a 600 px panel, room for a node and its name
HUB_ROOM = 1.3  # a hub asks for more room (its edges carry labels): spacing grows with √degree …
MAX_ROOM = 2.5  # … up to this many times MIN_DISTANCE
PERSON_ROOM = 1.01
GRID_FROM = 1000  # from this many nodes igraph's grid variant (repulsion between neighbours only)
PAIR_BUDGET = 3e8  # node pairs × iterations for the exact variant: about half a second
ITERATIONS = 500
GRAVITY = 0.02  # weight of the tie every node has to an invisible centre: keeps islands near
PRINCIPAL_PULL = 1.0  # the same tie for principal entities, which end up central

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


def _spring(count: int, pairs: np.ndarray, pull: np.ndarray, start: np.ndarray, fixed: np.ndarray,
            seed: int) -> np.ndarray:
    """igraph's Fruchterman–Reingold over ``count`` nodes; ``fixed`` rows stay at their ``start``.

    Every node is also tied to an invisible centre node with weight ``pull`` (gravity), so separate
    islands stay near and principal entities (a stronger pull) end up central.
    """
    centre = count
    edges = np.concatenate([pairs, np.stack([np.arange(count), np.full(count, centre)], axis=1)])
    weights = np.concatenate([np.ones(len(pairs)), pull])
    graph = igraph.Graph(n=count + 1, edges=edges.tolist())
    hub = start[fixed].mean(axis=0) if fixed.any() else np.zeros(2)
    seed_xy = np.vstack([start, hub])
    low, high = np.full(count + 1, -np.inf), np.full(count + 1, np.inf)
    held = np.append(fixed, fixed.any())  # with a fixed core, the centre is held at its middle
    bounds: dict[str, list[float]] = {}
    if held.any():
        for axis, name in ((0, "x"), (1, "y")):
            bounds[f"min{name}"] = np.where(held, seed_xy[:, axis], low).tolist()
            bounds[f"max{name}"] = np.where(held, seed_xy[:, axis], high).tolist()
    free = int((~held).sum())
    grid = free + 1 >= GRID_FROM
    iterations = ITERATIONS if grid else int(np.clip(PAIR_BUDGET / max(count + 1, 1) ** 2, 50, ITERATIONS))
    with _IGRAPH_RANDOM:
        igraph.set_random_number_generator(random.Random(seed))
        try:
            coords = graph.layout_fruchterman_reingold(weights=weights.tolist(), niter=iterations,
                                                       seed=seed_xy.tolist(), grid=grid, **bounds).coords
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
    (separating grows the box, rescaling shrinks the gaps); a big graph is scaled to the area its
    nodes need and separated once. Either way no two nodes end up closer than their spacings ask.
    """
    if len(raw) < 2:
        return np.full((len(raw), 2), 0.5)
    needed = float(np.sqrt(len(raw)) * spacing.mean() * 1.2)  # the side of a square that holds them
    target = max(1.0, needed)
    pos = raw - raw.mean(axis=0)
    squeeze = 1.0
    for _ in range(6 if target == 1.0 else 1):
        pos = separate(pos * (target * squeeze / max(_extent(pos), 1e-9)), spacing)
        if _extent(pos) <= target:
            break
        squeeze *= 0.95  # separating grew it past the box: start the next round a little smaller
    lo, hi = pos.min(axis=0), pos.max(axis=0)
    pos = pos - (lo + hi) / 2
    return pos * max(1.0, 1.0 / max(_extent(pos), 1e-9)) + 0.5  # only ever spread out, never squeeze


def core_ids(entities: pd.DataFrame, relations: pd.DataFrame) -> list[str]:
    """The entities laid out first: those tied to another entity that is not a person."""
    people = set(entities.loc[entities["kind"].astype(str) == PERSON, "id"])
    among = relations[~relations["source"].isin(people) & ~relations["target"].isin(people)]
    return sorted((set(among["source"]) | set(among["target"])) - people)


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
    raw = _spring(len(core), pairs, pull, start, np.zeros(len(core), dtype=bool), seed) if core else start
    spacing = _spacing(pairs, len(core))
    pos = _fit(raw, spacing)
    positions = dict(zip(core, map(tuple, pos), strict=True))
    if include_people:
        ends = sorted(set(relations["source"]) | set(relations["target"]))
        placed = set(core)
        others = [e for e in ends if e not in placed]
        if others:
            positions.update(zip(others, map(tuple, _around(pos, spacing, core, others, relations, seed)), strict=True))
    return {key: (float(x), float(y)) for key, (x, y) in positions.items()}


def _around(core_pos: np.ndarray, core_spacing: np.ndarray, core: list[str], others: list[str], relations: pd.DataFrame,
            seed: int) -> np.ndarray:
    """Positions for ``others`` (people and their boards) with the core held where it is."""
    ids = [*core, *others]
    index = {e: i for i, e in enumerate(ids)}
    pairs = _pairs(relations, index)
    links = pairs[(pairs >= len(core)).any(axis=1)]
    # the spring embedding works in its own units (an edge ≈ 1): convert the core there and back
    unit = MIN_DISTANCE * 1.5
    rng = np.random.default_rng([seed, 1])
    anchors = np.full((len(others), 2), np.nan)
    for a, b in links:  # start each person beside something it is tied to
        if a < len(core) <= b:
            anchors[b - len(core)] = core_pos[a]
        elif b < len(core) <= a:
            anchors[a - len(core)] = core_pos[b]
    centre = core_pos.mean(axis=0) if len(core_pos) else np.full(2, 0.5)
    anchors = np.where(np.isnan(anchors), centre, anchors)
    start = np.vstack([core_pos.reshape(-1, 2), anchors + rng.normal(scale=MIN_DISTANCE, size=anchors.shape)]) / unit
    fixed = np.arange(len(ids)) < len(core)
    pull = np.full(len(ids), GRAVITY)
    raw = _spring(len(ids), links, pull, start, fixed, seed) * unit
    raw[fixed] = core_pos  # exactly: the round trip through the embedding's units must not move the core
    spacing = np.concatenate([core_spacing, np.full(len(others), MIN_DISTANCE * PERSON_ROOM)])
    return separate(raw, spacing, movable=~fixed)[len(core):]


def dataset_layout(dataset: Dataset) -> Positions:
    """The one layout of a dataset: every relation of every date, people included, principals central."""
    return layout(dataset.entities, dataset.relations, include_people=True, principal=dataset.meta.principal)


def positions_for(dataset: Dataset) -> Positions:
    """The dataset's layout (computed once and kept on the dataset; see :func:`prepare`), as a new dict."""
    return dict(dataset.positions)


def prepare(dataset: Dataset) -> Dataset:
    """Compute what drawing the dataset needs beyond its tables (its layout), so a worker thread pays for it."""
    _ = dataset.positions
    return dataset
