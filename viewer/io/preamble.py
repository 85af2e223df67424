"""Lines above a table's header: a report's title, who exported it and when, a blank line. Government and
bank exports and spreadsheets often start so; the first line was taken for the header ("no date column among
Registry of filings") and the file refused.

Such lines fill fewer fields than the table (a title fills one). The header is the first row that fills the
whole width, provided most rows after it fill more than half. A table whose first row already fills its width, or
whose widest row is one record alone wider than the rows above and after it (an unquoted comma in the first record),
or whose first rows are merely short records (more than half filled, and beginning like the records after the
header: a date like a date), is read from its first line as before.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from viewer.io.lines import shape

SAMPLE_ROWS = 60  # rows looked at
MOST_ROWS = 30  # above the header, at most
FULL_SHARE = 0.8  # of the rows after the header, how many fill more than half the width


def _width(row: Sequence[object]) -> int:
    """One past the row's last filled field (0: an empty row)."""
    for i in range(len(row) - 1, -1, -1):
        value = row[i]
        if value is not None and not (isinstance(value, float) and math.isnan(value)) and str(value).strip():
            return i + 1
    return 0


def rows_before_header(rows: Sequence[Sequence[object]]) -> int:
    """How many of the leading ``rows`` (cells as read, header not taken) are a title or notes above the
    header; 0 when the first row is the header or a record."""
    widths = [_width(row) for row in rows[:SAMPLE_ROWS]]
    blank = next((at for at, width in enumerate(widths) if width), 0)
    if blank:  # empty rows above everything (a sheet begun lower down): never the header, whatever follows
        return blank + rows_before_header(rows[blank:])
    table = max(widths, default=0)
    if table < 2 or widths[0] == table:
        return 0
    first = widths.index(table)
    after = [width for width in widths[first + 1:] if width]
    if first > MOST_ROWS or not after or sum(width > table // 2 for width in after) < FULL_SHARE * len(after) or (
            widths.count(table) == 1 and max(widths[:first]) >= max(after)):
        return 0  # (the last: one record a field too wide, an unquoted comma in it, under a header as wide as the rest)
    if _like_records(rows[first], rows[first + 1:SAMPLE_ROWS]):
        return 0  # the first full row is shaped like the records: one of them, not a header
    wide = [row for row, width in zip(rows[:first], widths[:first], strict=True) if width > max(1, table // 2)]
    if any(_like_records(row, rows[first + 1:SAMPLE_ROWS]) for row in wide):
        return 0  # a wide row above shaped like the records is one of them (missing its last fields)
    return first


def _like_records(row: Sequence[object], records: Sequence[Sequence[object]]) -> bool:
    """Whether each filled field of ``row`` is shaped as some record's field in its column is: a record missing its
    last fields is, a row of group names over the header ("Event", "Period" over "Title", "Type", "Start", "End",
    its names over columns of dates) is not."""
    for at, value in enumerate(row):
        shapes = {shape(record[at]) for record in records if at < len(record) and _width([record[at]])}
        if _width([value]) and shapes and shape(value) not in shapes:  # (a column the records leave empty: no telling)
            return False
    return True
