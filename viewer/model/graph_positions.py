"""Stable positions for the relationship graph: a seeded force-directed layout in numpy.

Positions are computed once over every relation of every date, so a node stays where it is while
the cursor moves. Entities tied to other non-people (the core) are laid out first; people, and
boards only people sit on, are then placed just outside what they are tied to, with the core held
still, so showing or hiding people never moves a company. Pandas and numpy only: never Qt.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

PERSON = "person"
MIN_DISTANCE = 0.09  # in the unit box: about 50 px in a 600 px panel, room for a node and its name
GRAVITY = 0.02
PRINCIPAL_PULL = 1.0
MASS_EXP = 0.5
HUB_ROOM = 1.3
CANDIDATES = 8  # seeded runs scored by crossings and label clashes; the best one is kept
ORBIT_RADIUS = 0.14  # how far outside its anchor a person sits, in the unit box
ORBIT_SPOTS = 16  # candidate directions around an anchor
CHAR_WIDTH = 0.012  # a label character in the unit box (about 6 px in a 500 px wide graph)

Positions = dict[str, tuple[float, float]]


def _pairs(relations: pd.DataFrame, index: dict[str, int]) -> np.ndarray:
    """Unique undirected node pairs (as rows of two indices) among the given ids."""
    src = relations["source"].map(index).to_numpy()
    dst = relations["target"].map(index).to_numpy()
    keep = ~(pd.isna(src) | pd.isna(dst))
    src, dst = src[keep].astype(int), dst[keep].astype(int)
    keep = src != dst
    lo, hi = np.minimum(src[keep], dst[keep]), np.maximum(src[keep], dst[keep])
    return np.unique(np.stack([lo, hi], axis=1).reshape(-1, 2), axis=0)


def _fruchterman_reingold(pos: np.ndarray, pairs: np.ndarray, mass: np.ndarray, pull: np.ndarray,
                          movable: np.ndarray, iterations: int = 300) -> np.ndarray:
    """Spring embedding: all nodes repel, related ones attract, ``pull`` draws nodes to the centre.

    Repulsion is scaled by both nodes' mass (1 + degree), as in ForceAtlas2: hubs push each other
    apart while their leaves stay close, instead of every hub collapsing into one knot.
    """
    pos = pos.copy()
    k = 1.0 / np.sqrt(max(len(pos), 1))
    temperature = 0.1
    for step in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        dist2 = np.maximum((delta**2).sum(axis=2), 1e-8)
        disp = (delta * (k * k * np.outer(mass, mass) / dist2)[..., None]).sum(axis=1)
        if len(pairs):
            d = pos[pairs[:, 0]] - pos[pairs[:, 1]]
            force = d * (np.hypot(d[:, 0], d[:, 1]) / k)[:, None]
            np.add.at(disp, pairs[:, 0], -force)
            np.add.at(disp, pairs[:, 1], force)
        disp -= pos * (pull * mass / k)[:, None]
        length = np.maximum(np.hypot(disp[:, 0], disp[:, 1]), 1e-9)
        step_size = np.minimum(length, temperature * (1.0 - step / iterations) + 1e-4)
        pos[movable] += (disp / length[:, None] * step_size[:, None])[movable]
    return pos


def _separate(pos: np.ndarray, movable: np.ndarray, spacing: np.ndarray, rng: np.random.Generator,
              rounds: int = 500) -> np.ndarray:
    """Push apart any two nodes closer than the mean of their spacings (a fixed node never moves)."""
    pos = pos.copy()
    wanted = (spacing[:, None] + spacing[None, :]) / 2
    for _ in range(rounds):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.hypot(delta[..., 0], delta[..., 1])
        np.fill_diagonal(dist, np.inf)
        close = dist < wanted * 0.999  # pushes converge onto the limit, so stop just short of it
        if not close.any():
            break
        if (close & (dist < 1e-9)).any():  # no direction to push along: nudge deterministically
            pos[movable] += rng.normal(scale=float(spacing.min()) * 0.01, size=(int(movable.sum()), 2))
            continue
        overlap = np.divide(wanted - dist, dist, out=np.zeros_like(dist), where=close)
        # a node facing a fixed one does all of the moving, two movable nodes share it
        share = np.where(movable, 0.5, 1.0)[None, :]
        push = (delta * (overlap * share * 1.05)[..., None]).sum(axis=1)
        pos[movable] += push[movable]
    return pos


def _gaps_ok(pos: np.ndarray, spacing: np.ndarray) -> bool:
    dist = np.hypot(*(pos[:, None, :] - pos[None, :, :]).transpose(2, 0, 1))
    np.fill_diagonal(dist, np.inf)
    return bool((dist >= (spacing[:, None] + spacing[None, :]) / 2 - 1e-9).all())


def _min_distance(pos: np.ndarray) -> float:
    """The smallest distance between two rows (inf for fewer than two)."""
    if len(pos) < 2:
        return float("inf")
    dist = np.hypot(*(pos[:, None, :] - pos[None, :, :]).transpose(2, 0, 1))
    np.fill_diagonal(dist, np.inf)
    return float(dist.min())


def _to_unit_box(pos: np.ndarray, reference: np.ndarray) -> np.ndarray:
    """Scale uniformly so ``reference`` fills the unit box (centred); aspect is kept."""
    if not len(reference):
        return pos
    lo, hi = reference.min(axis=0), reference.max(axis=0)
    extent = float(max((hi - lo).max(), 1e-9))
    return (pos - (lo + hi) / 2) / extent + 0.5


def core_ids(entities: pd.DataFrame, relations: pd.DataFrame) -> list[str]:
    """The entities laid out first: those tied to another entity that is not a person."""
    people = set(entities.loc[entities["kind"].astype(str) == PERSON, "id"])
    among = relations[~relations["source"].isin(people) & ~relations["target"].isin(people)]
    return sorted((set(among["source"]) | set(among["target"])) - people)


def layout(entities: pd.DataFrame, relations: pd.DataFrame, *, include_people: bool = False, seed: int = 0,
           principal: Sequence[str] = ()) -> Positions:
    """Stable, seeded positions in the unit box for every entity that takes part in a relation.

    Principal and well-connected entities end up central; no two nodes are closer than
    :data:`MIN_DISTANCE`. Non-person positions are the same whether or not people are included.
    """
    ends = sorted(set(relations["source"]) | set(relations["target"]))
    core = core_ids(entities, relations)
    names = entities.set_index("id")["name"].astype(str)
    widths = np.array([min(len(names.get(e, e).split(" (")[0]), 24) * CHAR_WIDTH for e in core])
    pairs = _pairs(relations, {e: i for i, e in enumerate(core)})
    degree = np.bincount(pairs.ravel(), minlength=len(core)) if len(pairs) else np.zeros(len(core))
    # hubs get more room: the ties they share pull them together, and their edges carry labels
    spacing = MIN_DISTANCE * np.clip(np.sqrt(1.0 + degree) * HUB_ROOM, 1.0, 2.5)
    best: tuple[float, np.ndarray] | None = None
    for candidate in range(CANDIDATES):
        rng = np.random.default_rng([seed, candidate])
        pos = _spread(_place(core, relations, rng, principal), spacing, rng)
        score = _score(pos, pairs, widths)
        if best is None or score < best[0]:
            best = (score, pos)
    pos = best[1] if best is not None else np.zeros((0, 2))
    positions = dict(zip(core, map(tuple, pos), strict=True))
    if include_people:
        others = [e for e in ends if e not in set(core)]
        orbit = _orbit(positions, others, relations)
        xy = np.array([*positions.values(), *(orbit[e] for e in others)]).reshape(-1, 2)
        movable = np.arange(len(xy)) >= len(positions)
        xy = _separate(xy, movable, np.full(len(xy), MIN_DISTANCE * 1.01), np.random.default_rng(seed))
        positions.update(zip(others, map(tuple, xy[len(core):]), strict=True))
    return {key: (float(x), float(y)) for key, (x, y) in positions.items()}


def _spread(pos: np.ndarray, spacing: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Fit into the unit box with every pair of nodes at least their spacing apart."""
    for _ in range(30):  # separating grows the box and rescaling shrinks gaps: repeat until both hold
        pos = _to_unit_box(pos, pos)
        if _gaps_ok(pos, spacing):
            break
        pos = _separate(pos, np.ones(len(pos), dtype=bool), spacing * 1.05, rng)
    return pos


