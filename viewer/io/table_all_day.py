"""All-day events in a calendar's table (Outlook's "All day event", Google Calendar's "All Day Event").

Outlook writes an all-day event as midnight to midnight: a holiday on 24 December is ``12/24/2018 12:00:00 AM`` to
``12/25/2018 12:00:00 AM``. Read as written it was a two-day range of times; read as the calendar meant it, it is
the day itself. So for each row flagged all-day the start is its day (day precision), and an end written as a time
at midnight is the day before it (the event's last whole day). An end written as a date alone (Google Calendar's
import format, whose end date is the last day) is kept as it is.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd

from viewer.model.dates import PRECISION_DTYPE, PRECISIONS, precision_series, to_micros
from viewer.model.dates import columns as date_columns
from viewer.model.problems import Problem
from viewer.model.wording import counted

# "true" as calendars and spreadsheets in several languages write it (German Outlook's all-day flag: Ein or Aus)
YES = frozenset({"true", "yes", "y", "1", "1.0", "x", "✓", "✔", "wahr", "vrai", "ja", "oui", "si", "sí", "sim",
                 "on", "ein", "verdadero", "vero", "waar", "prawda", "истина", "да"})
_DAY = np.int64(86_400_000_000)  # microseconds
_DAY_CODE, _TIME_CODE = PRECISIONS.index("day"), PRECISIONS.index("time")


def flags(values: pd.Series) -> np.ndarray:
    """Which rows say all-day (``True``, ``yes``, ``1``, a tick …); blanks and anything else do not."""
    if pd.api.types.is_bool_dtype(values.dtype):
        return values.fillna(False).to_numpy(dtype=bool)
    text = date_columns.clean_text(values)
    return text.str.casefold().isin(YES).fillna(False).to_numpy(dtype=bool)


def whole_days(column: date_columns.DateColumn, rows: np.ndarray, starts: pd.Series | None = None
               ) -> tuple[date_columns.DateColumn, int]:
    """The dates of ``rows`` as whole days: a time is its day. Given the ``starts`` (the column is of ends), a time
    at midnight is the day before it, unless that day is before the start's. The column and how many ends were
    moved back a day."""
    micros = to_micros(column.instants)
    codes = np.array(pd.Categorical(column.precisions, dtype=PRECISION_DTYPE).codes, dtype=np.int8)
    timed = rows & (codes == _TIME_CODE) & column.instants.notna().to_numpy()
    if not timed.any():
        return column, 0
    days = np.where(timed, micros, 0) // _DAY * _DAY  # (NaT, the least integer, would wrap around)
    back = np.zeros(len(micros), dtype=bool)
    if starts is not None:
        known = starts.notna().to_numpy()
        first = np.where(known, np.where(known, to_micros(starts), 0) // _DAY * _DAY, np.iinfo(np.int64).min)
        back = timed & (micros == days) & (days - _DAY >= first)
    micros = np.where(timed, days - np.where(back, _DAY, 0), micros)
    codes[timed] = _DAY_CODE
    index = column.instants.index
    instants = pd.Series(micros.view("datetime64[us]"), index=index).dt.tz_localize("UTC")
    instants = instants.where(column.instants.notna())
    return replace(column, instants=instants, precisions=precision_series(codes, index)), int(back.sum())


def ends(column: date_columns.DateColumn, rows: np.ndarray, starts: pd.Series, label: str, name: str | None,
         problems: list[Problem]) -> date_columns.DateColumn:
    """The ends of ``rows`` as whole days (:func:`whole_days` given the starts), saying how many moved back."""
    column, back = whole_days(column, rows, starts)
    if back:
        problems.append(Problem(label, f"{counted(back, 'all-day event')} ({name!r}) written to end at the midnight "
                                "after its last day: read as ending on that last day", None, name, "info"))
    return column

