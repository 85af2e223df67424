"""The text of an event's tooltip on the timeline: title, dates at their precision, actors, category."""

from __future__ import annotations

import html

import pandas as pd

from viewer.model.clock import CALENDAR
from viewer.model.query import describe_span


def tooltip_text(row: pd.Series, names: dict[str, str], clock: str = CALENDAR) -> str:
    """Rich text for an event: title, dates at their precision (numbers on a numeric clock), actors, category."""
    end_precision = row["end_precision"] if pd.notna(row["end_precision"]) else None
    when = describe_span(row["start"], str(row["precision"]), row["end"], end_precision, clock)
    actors = [names.get(a.strip(), a.strip()) for a in str(row["actors"]).split(";") if a.strip()]
    parts = [f"<b>{html.escape(str(row['title']))}</b>", html.escape(when)]
    if actors:
        parts.append(html.escape(", ".join(actors)))
    if pd.notna(row["category"]) and str(row["category"]):
        parts.append(f"<i>{html.escape(str(row['category']))}</i>")
    return "<br>".join(parts)