def _cross(a0: np.ndarray, a1: np.ndarray, b0: np.ndarray, b1: np.ndarray) -> np.ndarray:
    """Which segments a (rows) properly cross which segments b (columns)."""
    r, q = a1 - a0, b1 - b0
    denom = r[:, None, 0] * q[None, :, 1] - r[:, None, 1] * q[None, :, 0]
    d = b0[None, :, :] - a0[:, None, :]
    with np.errstate(divide="ignore", invalid="ignore"):
        t = (d[..., 0] * q[None, :, 1] - d[..., 1] * q[None, :, 0]) / denom
        u = (d[..., 0] * r[:, None, 1] - d[..., 1] * r[:, None, 0]) / denom
    return (t > 0) & (t < 1) & (u > 0) & (u < 1)


def _score(pos: np.ndarray, pairs: np.ndarray, widths: np.ndarray) -> float:
    """Lower is better: edges crossing edges or names, and names on other names or nodes."""
    x, y = pos[:, 0], pos[:, 1] + 0.035  # names hang under their node
    clash = (np.abs(x[:, None] - x[None, :]) < (widths[:, None] + widths[None, :]) / 2) & (
        np.abs(y[:, None] - y[None, :]) < 0.03)
    on_node = (np.abs(x[:, None] - pos[None, :, 0]) < widths[:, None] / 2 + 0.015) & (
        np.abs(y[:, None] - pos[None, :, 1]) < 0.03)
    np.fill_diagonal(clash, False)
    np.fill_diagonal(on_node, False)
    score = 1.5 * (clash.sum() / 2 + on_node.sum())
    if len(pairs):
        a0, a1 = pos[pairs[:, 0]], pos[pairs[:, 1]]
        shared = (pairs[:, None, :, None] == pairs[None, :, None, :]).any(axis=(2, 3))
        score += (_cross(a0, a1, a0, a1) & ~shared).sum() / 2
        left, right = np.stack([x - widths / 2, y], axis=1), np.stack([x + widths / 2, y], axis=1)
        score += 0.5 * _cross(left, right, a0, a1).sum()
    return float(score)


