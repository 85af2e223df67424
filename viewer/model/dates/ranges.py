"""A span written in one date cell: "1914–1918", "1939 - 1945", "2019-03-04/2019-03-09" (ISO 8601's interval),
"May 2019 to June 2020", a decade ("1850s"). Historians and journalists write spans so where a table has one
date column.

:func:`cut` splits a cell at its separator and keeps the split only where both sides read as dates, so a
cell that merely holds a dash ("2019-03") is never split; it looks only at cells the parser could not read.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from viewer.model.columns import arrow_text
from viewer.model.dates import columns as date_columns

# an en or em dash, a hyphen with spaces around it, "to", or the slash of an ISO interval between two ISO
# dates; a hyphen between two years of three or four digits ("1914-1918")
_ISO = r"-?\d{4}(?:-\d{2}(?:-\d{2}(?:T[^/]*)?)?)?"
SPAN = (r"^\s*(?P<first>.+?)\s*(?:[\x{2013}\x{2014}]|\s-\s|\s+to\s+|\s+until\s+)\s*(?P<last>.+?)\s*$"
        rf"|^\s*(?P<iso_first>{_ISO})/(?P<iso_last>{_ISO})\s*$"
        r"|^\s*(?P<year_first>\d{3,4})-(?P<year_last>\d{3,4})\s*$"
        r"|^\s*(?:[Tt]he\s+)?(?P<decade>\d{2,3})0'?s\s*$")  # a decade: "1850s" is 1850–1859
_TEXT = pd.StringDtype("pyarrow")


def split(values: pd.Series) -> tuple[pd.Series, pd.Series] | None:
    """The first and last date of each cell that writes a span (missing elsewhere), or None when none does."""
    text = arrow_text(values)
    rows = np.flatnonzero(_may_be_span(text))
    if not len(rows):
        return None
    found = pc.extract_regex(text.take(pa.array(rows)), SPAN)
    first = pd.Series(pd.NA, index=values.index, dtype=_TEXT)
    last = first.copy()
    decade = _either(found, "decade")
    first.iloc[rows] = _either(found, "first", "iso_first", "year_first").fillna(decade + "0").to_numpy()
    last.iloc[rows] = _either(found, "last", "iso_last", "year_last").fillna(decade + "9").to_numpy()
    return (first, last) if first.notna().any() else None


def _may_be_span(text: pa.Array) -> np.ndarray:
    """Cells that hold a separator a span needs, found by plain substring search (the span pattern over a
    million cells took 2.4 s; this, a few passes of memchr)."""
    found = pc.match_substring_regex(text, r"^\s*\d{3,4}-\d{3,4}\s*$|0'?s\s*$")
    for separator in ("\u2013", "\u2014", " - ", " to ", " until ", "/"):
        found = pc.or_(found, pc.match_substring(text, separator))
    return np.asarray(found.fill_null(False).to_numpy(zero_copy_only=False), dtype=bool)


def cut(values: pd.Series, unread: pd.Series, order: str | None = None) -> tuple[pd.Series, pd.Series | None]:
    """The column with each span cut to its first date, and the spans' last dates (None when no cell writes
    a span). Only cells ``unread`` as a date are looked at (a date column without spans costs nothing more),
    and a cell is cut only where both of its dates read as dates."""
    found = split(values.where(unread.to_numpy(dtype=bool)))
    if found is None:
        return values, None
    first, last = found
    first = _completed(first, last)
    rows = np.flatnonzero(first.notna().to_numpy())
    both = np.zeros(len(values), dtype=bool)
    opened = date_columns.parse_column(first.iloc[rows].reset_index(drop=True), date_order=order)
    closed = date_columns.parse_column(last.iloc[rows].reset_index(drop=True), date_order=order)
    both[rows] = (opened.instants.notna() & closed.instants.notna()).to_numpy()
    if not both.any():
        return values, None
    kept = pd.Series(both, index=values.index)
    return values.astype(_TEXT).where(~kept, first), last.where(kept)


def _completed(first: pd.Series, last: pd.Series) -> pd.Series:
    """The first dates with what they leave to the last one: "4–9 March 2019" starts on 4 March 2019, "March–
    April 2019" in March 2019. A bare day or month that cannot be completed is no first date (it would read
    as the year 4)."""
    day = first.str.fullmatch(r"\d{1,2}").fillna(False).astype(bool)
    after_day = last.str.extract(r"^\d{1,2}(\D.*\d{4})$", expand=False)
    month = first.str.fullmatch(r"[A-Za-z]{3,9}\.?").fillna(False).astype(bool)
    year = last.str.extract(r"(\d{4})$", expand=False)
    out = first.mask(day, first + after_day).mask(month, first + " " + year)
    return out.astype(_TEXT)


def _either(found: pa.StructArray, *names: str) -> pd.Series:
    """The first group of ``names`` that matched, per row."""
    out = pd.Series(pd.NA, index=range(len(found)), dtype=_TEXT)
    for name in names:
        part = pd.Series(found.field(name).to_pandas(), dtype=_TEXT)
        out = out.fillna(part.mask(part == ""))
    return out
