"""Why the relationship panel draws nothing: no ties in the data, none at the chosen date, or ties that hold but
that the legend (a kind unticked) or the People box hides. Before, a graph emptied by the legend or by People said
"No relations hold as of 1 Jan 2010." while the relations table listed the ties that held then."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from viewer.model import graph, validity
from viewer.model.clock import format_instant
from viewer.model.dataset import Dataset
from viewer.ui.relations.header import DIFF, WINDOW

TIES_COME_FROM = ("Ties between entities come from a relations table, a GEXF graph or BODS statements, or from a "
                  "table with two columns naming the parties (mapped when the table is opened).")
SHOW_THEM = "Tick People, or the kinds in the legend, to show them."


def empty_note(dataset: Dataset, mode: str, cursor: object, include_people: bool, hidden_kinds: Iterable[str]) -> str:
    """The note over an empty graph in ``mode`` (as of the cursor, during the window, or comparing two dates)."""
    if not len(dataset.relations):
        return f"No relations in this dataset.\n\n{TIES_COME_FROM}"
    hidden_kinds = frozenset(hidden_kinds)
    if mode in (DIFF, WINDOW):
        said = "No relations hold at either date." if mode == DIFF else "No relations hold during the window."
        kinds, people = graph.hidden_by_choice(dataset, np.ones(len(dataset.relations), dtype=bool), include_people,
                                               hidden_kinds)
        return said if not kinds + people else f"{said}\n\n{_hidden(kinds, people, 'of the dataset ')}. {SHOW_THEM}"
    when = format_instant(cursor, "day", dataset.meta.clock)
    kinds, people = graph.hidden_by_choice(dataset, validity.held_at(dataset, cursor), include_people, hidden_kinds)
    if not kinds + people:
        return f"No relations hold as of {when}."
    return f"No relations shown as of {when}: {_hidden(kinds, people, '')} there. {SHOW_THEM}"


def _hidden(kinds: int, people: int, whose: str) -> str:
    """``3 ties hold, hidden: 2 of a kind unticked in the legend, 1 of people (People is off)``."""
    parts = ([f"{kinds:,} of a kind unticked in the legend"] if kinds else []) + (
        [f"{people:,} of people or leadership (People is off)"] if people else [])
    total = kinds + people
    return f"{total:,} {'tie' if total == 1 else 'ties'} {whose}hidden: {', '.join(parts)}"


def found_note(dataset: Dataset, key: str, view: graph.GraphView, mode: str, cursor: object) -> str:
    """What Find says of the entity it selected when the graph does not draw it (it holds no tie shown then: Details
    still shows it); "" when it is drawn."""
    if key in view.node_ids():
        return ""
    names = dataset.entities.loc[dataset.entities["id"].astype(str) == key, "name"]
    name = f"\u2068{names.iloc[0] if len(names) else key}\u2069"  # (isolated: a name cannot turn the words around)
    if mode == DIFF:
        return f"{name} holds no tie shown at either date (Details shows it)"
    if mode == WINDOW:
        return f"{name} holds no tie shown during the window (Details shows it)"
    return f"{name} holds no tie shown as of {format_instant(cursor, 'day', dataset.meta.clock)} (Details shows it)"
