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
from viewer.model.graph import Edge, GraphView, Node, Positions, drop_node
from viewer.model.graph_positions import MIN_DISTANCE

FOCUS_FROM = 300  # from this many visible nodes the panel shows a focused view
MAX_NODES = 60  # entities shown in a focused view (groups come on top)
GROUP = "group"  # the kind of a "k more" node


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


def _edge_frame(view: GraphView) -> pd.DataFrame:
    if view.ends is not None:  # made from arrays already (graph_at's): 0.5 s for 600,000 edges, made from them
        return view.ends
    return pd.DataFrame({"source": pd.Series([e.source for e in view.edges], dtype=object),
                         "target": pd.Series([e.target for e in view.edges], dtype=object),
                         "value": np.array([e.value for e in view.edges], dtype=float)})


def neighbourhood(view: GraphView, ids: Iterable[str], hops: int = 1, edges: pd.DataFrame | None = None) -> set[str]:
    """The given entities and every entity within ``hops`` ties of them (either direction); ``edges``: the
    view's edges as :func:`focus` holds them, if it has them."""
    edges = _edge_frame(view) if edges is None else edges
    found = set(ids) & view.node_ids()
    frontier = set(found)
    for _ in range(hops):
        if not frontier or edges.empty:
            break
        out = edges.loc[edges["source"].isin(frontier), "target"]
        back = edges.loc[edges["target"].isin(frontier), "source"]
        frontier = (set(out) | set(back)) - found
        found |= frontier
    return found


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
    needle = text.strip().lower()
    if not needle:
        return []
    ids = entities["id"].astype(str)
    names = entities["name"].astype(str).str.lower()
    lower_ids = ids.str.lower()
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


def _centre(view: GraphView, around: Iterable[str], degree: pd.Series) -> list[str]:
    """The entities to focus on: those asked for, else the principal ones, else the best-connected one."""
    shown = view.node_ids()
    chosen = [i for i in around if i in shown]
    if chosen:
        return chosen
    principal = [n.id for n in view.nodes if n.principal]
    if principal:
        return principal
    return [str(degree.sort_values(ascending=False, kind="stable").index[0])] if len(degree) else []


def focus(view: GraphView, entities: pd.DataFrame, around: Iterable[str] = (), *, hops: int = 1,
          max_nodes: int = MAX_NODES, group_by: str = "kind", expanded: Iterable[str] = ()) -> FocusView:
    """The readable part of a big graph around ``around`` (see the module docstring).

    ``group_by`` is an entity column ("kind" or "country"); ``expanded`` names group nodes (from an
    earlier answer) whose members are shown in full. To expand on an entity, call again with it
    added to ``around``.
    """
    edges = _edge_frame(view)
    ends = pd.concat([edges["source"], edges["target"]])
    degree = ends.value_counts()
    centre = _centre(view, around, degree)
    hood = neighbourhood(view, centre, hops, edges)
    opened = {m for g in expanded for m in _members_of(g, view, entities, centre, hops, max_nodes, group_by)}
    # strength of each entity in the neighbourhood: its biggest stake there, then its number of ties
    inside = edges[edges["source"].isin(hood) & edges["target"].isin(hood)]
    value = pd.concat([inside.set_index("source")["value"], inside.set_index("target")["value"]]).fillna(0.0)
    strength = pd.DataFrame({"value": value.groupby(level=0).max()}).reindex(sorted(hood)).fillna(0.0)
    strength["degree"] = degree.reindex(strength.index).fillna(0)
    ranked = strength.drop(index=[c for c in centre if c in strength.index]).sort_values(
        ["value", "degree"], ascending=False, kind="stable")
    kept = set(centre) | set(ranked.index[: max(max_nodes - len(centre), 0)]) | (opened & view.node_ids())
    rest = sorted(hood - kept)
    anchor = _anchors(edges, rest, kept, degree)
    attribute = entities.set_index("id")[group_by].astype(str) if group_by in entities.columns else pd.Series()
    groups: dict[str, list[str]] = {}
    for member in rest:
        label = attribute.get(member, "") or "other"
        groups.setdefault(f"{GROUP}:{anchor[member]}:{label}", []).append(member)
    nodes = [n for n in view.nodes if n.id in kept]
    shown = [e for e in view.edges if e.source in kept and e.target in kept]
    anchors: dict[str, str] = {}
    for key, members in groups.items():
        _, owner, label = key.split(":", 2)
        name = f"{len(members)} more {label.replace('_', ' ')}"
        nodes.append(Node(id=key, name=name, short_name=name, kind=GROUP, color="", principal=False))
        shown.append(Edge(id=f"{key}:edge", source=owner, target=key, kind=GROUP, value=float(len(members)),
                          label=str(len(members)), width=1.0, uncertain=False, fuzzy="", event="", lane=0.0))
        anchors[key] = owner
    focused = GraphView(view.when, tuple(nodes), tuple(shown), view.until)
    return FocusView(focused, {k: tuple(v) for k, v in groups.items()}, anchors, len(view.nodes) - len(kept))


def _members_of(group: str, view: GraphView, entities: pd.DataFrame, centre: list[str], hops: int,
                max_nodes: int, group_by: str) -> tuple[str, ...]:
    """The members of a group node id as :func:`focus` would gather them (without expansions)."""
    if not group.startswith(f"{GROUP}:"):
        return ()
    return focus(view, entities, centre, hops=hops, max_nodes=max_nodes, group_by=group_by).members.get(group, ())


def _anchors(edges: pd.DataFrame, rest: list[str], kept: set[str], degree: pd.Series) -> dict[str, str]:
    """For each entity left out, the shown entity it hangs off (the biggest stake, then the best-connected)."""
    if not rest:
        return {}
    left = set(rest)
    ties = pd.concat([edges.rename(columns={"source": "member", "target": "shown"}),
                      edges.rename(columns={"target": "member", "source": "shown"})])
    ties = ties[ties["member"].isin(left) & ties["shown"].isin(kept)].copy()
    ties["degree"] = ties["shown"].map(degree).fillna(0)
    ties["value"] = ties["value"].fillna(0.0)
    best = ties.sort_values(["member", "value", "degree", "shown"], ascending=[True, False, False, True])
    chosen = best.drop_duplicates("member").set_index("member")["shown"].to_dict()
    fallback = max(kept, key=lambda k: (degree.get(k, 0), k)) if kept else ""
    return {m: str(chosen.get(m, fallback)) for m in rest}  # two hops out: hangs off the busiest shown node


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
