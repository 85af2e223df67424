"""The graph at a date from the rows of the relations valid then, in array passes: each relation's edge and each
entity's node made once for the dataset and taken by row, the lanes of parallel ties found by sorting pair codes.

A cursor step on a big graph (600,000 ties valid at once in a quarter of ICIJ's Offshore Leaks database) spent 3.5 s
making a tuple per tie to look up its edge, a set of every tie's ends and a string per tie for its pair; the same
graph is now taken from arrays, and a tie's edge or an entity's node is made in Python when it is first read
(:mod:`~viewer.model.taken`: a focused view reads a few dozen). The view also carries its ties and nodes as codes
(:class:`EdgeCodes`), which a big graph's focus reads instead of them. :func:`~viewer.model.graph.graph_at` uses it
where no tie's note reads the date. Never Qt.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import pandas as pd

from viewer.model import value_bands
from viewer.model.dataset import Dataset
from viewer.model.taken import Taken
from viewer.model.value_labels import value_label


@dataclass
class Made:
    """A dataset's relations as codes (their ends, their pairs), and the edges and nodes made so far by row and
    by code (``None``: not made yet, or an end no entity is)."""

    source: np.ndarray  # each relation's source as a code into ``ids`` (ids sorted: codes sort as the ids do)
    target: np.ndarray
    pair: np.ndarray  # the unordered pair of its ends, one code a pair
    ids: np.ndarray  # the distinct ends, sorted
    edges: np.ndarray  # the edge of each relation in lane 0, once made
    edges_made: np.ndarray  # which relations' edges are made
    nodes: np.ndarray  # the node of each end, once made
    nodes_made: np.ndarray  # which ends' nodes are made (an end no entity has gets none: see ``entity``)
    lanes: dict[tuple[int, float], Any]  # the edge of a relation in another lane, by (row, lane)
    value: np.ndarray  # each relation's value as a float
    entity: np.ndarray  # each end's row in the entities table, -1 for an id no entity has
    shared: np.ndarray  # which relations share their pair of ends with another (only they can need a lane)
    principal: np.ndarray  # which ends are the dataset's principal entities
    relations: pd.DataFrame  # the tables edges and nodes are made from, when first read
    entities: pd.DataFrame


@dataclass(frozen=True)
class EdgeCodes:
    """A graph's edges as columns of codes into its distinct ends (``ids``, sorted), and the code of each of its
    nodes in their order: what a big graph's focus reads, in array passes."""

    ids: np.ndarray
    source: np.ndarray
    target: np.ndarray
    value: np.ndarray
    nodes: np.ndarray
    principal: np.ndarray  # the codes of the principal nodes, in the nodes' order


def made_for(dataset: Dataset) -> Made:
    """Codes for the dataset's relations, nothing made yet."""
    relations = dataset.relations
    ends = pd.concat([relations["source"].astype(str), relations["target"].astype(str)], ignore_index=True)
    codes, ids = pd.factorize(ends, sort=True)
    n = len(relations)
    source, target = codes[:n].astype(np.int64), codes[n:].astype(np.int64)
    pair = np.minimum(source, target) * (len(ids) + 1) + np.maximum(source, target)
    entity = pd.Index(dataset.entities["id"].astype(str)).get_indexer(ids)
    _pairs, inverse, count = np.unique(pair, return_inverse=True, return_counts=True)
    principal = pd.Index(ids).isin([str(p) for p in dataset.meta.principal]) & (entity >= 0)
    return Made(source, target, pair, np.asarray(ids, dtype=object), np.full(n, None, dtype=object),
                np.zeros(n, dtype=bool), np.full(len(ids), None, dtype=object), np.zeros(len(ids), dtype=bool), {},
                relations["value"].to_numpy(dtype=float), np.asarray(entity, dtype=np.int64),
                count[inverse.reshape(-1)] > 1, np.asarray(principal, dtype=bool), relations, dataset.entities)


def lanes(pair: np.ndarray) -> np.ndarray:
    """Each tie's lane among the ties of its pair, in row order, centred on 0 (-0.5, 0.5 for two).

    >>> lanes(np.array([7, 3, 7, 7, 3, 5])).tolist()
    [-1.0, -0.5, 0.0, 1.0, 0.5, 0.0]
    """
    if not len(pair):
        return np.zeros(0)
    order = np.argsort(pair, kind="stable")
    ordered = pair[order]
    first = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
    size = np.diff(np.r_[first, len(ordered)])
    start = np.repeat(first, size)
    rank, count = np.empty(len(pair)), np.empty(len(pair))
    rank[order] = np.arange(len(ordered)) - start
    count[order] = np.repeat(size, size)
    return rank - (count - 1) / 2


