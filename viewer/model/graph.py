"""The relationship graph as of one instant: visible nodes, and edges with their labels and widths.

Where nodes go is :mod:`viewer.model.graph_positions`'s business (re-exported here as :func:`layout`);
this module answers what to draw at a date. Pandas and numpy only: never Qt.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from viewer.model import graph_rows, query, validity
from viewer.model.columns import is_in
from viewer.model.dataset import Dataset
from viewer.model.dates import parse_date
from viewer.model.graph_history import HistorySteps, history_steps, step_path
from viewer.model.graph_positions import MIN_DISTANCE, PERSON, Positions, core_ids, layout, positions_for, prepare
from viewer.model.memo import Memo
from viewer.model.value_labels import STAKE_KINDS, value_label

__all__ = [
    "MIN_DISTANCE",
    "PERSON",
    "Edge",
    "GraphView",
    "HistorySteps",
    "Node",
    "Positions",
    "core_ids",
    "drop_node",
    "edge_width",
    "graph_at",
    "graph_during",
    "history_steps",
    "layout",
    "positions_for",
    "prepare",
    "short_name",
    "step_path",
    "value_label",
]

LEADERSHIP = "leadership"
# relation kinds whose value is a share of something, written as a percentage
SHORT_NAME_LENGTH = 24
_SHOWN: Memo[np.ndarray] = Memo()  # the last dataset's shown relations, per people and hidden kinds
_VIEWS: Memo[GraphView] = Memo()  # its graphs, per set of relations shown (the view's date is the caller's)
_MADE: Memo[dict[object, Any]] = Memo()  # its nodes by id and edges by what they hold, made once (see _view)
_ROWS: Memo[graph_rows.Made] = Memo()  # its relations' edges and nodes by row, made once (see _view_at)
_SHORT_NAMES = {"Renault–Nissan–Mitsubishi Alliance": "R–N–M Alliance"}
_SUFFIXES = ("Ltd", "Ltd.", "Corporation", "Inc", "Inc.")  # what short_name cuts off a name's end
_ACRONYM = re.compile(r"\(([A-Z][A-Z0-9&.-]{1,7})\)")



@dataclass(frozen=True)
class Node:
    """One entity drawn in the graph."""

    id: str
    name: str
    short_name: str
    kind: str
    color: str
    principal: bool


@dataclass(frozen=True)
class Edge:
    """One relation valid at the graph's instant, with what is needed to draw it."""

    id: str
    source: str
    target: str
    kind: str
    value: float
    label: str
    width: float
    uncertain: bool
    fuzzy: str
    event: str
    lane: float  # offset among the edges between the same two nodes: 0 alone, ±0.5 for two, …
    held: float = 1.0  # in a window: the share of it the relation held (thinner when partial)


@dataclass(frozen=True)
class GraphView:
    """The graph as of one instant: the visible nodes and the relations between them."""

    when: pd.Timestamp
    nodes: Sequence[Node]  # a tuple, or (graph_at's, taken from arrays) each made when first read
    edges: Sequence[Edge]
    until: pd.Timestamp | None = None  # the end of the window, for a graph "during the window"
    # the edges' ends and values and the nodes as codes, when made from arrays (a big graph's focus reads them)
    ends: graph_rows.EdgeCodes | None = field(default=None, compare=False, repr=False)

    def node_ids(self) -> frozenset[str]:
        """The ids of the visible nodes (found once: a step on a big graph asked four times for 100,000)."""
        found = self.__dict__.get("_node_ids")
        if found is None:
            ids = self.ends.ids[self.ends.nodes].tolist() if self.ends is not None else (n.id for n in self.nodes)
            found = self.__dict__["_node_ids"] = frozenset(ids)
        return found

    def edge(self, source: str, target: str, kind: str) -> Edge | None:
        """The first edge from ``source`` to ``target`` of one kind, or None."""
        return next((e for e in self.edges if (e.source, e.target, e.kind) == (source, target, kind)), None)


