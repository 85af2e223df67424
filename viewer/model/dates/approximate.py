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
from viewer.model.problems import Problem

# the markers written before a date: historians' words, GEDCOM's ABT, EST and CAL, French, German and Spanish ones
_WORDS = (r"c\.|ca\.?|circa|approx\.?|approximately|about|around|abt\.?|est\.?|estimated|cal\.?|calc\.?|calculated"
          r"|vers|environ|um|etwa|hacia")
# after a date: "?" (uncertain), EDTF's "~" (approximate) and "%" (both); around it: a catalogue's "[1850]"
# (supplied by the cataloguer); a digit comes before, or "2019-??-??" (a day of 2019) would lose its last "?"
MARKED = (rf"^\s*(?:(?i:{_WORDS})\s*|~\s*)(?P<a>\d.*?)\s*$|^\s*(?P<b>\d[^?~%]*?\d)\s*[?~%]\s*$"
          r"|^\s*\[\s*(?P<c>\d[^\]]*?)\s*\]\s*$")
_MAYBE = r"^\s*(?i:[acehuv~\[])|[?~%]\s*$"  # a cheap first look, in C++ like the rest


def unmarked(uniq: pd.Series) -> tuple[pd.Series, np.ndarray]:
    """The values without an approximate marker, and which had one.

    >>> values, marked = unmarked(pd.Series(["c. 1850", "circa 1900", "~1900", "1850?", "1850", "Cairo", "2019-06~",
    ...                                      "[1850]", "abt 1850", "2019-??"]))
    >>> values.tolist()
    ['1850', '1900', '1900', '1850', '1850', 'Cairo', '2019-06', '1850', '1850', '2019-??']
    >>> marked.tolist()
    [True, True, True, True, False, False, True, True, True, False]
    """
    text = arrow_text(uniq)
    rows = np.flatnonzero(pc.match_substring_regex(text, _MAYBE).fill_null(False).to_numpy(zero_copy_only=False))
    marked = np.zeros(len(uniq), dtype=bool)
    if not len(rows):
        return uniq, marked
    found = pc.extract_regex(text.take(pa.array(rows)), MARKED)  # (null where no form matched)
    parts = [pc.if_else(pc.equal(found.field(name), ""), None, found.field(name)) for name in ("a", "b", "c")]
    plain = pc.coalesce(*parts)
    hit = np.asarray(pc.is_valid(plain).to_numpy(zero_copy_only=False), dtype=bool)
    marked[rows[hit]] = True
    out = uniq.copy()
    out.iloc[rows[hit]] = plain.filter(pa.array(hit)).to_numpy(zero_copy_only=False)
    return out, marked


# a marker, a part of a period ("early 2019", "mid-1990s", "the end of the 19th century") or "(approx.)" after
_MARKER = rf"(?i)^\s*(?:{_WORDS}|~)\s*"
_PART = (r"(?i)^\s*(?:the\s+)?(?:early|mid|late|beginning\s+of|end\s+of|start\s+of|middle\s+of)"
         r"(?:\s+the)?[\s-]+")
# "(approx.)", "(estimated)", "[uncertain]", "(date unconfirmed)" after a date, as wikis and registers write them
_AFTER = (r"(?i)\s*[(\[](?:approx\.?|approximately|approximate|circa|c\.|ca\.?|est\.?|estimated|estimate|"
          r"uncertain|unconfirmed|disputed|(?:date\s+)?(?:uncertain|unconfirmed|approximate|estimated)|\?)[)\]]\s*$")
