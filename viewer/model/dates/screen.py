"""Which columns of a table could hold dates at all, looked at in one pass over all their cells.

Looking for a column of dates by its values (a table whose names say none) asked each column in turn, at a few
milliseconds of pandas and Arrow calls each: a survey of 2,000 questions took 17 s before its row was read, one of
5,000 empty questions 21 s. Every form a date is read in writes a digit (of any script) or names a Japanese era,
and none is a bare number of one to three digits; a numeric column holds a date only as a number of four digits or
more (a year, ``20190304``, an Excel serial day, a Unix time). Columns without such a cell are left out here, in
bulk, and the tests that read dates run on the rest.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

MAY_BE = r"\p{Nd}|明治|大正|昭和|平成|令和|民[國国]"  # a digit of any script, or an era's name ("平成元年")
SMALL = r"^\s*[-+]?\p{Nd}{1,3}(?:[.,]\p{Nd}*)?\s*$"  # an answer of 1 to 5, a count, a share: no date


def could_hold_dates(sample: pd.DataFrame) -> np.ndarray:
    """Per column of ``sample`` (a table's first rows), whether some cell could be read as a date.

    >>> frame = pd.DataFrame({"q1": ["1", "5", None], "when": ["", "2019-03-04", None], "note": ["yes", "no", "-"],
    ...                       "n": [3, 2000, 1], "m": [1.5, 2.0, 999.0], "era": ["平成元年", "", ""]})
    >>> could_hold_dates(frame).tolist()
    [False, True, False, True, False, True]
    """
    could = np.zeros(sample.shape[1], dtype=bool)
    if not len(sample):
        return could
    dtypes = list(sample.dtypes)
    dated = [pd.api.types.is_datetime64_any_dtype(dtype) for dtype in dtypes]
    numeric = [not d and pd.api.types.is_numeric_dtype(dtype) and not pd.api.types.is_bool_dtype(dtype)
               for d, dtype in zip(dated, dtypes, strict=True)]
    texts = [at for at, dtype in enumerate(dtypes) if not (dated[at] or numeric[at] or pd.api.types.is_bool_dtype(
        dtype))]
    could[np.flatnonzero(dated)] = True
    if any(numeric):  # (one pass over every numeric column)
        numbers = sample.iloc[:, np.flatnonzero(numeric)]
        could[np.flatnonzero(numeric)] = (numbers.abs() >= 1000).any(axis=0).to_numpy(dtype=bool)
    if texts:  # one Arrow array of every text cell, column after column
        cells = (sample if len(texts) == len(dtypes) else sample.iloc[:, texts]).to_numpy(dtype=object).T.ravel()
        text = _text(cells)
        hit = pc.and_(pc.match_substring_regex(text, MAY_BE), pc.invert(pc.match_substring_regex(text, SMALL)))
        flags = hit.fill_null(False).to_numpy(zero_copy_only=False).reshape(len(texts), len(sample))
        could[texts] = flags.any(axis=1)
    return could


def _text(cells: np.ndarray) -> pa.Array:
    """Cells as one Arrow string array (numbers and records in an object column as their text)."""
    try:
        return pa.array(cells, type=pa.string(), from_pandas=True)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return pa.array([str(cell) for cell in cells], type=pa.string())  # (a list or a record among the cells)