def short_name(name: str) -> str:
    """A name that fits under a node: the text before `` (`` or a known short form, at most 24 chars.

    A name written on several lines is one line here (a label drew "Line one\\nLine two" as "Line oneLine two").

    >>> short_name("Renault Group (Renault SA)"), short_name("Fiat Chrysler Automobiles (FCA)")
    ('Renault Group', 'FCA')
    >>> short_name("Holding\\nBerlin")
    'Holding Berlin'
    """
    if len(name) <= SHORT_NAME_LENGTH and "(" not in name and "/" not in name and name == name.strip() \
            and not name.endswith(_SUFFIXES) and name not in _SHORT_NAMES and name.isprintable():
        return name  # (nothing to cut: most names of a big register, 0.3 µs each, not 4)
    return _short_name(name)


@functools.lru_cache(maxsize=1 << 16)  # (asked for every node of every view: a big graph's names, again and again)
def _short_name(name: str) -> str:
    name = _SHORT_NAMES.get(name, name)
    if not name.isprintable():  # (line breaks and tabs: one space each run)
        name = " ".join(name.split()) or name
    short = re.split(r"\s+\(|\s+/\s+", name, maxsplit=1)[0].strip() or name
    short = re.sub(r",?\s+(Co\.,\s*Ltd\.?|Ltd\.?|Corporation|Inc\.?)$", "", short)
    if len(short) <= SHORT_NAME_LENGTH:
        return short
    acronym = _ACRONYM.search(name)
    if acronym:
        return acronym.group(1)
    words = short[: SHORT_NAME_LENGTH].rsplit(" ", 1)[0] if " " in short[:SHORT_NAME_LENGTH] else short
    return words[: SHORT_NAME_LENGTH - 1].rstrip(" ,–-") + "…"


def edge_width(kind: str, value: float) -> float:
    """Pen width in px: stakes grow with their percentage, ties without a value stay thin."""
    if kind in STAKE_KINDS and not np.isnan(value):  # (a share written below 0 is drawn as the thinnest stake)
        return float(min(1.5 + max(value, 0.0) / 12.0, 8.0))
    return 1.0 if kind == LEADERSHIP else 1.2


def edge_widths(kinds: np.ndarray, values: np.ndarray) -> np.ndarray:
    """:func:`edge_width` of each tie of these kinds and values, in one pass."""
    stake = np.isin(kinds, list(STAKE_KINDS)) & ~np.isnan(values)
    grown = np.minimum(1.5 + np.maximum(np.nan_to_num(values), 0.0) / 12.0, 8.0)
    return np.where(stake, grown, np.where(kinds == LEADERSHIP, 1.0, 1.2)).astype(float)


def _lanes(edges: pd.DataFrame) -> np.ndarray:
    """Spread the edges between the same two nodes: lanes centred on 0, in row order."""
    codes, _names = pd.factorize(pd.concat([edges["source"].astype(str), edges["target"].astype(str)],
                                           ignore_index=True))
    source, target = codes[: len(edges)].astype(np.int64), codes[len(edges):].astype(np.int64)
    key = pd.Series(np.minimum(source, target) * (len(_names) + 1) + np.maximum(source, target))  # the pair
    rank = key.groupby(key).cumcount().to_numpy(dtype=float)
    size = key.map(key.value_counts()).to_numpy(dtype=float)
    return rank - (size - 1) / 2


def graph_at(dataset: Dataset, when: object, *, include_people: bool = False,
             hidden_kinds: Iterable[str] = frozenset()) -> GraphView:
    """The nodes and edges of the relationship graph as of ``when``.

    >>> import viewer
    >>> graph_at(viewer.load(), "2022-12-31").edge("renault", "nissan", "equity_stake").label
    '43.4%'
    """
    t = parse_date(when).start
    shown = _shown(dataset, include_people, hidden_kinds)
    if not shown.any():  # no ties to show at any date: nothing to ask of the dates
        return GraphView(t, (), ())
    # (ties whose ends both exist: an entity that does not exist yet, or any more, takes its ties with it)
    visible = validity.held_at(dataset, t) & shown
    fuzzy_from, fuzzy_to = validity.fuzzy_at(dataset, t)
    fuzzy = (fuzzy_from.view(np.uint8) + 2 * fuzzy_to.view(np.uint8))[visible]
    # A cursor dragged across a span where no tie starts or ends asks for the same graph again and again:
    # the nodes and edges are those of the last call with the same relations (the view's date is its own). A
    # fuzzy note ("from Nov 2022") reads the date only to know which of a tie's bounds holds it: that is the key.
    key = (visible.tobytes(), fuzzy.tobytes(), include_people, frozenset(hidden_kinds))
    if fuzzy.any():
        view = _VIEWS.get(dataset, key, lambda: _view(dataset, dataset.relations[visible], t, fuzzy > 0,
                                                      np.ones(int(visible.sum()))))
    else:
        view = _VIEWS.get(dataset, key, lambda: _view_at(dataset, np.flatnonzero(visible), t))
    return GraphView(t, view.nodes, view.edges, ends=view.ends)


