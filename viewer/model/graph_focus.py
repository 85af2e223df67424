"""Big graphs stay readable: a focused view around chosen entities, the rest gathered in "k more" groups.

Above :data:`FOCUS_FROM` visible nodes a graph is a hairball, so the panel shows :func:`focus`: the
neighbourhood (1–2 hops) of the entities the user chose (or of the principal ones, or of the
best-connected one), keeping the strongest ties (by stake value, then degree) and gathering the
rest beside the node they hang off, one "k more" group node per kind or country (KeyLines calls
them combos). The answer is an ordinary :class:`~viewer.model.graph.GraphView` plus the members of
each group, so it draws like any graph. :func:`search` finds entities by name or id. Qt-free.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from viewer.model import attributes
from viewer.model.columns import id_names
from viewer.model.graph import Edge, GraphView, Node, Positions, drop_node, short_name
from viewer.model.graph_positions import MIN_DISTANCE
from viewer.model.graph_rows import EdgeCodes
from viewer.model.memo import Memo
from viewer.model.taken import take

FOCUS_FROM = 300  # from this many visible nodes the panel shows a focused view
MAX_NODES = 60  # entities shown in a focused view (groups come on top)
GROUP = "group"  # the kind of a "k more" node
_LABELS: Memo[dict[str, str]] = Memo()  # the last entities table's group labels by id, per column


@dataclass(frozen=True)
class FocusView:
    """A focused graph: ``view`` to draw, each group node's members, and how many entities are not shown."""

    view: GraphView
    members: dict[str, tuple[str, ...]]
    anchors: dict[str, str]  # group node id → the shown entity its members hang off
    hidden: int


def needs_focus(view: GraphView, threshold: int = FOCUS_FROM) -> bool:
    """True when a graph has too many nodes to read whole."""
    return len(view.nodes) > threshold


def _codes(view: GraphView) -> EdgeCodes:
    """The view's edges and nodes as codes: graph_at's own (100,000 ties made into string columns cost 30 ms at each
    step), or made here from its edges."""
    if view.ends is not None:
        return view.ends
    n = len(view.edges)
    keys = pd.Series([e.source for e in view.edges] + [e.target for e in view.edges] + [node.id for node in view.nodes],
                     dtype=object)
    codes, ids = pd.factorize(keys, sort=True)
    codes = codes.astype(np.int64)
    nodes = codes[2 * n:]
    return EdgeCodes(np.asarray(ids, dtype=object), codes[:n], codes[n:2 * n],
                     np.array([e.value for e in view.edges], dtype=float), nodes,
                     nodes[np.array([node.principal for node in view.nodes], dtype=bool)])


def _code(codes: EdgeCodes, keys: Iterable[str]) -> list[int]:
    """The codes of these ids, in their order and once each, leaving out those the view does not hold."""
    wanted = list(dict.fromkeys(str(k) for k in keys))
    if not wanted or not len(codes.ids):
        return []
    at = np.searchsorted(codes.ids, np.asarray(wanted, dtype=object)).clip(max=len(codes.ids) - 1)
    return [int(c) for c, k in zip(at.tolist(), wanted, strict=True) if codes.ids[c] == k]


def _mask(size: int, at: Iterable[int] | np.ndarray) -> np.ndarray:
    found = np.zeros(size, dtype=bool)
    found[np.asarray(list(at) if not isinstance(at, np.ndarray) else at, dtype=np.int64)] = True
    return found


def _hood(codes: EdgeCodes, start: np.ndarray, hops: int) -> np.ndarray:
    """Which ends are within ``hops`` ties of those in ``start`` (a mask over the ends), either direction."""
    found = start.copy()
    frontier = start
    for _ in range(hops):
        if not frontier.any() or not len(codes.source):
            break
        reached = np.zeros_like(found)
        reached[codes.target[frontier[codes.source]]] = True
        reached[codes.source[frontier[codes.target]]] = True
        frontier = reached & ~found
        found |= frontier
    return found


def neighbourhood(view: GraphView, ids: Iterable[str], hops: int = 1) -> set[str]:
    """The given entities (those the view shows) and every entity within ``hops`` ties of them (either direction)."""
    codes = _codes(view)
    start = _mask(len(codes.ids), _code(codes, ids)) & _mask(len(codes.ids), codes.nodes)
    return set(codes.ids[_hood(codes, start, hops)].tolist())


