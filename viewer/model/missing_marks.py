"""What SQL exports, spreadsheets and programs write for a value that is not there (``NULL``, ``N/A``, ``NaT``,
MySQL's zero date): a column of numbers or dates with them is still numbers or dates, those cells empty. Never Qt.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

# each in lower case (read so, in upper case and capitalised too) or as written (pandas writes "NaT" for a missing
# time turned into text and "NaN", MySQL "0000-00-00" for its zero date); a column of text keeps them as written
MISSING = ("null", "(null)", "<null>", "\\n", "n/a", "#n/a", "na", "none", "nan", "nil", "-", "\u2013", "\u2014", "?",
           "nat", "NaT", "NaN", "0000-00-00", "0000-00-00 00:00:00")


_MISSING_FORMS = pa.array(sorted({form for mark in MISSING for form in (mark, mark.upper(), mark.capitalize())}))


def missing(text: pa.Array) -> np.ndarray:
    """Which cells of a clean column (trimmed) mark a missing value (:data:`MISSING`, as written in lower case,
    upper case or capitalised): one hash lookup a cell, no copy of the column's text."""
    found = pc.is_in(text, value_set=_MISSING_FORMS).fill_null(False)
    return np.asarray(found.to_numpy(zero_copy_only=False), dtype=bool)