def _view_at(dataset: Dataset, rows: np.ndarray, t: pd.Timestamp) -> GraphView:
    """The graph of these relation rows, none of whose notes reads the date: taken from arrays (:mod:`graph_rows`)."""
    made = _ROWS.get(dataset, "rows", lambda: graph_rows.made_for(dataset))
    edges, ends = graph_rows.edges_of(made, rows, Edge, edge_widths)
    principal = set(dataset.meta.principal)
    nodes, codes = graph_rows.nodes_of(made, ends, lambda key, name, kind, colour: Node(
        id=key, name=name, short_name=short_name(name), kind=kind, color=colour, principal=key in principal))
    return GraphView(t, nodes, edges, ends=graph_rows.codes_of(made, rows, codes))


def graph_during(dataset: Dataset, start: object, end: object, *, include_people: bool = False,
                 hidden_kinds: Iterable[str] = frozenset()) -> GraphView:
    """Every relation valid at some point of the window ``[start, end]``, each edge with the share it held.

    ``Edge.held`` is 1.0 for a relation valid throughout the window and less for one that started,
    ended (or whose entities appeared or went) inside it; ``GraphView.until`` is the window's end.

    >>> import viewer
    >>> view = graph_during(viewer.load(), "2023-01-01", "2023-12-31")
    >>> sorted(e.label for e in view.edges if (e.source, e.target, e.kind) == ("renault", "nissan", "equity_stake"))
    ['15%', '43.4%']
    """
    relations = dataset.relations
    during = query.relations_during(relations[_shown(dataset, include_people, hidden_kinds)], start, end,
                                    dataset.entities)
    t = parse_date(start).start
    view = _view(dataset, during, t, np.zeros(len(during), dtype=bool), during["held"].to_numpy())
    return GraphView(view.when, view.nodes, view.edges, until=query.window_end(end))


def _shown(dataset: Dataset, include_people: bool, hidden_kinds: Iterable[str]) -> np.ndarray:
    """Relations of a kind that is shown (and, without people, neither leadership nor a person's);
    the same for every date, so kept for the last dataset asked about."""
    key = (include_people, frozenset(hidden_kinds))
    return _SHOWN.get(dataset, key, lambda: _shown_now(dataset, include_people, hidden_kinds)).copy()


def hidden_by_choice(dataset: Dataset, held: np.ndarray, include_people: bool,
                     hidden_kinds: Iterable[str]) -> tuple[int, int]:
    """Of the ties ``held`` (a mask over the relations), how many the legend hides (their kind unticked) and how many
    the People box does (a person's, or leadership, with people not shown): why a graph of held ties is empty."""
    by_kind = held & ~_shown(dataset, True, hidden_kinds)
    by_people = held & ~by_kind & ~_shown(dataset, include_people, ())
    return int(by_kind.sum()), int(by_people.sum())


def mostly_people(dataset: Dataset) -> bool:
    """Whether most ties of the dataset are a person's (or leadership): without people the graph would be empty (a
    mailbox's correspondents, a family tree) or lose most of what it holds (a register of owners, most of them
    individuals)."""
    return len(dataset.relations) > 0 and float(_shown(dataset, False, ()).mean()) < 0.5


def _shown_now(dataset: Dataset, include_people: bool, hidden_kinds: Iterable[str]) -> np.ndarray:
    relations = dataset.relations
    shown = ~relations["kind"].astype(str).isin(set(hidden_kinds)).to_numpy()
    if not include_people:
        entities = dataset.entities
        people = entities.loc[entities["kind"].astype(str) == PERSON, "id"]  # (in C++: 20,000 people cost 0.4 s)
        shown &= ~(relations["kind"].astype(str).eq(LEADERSHIP).to_numpy() | is_in(relations["source"], people)
                   | is_in(relations["target"], people))
    return shown