def search(entities: pd.DataFrame, text: str, limit: int = 20, degree: Mapping[str, int] | None = None) -> list[str]:
    """Entity ids whose name, id, country, note or any imported attribute contains ``text`` (any case).

    An exact name or id comes first, then names starting with the text, then names with a word
    starting with it, then any other match in the name or id, then matches in the other columns
    (an LEI, a city, a jurisdiction); ties go to the better-connected entity (``degree``), then the
    shorter name.

    >>> import viewer
    >>> search(viewer.load().entities, "nis")[:2]
    ['nissan', 'rnbv']
    >>> "renault" in search(viewer.load().entities, "FR")
    True
    """
    needle = _seen(text)
    if not needle:
        return []
    ids = entities["id"].astype(str)
    names = _seen_all(entities["name"])
    lower_ids = _seen_all(ids)
    named = (names.str.contains(needle, regex=False) | lower_ids.str.contains(needle, regex=False)).to_numpy(bool)
    other = attributes.text_mask(entities, needle)
    for column in ("country", "note"):
        if column in entities:
            other |= entities[column].astype(str).str.lower().str.contains(needle, regex=False).to_numpy(bool)
    hit = named | other
    if not hit.any():
        return []
    found = pd.DataFrame({"id": ids[hit], "name": names[hit], "low": lower_ids[hit]})
    words = found["name"].str.contains(r"(?:^|\W)" + re.escape(needle), regex=True)
    exact = (found["name"] == needle) | (found["low"] == needle)
    found["rank"] = np.select([exact, found["name"].str.startswith(needle), words, named[hit]], [0, 1, 2, 3],
                              default=4)
    found["ties"] = -found["id"].map(degree or {}).fillna(0).astype(float)
    found["length"] = found["name"].str.len()
    ranked = found.sort_values(["rank", "ties", "length", "id"], kind="stable")
    return ranked["id"].head(limit).tolist()


# characters that show nothing (zero-width spaces and joiners, byte-order marks, direction controls): a name that
# holds them ("Zero\u200bWidth Co") is found by what it shows ("ZeroWidth Co")
UNSEEN = "[\u200b-\u200f\u2060\ufeff\u202a-\u202e\u2066-\u2069]"


def _seen(text: str) -> str:
    return re.sub(UNSEEN, "", text).strip().lower()


def _seen_all(values: pd.Series) -> pd.Series:
    text = values.astype(str)
    return text.str.replace(UNSEEN, "", regex=True).str.lower() if text.str.contains(UNSEEN).any() else text.str.lower()


def exact(entities: pd.DataFrame, text: str) -> list[str]:
    """The ids of the entities named ``text`` (in full, or as the graph labels them), or whose id it is (any case,
    unseen characters aside), in their order: what Find takes before any name that only holds the text ("Acme"
    before "Acme Holdings").

    >>> import viewer
    >>> exact(viewer.load().entities, " NISSAN "), exact(viewer.load().entities, "nissan motor")
    (['nissan'], ['nissan'])
    """
    needle = _seen(text)
    if not needle:
        return []
    labels = _seen_all(entities["name"].astype(str).map(short_name))
    hit = (_seen_all(entities["name"]) == needle) | (labels == needle) | (_seen_all(entities["id"]) == needle)
    return entities.loc[hit.to_numpy(dtype=bool), "id"].astype(str).tolist()


def _centre(codes: EdgeCodes, around: Iterable[str], degree: np.ndarray,
            is_node: np.ndarray) -> list[int]:
    """The entities to focus on: those asked for, else the principal ones, else the best-connected one."""
    chosen = [c for c in _code(codes, around) if is_node[c]]
    if chosen:
        return chosen
    if len(codes.principal):
        return [int(c) for c in codes.principal]
    if not is_node.any():
        return []
    ties = np.where(is_node, degree, -1)
    return [int(np.argmax(ties))]  # (the first id of the best-connected, as ids sort)


