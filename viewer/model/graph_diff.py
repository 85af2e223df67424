"""The relationship graph between two dates: the union of both graphs, each edge tagged by its change.

Built on :func:`viewer.model.diff_arrays.paired` (``query.diff``'s table from arrays: relations paired by source,
target and kind) and :func:`viewer.model.graph.graph_at` (which knows what is drawn). Pandas and numpy only: never Qt.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import pandas as pd

from viewer.model import diff_arrays, graph_rows
from viewer.model.dataset import Dataset
from viewer.model.graph import Edge, GraphView, graph_at, value_label
from viewer.model.memo import Memo

CHANGES = ("changed", "added", "removed", "renewed", "unchanged")
_DRAWN: Memo[tuple[tuple[Any, ...], DiffGraph]] = Memo(diff_arrays.KEPT)  # the last dataset's diffs, by their parts
_EDGES: Memo[dict[tuple[int, str, float], tuple[Edge, Edge]]] = Memo()  # its diff edges, relabelled once
_INDEXED: Memo[tuple[Sequence[Edge], _Indexed]] = Memo(diff_arrays.KEPT)  # the last dataset's graphs' edges, indexed
_CODED: Memo[dict[int, tuple[Edge, int, int]]] = Memo()  # its edges' ids and pairs as codes, by the edge
RENEWED = 4  # a change code past diff_arrays' own: the same value, held by another tie (a new row)
CHANGE_NAMES = np.array([*diff_arrays.NAMES, "renewed"], dtype=object)
_CHANGE_TEXT = pd.array(CHANGE_NAMES, dtype="str")


@dataclass(frozen=True)
class DiffGraph:
    """What changed between two dates, ready to draw and to list.

    ``view`` holds every edge of either date (removed ones carry their old id, the rest their new
    one); ``changes`` maps an edge id to added / removed / changed / renewed (same value, new
    relation row) / unchanged; ``table`` is the diff restricted to drawn edges, with an ``edge``
    column naming the drawn id and a ``label`` column ("43.4% → 15%").
    """

    before: pd.Timestamp
    after: pd.Timestamp
    view: GraphView
    changes: dict[str, str]
    table: pd.DataFrame

    def listed(self) -> pd.DataFrame:
        """The rows worth listing: everything but the unchanged, in the diff's order."""
        return self.table[self.table["change"] != "unchanged"]


def value_text(value: float, kind: str = "equity_stake") -> str:
    """``43.4%`` for a stake (see :func:`viewer.model.graph.value_label`); empty for a tie without a value."""
    return value_label(kind, value)


def change_label(change: str, old: float, new: float, kind: str, written: tuple[str, str] = ("", "")) -> str:
    """The text on a diff edge: ``43.4% → 15%`` for a changed stake, else the value (or the kind); a value written
    as a band or a bound (``written``, old and new) as written: ``25–50% → >75%``."""
    return worded(change, written[0] or value_text(old, kind), written[1] or value_text(new, kind), kind)


def worded(change: str, before: str, after: str, kind: str) -> str:
    """:func:`change_label` of the values as labels already (``before``, ``after``: "" for none)."""
    if change == "changed":
        return f"{before or '–'} → {after or '–'}"
    return (before if change == "removed" else after) or kind.replace("_", " ")


def diff_graph(dataset: Dataset, before: object, after: object, *, include_people: bool = False,
               hidden_kinds: Iterable[str] = frozenset()) -> DiffGraph:
    """The union of the graphs at ``before`` and ``after``, each edge tagged with its change.

    The graphs at both dates are :func:`graph_at`'s (kept per set of ties shown) and the table
    :func:`diff_arrays.paired`'s (kept per pair of sets of ties held), so a cursor step that only moves the later
    date finds the earlier one's half made, and one that crosses no tie's start or end finds the whole answer.

    >>> import viewer
    >>> d = diff_graph(viewer.load(), "2018-11-19", "2023-11-09")
    >>> d.changes["R04"], d.view.edge("renault", "nissan", "equity_stake").label
    ('changed', '43.4% → 15%')
    """
    hidden = frozenset(hidden_kinds)
    old = graph_at(dataset, before, include_people=include_people, hidden_kinds=hidden)
    new = graph_at(dataset, after, include_people=include_people, hidden_kinds=hidden)
    paired = diff_arrays.paired(dataset, old.when, new.when)
    parts = (old.nodes, old.edges, new.nodes, new.edges, paired)
    # kept by what it is made of: those are kept themselves, and the answer holds them, so an id is theirs
    found = _DRAWN.get(dataset, tuple(id(part) for part in parts), lambda: (parts, _drawn(dataset, old, new, paired)))
    drawn = found[1] if all(a is b for a, b in zip(found[0], parts, strict=True)) else _drawn(dataset, old, new, paired)
    return DiffGraph(old.when, new.when, GraphView(new.when, drawn.view.nodes, drawn.view.edges), drawn.changes,
                     drawn.table)


