"""Dates as Wikidata and its query service write them: RDF literals and dates known only to the year or month.

The query service's TSV download writes each cell as an RDF literal, its value in quotes and its datatype after
``^^`` (``"1066-10-14T00:00:00Z"^^<http://www.w3.org/2001/XMLSchema#dateTime>``, ``"2019-03-04"^^xsd:date``; a
CSV reader keeps what follows the closing quote, and drops the quotes); the literal's value is the date. Wikidata
writes a date known to the year or the month with zero parts (``1850-00-00T00:00:00Z``, ``+1850-03-00T00:00:00Z``,
``-0044-00-00T00:00:00Z``): the year, or the month, at that precision. Each was skipped as "expected a date".

Only values the parser left unread come here (:mod:`viewer.model.dates.respell`), in Arrow (RE2) over the whole
leftover column at once. Years are numbered as ISO 8601 numbers them (``-0044`` is 45 BC), as
:mod:`viewer.model.dates.expanded` reads ``-0044-03-15``. Never Qt.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from viewer.model.dates import expanded
from viewer.model.dates.arrow import NAT

# XML Schema's date types, by their full name or the usual prefix (a literal of another type is no date)
_TYPES = r"(?:dateTime|dateTimeStamp|date|gYearMonth|gYear)"
_TYPED = (r"^\s*(?:\"([^\"]*)\"|([^\"\s]+))\^\^(?:<http://www\.w3\.org/2001/XMLSchema#" + _TYPES + r">|xsd:"
          + _TYPES + r")\s*$")
_QUOTED = r"^\s*\"\s*([+-]?\d{4,}-\d{2}[^\"]*?)\s*\"\s*$"  # "2019-03-04": quotes round an ISO date only
# a day of 00 (and a month of 00) at midnight in UTC: a date known to the month (or to the year)
_ZERO_PARTS = r"^\s*\+?(?P<year>-?\d{4,12})-(?P<month>0\d|1[0-2])-00(?:T00:00:00(?:Z|[+-]00:?00)?)?\s*$"


def read_column(text: pa.Array) -> tuple[pa.Array, np.ndarray, np.ndarray]:
    """The values unwrapped (:func:`unwrapped`), and microseconds since the epoch in UTC (:data:`NAT` where unread)
    and precisions (None) of those with zero parts and of literals with an expanded year (``-0044-03-15``, which
    :func:`viewer.model.dates.columns.parse_column` reads before its leftovers come here)."""
    plain = unwrapped(text)
    micros, precisions = read_zero_parts(plain)
    rows = np.flatnonzero(np.asarray(pc.not_equal(plain, text).fill_null(False).to_numpy(zero_copy_only=False),
                                     dtype=bool) & (micros == NAT))
    if len(rows):
        far, named = expanded.read_column(pd.Series(plain.take(pa.array(rows)).to_pylist(), dtype=object),
                                          bare_years=False)
        micros[rows], precisions[rows] = far, named
    return plain, micros, precisions


def unwrapped(text: pa.Array) -> pa.Array:
    """The values with an RDF literal's quotes and date datatype taken off (unchanged elsewhere). Each rewrite runs
    only where a value holds what it needs (``^^``, a quote): a search for the letters costs a fifth of the rewrite."""
    if _holds(text, "^^"):
        text = pc.replace_substring_regex(text, _TYPED, r"\1\2")
    return pc.replace_substring_regex(text, _QUOTED, r"\1") if _holds(text, '"') else text


def _holds(text: pa.Array, letters: str) -> bool:
    return bool(pc.any(pc.match_substring(text, letters)).as_py())


def read_zero_parts(text: pa.Array) -> tuple[np.ndarray, np.ndarray]:
    """Dates with zero parts: microseconds of their year's or month's first instant (:data:`NAT` elsewhere) and
    precisions ("year" for ``1850-00-00``, "month" for ``1850-03-00``; None elsewhere)."""
    micros = np.full(len(text), NAT, dtype=np.int64)
    precisions = np.full(len(text), None, dtype=object)
    if not _holds(text, "-00"):
        return micros, precisions
    parts = pc.extract_regex(text, _ZERO_PARTS)
    rows = np.flatnonzero(np.asarray(pc.is_valid(parts).to_numpy(zero_copy_only=False), dtype=bool))
    if not len(rows):
        return micros, precisions
    found = parts.take(pa.array(rows))
    years = np.asarray(pc.cast(found.field("year"), pa.int64()).to_numpy(zero_copy_only=False), dtype=np.int64)
    months = np.asarray(pc.cast(found.field("month"), pa.int64()).to_numpy(zero_copy_only=False), dtype=np.int64)
    # MySQL's 0000-00-00 is no date, and no year beyond what microseconds hold (they would wrap round)
    held = (years != 0) & (np.abs(years) <= expanded.LIMIT)
    rows, years, months = rows[held], years[held], months[held]
    first = ((years - 1970) * 12 + np.maximum(months, 1) - 1).astype("datetime64[M]")
    micros[rows] = first.astype("datetime64[us]").astype(np.int64)
    precisions[rows] = np.where(months == 0, "year", "month")
    return micros, precisions
