"""Numbers written with more digits than a float keeps, told from a float's own digits. Never Qt.

A double keeps any number of up to 15 significant digits (``DBL_DIG``): ``1.10`` and ``0.000123`` read back as
written. A wider one, such as a ledger's ``12345678901234567890.12`` from a ``decimal(22,2)`` column, reads as
``1.2345678901234567e+19``: an attribute column holding one is kept as text, exactly as written (as integers of
16 digits and more are). Writers of floats also write more than 15 digits, the float's own: pandas' shortest form
(``0.30000000000000004``), C's ``%.17g`` (``0.10000000000000001``), numpy's ``%.18e``; such a cell is the number
it reads as, and stays a number.

>>> rounded(pa.array(["12345678901234567890.12", "1.10", "0.30000000000000004", "1.000000000000000056e-01"]))
array([ True, False, False, False])
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

KEPT = 15  # significant digits a double keeps of any number written in decimal


def significant(text: pa.Array) -> pa.Array:
    """The significant digits of each number written as text, without its sign, point, exponent and the zeros
    before and after (``-0.001230e5`` → ``123``). Trimmed, not matched: a regular expression took 0.25 s a million
    cells, and only a cell that writes an exponent is cut by one."""
    powers = pc.match_substring(text, "e", ignore_case=True)
    if pc.any(powers).as_py():
        cut = pc.replace_substring_regex(text.filter(powers), r"[eE].*$", "")
        text = pc.replace_with_mask(text, powers, cut)
    trimmed = pc.ascii_rtrim(pc.ascii_ltrim(text, "+-0."), "0.")
    return pc.replace_substring(trimmed, ".", "")


def rounded(numbers: pa.Array) -> np.ndarray:
    """Which cells of text, each a number, a float would change: more than :data:`KEPT` significant digits, and not
    the float it reads as written out (to its shortest form, or to as many digits as the cell has). A number past
    the largest a double holds is no such cell: it is read as infinity, and said as such."""
    out = np.zeros(len(numbers), dtype=bool)
    at = np.flatnonzero(_more_than_kept(pc.utf8_length(numbers)))  # (the cheap tests first: few cells are long,
    if not len(at):  # and most long ones are a float's shortest text, as pandas and Python write it)
        return out
    cells = numbers.take(pa.array(at))
    try:
        floats = pc.cast(cells, pa.float64())
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):  # ("1_000" and such: no number of a table's)
        floats = pa.array([_float(cell) for cell in cells.to_pylist()], pa.float64())
    shortest = pc.cast(floats, pa.string())
    other = pc.and_(pc.invert(pc.equal(cells, shortest)), pc.is_finite(floats)).fill_null(False)
    at, cells, floats, shortest = at[_mask(other)], cells.filter(other), floats.filter(other), shortest.filter(other)
    digits = significant(cells)
    unsure = pc.and_(pc.greater(pc.utf8_length(digits), KEPT), pc.not_equal(significant(shortest), digits))
    if pc.any(unsure).as_py():  # (a float's longer form, %.17g or %.18e, is read here: only such cells)
        out[at[_mask(unsure)]] = [not _spelled(number, written) for number, written in
                                  zip(floats.filter(unsure).to_pylist(), digits.filter(unsure).to_pylist(),
                                      strict=True)]
    return out


def _mask(flags: pa.Array) -> np.ndarray:
    return np.asarray(flags.fill_null(False).to_numpy(zero_copy_only=False), dtype=bool)


def _more_than_kept(lengths: pa.Array) -> np.ndarray:
    return _mask(pc.greater(lengths, KEPT))


def _float(cell: object) -> float:
    try:
        return float(str(cell))
    except ValueError:
        return float("nan")


def _spelled(number: float, digits: str) -> bool:
    """Whether ``digits`` (significant, trimmed) are the float written out to that many digits."""
    mantissa = f"{number:.{len(digits) - 1}e}".partition("e")[0]
    return mantissa.replace("-", "").replace(".", "").rstrip("0") == digits
