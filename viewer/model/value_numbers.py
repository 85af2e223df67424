"""A relation's value as people write numbers: with thousands separators (``1,250,000``, ``1.250.000,5``,
``1 250 000``, ``1'250'000``), a currency (``$5.4bn``, ``€ 120``, ``120 EUR``) and a magnitude (``5.4bn``, ``300m``,
``1.2 billion``, ``5,4 Mrd.``), an accountant's negative in brackets (``(1,250)``) and a wiki's footnote mark after
it (``$90 billion[3]``: :mod:`viewer.model.dates.footnotes`). Before, a comma was always a
decimal point: ``1,250`` for a deal of 1,250 was read as 1.25, a thousand times too small without a word, and
``1,250,000`` was left empty.

The separators are decided for the column, as dates' day and month order is: a value with both marks says which is
the decimal one (the last), and so do two of one mark (``1,250,000``: commas group thousands). When the column says
nothing, a single comma before three digits groups thousands in a value that is no share (``1,250`` is 1250), and is
a decimal comma in a share (``43,400`` of a stake is 43.4%, a stake being at most 100). Never Qt.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from viewer.model.dates import footnotes, numerals

_CURRENCY = r"US\$|\$|€|£|¥|USD|EUR|GBP|JPY|CHF|CNY"
_MAGNITUDES = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "million": 1e6, "millions": 1e6,
               "mio": 1e6, "mio.": 1e6, "b": 1e9, "bn": 1e9, "billion": 1e9, "billions": 1e9, "mrd": 1e9,
               "mrd.": 1e9, "md": 1e9, "tn": 1e12, "trillion": 1e12}
_WRITTEN = (rf"^\s*(?P<before>{_CURRENCY})?\s*(?P<number>[-+−]?\.?\d[\d.,'’ \x{{202f}}\x{{a0}}]*?(?:[eE][-+]?\d+)?)\s*"
            r"(?P<magnitude>(?i:k|thousand|mn|mln|million|millions|mio\.?|bn|billion|billions|mrd\.?|md|tn|trillion|m|b))?"
            rf"\s*(?P<after>{_CURRENCY}|%)?\s*$")
_BRACKETED = r"^\s*\(\s*([^()]*\d[^()]*?)\s*\)\s*$"
COMMA_THOUSANDS = "values with commas read with the comma grouping thousands (1,250 is 1250)"


def read(text: pd.Series, shares: np.ndarray) -> tuple[pd.Series, pd.Series, list[str]]:
    """Each value as a number (NaN where none is written), which were written with a currency or a magnitude (their
    text is worth showing as written), and notes on how an ambiguous comma was read.

    >>> read(pd.Series(["1,250", "1,250,000", "$5.4bn", "", "x"]), np.zeros(5, dtype=bool))[0].tolist()
    [1250.0, 1250000.0, 5400000000.0, nan, nan]
    >>> read(pd.Series(["1.234,5", "43,4", "5,4 Mrd. €", "1 250 000"]), np.zeros(4, dtype=bool))[0].tolist()
    [1234.5, 43.4, 5400000000.0, 1250000.0]
    >>> values, decorated, notes = read(pd.Series(["1,250", "43,400", "€120"]), np.array([False, True, False]))
    >>> values.tolist(), decorated.tolist(), notes == [COMMA_THOUSANDS]
    ([1250.0, 43.4, 120.0], [False, False, True], True)
    >>> read(pd.Series(["(1,250)", "($5.4bn)", "250", "(x)"]), np.zeros(4, dtype=bool))[0].tolist()  # accountants'
    [-1250.0, -5400000000.0, 250.0, nan]
    >>> read(pd.Series(["$90 billion[3]", "43.4[a]", "12[note 1]", "7 [unclear]"]), np.zeros(4, dtype=bool))[0].tolist()
    [90000000000.0, 43.4, 12.0, nan]
    """
    written = pa.array(text.astype("object").where(text.notna(), None).tolist(), pa.string())
    if pc.any(pc.match_substring_regex(written, numerals.BEYOND_ASCII)).as_py():  # "٥٠", "５０％"
        written = pa.array([None if v is None else numerals.folded(v) for v in written.to_pylist()], pa.string())
    plain_numbers = _plain_numbers(written)
    if plain_numbers is not None:  # most columns (a graph's weights, a table of stakes): one cast in C++
        return (pd.Series(plain_numbers, index=text.index), pd.Series(False, index=text.index, dtype=bool), [])
    written = footnotes.without(written)  # a wiki's "$90 billion[3]"
    negative = _matches(written, _BRACKETED)  # an accountant's negative: (1,250) is -1250
    written = pc.replace_substring_regex(written, _BRACKETED, r"\1")
    found = pc.extract_regex(written, _WRITTEN)
    plain = pc.replace_substring_regex(pc.struct_field(found, ["number"]), r"['’ \x{202f}\x{a0}]", "")
    plain = pc.replace_substring(plain, "−", "-")
    commas, dots = _count(plain, ","), _count(plain, ".")
    # grouped as English writes it (1,250 / 1,250,000 / 1,250.75) or as most of Europe does (1.250.000,75)
    us = _matches(plain, r"^[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
    eu = _matches(plain, r"^[-+]?\d{1,3}(?:\.\d{3})+(?:,\d+)?$")
    says_us, says_eu = bool((us & ((commas > 1) | (dots > 0))).any()), bool((eu & ((dots > 1) | (commas > 0))).any())
    lone_comma, lone_dot = us & (commas == 1) & (dots == 0), eu & (dots == 1) & (commas == 0)  # 1,250 and 1.250
    comma_groups = us & ((commas > 1) | (dots > 0))
    if says_us and not says_eu:
        comma_groups |= lone_comma
    elif not says_eu:  # the column says nothing: a thousand and more, but in a stake (at most 100) a decimal comma
        comma_groups |= lone_comma & ~shares
    notes = [COMMA_THOUSANDS] if (lone_comma & comma_groups).any() and not says_us else []
    dot_groups = eu & ((dots > 1) | (commas > 0))
    if says_eu and not says_us:  # "1.250" beside "1.250.000" and "12,5": a thousand and more
        dot_groups |= lone_dot
    as_written = pc.if_else(pa.array(comma_groups), pc.replace_substring(plain, ",", ""),
                            pc.replace_substring(pc.if_else(pa.array(dot_groups), pc.replace_substring(plain, ".", ""),
                                                            plain), ",", "."))
    values = pd.to_numeric(pd.Series(as_written.to_pandas(), dtype=object), errors="coerce").to_numpy(dtype=float)
    magnitude = pc.dictionary_encode(pc.utf8_lower(pc.struct_field(found, ["magnitude"])).fill_null(""))
    scales = np.array([_MAGNITUDES.get(m, 1.0) for m in magnitude.dictionary.to_pylist()] + [1.0])
    values = values * scales[np.asarray(magnitude.indices.to_numpy(zero_copy_only=False))]  # (per distinct word)
    currency = pc.or_(pc.not_equal(pc.struct_field(found, ["before"]), ""),
                      pc.invert(pc.is_in(pc.struct_field(found, ["after"]), pa.array(["", "%"]))))
    decorated = np.asarray(pc.or_(currency, pc.not_equal(pc.struct_field(found, ["magnitude"]), ""))
                           .fill_null(False).to_numpy(zero_copy_only=False), dtype=bool)
    values[~np.isfinite(values)] = np.nan
    values[negative] = -values[negative]
    return pd.Series(values, index=text.index), pd.Series(decorated | negative, index=text.index), notes


def _plain_numbers(written: pa.Array) -> np.ndarray | None:
    """The values as numbers when every one is a plain number or empty (NaN for empty and infinite ones), else
    None."""
    try:
        numbers = pc.cast(pc.if_else(pc.equal(written, ""), None, written), pa.float64())
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None
    values = np.array(numbers.to_numpy(zero_copy_only=False), dtype=float)  # (a copy: Arrow's own is read-only)
    values[~np.isfinite(values)] = np.nan
    return values


def _matches(text: pa.Array, pattern: str) -> np.ndarray:
    return np.asarray(pc.match_substring_regex(text, pattern).fill_null(False).to_numpy(zero_copy_only=False),
                      dtype=bool)


def _count(text: pa.Array, mark: str) -> np.ndarray:
    return np.asarray(pc.count_substring(text, mark).fill_null(0).to_numpy(zero_copy_only=False), dtype=np.int64)


def fractions_of_one(value: pd.Series, written: pd.Series, shares: np.ndarray) -> bool:
    """Whether the shares among these values are written as fractions of one (Wikidata's and many registers'
    ``0.434``), to be read as percentages: every share at most 1, none written with ``%``, two or more, and one
    strictly between 0 and 1."""
    given = shares & value.notna().to_numpy()
    values = value[given]
    return bool(given.sum() >= 2 and values.between(0, 1).all() and ((values > 0) & (values < 1)).any()
                and not written[given].str.endswith("%").any())


def number_text(value: object) -> str:
    """A number written back as the shortest text that reads as the same number (empty when missing): ``%g`` kept
    six digits, and a deal of 1,234,567.891 was written 1.23457e+06.

    >>> [number_text(v) for v in (1234567.891, 33.3333333333, 1250001.0, 0.434 * 100, 1e20, float("nan"), None)]
    ['1234567.891', '33.3333333333', '1250001', '43.4', '1e+20', '', '']
    """
    if value is None or pd.isna(value):
        return ""
    number = float(value)  # type: ignore[arg-type]
    if number.is_integer() and abs(number) < 1e16:
        return str(int(number))
    text = f"{number:.15g}"  # (what any file wrote; the last bits of a share computed from 0.434 are noise, not 43.4)
    return text if math.isclose(float(text), number, rel_tol=1e-15) else repr(number)