def _drawn(dataset: Dataset, old: GraphView, new: GraphView, paired: diff_arrays.Paired) -> DiffGraph:
    """The diff's edges, changes and table (its dates are the caller's), in array passes over the paired rows."""
    found = paired.codes
    before, after = _indexed(dataset, found, old.edges), _indexed(dataset, found, new.edges)
    old_rows, new_rows, change = paired.old, paired.new, paired.change
    old_ids, new_ids = found.id_code[old_rows], found.id_code[new_rows]  # (row -1: the code of none)
    change = np.where((change == diff_arrays.UNCHANGED) & (old_ids != new_ids), RENEWED, change)
    removed = change == diff_arrays.REMOVED
    at = np.where(removed, before.at[old_ids], after.at[new_ids])  # each row's edge in its graph, -1 for none
    kept = np.flatnonzero(at >= 0)
    old_rows, new_rows, change, removed, at = old_rows[kept], new_rows[kept], change[kept], removed[kept], at[kept]
    texts = diff_arrays.labels(found, np.r_[old_rows, new_rows])
    said = np.where(removed, texts[old_rows], texts[new_rows])
    said = np.where(said != "", said, found.kind_words[np.where(removed, old_rows, new_rows)])
    for j in np.flatnonzero(change == diff_arrays.CHANGED).tolist():
        said[j] = f"{texts[old_rows[j]] or '–'} → {texts[new_rows[j]] or '–'}"
    labels, names = said.tolist(), CHANGE_NAMES[change].tolist()
    taken = np.empty(len(at), dtype=object)
    taken[removed], taken[~removed] = before.edges[at[removed]], after.edges[at[~removed]]
    ends = np.empty(len(at), dtype=np.int64)
    ends[removed], ends[~removed] = before.pair[at[removed]], after.pair[at[~removed]]
    edges = _relabelled(dataset, taken.tolist(), labels, graph_rows.lanes(ends).tolist())
    rows = np.where(removed, old_rows, new_rows)
    drawn = found.ids[rows].tolist()  # (each edge was found by its id)
    changes = dict(zip(drawn, names, strict=True))
    if len(drawn):
        # (columns taken from Arrow arrays where they can be: 2,000 strings made into a column took 1 ms each)
        edge_column = pd.Series(found.text["id"].take(rows))
        change_column = (pd.Series(_CHANGE_TEXT.take(change)) if len(changes) == len(drawn)
                         else [changes[e] for e in drawn])  # (an id drawn twice: its last change, as a dict keeps)
        shown = diff_arrays.table(found, old_rows, new_rows, change_column, edge=edge_column, label=labels)
    else:  # (typed as pandas types a table of nothing with these columns)
        shown = paired.table.iloc[:0].assign(edge=drawn, label=labels, change=[])
    nodes = {n.id: n for n in (*old.nodes, *new.nodes)}
    view = GraphView(new.when, tuple(nodes[k] for k in sorted(nodes)), tuple(edges))
    return DiffGraph(old.when, new.when, view, changes, shown)


@dataclass(frozen=True)
class _Indexed:
    """A graph's edges (an object array), where each tie's id finds its edge (the last of an id; ``-1``: none, the
    last place for a row of none) and each edge's pair of ends as a code."""

    edges: np.ndarray
    at: np.ndarray
    pair: np.ndarray


def _indexed(dataset: Dataset, found: diff_arrays.Codes, edges: Sequence[Edge]) -> _Indexed:
    """A graph's edges indexed, once while the graph is kept (the earlier date's, while the cursor moves)."""
    made = _INDEXED.get(dataset, id(edges), lambda: (edges, _index(dataset, found, edges)))
    return made[1] if made[0] is edges else _index(dataset, found, edges)


def _index(dataset: Dataset, found: diff_arrays.Codes, edges: Sequence[Edge]) -> _Indexed:
    listed = np.empty(len(edges), dtype=object)
    listed[:] = list(edges)
    # each edge's id and pair as codes, read from its text once for the dataset (an edge is made once per tie and
    # lane: the next date's graph holds mostly the same ones; kept by the edge's id, with the edge)
    coded = _CODED.get(dataset, "coded", dict)
    if len(coded) > 3 * len(listed) + 1024:
        coded.clear()
    keys = list(map(id, listed.tolist()))
    known = [coded.get(key) for key in keys]
    new = [j for j, pair in enumerate(known) if pair is None]
    if new:
        fresh = listed[new].tolist()
        ids = found.distinct_ids.get_indexer([e.id for e in fresh])
        ends = found.ends.get_indexer([e.source for e in fresh] + [e.target for e in fresh]).astype(np.int64)
        first, second = ends[:len(fresh)], ends[len(fresh):]
        pairs = np.minimum(first, second) * (len(found.ends) + 1) + np.maximum(first, second)
        for j, edge, code, pair in zip(new, fresh, ids.tolist(), pairs.tolist(), strict=True):
            known[j] = coded[keys[j]] = (edge, code, pair)
    codes = np.array([k[1] for k in known], dtype=np.int64)  # type: ignore[index]
    at = np.full(len(found.distinct_ids) + 1, -1, dtype=np.int64)
    mine = codes >= 0
    np.maximum.at(at, codes[mine], np.flatnonzero(mine))  # (the last edge of an id, as a dict by id keeps)
    return _Indexed(listed, at, np.array([k[2] for k in known], dtype=np.int64))  # type: ignore[index]


def _relabelled(dataset: Dataset, edges: list[Edge], labels: list[str], lanes: list[float]) -> list[Edge]:
    """The edges with the diff's labels, in their lanes among the diff's edges, plain (no fuzzy note): each made once
    for the dataset. (Kept by the edge's id, with the edge: while it is kept, no other object can have that id.)"""
    made = _EDGES.get(dataset, "edges", dict)
    if len(made) > 3 * len(edges) + 1024:  # (a few diffs' worth kept: a long walk starts again)
        made.clear()
    keys = list(zip(map(id, edges), labels, lanes, strict=True))
    found = [made.get(key) for key in keys]
    for j in [j for j, edge in enumerate(found) if edge is None]:
        edge = edges[j]
        found[j] = made[keys[j]] = (edge, replace(edge, label=labels[j], uncertain=False, fuzzy="", lane=lanes[j]))
    return [pair[1] for pair in found]  # type: ignore[index]