def _place(ids: list[str], relations: pd.DataFrame, rng: np.random.Generator,
           principal: Sequence[str]) -> np.ndarray:
    """Run the seeded spring embedding over ``ids``."""
    index = {e: i for i, e in enumerate(ids)}
    pairs = _pairs(relations, index)
    degree = np.bincount(pairs.ravel(), minlength=len(ids)).astype(float) if len(pairs) else np.zeros(len(ids))
    pull = GRAVITY * (1.0 + np.array([PRINCIPAL_PULL if e in set(principal) else 0.0 for e in ids]))
    start = rng.uniform(-0.5, 0.5, size=(len(ids), 2))
    return _fruchterman_reingold(start, pairs, (1.0 + degree) ** MASS_EXP, pull, np.ones(len(ids), dtype=bool))


def _segment_distance(points: np.ndarray, start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """For each point, the distance to the nearest segment (1.0 when there are none)."""
    if not len(start):
        return np.ones(len(points))
    d = end - start
    t = ((points[:, None, :] - start[None]) * d[None]).sum(axis=2) / np.maximum((d * d).sum(axis=1), 1e-12)
    nearest = start[None] + d[None] * np.clip(t, 0, 1)[..., None]
    return np.hypot(*(points[:, None, :] - nearest).transpose(2, 0, 1)).min(axis=1)


def _orbit(fixed: Positions, others: list[str], relations: pd.DataFrame) -> Positions:
    """Place each of ``others`` in the emptiest spot around what it is tied to, one at a time.

    Works outwards, so a board that only people sit on is placed after its chairman. The order
    (most ties first, then id) and the candidate spots are fixed, so the result is deterministic.
    """
    neighbours: dict[str, set[str]] = {}
    for a, b in zip(relations["source"], relations["target"], strict=True):
        neighbours.setdefault(a, set()).add(b)
        neighbours.setdefault(b, set()).add(a)
    placed = {k: np.array(v) for k, v in fixed.items()}
    angles = np.linspace(0, 2 * np.pi, ORBIT_SPOTS, endpoint=False)
    ring = np.concatenate([r * np.stack([np.cos(angles), np.sin(angles)], axis=1)
                           for r in (ORBIT_RADIUS, ORBIT_RADIUS * 1.6)])
    core = relations[relations["source"].isin(fixed) & relations["target"].isin(fixed)]
    seg0 = np.array([fixed[a] for a in core["source"]]).reshape(-1, 2)
    seg1 = np.array([fixed[b] for b in core["target"]]).reshape(-1, 2)
    pending = sorted(others, key=lambda n: (-len(neighbours.get(n, ())), n))
    while pending:
        ready = [n for n in pending if any(m in placed for m in neighbours.get(n, ()))] or pending[:1]
        for node in ready:
            anchors = [placed[m] for m in sorted(neighbours.get(node, ())) if m in placed]
            anchors = anchors or [np.mean(list(placed.values()), axis=0) if placed else np.zeros(2)]
            spots = np.concatenate([a + ring for a in anchors])
            taken = np.array(list(placed.values())).reshape(-1, 2)
            room = np.minimum(
                np.hypot(*(spots[:, None, :] - taken[None, :, :]).transpose(2, 0, 1)).min(axis=1, initial=1.0),
                _segment_distance(spots, seg0, seg1) * 2)  # sitting on an edge is nearly as bad as on a node
            reach = np.mean([np.hypot(*(spots - a).T) for a in anchors], axis=0)
            # prefer free space (up to a point), then staying close to everything the node is tied to
            placed[node] = spots[int(np.argmax(np.minimum(room, 2 * MIN_DISTANCE) - 0.3 * reach))]
        pending = [n for n in pending if n not in placed]
    return {n: (float(placed[n][0]), float(placed[n][1])) for n in others}
