"""Years in Thailand's Buddhist era written in numbers (``2562-01-05``, ``05/01/2562``): 543 years ahead.

Thai dates written in Thai (``5 มกราคม 2562``) say their era and are read as Gregorian ones
(:mod:`viewer.model.dates.forms`). Thai open data also writes the Buddhist era in numbers alone, which read as
valid dates five centuries ahead: a table of 2019's events shown in 2562, said nowhere. A date column whose every
year lies in :data:`FIRST`–:data:`LAST` is such a column when the table is written in Thai (a Thai letter in its
titles, descriptions or actors): its years are made Gregorian before the dates are read (the 29th of February of
2563 is 2020's, which 2563 has not), and it is said. Without Thai text such years may be a future's (a
projection, a story), and are read as written, with a note that says what they may be.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from viewer.io.table_mapping import Mapping
from viewer.model.dates import columns as date_columns
from viewer.model.problems import Problem

FIRST, LAST = 2400, 2700  # Buddhist-era years 2400-2700 are 1857-2157
OFFSET = 543
_GUESSED = "day/month order is ambiguous"  # (what the parser says when it assumed an order)
SAMPLE_ROWS = 2000  # text cells looked at for Thai letters
_YEAR = re.compile(r"(?<!\d)(2[4-6]\d\d|2700)(?!\d)")
_THAI = r"[\x{0E01}-\x{0E4F}]"


def all_in_era(column: date_columns.DateColumn) -> tuple[int, int] | None:
    """The first and last year of a parsed column whose every date lies in the years FIRST-LAST, or None."""
    first, last = column.instants.min(), column.instants.max()  # (no copy without the missing ones: 1M rows)
    if pd.isna(first) or not (first.year >= FIRST and last.year <= LAST):
        return None
    return int(first.year), int(last.year)


def written_in_thai(frame: pd.DataFrame, names: list[str | None]) -> bool:
    """Whether the named text columns hold a Thai letter in their first :data:`SAMPLE_ROWS` rows."""
    for name in dict.fromkeys(n for n in names if n and n in frame.columns):
        head = frame[name].head(SAMPLE_ROWS)
        values = pa.array(head.astype("string").fillna(""), type=pa.string(), from_pandas=True)
        if pc.any(pc.match_substring_regex(values, _THAI)).as_py():
            return True
    return False


def gregorian(values: pd.Series) -> pd.Series:
    """The cells with each year FIRST-LAST written in them made Gregorian (``05/01/2562`` → ``05/01/2019``); each
    distinct text rewritten once."""
    codes, uniques = pd.factorize(values.astype("string"))
    rewritten = np.array([*(_YEAR.sub(lambda m: str(int(m.group(1)) - OFFSET), str(text)) for text in uniques), None],
                         dtype=object)  # (the last for a missing cell, code -1)
    return pd.Series(rewritten[codes], index=values.index, dtype="object")


def era_note(years: tuple[int, int], converted: bool, label: str, name: str) -> Problem:
    """What is said of a column of Buddhist-era years: read as Gregorian ones (``converted``), or maybe such."""
    first, last = years
    shown = f"{first}" if first == last else f"{first}–{last}"
    if converted:
        return Problem(label, f"the years of '{name}' ({shown}) read as Thailand's Buddhist era, the table being in "
                       f"Thai: {first} is {first - OFFSET}", None, name, "info")
    return Problem(label, f"every date in '{name}' lies in {shown}: if these are Buddhist-era years (Thailand's "
                   f"calendar), they are {OFFSET} years ahead of the Gregorian ({first} is {first - OFFSET}); read as "
                   "written", None, name, "warning")


def in_gregorian(frame: pd.DataFrame, mapping: Mapping, start: date_columns.DateColumn,
                 parse: Callable[..., date_columns.DateColumn], order: str | None, label: str,
                 problems: list[Problem]) -> tuple[pd.DataFrame, date_columns.DateColumn]:
    """The table and its parsed start column, with the years of its start and end columns made Gregorian when
    every start lies in the Buddhist era's FIRST-LAST and the table is written in Thai; said either way. Days and
    months that no value tells apart are read day-first there, as Thai dates are written, unless ``order`` (the
    caller's) says otherwise."""
    assert mapping.start is not None
    years = all_in_era(start)
    if years is None:  # (Thai dates written in Thai were read from their era already: none lies there)
        return frame, start
    thai = written_in_thai(frame, [mapping.title, mapping.description, *mapping.actors, mapping.category])
    if not thai:
        problems.append(era_note(years, False, label, mapping.start))
        return frame, start
    made = {name: gregorian(frame[name]) for name in dict.fromkeys((mapping.start, mapping.end)) if name}
    frame = frame.assign(**made)
    start = parse(frame[mapping.start])
    if order is None and start.order == "mdy" and any(_GUESSED in message for _level, message in start.notes):
        start = parse(frame[mapping.start], "dmy")
        start.notes = [note for note in start.notes if _GUESSED not in note[1]]
        problems.append(Problem(label, "day/month order is ambiguous (no value above 12); read day-first, as Thai "
                                "dates are written — pass date_order to change it", None, mapping.start, "warning"))
    read = start.instants.dropna()  # (the 29th of February of 2563 read only now)
    problems.append(era_note((int(read.min().year) + OFFSET, int(read.max().year) + OFFSET) if len(read) else years,
                             True, label, mapping.start))
    return frame, start