def focus(view: GraphView, entities: pd.DataFrame, around: Iterable[str] = (), *, hops: int = 1,
          max_nodes: int = MAX_NODES, group_by: str = "kind", expanded: Iterable[str] = ()) -> FocusView:
    """The readable part of a big graph around ``around`` (see the module docstring).

    ``group_by`` is an entity column ("kind" or "country"); ``expanded`` names group nodes (from an
    earlier answer) whose members are shown in full. To expand on an entity, call again with it
    added to ``around``. Array passes over the edges' codes: 150,000 ties focused in a few ms.
    """
    codes = _codes(view)
    size = len(codes.ids)
    degree = np.bincount(np.concatenate([codes.source, codes.target]), minlength=size)
    is_node = _mask(size, codes.nodes)
    centre = _centre(codes, around, degree, is_node)
    centred = _mask(size, centre)
    hood = _hood(codes, centred, hops)
    around_ids = codes.ids[centre].tolist()
    opened = [m for g in expanded for m in _members_of(g, view, entities, around_ids, hops, max_nodes, group_by)]
    # strength of each entity in the neighbourhood: its biggest stake there, then its number of ties
    value = np.where(np.isnan(codes.value), 0.0, codes.value)
    inside = hood[codes.source] & hood[codes.target]
    ends, held = np.concatenate([codes.source[inside], codes.target[inside]]), np.tile(value[inside], 2)
    strength = np.full(size, -np.inf)
    np.maximum.at(strength, ends, held)
    strength[~_mask(size, ends)] = 0.0
    candidates = np.flatnonzero(hood & ~centred)  # in the ids' order
    ranked = candidates[np.lexsort((-degree[candidates], -strength[candidates]))]
    kept = centred | _mask(size, ranked[: max(max_nodes - len(centre), 0)]) | (_mask(size, _code(codes, opened))
                                                                                 & is_node)
    rest = np.flatnonzero(hood & ~kept)
    anchor = codes.ids[_anchors(codes, value, rest, kept, degree)].tolist() if len(rest) else []
    labels = _LABELS.get(entities, group_by, lambda: _labels(entities, group_by))
    groups: dict[str, list[str]] = {}
    for member, owner in zip(codes.ids[rest].tolist(), anchor, strict=True):
        label = labels.get(member, "") or "other"
        groups.setdefault(f"{GROUP}:{owner}:{label}", []).append(member)
    nodes = take(view.nodes, np.flatnonzero(kept[codes.nodes]))
    shown = take(view.edges, np.flatnonzero(kept[codes.source] & kept[codes.target]))
    anchors: dict[str, str] = {}
    for key, members in groups.items():
        _, owner, label = key.split(":", 2)
        name = f"{len(members)} more {label.replace('_', ' ')}"
        nodes.append(Node(id=key, name=name, short_name=name, kind=GROUP, color="", principal=False))
        shown.append(Edge(id=f"{key}:edge", source=owner, target=key, kind=GROUP, value=float(len(members)),
                          label=str(len(members)), width=1.0, uncertain=False, fuzzy="", event="", lane=0.0))
        anchors[key] = owner
    focused = GraphView(view.when, tuple(nodes), tuple(shown), view.until)
    return FocusView(focused, {k: tuple(v) for k, v in groups.items()}, anchors, len(view.nodes) - int(kept.sum()))


def _labels(entities: pd.DataFrame, group_by: str) -> dict[str, str]:
    """Each entity's group label by id (its ``group_by`` column as text), for the last entities table asked about."""
    if group_by not in entities.columns:
        return {}
    return id_names(entities, group_by, missing="")


def _members_of(group: str, view: GraphView, entities: pd.DataFrame, centre: list[str], hops: int,
                max_nodes: int, group_by: str) -> tuple[str, ...]:
    """The members of a group node id as :func:`focus` would gather them (without expansions)."""
    if not group.startswith(f"{GROUP}:"):
        return ()
    return focus(view, entities, centre, hops=hops, max_nodes=max_nodes, group_by=group_by).members.get(group, ())


def _anchors(codes: EdgeCodes, value: np.ndarray, rest: np.ndarray, kept: np.ndarray, degree: np.ndarray
             ) -> np.ndarray:
    """For each entity left out (``rest``), the shown entity it hangs off (the biggest stake, then the
    best-connected, then the first id); two hops out, the busiest shown one (then the last id)."""
    member, shown = np.concatenate([codes.source, codes.target]), np.concatenate([codes.target, codes.source])
    held = np.tile(value, 2)
    pick = _mask(len(codes.ids), rest)[member] & kept[shown]
    member, shown, held = member[pick], shown[pick], held[pick]
    order = np.lexsort((shown, -degree[shown], -held, member))
    member, shown = member[order], shown[order]
    first = np.r_[True, member[1:] != member[:-1]] if len(member) else np.zeros(0, dtype=bool)
    chosen = np.full(len(codes.ids), -1, dtype=np.int64)
    chosen[member[first]] = shown[first]
    anchor = chosen[rest]
    if (anchor < 0).any():
        busy = np.flatnonzero(kept)
        busy = busy[degree[busy] == degree[busy].max()]
        anchor[anchor < 0] = busy.max()
    return anchor


def group_positions(focused: FocusView, positions: Mapping[str, tuple[float, float]]) -> Positions:
    """Layout positions for a focused view's group nodes: beside their anchor, away from its other ties."""
    placed = {k: positions[k] for k in focused.view.node_ids() if k in positions}
    out: Positions = {}
    for key, owner in sorted(focused.anchors.items()):
        if owner not in placed:
            continue
        home = np.array(placed[owner])
        others = np.array([placed[e.target if e.source == owner else e.source] for e in focused.view.edges
                           if owner in (e.source, e.target) and e.kind != GROUP
                           and (e.target if e.source == owner else e.source) in placed]).reshape(-1, 2)
        away = home - others.mean(axis=0) if len(others) else np.array([1.0, 0.0])
        norm = float(np.hypot(*away)) or 1.0
        spot = home + away / norm * MIN_DISTANCE * 1.5
        out[key] = drop_node({**placed, **out}, key, (float(spot[0]), float(spot[1])))
    return out
