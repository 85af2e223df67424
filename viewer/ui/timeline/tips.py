"""The text of an event's tooltip on the timeline: title, dates at their precision, actors, category."""

from __future__ import annotations

import html

import pandas as pd

from viewer.model.clock import CALENDAR
from viewer.model.query import describe_span

TIP_CHARACTERS = 300  # of a title or of the actors' names
TIP_ACTORS = 12  # actors named; the others counted


def tooltip_text(row: pd.Series, names: dict[str, str], clock: str = CALENDAR) -> str:
    """Rich text for an event: title, dates at their precision (numbers on a numeric clock), actors, category."""
    end_precision = row["end_precision"] if pd.notna(row["end_precision"]) else None
    when = describe_span(row["start"], str(row["precision"]), row["end"], end_precision, clock)
    actors = [names.get(a.strip(), a.strip()) for a in str(row["actors"]).split(";") if a.strip()]
    parts = [f"<b>{html.escape(_cut(str(row['title'])))}</b>", html.escape(when)]
    if actors:
        more = len(actors) - TIP_ACTORS
        named = ", ".join(actors[:TIP_ACTORS]) + (f" and {more:,} more" if more > 0 else "")
        parts.append(html.escape(_cut(named)))
    if pd.notna(row["category"]) and str(row["category"]):
        parts.append(f"<i>{html.escape(_cut(str(row['category'])))}</i>")
    return "<br>".join(parts)


def _cut(text: str) -> str:
    """A text as a tooltip shows it: its first :data:`TIP_CHARACTERS` (Details shows the rest). A tooltip lays its
    whole text out, and a title of a whole file in one cell held the window for seconds at each hover."""
    return text if len(text) <= TIP_CHARACTERS else text[:TIP_CHARACTERS].rstrip() + " …"
