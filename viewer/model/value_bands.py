"""A relation's value written as a band or a bound, as ownership registers and company databases write stakes:
``25-50%``, ``25 to 50 %``, the UK register's ``more than 25% but not more than 50%`` and its API's
``ownership-of-shares-25-to-50-percent``, ``>75%``, ``at least 10%``, ``<5%``, ``majority``, ``wholly owned``.

Each was left empty ("expected a number"), and the tie lost its stake. A band is valued at its midpoint, a bound at
the bound, as the BODS reader values a share given so (``viewer.io.bods``); the value as written stays with the
relation (:data:`WRITTEN`), its label shows it, and its note says which number was used. Never Qt.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from viewer.model.attributes import PREFIX

WRITTEN = "value_written"  # the attribute that keeps a band's or a bound's text: labels show it
COLUMN = PREFIX + WRITTEN  # as the relations frame names the attribute
_NUMBER = r"(?P<{}>\d{{1,3}}(?:[.,]\d+)?)\s*(?:%|percent|per\s*cent)?"
_BAND = (r"(?i)^\s*(?:between\s+|from\s+|more\s+than\s+|over\s+)?" + _NUMBER.format("a") + r"\s*"
         r"(?:-|–|—|to|and|but\s+not\s+more\s+than|but\s+less\s+than|bis|à)\s*" + _NUMBER.format("b") + r"\s*$"
         r"|^\s*[a-z-]*?(?P<c>\d{1,3})-to-(?P<d>\d{1,3})-percent[a-z-]*\s*$")  # ownership-of-shares-25-to-50-percent
_ABOVE = r"(?i)^\s*(?:>=?|≥|more\s+than|over|above|at\s+least|min(?:imum)?\.?)\s*" + _NUMBER.format("a") + r"\s*$"
_BELOW = (r"(?i)^\s*(?:<=?|≤|less\s+than|under|below|up\s+to|at\s+most|max(?:imum)?\.?)\s*" + _NUMBER.format("a")
          + r"\s*$")
_WORDS = {"majority": (50.0, ">50%"), "majority owned": (50.0, ">50%"), "majority-owned": (50.0, ">50%"),
          "wholly owned": (100.0, "100%"), "wholly-owned": (100.0, "100%"), "sole owner": (100.0, "100%")}


def read(text: pd.Series) -> tuple[pd.Series, pd.Series, pd.Series]:
    """The value of each band or bound (NaN elsewhere), the band or bound as shown (``25–50%``, ``>75%``; empty
    elsewhere) and a note saying which number was used.

    >>> value, shown, note = read(pd.Series(["25-50%", "more than 25% but not more than 50%", ">75%", "at least 10 %",
    ...                                      "<5%", "majority", "ownership-of-shares-75-to-100-percent", "43.4", "x"]))
    >>> value.tolist()
    [37.5, 37.5, 75.0, 10.0, 5.0, 50.0, 87.5, nan, nan]
    >>> shown.tolist()
    ['25–50%', '25–50%', '>75%', '≥10%', '<5%', '>50%', '75–100%', '', '']
    >>> note.tolist()[1:3]
    ['written as 25–50%: its midpoint, 37.5, used', 'written as >75%: the bound, 75, used']
    """
    written = pa.array(text.astype("object").where(text.notna(), None).tolist(), pa.string())
    value = np.full(len(text), np.nan)
    shown = np.full(len(text), "", dtype=object)
    band = pc.extract_regex(written, _BAND)
    low = _numbers(pc.coalesce(_field(band, 0), _field(band, 2)))
    high = _numbers(pc.coalesce(_field(band, 1), _field(band, 3)))
    banded = ~np.isnan(low) & ~np.isnan(high) & (low <= high)
    value[banded] = (low[banded] + high[banded]) / 2
    shown[banded] = [f"{_plain(a)}–{_plain(b)}%" for a, b in zip(low[banded], high[banded], strict=True)]
    for pattern, sign in ((_ABOVE, ">"), (_BELOW, "<")):
        found = pc.extract_regex(written, pattern)
        bound = _numbers(_field(found, 0))
        rows = ~np.isnan(bound) & np.isnan(value)
        value[rows] = bound[rows]
        signs = _signs(written, rows, sign)
        shown[rows] = [f"{s}{_plain(b)}%" for s, b in zip(signs, bound[rows], strict=True)]
    for i, cell in enumerate(written.to_pylist()):
        if cell is not None and np.isnan(value[i]) and cell.strip().lower() in _WORDS:
            value[i], shown[i] = _WORDS[cell.strip().lower()]
    note = [("" if not s else f"written as {s}: its midpoint, {_plain(v)}, used" if "–" in s
             else f"written as {s}: the bound, {_plain(v)}, used" if s[0] in "<>≥≤" else f"written as {s}")
            for s, v in zip(shown, value, strict=True)]
    return (pd.Series(value, index=text.index), pd.Series(shown, index=text.index, dtype=object),
            pd.Series(note, index=text.index, dtype=object))


def written(relations: pd.DataFrame) -> list[str]:
    """Each relation's value as written when it is a band or a bound, else ""."""
    if COLUMN not in relations.columns:
        return [""] * len(relations)
    column = relations[COLUMN]
    return ["" if pd.isna(v) else str(v) for v in column.astype("object").tolist()]


def diff_written(table: pd.DataFrame, relations: pd.DataFrame) -> pd.DataFrame:
    """A diff's table (``old_id``, ``new_id``) with each side's value as written, ``old_written`` and ``new_written``
    ("25–50%", "" for a plain number), when the relations hold any band or bound; the table as it is otherwise."""
    if COLUMN not in relations.columns or not {"old_id", "new_id"} <= set(table.columns):
        return table
    by_id = dict(zip(relations["id"].astype(str).tolist(), written(relations), strict=True))
    return table.assign(**{f"{side}_written": [by_id.get(str(i), "") for i in table[f"{side}_id"]]
                           for side in ("old", "new")})


def _field(found: pa.StructArray, index: int) -> pa.Array:
    part = pc.struct_field(found, [index])  # (null where the value matched no form)
    return pc.if_else(pc.equal(part, ""), None, part)


def _numbers(text: pa.Array) -> np.ndarray:
    plain = pc.replace_substring(text, ",", ".")
    return np.asarray(pc.cast(plain, pa.float64(), safe=False).to_numpy(zero_copy_only=False), dtype=float)


def _signs(written: pa.Array, rows: np.ndarray, sign: str) -> list[str]:
    """``≥`` for an inclusive lower bound (``at least``, ``>=``), ``≤`` for an inclusive upper one, else the sign."""
    inclusive = r"(?i)^\s*(?:>=|≥|at\s+least|min)" if sign == ">" else r"(?i)^\s*(?:<=|≤|up\s+to|at\s+most|max)"
    hit = pc.match_substring_regex(written, inclusive).fill_null(False).to_numpy(zero_copy_only=False)
    return [("≥" if sign == ">" else "≤") if h else sign for h in np.asarray(hit, dtype=bool)[rows]]


def _plain(number: float) -> str:
    return f"{number:g}"
