"""Dates in a dataset's own tables (events.csv, relations.csv, an entity's presence) that are not ISO 8601, read as a
table's dates are. The native format writes ISO dates; a person who edits its CSV in a spreadsheet gets the
spreadsheet's dates back ("04/03/2019", "March 4, 2019"), or types "Q1 2019", "c. 2018", "before 2016". Each such row
was skipped ("expected a date like 2019 …") and an edited dataset opened nearly empty. Now a cell the strict reading
refuses is read by the table loader's parser (:func:`viewer.model.dates.columns.parse_column`, after
:func:`viewer.model.dates.ranges.cut`: a span's first date, or its last for an end), and said once with how it was
read. Never Qt.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from viewer.model import dates
from viewer.model.dates import columns as date_columns
from viewer.model.dates import ranges
from viewer.model.problems import Problem

ENDS = frozenset({"end", "valid_to"})  # a span written in one of these ends where the span does


def read_as_typed(values: pd.Series, parsed: dates.ParsedDates, column: str, label: str,
                  problems: list[Problem]) -> tuple[dates.ParsedDates, dates.ParsedDates | None]:
    """``parsed`` with the cells it could not read read as a table's dates are, where they can be; and the last dates
    of the spans written in a start column (``2020-W53``, ``1914–1918``: an event's end where none is written), None
    when it writes none."""
    rows = np.flatnonzero(parsed.invalid.to_numpy(dtype=bool))
    text = pd.Series(values.iloc[rows].astype("object").map(str).to_numpy(), dtype=object)
    spans = ranges.cut(text, pd.Series(True, index=text.index))
    chosen = spans.values if spans.ends is None or column not in ENDS else spans.ends.fillna(spans.values)
    again = date_columns.parse_column(pd.Series(chosen.astype("object").to_numpy(), dtype=object))
    read = again.instants.notna().to_numpy()
    if not read.any():
        return parsed, None
    hit = rows[read]
    instants = parsed.instants.copy()
    # (as the column's own array: pandas set Timestamps before 1677 given as objects as 1970, "500 BC" among them)
    instants.iloc[hit] = again.instants.astype(instants.dtype).array[read]
    precisions = parsed.precisions.astype("object").to_numpy(copy=True)
    precisions[hit] = again.precisions.to_numpy(dtype=object)[read]
    invalid = parsed.invalid.copy()
    invalid.iloc[hit] = False
    example = str(text.iloc[int(np.flatnonzero(read)[0])])
    count = f"{len(hit):,} date" + ("s" if len(hit) > 1 else "")
    problems.append(Problem(label, f"{count} not written as this format writes dates (2019, 2019-03, 2019-03-04 or "
                                   f"2019-03-04T10:00Z; such as {example!r}) read as a table's dates are; write "
                                   "2019-03-04 to keep them exact", None, column, "warning"))
    problems.extend(Problem(label, note, None, column, level) for level, note in [*spans.notes, *again.notes])
    return dates.ParsedDates(instants, pd.Series(precisions, index=parsed.precisions.index,
                                                 dtype=parsed.precisions.dtype), invalid, parsed.naive), \
        None if spans.ends is None or column in ENDS else _span_ends(parsed, rows[read], spans.ends[read])


def _span_ends(parsed: dates.ParsedDates, rows: np.ndarray, ends: pd.Series) -> dates.ParsedDates | None:
    """The last dates of the spans at ``rows`` (``ends``, their text; missing where a cell writes no span), as a
    column of the table's length."""
    written = ends.notna().to_numpy(dtype=bool)
    if not written.any():
        return None
    last = date_columns.parse_column(pd.Series(ends[written].astype("object").to_numpy(), dtype=object))
    instants = pd.Series(pd.NaT, index=parsed.instants.index, dtype=parsed.instants.dtype)
    instants.iloc[rows[written]] = last.instants.astype(instants.dtype).array
    precisions = np.full(len(instants), None, dtype=object)
    precisions[rows[written]] = last.precisions.to_numpy(dtype=object)
    nothing = pd.Series(False, index=instants.index)
    return dates.ParsedDates(instants, pd.Series(precisions, index=instants.index, dtype=parsed.precisions.dtype),
                             nothing, nothing)
