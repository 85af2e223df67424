"""Whether an event table's times are dates, plain numbers (simulation ticks, steps) or hours, minutes and
seconds with no date (a day's log, a transcript: the elapsed clock): the table's clock.

A table is on the numeric clock (:mod:`viewer.model.clock`) when the reader is told so (``clock="number"``,
or ``"read": {"clock": "number"}`` in an import spec), when its start column is named like a tick
(``tick``, ``step``, ``t``, ``time`` …) and holds only numbers, or when it holds only numbers, is not
named like a date (``year``, ``date`` …) and at least :data:`FAILED_SHARE` of them cannot be dates, or one
that cannot is a fraction (``0.5`` is no year). Those rows would otherwise be dropped. Numbers that
read as dates (years, ``YYYYMMDD``, Unix seconds) stay dates, and a few bad ones among them stay errors.
A start column of times alone (``09:15``, ``00:01:23,5``, ``9 PM``: :mod:`viewer.model.elapsed`) is on the
elapsed clock: a date column beside it would have been the start (:mod:`viewer.io.table_times`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

import numpy as np
import pandas as pd

from viewer.io.table_mapping import Mapping, column_key
from viewer.model import clock, elapsed, years
from viewer.model.dates import columns as date_columns
from viewer.model.dates.numbers import YEARS as BARE_YEARS
from viewer.model.problems import LoadError, Problem

TICK_NAMES = ("tick", "ticks", "step", "steps", "timestep", "iteration", "iter", "generation", "round",
              "frame", "t", "time", "simtime", "simulationtime")
FAILED_SHARE = 0.5  # a date column with some typos stays dates; from half unreadable the numbers are not dates
SAMPLE = 2000
UNIX_2100 = 4_102_444_800  # seconds


def given_clock(values: pd.Series, name: str, options: dict[str, Any], label: str,
                problems: list[Problem]) -> str | None:
    """The clock the options or the column's name and numbers decide; None when the dates must tell."""
    given = options.get("clock")
    if given:
        if given not in clock.CLOCKS:
            raise LoadError(f"{label}: clock {given!r}; expected one of {', '.join(clock.CLOCKS)}")
        return str(given)
    if pd.api.types.is_datetime64_any_dtype(values.dtype):  # typed dates (Parquet, a database): the calendar's
        return None
    if (column_key(name) in TICK_NAMES and clock.looks_numeric(values.head(SAMPLE))
            and not _unix_times(values.head(SAMPLE))):
        problems.append(Problem(label, f"column '{name}' holds plain numbers: read as numbers on a numeric "
                                "axis, not dates (pass clock='calendar' to read them as dates)", None, name, "info"))
        return clock.NUMBER
    if elapsed.looks_elapsed(values.head(SAMPLE)):  # 09:15, 0:01:23.5 with no date beside them (table_times looked)
        first = values.dropna().iloc[0]
        shown = first if isinstance(first, str) else elapsed.format_elapsed(float(elapsed.parse_column(
            values.dropna().head(1))[0][0]))  # (a time of day or a duration, as the clock writes it)
        problems.append(Problem(label, f"column '{name}' holds times with no date ({shown!r} …): "
                                "read as hours, minutes and seconds on a clock axis", None, name, "info"))
        return clock.ELAPSED
    return None


def segments(frame: pd.DataFrame, mapping: Mapping, delimiter: str | None, options: dict[str, Any], label: str,
             problems: list[Problem]) -> tuple[pd.DataFrame, dict[str, Any], Mapping]:
    """A transcript's segments as speech-to-text tools write them, on the elapsed clock: ``start``, ``end`` and
    ``text`` of plain numbers from the recording's start (OpenAI's Whisper: seconds in its JSON, whole
    milliseconds in its TSV), or ``start``, ``duration`` and ``text`` in seconds (YouTube's transcripts as
    ``youtube-transcript-api`` saves them; the end made from the duration). Before, the TSV's milliseconds were
    read as years (5900 as the year 5900) and the others as plain numbers. Any other table (or one whose clock
    is given) is returned as it is."""
    keys = {column_key(c) for c in frame.columns}
    lasting = mapping.end is None and mapping.duration is not None and column_key(mapping.duration) == "duration"
    other = mapping.duration if lasting else mapping.end
    if (options.get("clock") or mapping.start is None or other is None or column_key(mapping.start) != "start"
            or (column_key(other) != "end" and not lasting) or "text" not in keys):
        return frame, options, mapping
    if pd.to_numeric(date_columns.clean_text(frame[mapping.start].head(SAMPLE)), errors="coerce").isna().any():
        return frame, options, mapping  # (a sample first: a million dated rows are not all parsed as numbers)
    times = frame[[mapping.start, other]].apply(pd.to_numeric, errors="coerce")
    written = frame[[mapping.start, other]].notna() & (frame[[mapping.start, other]] != "")
    if not len(frame) or (times.isna() & written).any().any() or (times < 0).any().any():
        return frame, options, mapping
    milliseconds = delimiter == "\t" and not lasting and bool((times.fillna(0) % 1 == 0).all().all())
    problems.append(Problem(label, f"read as a transcript's segments (start, {'duration' if lasting else 'end'} and "
                            "text, as speech-to-text tools write them): times in "
                            f"{'milliseconds' if milliseconds else 'seconds'} from the recording's start", None,
                            mapping.start, "info"))
    seconds = times / (1000.0 if milliseconds else 1.0)
    options = {**options, "clock": clock.ELAPSED}
    if not lasting:
        return frame.assign(**{column: seconds[column] for column in seconds}), options, mapping
    end = "end" if "end" not in frame.columns else "end (start + duration)"
    return (frame.assign(**{mapping.start: seconds[mapping.start], end: seconds[mapping.start] + seconds[other]}),
            options, replace(mapping, end=end, duration=None))  # (the duration stays, as an attribute)