def edges_of(made: Made, rows: np.ndarray, edge: Callable[..., Any],
             widths: Callable[[np.ndarray, np.ndarray], np.ndarray]) -> tuple[Taken[Any], np.ndarray]:
    """The edges of these relation rows (in their order, each made when first read), and the codes of their ends,
    sorted. ``edge`` makes an Edge of its fields (in their order), ``widths`` the pen widths of ties of these kinds
    and values."""

    def make(at: np.ndarray) -> None:
        new = at[~made.edges_made[at]]
        if len(new):
            _make_edges(made.relations.iloc[new], new, made, edge, widths)
            made.edges_made[new] = True

    lane, shared = np.zeros(len(rows)), made.shared[rows]
    if shared.any():  # (the ties alone between their two ends sit in lane 0: 10 ms of sorting at 150,000 ties)
        lane[shared] = lanes(made.pair[rows[shared]])

    def moved(j: int, base: Any) -> Any:  # parallel ties: each in its lane, made once per row and lane
        key = (int(rows[j]), float(lane[j]))
        found = made.lanes.get(key)
        if found is None:
            found = made.lanes[key] = replace(base, lane=float(lane[j]))
        return found

    beside = lane != 0
    ends = np.zeros(len(made.ids), dtype=bool)
    ends[made.source[rows]] = True
    ends[made.target[rows]] = True
    return Taken(made.edges, rows, make, (beside, moved) if beside.any() else None), np.flatnonzero(ends)


def edge_labels(rows: pd.DataFrame) -> tuple[list[str], np.ndarray, list[tuple[str, float, str]],
                                              dict[tuple[str, float, str], str]]:
    """Each relation's kind, value, label key (kind, value with nan as -inf, the band as written) and the label of
    each distinct key: a big graph repeats a few hundred (no row Series: they cost ~3 ms each)."""
    kinds = rows["kind"].astype(str).tolist()
    values = rows["value"].to_numpy(dtype=float)
    written = value_bands.written(rows)  # a band or a bound as written ("25–50%"): the label shows it
    keys = list(zip(kinds, np.where(np.isnan(values), -np.inf, values).tolist(), written, strict=True))  # nan ≠ nan
    labels = {key: key[2] or (key[0].replace("_", " ") if key[1] == -np.inf else value_label(*key[:2]))
              for key in set(keys)}
    return kinds, values, keys, labels


def _make_edges(rows: pd.DataFrame, at: np.ndarray, made: Made, edge: Callable[..., Any],
                widths: Callable[[np.ndarray, np.ndarray], np.ndarray]) -> None:
    """Make the lane-0 edges of these relations (labels worded once per distinct kind, value and band, widths in
    one pass: 190,000 ties took 0.95 s, most of it the loop's own work per tie)."""
    kinds, values, keys, labels = edge_labels(rows)
    worded = [labels[key] for key in keys]
    pens = widths(np.asarray(kinds, dtype=object), values).tolist()
    made.edges[at] = [
        edge(i, a, b, k, v, label, pen, False, "", ev, 0.0, 1.0) for i, a, b, k, v, label, pen, ev in zip(
            *(rows[c].astype(str).tolist() for c in ("id", "source", "target")), kinds, values.tolist(), worded,
            pens, rows["event"].astype(str).tolist(), strict=True)]


def nodes_of(made: Made, ends: np.ndarray, node: Callable[[str, str, str, str], Any]
             ) -> tuple[Taken[Any], np.ndarray]:
    """The nodes of these end codes (those the entities table knows), each made once, when first read: ``node``
    makes one of an entity's id, name, kind and colour. And their codes, in the same order."""

    def make(at: np.ndarray) -> None:
        new = at[~made.nodes_made[at]]
        if len(new):
            entities = made.entities.iloc[made.entity[new]]
            names, kinds, colours = (entities[c].astype(str).tolist() for c in ("name", "kind", "color"))
            made.nodes[new] = [node(key, name, kind, colour) for key, name, kind, colour in zip(
                made.ids[new].tolist(), names, kinds, colours, strict=True)]
            made.nodes_made[new] = True

    known = ends[made.entity[ends] >= 0]
    return Taken(made.nodes, known, make), known


def codes_of(made: Made, rows: np.ndarray, nodes: np.ndarray) -> EdgeCodes:
    """The edges of these relation rows and these node codes as :class:`EdgeCodes`."""
    return EdgeCodes(made.ids, made.source[rows], made.target[rows], made.value[rows], nodes,
                     nodes[made.principal[nodes]])
