"""Hover texts of the relationship panel: who a node is, and what an edge says, which way and when.

Every name is written as Details writes it (:func:`viewer.model.reversed_text.shown`) and kept inside an isolate
(U+2068 … U+2069), so that no name, a right-to-left one or one holding a direction override (U+202E), can turn the
arrow, the value or the next name round; a name longer than a tooltip can hold is cut (Details holds it whole), and a
long note is wrapped.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping

import pandas as pd

from viewer.model import graph, reversed_text
from viewer.model.clock import CALENDAR, format_instant
from viewer.model.dataset import Dataset
from viewer.ui.relations.items import edge_style

MEMBERS_SHOWN = 12  # names listed in a "k more" group's tooltip
NAME_CHARACTERS = 80  # of a name in a tooltip: a tooltip is one line a name, never wider than the screen
NOTE_WIDTH = 80  # characters a line of a note
NOTE_LINES = 8


def isolated(name: str, most: int = NAME_CHARACTERS) -> str:
    """A name as a tooltip writes it among other text: on one line, cut after ``most`` characters, an override written
    as its code point and the whole inside an isolate, whose end closes whatever direction the name opened.

    >>> isolated("\u202eReversed Co") == "\u2068<U+202E>Reversed Co\u2069", isolated("Holding\\nBerlin")
    (True, '\u2068Holding Berlin\u2069')
    >>> len(isolated("A" * 300)), isolated("A" * 300)[-2:]
    (82, '…\u2069')
    """
    one = " ".join(name.split())  # (a line or paragraph break would end the isolate)
    if len(one) > most:
        one = one[:most - 1] + "…"
    return f"\u2068{reversed_text.shown(one)}\u2069"


def node_tip(dataset: Dataset, node: graph.Node, members: Mapping[str, tuple[str, ...]]) -> str:
    """``Renault Group`` / ``company · FR``; a group node lists (some of) its members."""
    if node.id in members:
        names = [isolated(dataset.entity_name(m)) for m in members[node.id]]
        more = f"\n… and {len(names) - MEMBERS_SHOWN} more" if len(names) > MEMBERS_SHOWN else ""
        return f"{isolated(node.name)}\n" + "\n".join(names[:MEMBERS_SHOWN]) + more + "\n(double-click to show them)"
    rows = dataset.entities.loc[dataset.entities["id"] == node.id]
    country = str(rows["country"].iloc[0]) if "country" in rows and len(rows) and pd.notna(rows["country"].iloc[0]) \
        else ""
    facts = " · ".join(part for part in (node.kind.replace("_", " "), country) if part)
    return f"{isolated(node.name)}\n{facts}" if facts else isolated(node.name)


def edge_tip(dataset: Dataset, edge: graph.Edge, names: Mapping[str, str]) -> str:
    """``Renault → Nissan 43.4%`` (each name isolated), the kind, when the relation held, and its note."""
    head = f"{isolated(names.get(edge.source, edge.source))} → {isolated(names.get(edge.target, edge.target))}"
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
            lines.extend(_wrapped(note.strip()))
    return "\n".join(line for line in lines if line)


def _wrapped(note: str) -> list[str]:
    """A note in lines of at most NOTE_WIDTH characters, at most NOTE_LINES of them (Details holds it whole)."""
    lines = [part for line in note.splitlines() for part in textwrap.wrap(line, NOTE_WIDTH) or [""]]
    return lines if len(lines) <= NOTE_LINES else [*lines[:NOTE_LINES - 1], lines[NOTE_LINES - 1] + " …"]


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
