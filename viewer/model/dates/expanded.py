"""ISO 8601 dates with expanded years: a sign or more than four digits (``-0473-03-15``, ``12000-05``).

They are what :func:`viewer.model.dates.iso_date` writes for years before 1 and after 9999, so a file
Entente wrote reads back. Such values are few in any column: each distinct one is read by numpy's
datetime64 (which holds ±290,000 years in microseconds), with its precision from its form. Only UTC
times (``Z``, ``+00:00`` or none) are read; a year alone needs its sign where ``bare_years`` is False
(in a table, ``12345`` is more likely a number than a year). Never Qt.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pyarrow.compute as pc

from viewer.model.dates.arrow import NAT, to_arrow

LIMIT = 290_000  # years either way that microseconds hold (the years clock takes over beyond)
_FORM = re.compile(r"(?P<year>[+-]\d{1,12}|\d{5,12})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2})"
                   r"(?P<time>[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?)?)?)?(?:Z|[+-]00:?00)?")
# how each such value starts, after what Python's strip takes away: its year (a sign and up to 12 digits, or 5 to
# 12 digits, in any script, as Python's \d reads them), then a hyphen, Z, a sign or its end ("20200513T133953Z",
# ISO's basic form, is none)
_SPACE = r"[\t-\r\x{1c}-\x{20}\x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}]"
_MAY_BE = rf"^{_SPACE}*(?:[+-]\p{{Nd}}{{1,12}}|\p{{Nd}}{{5,12}})(?:[-Z+]|{_SPACE}*$)"


def read_one(text: str, bare_years: bool = True) -> tuple[np.datetime64, str] | None:
    """(instant in microseconds, precision) of one expanded-year date, or None.

    >>> read_one("-0473-03-15")
    (np.datetime64('-473-03-15T00:00:00.000000'), 'day')
    >>> read_one("12000", bare_years=False) is None, read_one("12000")[1]
    (True, 'year')
    """
    found = _FORM.fullmatch(text.strip())
    if found is None or (not bare_years and found["month"] is None and found["year"][0] not in "+-"):
        return None
    precision = "time" if found["time"] else "day" if found["day"] else "month" if found["month"] else "year"
    year = int(found["year"])
    if abs(year) > LIMIT:  # numpy would wrap it round silently
        return None
    shown = f"{'-' if year < 0 else ''}{abs(year):04d}"  # numpy reads a sign and four digits or more
    rest = found.group(0)[found.end("year"):]
    rest = rest.removesuffix("Z").removesuffix("+00:00").removesuffix("-00:00").removesuffix("+0000")
    try:
        return np.datetime64(shown + rest.replace(" ", "T"), "us"), precision
    except (ValueError, OverflowError):  # month 13, 30 February, or beyond ±290,000 years
        return None


def read_column(values: pd.Series, bare_years: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """Microseconds (int64; :data:`NAT` where unread) and precisions (object; None) of each value. Only values
    that start as such a date are looked at one by one (a column of mail dates was read a value at a time)."""
    micros = np.full(len(values), NAT, dtype=np.int64)
    precisions = np.full(len(values), None, dtype=object)
    rows = np.flatnonzero(np.asarray(pc.match_substring_regex(to_arrow(values), _MAY_BE).fill_null(False)
                                     .to_numpy(zero_copy_only=False), dtype=bool))
    if not len(rows):
        return micros, precisions
    codes, uniques = pd.factorize(values.iloc[rows].astype("object"))
    unique_micros = np.full(len(uniques) + 1, NAT, dtype=np.int64)
    unique_precisions = np.full(len(uniques) + 1, None, dtype=object)
    for i, text in enumerate(uniques.tolist()):
        read = read_one(str(text), bare_years)
        if read is not None:
            unique_micros[i], unique_precisions[i] = read[0].astype(np.int64), read[1]
    micros[rows], precisions[rows] = unique_micros[codes], unique_precisions[codes]  # (no value taken is missing)
    return micros, precisions