def _view(dataset: Dataset, rows: pd.DataFrame, t: pd.Timestamp, uncertain: np.ndarray,
          held: np.ndarray) -> GraphView:
    """Nodes and edges for the given relation rows (``t``: the instant fuzzy notes are read at)."""
    lanes = _lanes(rows) if len(rows) else np.zeros(0)
    kinds, values, keys, labels = graph_rows.edge_labels(rows)
    notes = {int(i): query.fuzzy_note(rows.iloc[i], t) for i in np.flatnonzero(uncertain)}
    # a cursor step keeps most ties as they were: each node and edge is made once for the dataset, not at each
    # step (a frozen dataclass costs microseconds to make: 36 ms a step on a graph of 3,000 entities)
    made = _MADE.get(dataset, "nodes and edges", dict)
    if len(made) > 4 * (len(dataset.relations) + len(dataset.entities)) + 1024:  # lanes and notes come and go
        made.clear()

    def edge(value: float, *held: Any) -> Edge:  # (the value in the key is keys' own, where nan is -inf)
        key = ("edge", *held)
        found = made.get(key)
        if found is None:
            i, a, b, k, _value, label, flag, fuzzy, ev, lane, share = held
            found = made[key] = Edge(id=i, source=a, target=b, kind=k, value=value, label=label,
                                     width=edge_width(k, value), uncertain=flag, fuzzy=fuzzy, event=ev, lane=lane,
                                     held=share)
        return found

    edges = tuple(
        edge(v, i, a, b, k, keys[n][1], labels[keys[n]], bool(flag), notes.get(n, ""), ev, float(lane), float(share))
        for n, (i, a, b, k, v, ev, flag, lane, share) in enumerate(zip(
            *(rows[column].astype(str).tolist() for column in ("id", "source", "target")), kinds, values.tolist(),
            rows["event"].astype(str).tolist(), uncertain.tolist(), lanes.tolist(), held.tolist(), strict=True)))
    return GraphView(t, _nodes(dataset, sorted({e.source for e in edges} | {e.target for e in edges}), made), edges)


def _nodes(dataset: Dataset, ids: list[str], made: dict[object, Any]) -> tuple[Node, ...]:
    """The nodes of these entity ids (those the entities table knows), each made once for the dataset."""
    missing = [i for i in ids if ("node", i) not in made]
    if missing:
        table = dataset.entities.set_index("id")
        known = [i for i in missing if i in table.index]
        rows_of = table.loc[known, ["name", "kind", "color"]].astype(str)
        principal = set(dataset.meta.principal)
        for i, name, kind, color in zip(known, rows_of["name"], rows_of["kind"], rows_of["color"], strict=True):
            made["node", i] = Node(id=i, name=name, short_name=short_name(name), kind=kind, color=color,
                                   principal=i in principal)
        made.update((("node", i), None) for i in missing if ("node", i) not in made)  # not an entity: no node
    return tuple(node for node in (made["node", i] for i in ids) if node is not None)


def drop_node(positions: Positions, key: str, xy: tuple[float, float],
              min_distance: float = MIN_DISTANCE) -> tuple[float, float]:
    """Where a node dragged to ``xy`` lands: there, or pushed just clear of any node it would cover.

    The other nodes never move; the dropped one steps away from its nearest neighbour until no node
    is closer than ``min_distance`` (a few passes settle even in a crowd).

    >>> drop_node({"a": (0.0, 0.0), "b": (1.0, 0.0)}, "b", (0.05, 0.0), 0.1)
    (0.1, 0.0)
    """
    others = np.array([p for k, p in positions.items() if k != key], dtype=float).reshape(-1, 2)
    point = np.array(xy, dtype=float)
    for attempt in range(50):
        if not len(others):
            break
        dist = np.hypot(*(others - point).T)
        nearest = int(np.argmin(dist))
        if dist[nearest] >= min_distance * 0.999:
            break
        away = point - others[nearest]
        if np.hypot(*away) < 1e-12:  # dropped exactly on a node: step out in a fixed direction
            away = np.array([np.cos(attempt), np.sin(attempt)])
        point = others[nearest] + away / np.hypot(*away) * min_distance
    return float(point[0]), float(point[1])
