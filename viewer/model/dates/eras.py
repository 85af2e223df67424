"""Years written with an era after them ("44 BC", "753 BCE", "1066 AD"), as the date parser reads years.

The suffix looks like a time zone's abbreviation to the parser, which took "44 BC" for the year 44 in a zone
named BC. A year before Christ becomes its astronomical year (1 BC is year 0, 44 BC is -0043, as ISO 8601
writes it); a date AD or CE is the date without the marker.
"""

from __future__ import annotations

import pandas as pd

ERAS = {"BC": -1, "BCE": -1, "AD": 1, "CE": 1}
_TEXT = pd.StringDtype("pyarrow")


def as_written(dates: pd.Series, eras: pd.Series) -> pd.Series:
    """Each date (the text before its era) as the parser reads it. A date before Christ other than a bare year
    stays as written, era and all, to be reported as unreadable rather than read as a date after Christ.

    >>> as_written(pd.Series(["44", "1", "1066", "15 March 44"]), pd.Series(["BC", "BC", "AD", "BC"])).tolist()
    ['-0043', '0000', '1066', '15 March 44 BC']
    """
    written = []
    for date, era in zip(dates.astype(_TEXT).str.strip(), eras, strict=True):
        if ERAS.get(str(era), 1) > 0:
            written.append(date)
        elif isinstance(date, str) and date.isascii() and date.isdigit() and len(date) <= 6:
            year = 1 - int(date)
            written.append(f"-{-year:04d}" if year < 0 else f"{year:04d}")
        else:
            written.append(f"{date} {era}")
    return pd.Series(written, index=dates.index, dtype=_TEXT)
