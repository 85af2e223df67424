"""A table's dates written with a mark of doubt or a bound ("c. 1850", "before 1860", "early 2019", "between 1850
and 1860"), kept as written beside the date they are read as.

The model has no "about": "c. 1850" is read as 1850 and said once for the column. The mark itself was lost with
that: Details showed 1850, an export wrote 1850, and ``entente convert`` wrote a dataset in which nothing said the
year was a guess. Each marked cell's text is now kept as an attribute, ``start_written`` (``end_written`` for an end
column), shown in Details, exported and written by convert as a column of its own, as a stake written as a band
keeps its ``value_written`` (:func:`viewer.model.dates.approximate.as_written`; a dataset's own events.csv keeps
them the same way, in :mod:`viewer.model.table_build`). Only columns whose reading said such marks are looked at.
"""

from __future__ import annotations

import pandas as pd

from viewer.io.table_mapping import Mapping
from viewer.model.attributes import PREFIX
from viewer.model.dates import approximate
from viewer.model.dates.columns import DateColumn
from viewer.model.problems import Problem


def with_dates_as_written(attributes: pd.DataFrame, frame: pd.DataFrame, mapping: Mapping,
                          said: list[Problem]) -> pd.DataFrame:
    """``attributes`` with a ``start_written`` (and ``end_written``) column of the marked cells' text, "" elsewhere,
    when the reading of that column said it holds marks (and no column of the table has that name already)."""
    added = {}
    for field, column in (("start", mapping.start), ("end", mapping.end)):
        name = PREFIX + approximate.WRITTEN[field]
        if column is None or name in attributes.columns or column not in frame.columns:
            continue
        written = approximate.as_written(frame[column], said, column)
        if written is not None:
            added[name] = written
    return attributes.assign(**added) if added else attributes


def marks_said(column: DateColumn, label: str, name: str | None, problems: list[Problem]) -> DateColumn:
    """``column`` (an end column's dates) as it is, with what its reading says of marks of doubt or bounds added to
    ``problems`` for the column ``name`` (an end column's notes were not said: "1860?" was read as 1860 without a
    word); nothing without a column of its own."""
    if name is not None:
        problems += [Problem(label, said, None, name, level) for level, said in column.notes
                     if any(words in said for words in approximate.SAID)]
    return column
