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


def said(frame: pd.DataFrame, label: str) -> list[Problem]:
    """One warning for each number attribute of ``frame`` holding an infinity, at the first row that does.

    >>> frame = pd.DataFrame({"attr:amount": [1.0, float("inf"), -float("inf")], "row": [2, 3, 4]})
    >>> print(said(frame, "t.csv")[0].message)
    2 values past the largest number (±1.8e308, as 1e309 is) read as infinity
    """
    problems = []
    for name in [c for c in frame.columns if str(c).startswith(PREFIX)]:
        values = frame[name]
        if not pd.api.types.is_float_dtype(values.dtype):
            continue
        infinite = np.isinf(values.to_numpy(dtype=float, na_value=np.nan))
        if infinite.any():
            first = int(np.flatnonzero(infinite)[0])
            row = int(frame["row"].iloc[first]) if "row" in frame else None
            message = (f"{counted(int(infinite.sum()), 'value')} past the largest number (±1.8e308, as 1e309 is) "
                       "read as infinity")
            problems.append(Problem(label, message, row, str(name).removeprefix(PREFIX), "warning"))
    return problems
