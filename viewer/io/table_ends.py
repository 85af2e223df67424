"""A table's ends: which written ends are kept (:func:`usable`), and ends made from its duration column where no end
is written (:func:`from_durations`): a call log's seconds, a time tracker's ``1:30:00``, schema.org's ``PT2H`` (see
:mod:`viewer.model.durations`). A start with a time of day ends that long after it; a day's (or month's) start
lasting whole days ends on the last day it covers ("3 days" from 4 March ends on 6 March); a day lasting less than
a day stays a day."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TypeVar

import numpy as np
import pandas as pd
import pyarrow.compute as pc

from viewer.io import table_fast
from viewer.io.table_mapping import Mapping
from viewer.model import durations, elapsed
from viewer.model.columns import arrow_text
from viewer.model.dates import ParsedDates, periods
from viewer.model.dates import columns as date_columns
from viewer.model.dates import iso as date_iso
from viewer.model.missing_marks import missing as marked_missing
from viewer.model.problems import Problem
from viewer.model.reporting import Reporter

DAY_S = 86400.0
DatedT = TypeVar("DatedT", date_columns.DateColumn, ParsedDates)  # a parsed column: instants and the rest
EXPECTED = "expected a duration (PT1H30M, 1:30:00, 90 min, 3 days); no end"


FLAGS = frozenset(("true", "false", "yes", "no"))


def _flags(values: pd.Series) -> bool:
    """The column holds only true/false (or yes/no) words: a flag, whatever its name says."""
    written = date_columns.clean_text(values).dropna()
    return bool(len(written)) and set(written.str.lower().unique()) <= FLAGS


def from_durations(ends: pd.Series | None, frame: pd.DataFrame, mapping: Mapping, start: date_columns.DateColumn,
                   keep: np.ndarray, label: str, problems: list[Problem], lines_of: np.ndarray) -> pd.Series | None:
    """The end cells (None: no end column) with the ends the duration column makes written where they are empty
    (an end written wins), as ISO 8601 text at their precision; ``ends`` as they are without a duration column."""
    if mapping.duration is None:
        return ends
    column = mapping.duration
    lasted = durations.parse(frame[column], column)
    written = int((lasted.read | lasted.unread).sum())
    if written and lasted.unread.sum() > written / 2 and _flags(frame[column]):  # SIMILE's durationEvent, isDuration
        return ends  # (true or false: whether the event lasts, no duration to speak of; kept as an attribute)
    if written and lasted.unread.sum() > written / 2:  # a column named so that holds something else ("short")
        example = frame[column][lasted.unread].iloc[0]
        problems.append(Problem(label, f"the column holds no durations (e.g. {example!r}); no ends made from it",
                                None, column, "info"))
        return ends
    problems += [Problem(label, message, None, column, level) for level, message in lasted.notes]
    report = Reporter(problems, lines_of)
    empty = np.ones(len(frame), dtype=bool) if ends is None else date_columns.clean_text(ends).isna().to_numpy()
    asked = keep & empty  # rows whose end the duration would make
    report.rows(label, np.flatnonzero(lasted.unread & asked), column, EXPECTED, frame[column], "warning")
    negative = lasted.read & ((lasted.seconds < 0) | (lasted.months < 0))
    report.rows(label, np.flatnonzero(negative & asked), column, "a negative duration; no end", frame[column],
                "warning")
    timed = (start.precisions == "time").to_numpy()
    days = (lasted.months > 0) | (lasted.seconds >= DAY_S)  # a date's duration in hours says nothing of its end
    use = asked & lasted.read & ~negative & (timed | days) & ((lasted.seconds > 0) | (lasted.months > 0))
    if not use.any():
        return ends
    made = durations.added(start.instants, lasted)
    made = made.where(timed, made - pd.Timedelta(days=1))  # three days from 4 March: 4, 5 and 6 March
    use &= (made > start.instants).fillna(False).to_numpy()  # one day from a day is that day: no end
    text = date_iso.to_iso(made.where(use), pd.Series(np.where(timed, "time", "day"), index=made.index))
    text = text.where(use, pd.NA).astype(table_fast.TEXT)
    if ends is None:
        return text
    return ends.astype(table_fast.TEXT).mask(empty, text)


def usable(problems: list[Problem], label: str, values: pd.Series, starts: pd.Series,
           end: ParsedDates | date_columns.DateColumn, keep: np.ndarray, lines_of: np.ndarray,
           column: str) -> pd.Series:
    """Which ends are kept: read, and not before their start. The others are said (a warning each, for rows
    that have a start: the event stays, without its end)."""
    backwards = (end.instants < starts).fillna(False)
    report = Reporter(problems, lines_of)
    invalid = end.invalid.to_numpy(dtype=bool) & keep
    still = open_words(values, invalid)  # "present", "ongoing": no date, and no mistake either
    if still.any():
        problems.append(Problem(label, f"{int(still.sum()):,} ends written as open ('present', 'ongoing'): those "
                                "events have no end", None, column, "info"))
    unset = missing_marks(values, invalid & ~still)  # "NULL", "N/A": an end not there, as a SQL export writes it
    if unset.any():
        problems.append(Problem(label, f"{int(unset.sum()):,} ends written as a missing value ('NULL', 'N/A' …): "
                                "those events have no end", None, column, "info"))
    report.rows(label, np.flatnonzero(invalid & ~still & ~unset), column, "expected a date (end ignored)", values,
                "warning")
    report.rows(label, np.flatnonzero(backwards.to_numpy(dtype=bool) & keep), column,
                "end is before start; end ignored", values, "warning")
    return end.instants.notna() & ~backwards


def missing_marks(values: pd.Series, rows: np.ndarray) -> np.ndarray:
    """Which of these rows write a mark of a missing value (``NULL``, ``N/A``, ``NaT``:
    :data:`viewer.model.missing_marks.MISSING`)."""
    return _among(values, rows, lambda text: marked_missing(arrow_text(text)))


def open_words(values: pd.Series, rows: np.ndarray) -> np.ndarray:
    """Which of these rows write an end that is still open ("present", "now", "ongoing", "..")."""
    return _among(values, rows, lambda text: text.str.fullmatch(periods.OPEN_WORDS).fillna(False).astype(bool)
                  .to_numpy())


def _among(values: pd.Series, rows: np.ndarray, test: Callable[[pd.Series], np.ndarray]) -> np.ndarray:
    """Which of these rows' cells (cleaned: only theirs, not the column's) pass ``test``."""
    found = np.zeros(len(values), dtype=bool)
    at = np.flatnonzero(rows)
    if len(at):
        found[at] = test(date_columns.clean_text(values.iloc[at]))
    return found


def on_the_start_day(ends: pd.Series | None, frame: pd.DataFrame, mapping: Mapping,
                     end_times: pd.Series | None) -> pd.Series | None:
    """With end times of day and no end column (a schedule's "Date, Start, End" of times, or a time column of spans,
    "09:00–10:30"): the start's date cells where an end time is written, to be read with it; ``ends`` as they are
    otherwise."""
    if ends is not None or mapping.end is not None or end_times is None or mapping.start is None:
        return ends
    written = date_columns.clean_text(end_times).notna().to_numpy()
    return frame[mapping.start].astype(table_fast.TEXT).where(written)


_CLOCK = r"\d{1,2}(?:[:.h]\d{2}){1,2}\s*(?:[AaPp]\.?[Mm]\.?)?"
CLOCK_SPAN = rf"^\s*(?P<first>{_CLOCK})\s*(?:-|\x{{2013}}|\x{{2014}}|to|bis|à)\s*(?P<last>{_CLOCK})\s*$"


def times_of_day(frame: pd.DataFrame, mapping: Mapping) -> tuple[pd.Series | None, pd.Series | None]:
    """The time column's and the end time column's cells; a time column writing spans ("09:00–10:30", "9:00 AM to
    10:30 AM", as programmes and timetables write a session) gives both, its cells cut in two."""
    times = frame[mapping.time] if mapping.time else None
    end_times = frame[mapping.end_time] if mapping.end_time else None
    if times is None or end_times is not None:
        return times, end_times
    found = pc.extract_regex(arrow_text(date_columns.clean_text(times)), CLOCK_SPAN)
    spans = np.asarray(pc.is_valid(found).to_numpy(zero_copy_only=False), dtype=bool)
    if not spans.any():
        return times, None
    first = pd.Series(found.field("first").to_pandas(), index=times.index, dtype=table_fast.TEXT)
    last = pd.Series(found.field("last").to_pandas(), index=times.index, dtype=table_fast.TEXT)
    return times.astype(table_fast.TEXT).where(~spans, first), last.where(spans)


def log_past_midnight(start: ParsedDates, label: str, column: str, problems: list[Problem]) -> ParsedDates:
    """A day's log of times (the elapsed clock) in time order past midnight: the times after it on the next day
    (:func:`viewer.model.elapsed.past_midnight`), and said."""
    stamps = start.instants.to_numpy(dtype="datetime64[us]")
    seconds = np.where(np.isnat(stamps), np.nan, stamps.view(np.int64) / 1e6)
    moved, wraps = elapsed.past_midnight(seconds)
    if not wraps:
        return start
    problems.append(Problem(label, f"the times run past midnight {wraps:,} time{'s' * (wraps != 1)} in the file's "
                            "order: each time after read as the next day's", None, column, "info"))
    later = pd.to_timedelta(np.nan_to_num(moved - seconds), unit="s")
    return replace(start, instants=start.instants + later.to_numpy())


def past_midnight(end: DatedT, starts: pd.Series, label: str, column: str, problems: list[Problem]) -> DatedT:
    """Ends made on their start's day that come before the start (a night shift, 23:00 to 01:15) on the next day,
    and said."""
    early = (end.instants < starts).fillna(False).to_numpy()
    if not early.any():
        return end
    problems.append(Problem(label, f"{int(early.sum()):,} end time{'s' * (int(early.sum()) != 1)} before the "
                            "start's read as the next day (past midnight)", None, column, "info"))
    return replace(end, instants=end.instants.where(~early, end.instants + pd.Timedelta(days=1)))
