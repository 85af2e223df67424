"""Gephi's dynamic columns in a table: an edge or node table exported from its Data Laboratory keeps when each row
holds in one column, ``Interval`` (``<[2002-03-01, 2023-11-08]>``, several as ``<[2010, 2015]; [2017, 2021]>``,
an open end as ``Infinity``) or, for snapshots, ``Timestamp`` (``<[2001.0, 2004.0, 2007.0]>``).

Such a column becomes a ``start`` and an ``end`` column in its place (unless the table has those already), which
the mapping reads as any other; a row holding in several intervals is one row per interval, each with the file's
line. A set of timestamps is read as the span from its first to its last. Before, the table was refused as having
no date column.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from viewer.io.table_mapping import column_key
from viewer.model.problems import Problem

if TYPE_CHECKING:
    from viewer.io.table_read import Raw

_WHOLE = re.compile(r"^\s*<\s*[\[(].*[\])]\s*>\s*$", re.DOTALL)  # <[…]> or <(…)>, as Gephi writes a set
_ONE = re.compile(r"[\[(]([^\[\]()]*)[\])]")  # one bracketed group: an interval's two bounds, or timestamps
_OPEN = re.compile(r"^[+-]?(inf|infinity)$", re.IGNORECASE)
SHARE = 0.9  # of a column's written values that must be Gephi sets
SAMPLE = 200  # values looked at before a column is read whole
FIRST = 20  # rows in which a column's first written value is looked for


def split(raw: Raw, label: str) -> Raw:
    """The table with its Gephi interval (or timestamp) column read as start and end; as it was without one."""
    frame = raw.frame
    if any(column_key(str(c)) in ("start", "end") for c in frame.columns):
        return raw  # the table says when its rows hold in its own columns
    top = (frame.head(FIRST) if len(frame) > FIRST else frame).to_numpy(dtype=object)  # (a wide table's columns
    # are passed over at once; a short one's not cut first: head() of 20,000 columns costs 0.4 s)
    opening = [c for at, c in enumerate(frame.columns) if _opens_a_set(top[:, at])]
    column = next((c for c in opening if _is_sets(frame[c])), None)
    if column is None:
        return raw
    snapshots = "timestamp" in column_key(str(column))
    bounds = [_bounds(value, snapshots) for value in frame[column].astype(object)]
    counts = np.fromiter((len(b) for b in bounds), dtype=np.int64, count=len(bounds))
    which = np.repeat(np.arange(len(frame)), np.maximum(counts, 1))
    pairs = [pair for b in bounds for pair in (b or [("", "")])]
    out = frame.iloc[which].reset_index(drop=True)
    again = np.concatenate([np.arange(max(n, 1)) for n in counts]) if len(counts) else np.zeros(0, np.int64)
    for name in (c for c in out.columns if column_key(str(c)) == "id"):  # a row's second interval: "3#2"
        out[name] = [f"{i}#{k + 1}" if k else i for i, k in zip(out[name].astype(object), again, strict=True)]
    at = frame.columns.get_loc(column)
    out = out.drop(columns=[column])
    out.insert(at, "start", [first for first, _ in pairs])
    out.insert(at + 1, "end", [last for _, last in pairs])
    said = [Problem(label, f"read the column {column!r} as when each row holds ("
                    + ("from its first timestamp to its last" if snapshots else "start and end")
                    + _several(int((counts > 1).sum())) + ")", None, str(column), "info")]
    return replace(raw, frame=out, rows=np.asarray(raw.rows)[which], problems=raw.problems + said)


def _several(rows: int) -> str:
    if not rows:
        return ""
    return f"; {rows} row{'s hold' if rows > 1 else ' holds'} in several intervals, one row each"


def _opens_a_set(cells: np.ndarray) -> bool:
    """Whether a column's first written value (in its first rows) opens as a Gephi set does, with "<"."""
    first = next((v for v in cells if isinstance(v, str) and v.strip()), None)
    return first is not None and first.lstrip().startswith("<")


def _is_sets(values: pd.Series) -> bool:
    head = values.head(SAMPLE).astype(object)
    written = [v for v in head if isinstance(v, str) and v.strip()]
    return bool(written) and sum(bool(_WHOLE.match(v)) for v in written) >= SHARE * len(written)


def _bounds(value: object, snapshots: bool) -> list[tuple[str, str]]:
    """A cell's intervals as (start, end) texts; an open bound is empty; nothing for a blank or foreign cell."""
    if not isinstance(value, str) or not _WHOLE.match(value):
        return []
    groups = [[_bound(part) for part in group.split(",")] for group in _ONE.findall(value)]
    if snapshots:
        stamps = [stamp for group in groups for stamp in group if stamp]
        return [(stamps[0], stamps[-1] if len(stamps) > 1 else "")] if stamps else []
    return [(group[0], group[-1] if len(group) > 1 else "") for group in groups if any(group)]


def _bound(text: str) -> str:
    text = text.strip().strip("'\"")
    return "" if _OPEN.match(text) else text
