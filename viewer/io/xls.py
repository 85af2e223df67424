"""Excel 97-2003 workbooks (.xls, an OLE document) read by xlrd, cell by cell, into text as pandas reads an
.xlsx: date cells as ``1998-03-02 00:00:00``, whole numbers without ``.0``, errors as empty cells.

pandas still reads .xls through xlrd but deprecates doing so; xlrd itself is the reader that stays (pure
Python: a damaged workbook raises, where a compiled reader aborted the app on a 2 GB allocation).
"""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import xlrd


def sheet_names(path: Path) -> list[str]:
    """The workbook's sheets, in order."""
    with _opened(path) as book:
        return [str(name) for name in book.sheet_names()]


def read_sheet(path: Path, sheet: str | int, nrows: int | None = None) -> pd.DataFrame:
    """One sheet's cells as text ("" for empty ones), no header taken."""
    with _opened(path) as book:
        table = book.sheet_by_name(sheet) if isinstance(sheet, str) else book.sheet_by_index(sheet)
        count = table.nrows if nrows is None else min(nrows, table.nrows)
        rows = [[_text(cell, book.datemode) for cell in table.row(i)] for i in range(count)]
    width = max((len(row) for row in rows), default=0)
    return pd.DataFrame([row + [""] * (width - len(row)) for row in rows], dtype=str)


def _opened(path: Path) -> xlrd.book.Book:
    """The workbook, xlrd's notes kept to itself: it writes them to standard output (a damaged workbook's stream
    map, "_locate_stream(Workbook): seen …"), which ran into what ``entente events --format json`` prints."""
    return xlrd.open_workbook(str(path), on_demand=True, logfile=io.StringIO(), verbosity=0)


def _text(cell: xlrd.sheet.Cell, datemode: int) -> str:
    kind, value = cell.ctype, cell.value
    if kind == xlrd.XL_CELL_DATE:
        try:
            moment = xlrd.xldate.xldate_as_datetime(value, datemode)
        except (xlrd.xldate.XLDateError, OverflowError, ValueError):
            return _number(value)
        return str(moment.time()) if 0 <= value < 1 else str(moment)
    if kind == xlrd.XL_CELL_NUMBER:
        return _number(value)
    if kind == xlrd.XL_CELL_BOOLEAN:
        return str(bool(value))
    if kind == xlrd.XL_CELL_TEXT:
        return str(value)
    return ""  # empty, blank and error cells


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)
