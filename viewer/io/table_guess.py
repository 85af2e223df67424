"""The mapping a table is read with: the columns' names guessed (:mod:`viewer.io.table_mapping`), the caller's
options over them, the guess checked against the values, and the times of day and the title completed."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np
import pandas as pd

from viewer.io import table_by_values
from viewer.io.table_mapping import Mapping, guess_mapping
from viewer.io.table_times import with_times_of_day
from viewer.io.table_title import with_title
from viewer.model.dates import columns as date_columns
from viewer.model.dates import ranges, screen
from viewer.model.problems import LoadError


def mapping_of(frame: pd.DataFrame, options: dict[str, Any], label: str) -> Mapping:
    """Which column feeds which event field: guessed from the names, as the caller's options say, then checked
    against the values (:mod:`viewer.io.table_by_values`); a start found by its values when no name says it."""
    mapping = guess_mapping([str(c) for c in frame.columns])
    # a role given as "" has no column (the mapping dialog's "(none)"): a column named for it is not guessed
    roles = ("start", "end", "title", "category", "description", "url", "id", "time", "timezone", "tags", "end_time",
             "all_day", "duration")
    given: dict[str, Any] = {k: options[k] or None for k in roles if options.get(k) is not None}
    if options.get("actors") is not None:
        actors = options["actors"]
        given["actors"] = (actors,) if isinstance(actors, str) and actors else () if not actors else tuple(actors)
    if given:
        mapping = replace(mapping, **given)
    if mapping.start is None:
        start = _start_by_values(frame.head(200))  # (a column named as actors may hold the dates: "from,to")
        mapping = replace(mapping, start=start, actors=tuple(a for a in mapping.actors if a != start), certain=False)
    mapping, said = table_by_values.checked(mapping, frame, set(given), label)
    mapping = replace(mapping, said=tuple(said))
    mapping = mapping if {"start", "time", "end", "end_time"} & set(given) else with_times_of_day(mapping, frame)
    mapping = mapping if "title" in given else with_title(mapping, frame)
    missing = [c for c in (mapping.start, mapping.end, mapping.title, mapping.category, mapping.tags,
                           mapping.description, mapping.url, mapping.id, mapping.time, mapping.timezone,
                           mapping.end_time, mapping.all_day, mapping.duration, *mapping.actors)
               if c is not None and c not in frame.columns]
    if missing:
        raise LoadError(f"{label}: no column named {', '.join(map(repr, missing))}; the columns are "
                        f"{', '.join(map(str, frame.columns))}")
    return mapping


def _start_by_values(sample: pd.DataFrame) -> str | None:
    """The first column of dates by its values: of dates written out, else of YYYYMMDD numbers, else of years, else
    of spans ("Q1 2019", "1914–1918"); only the columns that could hold a date are asked
    (:mod:`viewer.model.dates.screen`)."""
    columns = [sample.iloc[:, at] for at in np.flatnonzero(screen.could_hold_dates(sample))]
    numbers: dict[int, str | None] = {}  # (asked once a column, and only when no column of dates written out)

    def number_dates(at: int) -> str | None:
        if at not in numbers:
            numbers[at] = date_columns.number_dates(columns[at])
        return numbers[at]

    for found in ((c for c in columns if date_columns.looks_like_dates(c)),
                  (c for at, c in enumerate(columns) if number_dates(at) == "yyyymmdd"),
                  (c for at, c in enumerate(columns) if number_dates(at) == "year"),
                  (c for c in columns if ranges.looks_like_spans(c))):
        first = next(found, None)
        if first is not None:
            return str(first.name)
    return None
