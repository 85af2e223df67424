"""Dates written with digits other than ASCII's: full-width ones (``２０１９/０３/０４``, as Japanese and Chinese
text writes them), Arabic-Indic (``٢٠١٩-٠٣-٠٤``), Devanagari, Bengali, Thai and the rest of Unicode's decimal
digits. Each becomes its ASCII digit, and the value is read as any other; so do the hyphens a word processor or a
PDF writes between a date's parts (``2020‐01‐15`` with U+2010, skipped as "expected a date" before).

Persian and Arabic digits often write another calendar's year: ``۱۳۹۷/۱۰/۱۷`` is a Solar Hijri date (7 January
2019), ``١٤٤٠`` a year of the Islamic one. Read with Gregorian digits it would be a date in the 14th century,
wrong without a word; a value in those digits whose year falls in 1300–1499 is left unread instead, and said.
Only values the parser left unread come here: each distinct one is looked at once, in Python. Never Qt.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from functools import cache

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

HYPHENS = "\u2010\u2011\u2012\u2212\ufe63"  # hyphen, non-breaking hyphen, figure dash, minus, small hyphen (not
# the en dash of a span, "1914–1918", read as a span)
BEYOND_ASCII = r"[^\x00-\x7F]"  # a cheap first look, in C++
_ARABIC_SCRIPT = re.compile(r"[\u0660-\u0669\u06F0-\u06F9]")
_HIJRI_YEAR = re.compile(r"(?<!\d)1[34]\d\d(?!\d)")  # 1300-1499: the Solar Hijri and Islamic years of our time
HIJRI = ("written in Persian or Arabic digits with a year of 1300–1499: Solar Hijri or Islamic calendar dates, not "
         "converted (expected a Gregorian date)")


@cache
def _table() -> dict[int, int]:
    """Every decimal digit Unicode knows beyond ASCII's, to its ASCII digit (about 700 of them), and the hyphens a
    word processor or a PDF puts between a date's parts (``2020‐01‐15``, U+2010), to ASCII's."""
    out = dict.fromkeys(map(ord, HYPHENS), ord("-"))
    for point in range(0x0660, sys.maxunicode + 1):
        value = unicodedata.decimal(chr(point), None)
        if value is not None:
            out[point] = ord("0") + value
    return out


def folded(text: str) -> str:
    """The text with full-width forms made plain (NFKC) and every decimal digit written in ASCII.

    >>> folded("٢٠١٩-٠٣-٠٤"), folded("２０１９/０３/０４"), folded("२०१९-०३-०४"), folded("4 mars 2019")
    ('2019-03-04', '2019/03/04', '2019-03-04', '4 mars 2019')
    >>> folded("2020\u201001\u201015"), folded("15\u2011Jan\u20112020"), folded("1914\u20131918")
    ('2020-01-15', '15-Jan-2020', '1914–1918')
    """
    return unicodedata.normalize("NFKC", text).translate(_table())


def fold_column(text: pa.Array) -> tuple[pa.Array, int]:
    """The values with their digits in ASCII (see :func:`folded`), and how many were left as written because they
    look like another calendar's dates (their year 13xx or 14xx in Persian or Arabic digits)."""
    rows = np.flatnonzero(np.asarray(pc.match_substring_regex(text, BEYOND_ASCII).fill_null(False)
                                     .to_numpy(zero_copy_only=False), dtype=bool))
    if not len(rows):
        return text, 0
    values = text.to_pylist()
    seen: dict[str, tuple[str, bool]] = {}  # each distinct value: as read, and whether another calendar's
    other = 0
    for row in rows.tolist():
        written = values[row]
        if written not in seen:
            plain = folded(written)
            hijri = _ARABIC_SCRIPT.search(written) is not None and _HIJRI_YEAR.search(plain) is not None
            seen[written] = (written, True) if hijri else (plain, False)
        values[row], hijri = seen[written]
        other += hijri
    return pa.array(values, pa.string()), other
