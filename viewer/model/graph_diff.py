"""The relationship graph between two dates: the union of both graphs, each edge tagged by its change.

Built on :func:`viewer.model.query.diff` (which pairs relations by source, target and kind) and
:func:`viewer.model.graph.graph_at` (which knows what is drawn). Pandas and numpy only: never Qt.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from viewer.model import query, value_bands
from viewer.model.dataset import Dataset
from viewer.model.graph import Edge, GraphView, _lanes, graph_at, value_label

CHANGES = ("changed", "added", "removed", "renewed", "unchanged")


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
    before, after = written[0] or value_text(old, kind), written[1] or value_text(new, kind)
    if change == "changed":
        return f"{before or '–'} → {after or '–'}"
    return (before if change == "removed" else after) or kind.replace("_", " ")


def diff_graph(dataset: Dataset, before: object, after: object, *, include_people: bool = False,
               hidden_kinds: Iterable[str] = frozenset()) -> DiffGraph:
    """The union of the graphs at ``before`` and ``after``, each edge tagged with its change.

    >>> import viewer
    >>> d = diff_graph(viewer.load(), "2018-11-19", "2023-11-09")
    >>> d.changes["R04"], d.view.edge("renault", "nissan", "equity_stake").label
    ('changed', '43.4% → 15%')
    """
    hidden = frozenset(hidden_kinds)
    old = graph_at(dataset, before, include_people=include_people, hidden_kinds=hidden)
    new = graph_at(dataset, after, include_people=include_people, hidden_kinds=hidden)
    old_edges, new_edges = {e.id: e for e in old.edges}, {e.id: e for e in new.edges}
    table = query.diff(dataset.relations, old.when, new.when).table
    relations = dataset.relations
    as_written = (dict(zip(relations["id"].astype(str).tolist(), value_bands.written(relations), strict=True))
                  if value_bands.COLUMN in relations.columns else {})  # (only a file with bands has the column)
    edges: list[Edge] = []
    keep, drawn, labels = [], [], []
    changes: dict[str, str] = {}
    # the columns as lists first: rows read one by one from Arrow-backed columns took 2 s at 15,000 ties
    listed = (table[c].tolist() for c in ("change", "old_id", "new_id", "old_value", "new_value", "kind"))
    for written_change, old_id, new_id, old_value, new_value, kind in zip(*listed, strict=True):
        change = "renewed" if written_change == "unchanged" and old_id != new_id else str(written_change)
        edge = new_edges.get(new_id) if change != "removed" else old_edges.get(old_id)
        keep.append(edge is not None)
        if edge is None:
            continue
        label = change_label(change, float(old_value), float(new_value), str(kind),
                             (as_written.get(str(old_id), ""), as_written.get(str(new_id), "")))
        edges.append(replace(edge, label=label, uncertain=False, fuzzy=""))
        changes[edge.id] = change
        drawn.append(edge.id)
        labels.append(label)
    shown = table[np.array(keep, dtype=bool)].assign(edge=drawn, label=labels).reset_index(drop=True)
    shown["change"] = [changes[e] for e in shown["edge"]]
    if edges:
        lanes = _lanes(pd.DataFrame({"source": [e.source for e in edges], "target": [e.target for e in edges]}))
        edges = [replace(e, lane=float(lane)) for e, lane in zip(edges, lanes, strict=True)]
    nodes = {n.id: n for n in (*old.nodes, *new.nodes)}
    view = GraphView(new.when, tuple(nodes[k] for k in sorted(nodes)), tuple(edges))
    return DiffGraph(old.when, new.when, view, changes, shown)
