"""Dates marked as approximate ("c. 1850", "circa 1900", "ca. 1066", "~1900", "about 1600", "1850?"), as
historians write them: read as the date without its marker, and said, since the model has no "about". A date known
to lie between two ("between 1850 and 1860", "1850 or 1851") is read as the span, and said the same way.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from viewer.model.columns import arrow_text

_WORDS = r"c\.|ca\.?|circa|approx\.?|approximately|about|around"  # the markers historians write before a date
MARKED = rf"^\s*(?:(?i:{_WORDS})\s*|~\s*)(?P<a>\d.*?)\s*$|^\s*(?P<b>\d[^?]*?)\s*\?\s*$"
_MAYBE = r"^\s*[cCaA~]|\?\s*$"  # a cheap first look, in C++ like the rest


def unmarked(uniq: pd.Series) -> tuple[pd.Series, np.ndarray]:
    """The values without an approximate marker, and which had one.

    >>> values, marked = unmarked(pd.Series(["c. 1850", "circa 1900", "~1900", "1850?", "1850", "Cairo"]))
    >>> values.tolist(), marked.tolist()
    (['1850', '1900', '1900', '1850', '1850', 'Cairo'], [True, True, True, True, False, False])
    """
    text = arrow_text(uniq)
    rows = np.flatnonzero(pc.match_substring_regex(text, _MAYBE).fill_null(False).to_numpy(zero_copy_only=False))
    marked = np.zeros(len(uniq), dtype=bool)
    if not len(rows):
        return uniq, marked
    found = pc.extract_regex(text.take(pa.array(rows)), MARKED)
    plain = [a or b or None for a, b in zip(found.field("a").to_pylist(), found.field("b").to_pylist(), strict=True)]
    hit = np.array([p is not None for p in plain], dtype=bool)
    marked[rows[hit]] = True
    out = uniq.copy()
    out.iloc[rows[hit]] = [p for p in plain if p is not None]
    return out, marked


# a marker, a part of a period ("early 2019", "mid-1990s", "the end of the 19th century") or "(approx.)" after
_MARKER = rf"(?i)^\s*(?:{_WORDS}|~)\s*"
_PART = (r"(?i)^\s*(?:the\s+)?(?:early|mid|late|beginning\s+of|end\s+of|start\s+of|middle\s+of)"
         r"(?:\s+the)?[\s-]+")
_AFTER = r"(?i)\s*(?:\?|\((?:approx\.?|approximately|circa|c\.|\?)\))\s*$"
# a date known to lie between two others, as GEDCOM's BET … AND … and genealogists write it: read as the span
_BETWEEN = (r"(?i)^\s*(?:between|entre|zwischen|tra|fra)\s+(\S.*?)\s+(?:and|et|und|y|e)\s+(\S.*?)\s*$"
            r"|^\s*(\d\S*)\s+(?i:or|ou|oder|o)\s+(\d\S*)\s*$")  # "1850 or 1851": one of the two, read as both


def qualified(values: pd.Series) -> tuple[pd.Series, np.ndarray]:
    """The values without an approximate marker or the part of a period they name ("early 2019" is 2019,
    "mid-1990s" the 1990s, "c. 1850s" the 1850s, "between 1850 and 1860" the span 1850 – 1860), and which had one
    (missing values stay missing).

    >>> values, marked = qualified(pd.Series(["early 2019", "mid-1990s", "the end of the 19th century",
    ...                                       "1850 (approx.)", "late", "Cairo", "between 1850 and 1860"]))
    >>> values.tolist()
    ['2019', '1990s', '19th century', '1850', 'late', 'Cairo', '1850 – 1860']
    >>> marked.tolist()
    [True, True, True, True, False, False, True]
    """
    text = arrow_text(values)
    plain = pc.replace_substring_regex(text, _BETWEEN, "\\1\\3 \u2013 \\2\\4")
    for pattern in (_MARKER, _PART, _MARKER, _AFTER):
        plain = pc.replace_substring_regex(plain, pattern, "")
    changed = pc.and_(pc.not_equal(plain, text), pc.match_substring_regex(plain, r"^\s*\w.*\d|^\s*\d"))
    marked = np.asarray(changed.fill_null(False).to_numpy(zero_copy_only=False), dtype=bool)
    out = pd.Series(pd.arrays.ArrowStringArray(plain), index=values.index).where(marked, values)
    return out, marked