_SIGN_AFTER = r"(\d)\s*[?~%]\s*$"  # "1850?", EDTF's "2019~" and "2019%" (but "2019-??" keeps its signs)
_BRACKETS = r"^\s*\[\s*(.*?)\s*\]\s*$"  # a catalogue's "[1850]", "[ca. 1850]"
# a date known by one bound, as genealogists and catalogues write it ("before 1850", GEDCOM's "BEF 1850", "not after
# 1850"), or ISO 8601's interval open at its start ("../2019", "/2019"): read as the date it names, and said
_BOUND = (r"(?i)^\s*(?:(?:not\s+|no\s+)?(?:before|after|later\s+than|earlier\s+than)|prior\s+to|until|till|by|"
          r"bef\.?|aft\.?|vor|nach|bis|avant|après|jusqu'(?:à|en)|antes\s+de|después\s+de|hasta)\s+"
          r"(\S)|^\s*(?:pre-|post-)(\d)|^\s*(?:\.\.)?/\s*(\d)")
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
    plain = pc.replace_substring_regex(plain, _BRACKETS, "\\1")
    for pattern in (_MARKER, _PART, _MARKER, _AFTER):
        plain = pc.replace_substring_regex(plain, pattern, "")
    plain = pc.replace_substring_regex(plain, _SIGN_AFTER, "\\1")
    changed = pc.and_(pc.not_equal(plain, text), pc.match_substring_regex(plain, r"^\s*\w.*\d|^\s*\d"))
    marked = np.asarray(changed.fill_null(False).to_numpy(zero_copy_only=False), dtype=bool)
    out = pd.Series(pd.arrays.ArrowStringArray(plain), index=values.index).where(marked, values)
    return out, marked


def bounded(values: pd.Series) -> tuple[pd.Series, np.ndarray]:
    """The values without the bound they name ("before 1850" is 1850, "../2019" is 2019), and which had one.

    >>> values, marked = bounded(pd.Series(["before 1850", "BEF 1850", "not after 1 March 2019", "../2019", "1850",
    ...                                     "before March 1850", "pre-1850", "prepared"]))
    >>> values.tolist()
    ['1850', '1850', '1 March 2019', '2019', '1850', 'March 1850', '1850', 'prepared']
    >>> marked.tolist()
    [True, True, True, True, False, True, True, False]
    """
    text = arrow_text(values)
    plain = pc.replace_substring_regex(text, _BOUND, "\\1\\2\\3")
    marked = np.asarray(pc.not_equal(plain, text).fill_null(False).to_numpy(zero_copy_only=False), dtype=bool)
    out = pd.Series(pd.arrays.ArrowStringArray(plain), index=values.index).where(marked, values)
    return out, marked


def any_marked(values: pd.Series) -> np.ndarray:
    """Which values carry a mark of doubt or a bound (approximate, part of a period, between two dates, before or after
    one): what reading them as a plain date or span leaves unsaid. Each distinct value is looked at once.

    >>> any_marked(pd.Series(["c. 1850", "1850", "before 1860", "early 2019", None, "between 1850 and 1860", "c. 1850"],
    ...                      dtype="object")).tolist()
    [True, False, True, True, False, True, True]
    """
    codes, uniques = pd.factorize(values)
    if not len(uniques):
        return np.zeros(len(values), dtype=bool)
    uniq = pd.Series(np.asarray(uniques, dtype=object), dtype=pd.StringDtype("pyarrow"))
    marked = unmarked(uniq)[1] | qualified(uniq)[1] | bounded(uniq)[1]
    return np.where(codes >= 0, marked[np.maximum(codes, 0)], False)


WRITTEN = {"start": "start_written", "end": "end_written"}  # a marked date's text kept beside its reading
SAID = ("marked as approximate", "known only by a bound")  # what reading a column of such dates says of it


def as_written(values: pd.Series, said: list[Problem], column: str) -> pd.Series | None:
    """The text of each cell of ``values`` that carries a mark (:func:`any_marked`), "" elsewhere; None when none
    does, or when what reading the column ``said`` (its problems) names no such mark (an ISO column is not looked
    at). The model has no "about": kept so, "c. 1850" is not lost when its date is read as 1850.

    >>> note = Problem("t.csv", "dates marked as approximate or uncertain (c. 1850) read as the date written", None,
    ...                "date", "warning")
    >>> as_written(pd.Series(["c. 1850", "1860", "before 1870"]), [note], "date").tolist()
    ['c. 1850', '', 'before 1870']
    >>> as_written(pd.Series(["c. 1850"]), [], "date") is None
    True
    """
    if not any(problem.field == column and any(words in problem.message for words in SAID) for problem in said):
        return None
    text = values.astype("string").str.strip()
    marked = any_marked(text)
    if not marked.any():
        return None
    return pd.Series(np.where(marked, text.fillna("").to_numpy(dtype=object), ""), index=values.index,
                     dtype=pd.StringDtype("pyarrow"))
