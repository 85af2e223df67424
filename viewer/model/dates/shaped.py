"""A regex's groups taken out of a column of few shapes by slicing, not by matching each value.

A column of dates is written in a few shapes: ``05/13/2020 01:39:53 PM`` and ``11/02/2021 09:05:10 AM`` are both
``00/00/0000 00:00:00 PM`` once each digit is written as 0 (:func:`viewer.model.text_arrow.digits_as_zero`).
A pattern whose only digits are ``\\d`` (no ``[0-5]``, no literal digit) matches every value of a shape at the
same places, so each shape is matched once, in Python, and each value's groups are its bytes at those places.
Taking the groups out of a million values with RE2 cost a second (its submatch engines are slow); slicing
costs a tenth of that. Never Qt.
"""

from __future__ import annotations

import re
from functools import cache

import numpy as np
import pandas as pd
import pyarrow as pa

from viewer.model import text_arrow

_MOST_SHAPES = 256  # beyond (or beyond an eighth of the values), matching each value is as quick
_MOST_DIGITS = 15  # a number of more is read by Arrow's cast (rounded once: digits added one at a time in a double
#                    would round at each step past 2**53)


@cache
def _compiled(pattern: str) -> re.Pattern[str] | None:
    """The pattern for Python's re (ASCII classes, as RE2's), or None when its matches may hang on a digit's value
    (a digit written in it other than in a count: ``[0-5]``, ``19``) or it uses what Python's re reads otherwise."""
    if (re.search(r"\d", re.sub(r"\{\d+(?:,\d*)?\}", "", pattern)) or re.search(r"\\[xpPQEzC]", pattern)
            or re.search(r"\(\?[a-zA-Z]*U", pattern)):  # (RE2's U is ungreedy, Python's is Unicode)
        return None
    try:
        return re.compile(pattern, re.ASCII)
    except re.error:
        return None


def extract(text: pa.Array, pattern: str, words: set[str] | frozenset[str], index: pd.Index
            ) -> pd.DataFrame | None:
    """What ``columns._extract`` gives for a whole-value match of ``pattern``: each group of digits as float (NaN
    where it took nothing) with ``<name>_len``, each group in ``words`` as text (None where it took nothing); None
    when the column has too many shapes, the pattern may tell digits apart, or a group other than a word's takes
    anything but digits (or a word's takes a digit)."""
    compiled = _compiled(pattern)
    if compiled is None or not (pa.types.is_string(text.type) or pa.types.is_large_string(text.type)):
        return None
    codes, distinct = text_arrow.shapes(text)
    if len(distinct) > min(_MOST_SHAPES, max(8, len(text) // 8)):
        return None
    shapes = distinct.to_pylist()
    spans = np.full((len(shapes) + 1, compiled.groups), -1, dtype=np.int64)  # a last row for missing values
    ends = spans.copy()
    texts: list[list[str | None]] = [[None] * (len(shapes) + 1) for _ in range(compiled.groups)]
    names = [_name(compiled, g) for g in range(compiled.groups)]
    for i, shape in enumerate(shapes):
        if not shape.isascii() or "\x0b" in shape:  # (RE2's \s leaves out the vertical tab, Python's does not)
            return None
        found = compiled.fullmatch(shape)
        if found is None:
            continue
        for g in range(compiled.groups):
            start, end = found.span(g + 1)
            if start == end:  # (a group that took nothing is missing, as an empty one is)
                continue
            written = shape[start:end]
            if ("0" in written) if names[g] in words else (written.strip("0") or end - start > _MOST_DIGITS):
                return None  # a word holding a digit, a number holding more than digits, or a long one
            spans[i, g], ends[i, g], texts[g][i] = start, end, written
    codes = np.where(codes < 0, len(shapes), codes)  # (a missing value: the last row)
    starts_bytes = text_arrow.byte_starts(text)
    if starts_bytes is None:
        return None
    columns: dict[str, object] = {}
    for g, name in enumerate(names):
        if name in words:
            columns[name] = np.array(texts[g], dtype=object)[codes]
            continue
        start, end = spans[codes, g], ends[codes, g]
        columns[name], columns[f"{name}_len"] = _numbers(starts_bytes, start, end)
    return pd.DataFrame(columns, index=index)


def _name(compiled: re.Pattern[str], group: int) -> str:
    names = {number: name for name, number in compiled.groupindex.items()}
    return names.get(group + 1, str(group + 1))


def _numbers(values: tuple[np.ndarray, np.ndarray], start: np.ndarray, end: np.ndarray
             ) -> tuple[np.ndarray, np.ndarray]:
    """The numbers written at bytes ``start``-``end`` of each value (NaN where ``start`` is -1), and their lengths."""
    offsets, data = values
    taken = start >= 0
    lengths = np.where(taken, end - start, 0)
    numbers = np.zeros(len(start), dtype=np.float64)
    at = offsets + np.where(taken, start, 0)
    for k in range(int(lengths.max(initial=0))):
        digit = lengths > k
        numbers[digit] = numbers[digit] * 10 + (data[at[digit] + k] - ord("0"))
    return np.where(taken, numbers, np.nan), np.where(taken, lengths.astype(np.float64), np.nan)
