"""How a table's start column is settled beyond its own values: the day/month order its end column shows when
its own dates cannot (every day ≤ 12: "08/01/24" to "16/02/24"), the rows that write only an end (a task's due
date) placed at it, and the Unix epoch written for no date (Uber's cancelled trips begin on "1970-01-01 00:00:00
+0000 UTC": the timeline ran from 1970) read as none."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pandas as pd

from viewer.io.table_mapping import Mapping
from viewer.model import text_arrow
from viewer.model.dates import columns as date_columns
from viewer.model.problems import Problem


def at_their_end(frame: pd.DataFrame, mapping: Mapping, start: date_columns.DateColumn,
                  parse: Callable[[pd.Series], date_columns.DateColumn], label: str,
                  problems: list[Problem]) -> date_columns.DateColumn:
    """The start column with the rows that leave it blank and write an end (a task with only a due date, as Asana,
    Wrike and ClickUp export them) placed at that end; they were skipped."""
    blank = start.instants.isna().to_numpy() & ~start.invalid.to_numpy(dtype=bool)
    if not mapping.end or mapping.end == mapping.start or not blank.any():
        return start
    ends = date_columns.clean_text(frame[mapping.end][blank]).dropna()
    if ends.empty:
        return start
    written = frame[mapping.start].astype(object).copy()
    written[ends.index] = ends.to_numpy()
    problems.append(Problem(label, f"{len(ends):,} row{'s' if len(ends) > 1 else ''} with no {mapping.start} but "
                            f"{'an' if mapping.end[:1].lower() in 'aeiou' else 'a'} {mapping.end}: placed at "
                            f"{'their' if len(ends) > 1 else 'its'} {mapping.end}", None, mapping.start, "info"))
    return parse(written)


def order_from_end(frame: pd.DataFrame, mapping: Mapping, start: date_columns.DateColumn, options: dict[str, Any],
                    excel: bool, label: str, problems: list[Problem]) -> str | None:
    """The day/month order an end column settles when the start column's dates cannot (every day ≤ 12), else None."""
    if options.get("date_order") or not mapping.end or mapping.end == mapping.start or not any(
            "ambiguous" in message for _, message in start.notes):
        return None
    end = date_columns.parse_column(frame[mapping.end], excel=excel)
    if end.order not in ("dmy", "mdy") or any("ambiguous" in m or "mixed" in m for _, m in end.notes):
        return None
    problems.append(Problem(label, f"read {'day' if end.order == 'dmy' else 'month'}-first, as the column "
                            f"{mapping.end!r} shows (its values above 12)", None, mapping.start, "info"))
    return end.order


EPOCH = pd.Timestamp(0, unit="s", tz="UTC")
LATER = pd.Timedelta(days=20 * 365)  # the column's other dates at least this long after the epoch


def without_epoch(column: date_columns.DateColumn, name: str, label: str,
                  problems: list[Problem]) -> date_columns.DateColumn:
    """The column with its instants written at the Unix epoch to the second (1970-01-01 00:00:00 UTC) read as none,
    when its other dates lie decades later: what a system writes for a date it does not have, not a day in 1970."""
    at = ((column.instants == EPOCH) & (column.precisions == "time")).to_numpy(dtype=bool)  # (written to the second)
    if not at.any():
        return column
    others = column.instants[~at].dropna()
    if others.empty or others.min() < EPOCH + LATER:
        return column
    count = int(at.sum())
    problems.append(Problem(label, f"{count:,} {'rows write' if count > 1 else 'row writes'} the Unix epoch "
                            "(1970-01-01 00:00 UTC), as systems write a date they do not have: read as none", None,
                            name, "info"))
    return replace(column, instants=column.instants.mask(at), precisions=column.precisions.mask(at))


def numbers_as_text(frame: pd.DataFrame, names: tuple[str | None, ...]) -> pd.DataFrame:
    """The frame with each named column of numbers (a Parquet file's Unix times or decimal years, a database's
    integer days) as the text a CSV of them holds, written once (:func:`~viewer.model.text_arrow.number_text`):
    the date readers then take it as they take a CSV's, each step on text, where each wrote the million numbers
    out again (decimal years: 10 s to open, 1.4 of them in one step)."""
    texts = {}
    for name in dict.fromkeys(n for n in names if n is not None and n in frame.columns):
        values = frame[name]
        if isinstance(values, pd.Series) and (text := text_arrow.number_text(values)) is not None:
            texts[name] = text
    return frame.assign(**texts) if texts else frame
