"""Hover texts of the relationship panel: who a node is, and what an edge says, which way and when."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from viewer.model import graph
from viewer.model.clock import CALENDAR, format_instant
from viewer.model.dataset import Dataset
from viewer.ui.relations.items import edge_style

MEMBERS_SHOWN = 12  # names listed in a "k more" group's tooltip


def node_tip(dataset: Dataset, node: graph.Node, members: Mapping[str, tuple[str, ...]]) -> str:
    """``Renault Group`` / ``company · FR``; a group node lists (some of) its members."""
    if node.id in members:
        names = [dataset.entity_name(m) for m in members[node.id]]
        more = f"\n… and {len(names) - MEMBERS_SHOWN} more" if len(names) > MEMBERS_SHOWN else ""
        return f"{node.name}\n" + "\n".join(names[:MEMBERS_SHOWN]) + more + "\n(double-click to show them)"
    rows = dataset.entities.loc[dataset.entities["id"] == node.id]
    country = str(rows["country"].iloc[0]) if "country" in rows and len(rows) and pd.notna(rows["country"].iloc[0]) \
        else ""
    facts = " · ".join(part for part in (node.kind.replace("_", " "), country) if part)
    return f"{node.name}\n{facts}" if facts else node.name


def edge_tip(dataset: Dataset, edge: graph.Edge, names: Mapping[str, str]) -> str:
    """``Renault → Nissan 43.4%``, the kind, when the relation held, and its note."""
    head = f"{names.get(edge.source, edge.source)} → {names.get(edge.target, edge.target)}"
    value = edge.label if edge.label and edge.label != edge.kind.replace("_", " ") else ""
    lines = [f"{head} {value}".rstrip(), edge_style(edge.kind).name]
    rows = dataset.relations.loc[dataset.relations["id"] == edge.id]
    if len(rows):
        row = rows.iloc[0]
        lines.append(_validity(row, dataset.meta.clock))
        if edge.held < 1.0:
            lines.append(f"held for {edge.held:.0%} of the window")
        note = row.get("note", "")
        if isinstance(note, str) and note.strip():
            lines.append(note.strip())
    return "\n".join(line for line in lines if line)


def _validity(row: pd.Series, clock: str = CALENDAR) -> str:
    """``from Nov 2022 until 2023`` at each bound's own precision (``from 42 until 60`` for numbers)."""
    parts = []
    for column, word in (("valid_from", "from"), ("valid_to", "until")):
        stamp = row.get(column)
        if stamp is None or pd.isna(stamp):
            continue
        precision = str(row.get(f"{column}_precision", "day") or "day")
        parts.append(f"{word} {format_instant(stamp, precision, clock)}")
    return " ".join(parts) if parts else "no known start or end"
