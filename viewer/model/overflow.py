"""Numbers written past the largest a double holds (``1e309``, a corrupted export's ``9e999``) are read as infinity,
which sorts, sums and draws as no number does: each column that holds one is said once, with how many and a row.
Never Qt.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from viewer.model.attributes import PREFIX
from viewer.model.problems import Problem
from viewer.model.wording import counted

BLOCK_CELLS = 1 << 20  # numbers copied at a time to be looked at (8 MB)


def said(frame: pd.DataFrame, label: str) -> list[Problem]:
    """One warning for each number attribute of ``frame`` holding an infinity, at the first row that does.

    >>> frame = pd.DataFrame({"attr:amount": [1.0, float("inf"), -float("inf")], "row": [2, 3, 4]})
    >>> print(said(frame, "t.csv")[0].message)
    2 values past the largest number (±1.8e308, as 1e309 is) read as infinity
    """
    floats: dict[object, bool] = {}  # (asked once of each dtype: a wide table's 20,000 columns share a few)
    at = [i for i, (name, dtype) in enumerate(frame.dtypes.items()) if str(name).startswith(PREFIX)
          and floats.setdefault(dtype, pd.api.types.is_float_dtype(dtype))]
    problems = []
    step = max(1, BLOCK_CELLS // max(len(frame), 1))  # columns looked at together: 30 µs a column one by one, but a
    for begin in range(0, len(at), step):  # block of a tall table's columns is a copy of them (1M rows: 8 MB each)
        block = at[begin:begin + step]
        infinite = np.isinf(frame.iloc[:, block].to_numpy(dtype=float, na_value=np.nan))
        for column in np.flatnonzero(infinite.any(axis=0)):
            name, hit = frame.columns[block[column]], infinite[:, column]
            first = int(np.flatnonzero(hit)[0])
            row = int(frame["row"].iloc[first]) if "row" in frame else None
            message = (f"{counted(int(hit.sum()), 'value')} past the largest number (±1.8e308, as 1e309 is) "
                       "read as infinity")
            problems.append(Problem(label, message, row, str(name).removeprefix(PREFIX), "warning"))
    return problems