def _unix_times(values: pd.Series) -> bool:
    """Numbers that are all Unix times of 2001–2099, in seconds or milliseconds (USGS's feeds call them ``time``):
    dates, not ticks of a simulation. Fractions of a second count too (``time.time()`` in a log's ``time``
    column, or pandas writing ``1600000000.0`` beside a blank): no simulation's ticks all lie in those ranges."""
    numbers = pd.to_numeric(values, errors="coerce").dropna()
    if numbers.empty:
        return False
    return bool(numbers.between(1e9, UNIX_2100).all() or numbers.between(1e12, UNIX_2100 * 1000).all())


def _epochs(numbers: np.ndarray) -> bool:
    """Whether numbers are all Unix times of 1970–2099 in seconds, milli-, micro- or nanoseconds (a column mixing
    them switched to the years clock: 2020-01-01 became the year 2020, 1577923200 "year 1.58 billion").

    >>> _epochs(np.array([1577923200, 1577923200000])), _epochs(np.array([-13.8e9, 1969]))
    (True, False)
    """
    if not len(numbers):
        return False
    within = [(numbers >= 1e9 * 1000 ** unit) & (numbers <= UNIX_2100 * 1000 ** unit) for unit in range(4)]
    return bool(np.any(within, axis=0).all())


def deep_years(values: pd.Series, invalid: pd.Series, name: str, label: str, problems: list[Problem]) -> bool:
    """True when cells the calendar could not read are years (``-13800000000``, ``473 BC``, ``66 Ma``).

    The table is then read on the years clock (:mod:`viewer.model.years`), dates and all; a notice names the
    first such year, so that a single mistyped year (``12345`` among years) is seen for what switched the clock.
    Among cells written as dates (``2019-03-04``), a number the calendar could hold (``20190``, an Excel serial
    ``43845``) is a bad date, said and skipped with its row, not a year that moves every date onto the years clock;
    only a year beyond the calendar (the Big Bang beside the Moon landing) switches it.
    """
    if not invalid.any():
        return False
    bad = invalid.to_numpy(dtype=bool)
    cells = values[bad]
    written = years.written_as_years(cells)  # (in Arrow: 20,000 distinct bad texts parsed one by one took minutes)
    if written.mean() < 0.5:
        return False
    found = np.full(len(cells), np.nan)
    found[written] = years.parse_year_column(cells[written])[0]
    # few or none are years: the bad ones are bad dates (a 14-digit number among a column of unread date forms
    # switched every row to years); or Unix times in seconds beside milliseconds, no ages of the universe
    if np.isnan(found).mean() > 0.5 or _epochs(found[~np.isnan(found)]):
        return False
    read = date_columns.clean_text(values[~bad])
    read = read[read != ""]
    if len(read) and read.str.fullmatch(r"\d{6}|\d{8}").mean() >= 0.5:
        return False  # YYYYMMDD / YYYYMM integers: an unread 20201399 is a bad day, not the year 20 million
    if len(read) and pd.to_numeric(read, errors="coerce").isna().mean() >= 0.5 and not (
            np.abs(found[~np.isnan(found)]) > years.CALENDAR_YEARS).any():
        return False  # dates written as dates, and numbers the calendar could hold: mistyped dates
    problems.append(Problem(label, f"column '{name}' holds years the calendar cannot place (e.g. "
                            f"{str(cells[~np.isnan(found)].iloc[0])!r}): every time is read as a year, before year 0 "
                            "negative",
                            None, name, "info"))
    return True


def say_bare_years(values: pd.Series, name: str, options: dict[str, Any], label: str,
                   problems: list[Problem]) -> None:
    """Say that a column not named as years, of bare whole numbers some outside 1000–2200 (``0, 30, 60``, ``4200``),
    was read as years: counts, minutes and ticks are written the same, and the calendar reads them silently (not
    where the clock was given)."""
    if (options.get("clock") or pd.api.types.is_datetime64_any_dtype(values.dtype)
            or re.search(r"year|jahr|annee|année|año|anno|jaar|rok|год|年", column_key(name))):
        return
    text = date_columns.clean_text(values.head(SAMPLE)).dropna()
    if not len(text) or not text.str.fullmatch(r"-?\d{1,4}").all():
        return
    numbers = pd.to_numeric(text)
    if numbers.between(*BARE_YEARS).all():
        return
    problems.append(Problem(label, f"column '{name}' holds bare numbers, read as years ({numbers.min()} to "
                            f"{numbers.max()}); if they count something else (minutes, ticks), pass clock='number' "
                            "(read.clock in a mapping)", None, name, "info"))


def dates_fail(values: pd.Series, invalid: pd.Series, name: str, label: str, problems: list[Problem]) -> bool:
    """True when a column of plain numbers mostly cannot be dates: it is then read on the numeric clock."""
    if re.search(r"year|date|day", column_key(name)):  # named as dates: bad ones are bad dates, not ticks
        return False
    failed = int(invalid.sum())
    if not failed or not clock.looks_numeric(values):
        return False
    text = date_columns.clean_text(values)
    present = int(text.notna().sum())
    bad = pd.to_numeric(text[invalid.to_numpy(dtype=bool)], errors="coerce")
    if failed < FAILED_SHARE * present and not (bad % 1 != 0).any():  # a fraction is never a year nor a day
        return False
    problems.append(Problem(label, f"column '{name}' holds plain numbers that are not dates: read as numbers on "
                            "a numeric axis (pass clock='calendar' to read them as dates)", None, name, "info"))
    return True
