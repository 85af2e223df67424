"""Records with more fields than the table's first line: a trailing delimiter on each record but not on the header
(``date,title`` over ``2019-01-01,a,``), or a few records with a field more. pandas' C parser skipped each of them
with a warning: every record of such a file was lost, and making 300,000 warnings took 24 s. The table is read as
wide as its widest record instead; the fields past the first line's become columns named by their place
(``column3``), and an empty one is left out with the table's other empty unnamed columns."""

from __future__ import annotations

import csv
import io
import itertools
from dataclasses import dataclass

import pandas as pd

from viewer.model.problems import Problem


@dataclass(frozen=True)
class Longer:
    """How wide the first line and the widest record are, how many records are wider than the first line, and the
    line the first of them starts on."""

    first: int
    widest: int
    count: int
    line: int


def longer_records(text: str, delimiter: str, nrows: int | None) -> Longer | None:
    """The records wider than the first line (the first ``nrows`` + 1 records only, when given), or None when none
    is, or the text is not read alike by Python's csv module (a NUL, a field past its limit)."""
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        first = len(next(reader, []))
        widest, count, line, ended = first, 0, 0, reader.line_num
        for row in itertools.islice(reader, nrows):
            if len(row) > first:
                count += 1
                line = line or ended + 1
                widest = max(widest, len(row))
            ended = reader.line_num
    except csv.Error:
        return None
    return Longer(first, widest, count, line) if count else None


def said(frame: pd.DataFrame, longer: Longer, label: str) -> list[Problem]:
    """What reading the table wider says: nothing when the fields past the first line are all empty (a trailing
    delimiter), else which columns they became."""
    extra = frame.iloc[:, longer.first:].astype("string").fillna("")
    kept = [f"column{at + 1}" for at, column in enumerate(extra.columns, start=longer.first)
            if (extra[column].str.strip() != "").any()]
    if not kept:
        return []
    lines = f"line {longer.line} has" if longer.count == 1 else f"{longer.count:,} lines (from line {longer.line}) have"
    return [Problem(label, f"{lines} more fields than the table's first line; the fields past it are kept as "
                           f"{', '.join(kept[:5])}{' …' if len(kept) > 5 else ''}", longer.line, None, "info")]
