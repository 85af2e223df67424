"""A schedule's columns: a date column beside start and end columns that hold only times of day ("Date, Start,
End" with 09:00 and 10:30; "day, start_time, end_time"; Outlook-like "Date, From, To" with 9:00 AM). Named as
a start, an end or an actor, such a column held no date: every row was skipped, each end was "expected a date",
or the times were taken for parties. Here the date column is the start, and the times are its time of day and
the end's, on the same day (an end before its start, past midnight, on the next: see table_ends)."""

from __future__ import annotations

import re
from dataclasses import replace

import numpy as np
import pandas as pd
import pyarrow.compute as pc

from viewer.io.table_mapping import Mapping, column_key
from viewer.model.columns import arrow_text
from viewer.model.dates import columns as date_columns

SAMPLE_ROWS = 200
# 09:00, 9:00:00, 9.30, 9h30, 9:00 AM, 9 am, 21:15:30.5 (no date, no zone)
CLOCK = r"^\d{1,2}(?:[:.h]\d{2}(?::\d{2}(?:[.,]\d+)?)?)?\s*(?:[AaPp]\.?[Mm]\.?)?$"
# a column of times named as the start's or the end's ("Start", "start_time", "From", "Von", "Début", "Bis", "Fin")
_TIME = r"(time|zeit|heure|hora|ora)?$"
_STARTS = r"^(start|from|begin|time|timefrom|von|beginn|début|debut|desde|inicio|inizio|da|de)" + _TIME
_ENDS = r"^(end|to|until|finish|stop|timeto|bis|ende|fin|hasta|fine|a)" + _TIME


def clock_only(values: pd.Series) -> bool:
    """Whether the (sample's) written cells are all times of day with no date: 09:00, 9:30 PM."""
    text = date_columns.clean_text(values.head(SAMPLE_ROWS)).dropna()
    if not len(text):
        return False
    written = arrow_text(text)
    found = pc.match_substring_regex(written, CLOCK).fill_null(False)
    # a bare hour ("9") is a clock only beside a written one ("9:30"); a column of small numbers is no clock
    separated = pc.match_substring_regex(written, r"[:.hHaApP]").fill_null(False)
    return bool(np.all(np.asarray(found.to_numpy(zero_copy_only=False)))) and bool(pc.any(separated).as_py())


def with_times_of_day(mapping: Mapping, frame: pd.DataFrame) -> Mapping:
    """The mapping with a schedule's columns of times read as its start's and end's times of day (see the module);
    as it is when the start column holds dates, no column holds only times, or no column of dates is there."""
    columns = [str(c) for c in frame.columns if frame.columns.is_unique]  # (a repeated header: left as it is)
    looked = {c: clock_only(frame[c]) for c in (mapping.start, mapping.end, *mapping.actors) if c in columns}
    if not any(looked.values()):  # (most tables: two or three columns looked at, no more)
        return mapping
    clocks = [c for c in columns if (looked[c] if c in looked else clock_only(frame[c]))]
    start, time, end, end_time = mapping.start, mapping.time, mapping.end, mapping.end_time
    if start in clocks:
        day = _dates(frame, [c for c in columns if c not in clocks])
        if day is None:
            return mapping
        start, time = day, time or mapping.start
    if start is None or start in clocks:
        return mapping
    if end in clocks:
        end, end_time = None, end_time or end
    used = {start, time, end, end_time}
    time = time or _named(clocks, _STARTS, used)
    end_time = end_time or (_named(clocks, _ENDS, used | {time}) if end is None else None)
    taken = {time, end_time}
    return replace(mapping, start=start, time=time, end=end, end_time=end_time,
                   actors=tuple(a for a in mapping.actors if a not in taken and a != start))


def _dates(frame: pd.DataFrame, columns: list[str]) -> str | None:
    """The first column named as a day ("Date", "day", "Datum") or, failing that, of dates by its values."""
    named = [c for c in columns if column_key(c) in ("date", "day", "datum", "fecha", "data", "dia", "jour", "tag",
                                                     "дата")]
    return next(iter(named), None) or next((c for c in columns if date_columns.looks_like_dates(
        frame[c].head(SAMPLE_ROWS))), None)


def _named(clocks: list[str], pattern: str, used: set[str | None]) -> str | None:
    return next((c for c in clocks if c not in used and re.search(pattern, column_key(c))), None)
