"""Whether a delimited table's first row is a header: no cell reads as a date, most are not numbers, and
no column of numbers has a number in it."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from viewer.model.dates.columns import COULD_BE_DATE, clean_text, parse_column


def has_header(frame: pd.DataFrame) -> bool:
    """True when the first row has no date-like cells and is mostly non-numeric text, or when a word of it heads a
    column of dates (``Date`` over ``2020-01-15 …``), whatever its other cells hold."""
    first = clean_text(frame.iloc[0].reset_index(drop=True)).dropna()
    if first.empty:
        return False
    years = _years_in_a_run(first)  # "2019, 2020, 2021" over a column each: names, as a table by year writes them
    numeric = first.str.fullmatch(r"[-+]?[\d.,]+%?").astype(bool) & ~years
    if years.any() and (~years).any() and not _any_dated(first[~years & ~numeric]):
        return numeric[~years].mean() < 0.5 or _names_dates(frame, first)
    if _any_dated(first[~numeric]):  # a date among the names ("Date, Title, 2020-01-01, Note") is a header still
        return _names_dates(frame, first)  # when a word heads a column of dates (its names were lost, the row an event)
    return (numeric.mean() < 0.5 and not _first_row_is_data(frame)) or _names_dates(frame, first)


NAMES_LOOKED_AT = 50  # first-row cells of words over a column of dates: the first so many columns are asked
DATED_BELOW = 0.8  # of the column's next rows that read as dates, under a name


def _names_dates(frame: pd.DataFrame, first: pd.Series) -> bool:
    """True when a word in the first row heads a column of dates (``Date`` over ``2020-01-15 …``): a header, however
    many numbers name its other columns (``Date, Title, 2019, 2020``: it was taken for a row of data, and the table
    refused as having no date column)."""
    body = frame.iloc[1:21]
    if len(body) < 2:
        return False
    words = first.str.fullmatch(r"[^\W\d_][^\d]*").fillna(False).astype(bool)  # (no digit: "Jan 2020" is a date)
    for position in words[words].index[:NAMES_LOOKED_AT]:
        if _any_dated(first[[position]]):  # ("today")
            continue
        cells = clean_text(body.iloc[:, int(position)].reset_index(drop=True)).dropna()
        if len(cells) >= 2 and cells.str.contains(r"\d").mean() >= DATED_BELOW and \
                parse_column(cells.reset_index(drop=True)).instants.notna().mean() >= DATED_BELOW:
            return True
    return False


RUN = 3  # years side by side, each the last plus one, that name columns


def _years_in_a_run(cells: pd.Series) -> pd.Series:
    """Which cells are years (1500-2199) among :data:`RUN` or more side by side, each one more than the last."""
    written = cells.astype(object)
    named = written.str.fullmatch(r"(?:1[5-9]|2[01])\d\d").fillna(False).astype(bool)
    years = pd.to_numeric(written.where(named), errors="coerce").astype("float64")
    step = years.diff().eq(1).to_numpy(dtype=bool)  # (the next cell's year one more: a run)
    found = np.zeros(len(cells), dtype=bool)
    start = 0
    for at in range(1, len(cells) + 1):
        if at == len(cells) or not step[at]:
            if at - start >= RUN:
                found[start:at] = True
            start = at
    return pd.Series(found, index=cells.index)


def _any_dated(cells: pd.Series) -> bool:
    """Some cell reads as a date. A row of names (most headers) has no cell shaped like one, and is answered
    without running the parser, whose fixed cost was most of a small table's header check."""
    shaped = pc.match_substring_regex(pa.array(cells.astype(str).tolist(), type=pa.string()), COULD_BE_DATE)
    if not pc.any(shaped.fill_null(False)).as_py():
        return False
    return bool(parse_column(cells.reset_index(drop=True)).instants.notna().any())


_WHOLE = r"[-+]?\d+(\.\d+)?"


def _first_row_is_data(frame: pd.DataFrame) -> bool:
    """True when a column of numbers (rows 2…200) also has a number in its first row: a header names it."""
    body = frame.iloc[1:201]
    if body.empty:
        return False
    head = clean_text(frame.iloc[0].reset_index(drop=True))
    numbers = head.notna() & head.str.fullmatch(_WHOLE).fillna(False).astype(bool)
    for position in np.flatnonzero(numbers.to_numpy()).tolist():  # only a number in the first row can be data
        cells = clean_text(body.iloc[:, position]).dropna()
        if len(cells) >= 3 and cells.str.fullmatch(_WHOLE).all():
            return True
    return False
