"""An .xlsx sheet's rows read in C (lxml), cell by cell as openpyxl reads them and pandas converts them.

``pandas.read_excel`` asks openpyxl for every cell: its worksheet parser builds a Python element, a dict and a
cell object for each, about 60 µs a cell, so a workbook of 50,000 rows and five columns took 8 s to open (a full
sheet of a million rows, minutes). Here the sheet's XML is parsed by lxml a row at a time and each cell's value
made as openpyxl makes it (its shared strings, date styles, epoch and conversions, from the workbook openpyxl
opened) and as pandas' reader converts it; the rows then go through pandas' own parsing, so a sheet reads to the
same frame. Anything unexpected is left to pandas and openpyxl, which read the sheet as before.

A sheet whose values lie far apart (a header in A1 and a stray value in XFD1048576, the last cell) would be padded
into a grid of every cell between: 17 billion, and a 5 KB workbook took every byte of memory. Such a sheet is
refused, saying where its values reach (:func:`_fits`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
from lxml import etree
from openpyxl.cell.text import Text
from openpyxl.reader.excel import SHARED_STRINGS, ExcelReader
from openpyxl.utils.cell import coordinate_to_tuple, get_column_letter
from openpyxl.utils.datetime import from_excel, from_ISO8601
from openpyxl.worksheet._reader import INLINE_STRING, ROW_TAG, VALUE_TAG, _cast_number
from openpyxl.xml.constants import SHEET_MAIN_NS
from pandas.io.excel._openpyxl import OpenpyxlReader  # pandas' reader: its rows are made here, the rest is its own

from viewer.model.problems import LoadError, Problem
from viewer.model.wording import counted

_T, _RUN, _ITEM = f"{{{SHEET_MAIN_NS}}}t", f"{{{SHEET_MAIN_NS}}}r", f"{{{SHEET_MAIN_NS}}}si"
_FORMULA = f"{{{SHEET_MAIN_NS}}}f"
_PHONETIC = {f"{{{SHEET_MAIN_NS}}}rPh", f"{{{SHEET_MAIN_NS}}}phoneticPr"}  # (left out, as openpyxl leaves them)


def read_sheet(path: Any, sheet: str | int, nrows: int | None) -> pd.DataFrame:
    """The sheet's cells as ``pd.read_excel(path, sheet_name=sheet, header=None, dtype=str, nrows=nrows,
    engine="openpyxl")`` reads them, "" for empty ones."""
    reader = _Reader(path)
    reader.uncalculated, reader.label = [0], str(path)
    try:
        frame = reader.parse(sheet_name=sheet, header=None, dtype=str, nrows=nrows).fillna("")
    finally:
        reader.close()
    if reader.uncalculated[0]:  # a workbook a script wrote (openpyxl, xlsxwriter) keeps formulas, not their results
        frame.attrs["said"] = [Problem(str(path), f"{counted(reader.uncalculated[0], 'cell')} hold a formula with no "
                                       "result saved (the workbook was written by a program that does not calculate, "
                                       "as a script does): read as empty; opened and saved in Excel or LibreOffice, "
                                       "it keeps their values", None, None, "warning")]
    return frame


def sheet_names(path: Any) -> list[str]:
    """The workbook's worksheets, as ``pd.ExcelFile(path, engine="openpyxl").sheet_names`` names them."""
    reader = _Reader(path)
    try:
        return [str(name) for name in reader.sheet_names]
    finally:
        reader.close()


class _Strings(ExcelReader):  # type: ignore[misc]
    """openpyxl's reader of a workbook, its shared strings read in C (openpyxl's own took 1.8 s for 100,000)."""

    def read_strings(self) -> None:
        part = self.package.find(SHARED_STRINGS)
        if part is None:
            return
        try:
            with self.archive.open(part.PartName[1:]) as source:
                self.shared_strings = _string_table(source)
        except Exception:  # (what lxml cannot read, openpyxl reads, or says why)
            super().read_strings()


def _string_table(source: Any) -> list[str]:
    """openpyxl's ``read_string_table``: each <si>'s text as its ``Text(...).content`` gives it."""
    strings = []
    for _event, item in etree.iterparse(source, events=("end",), tag=_ITEM, resolve_entities=False,
                                        no_network=True):
        strings.append((_inline(item) or "").replace("x005F_", ""))
        item.clear()
        while item.getprevious() is not None:
            del item.getparent()[0]
    return strings


class _Reader(OpenpyxlReader):  # type: ignore[misc]
    def load_workbook(self, filepath_or_buffer: Any, engine_kwargs: Any) -> Any:
        reader = _Strings(filepath_or_buffer, read_only=True, data_only=True, keep_links=False)
        reader.read()
        return reader.wb

    uncalculated: list[int] | None = None  # formulas without a result: counted when a list is given
    label = ""  # the file, as a refusal names it

    def get_sheet_data(self, sheet: Any, file_rows_needed: int | None = None) -> list[list[Any]]:
        try:
            return rows(sheet, file_rows_needed, self.uncalculated, self.label)
        except LoadError:  # (a sheet too sparse to pad: openpyxl's own reading would pad it alike)
            raise
        except Exception:  # (a sheet lxml or these conversions cannot read: openpyxl reads it, or says why)
            return super().get_sheet_data(sheet, file_rows_needed)


def rows(sheet: Any, wanted: int | None = None, uncalculated: list[int] | None = None, label: str = ""
         ) -> list[list[Any]]:
    """pandas' ``get_sheet_data`` for an openpyxl read-only sheet: each row's values as pandas converts openpyxl's
    cells ("" for none, NaN for an error), a missing row empty, trailing empty cells and rows cut, rows padded
    (LoadError for a sheet whose grid would hold far more cells than its values: :func:`_fits`)."""
    book = sheet.parent
    data: list[list[Any]] = []
    last = -1
    counter, row_counter = 1, 0  # the next row to give (openpyxl's counter), the row being read
    dating = (book._date_formats, book._timedelta_formats, book.epoch)
    with book._archive.open(sheet._worksheet_path) as source:
        for _event, element in etree.iterparse(source, events=("end",), tag=ROW_TAG, resolve_entities=False,
                                               no_network=True):
            number = element.get("r")
            row_counter = _row_number(number) if number is not None else row_counter + 1
            while counter < row_counter and (wanted is None or len(data) < wanted):  # rows the sheet leaves out
                counter += 1
                data.append([])
            if wanted is not None and len(data) >= wanted:
                break
            if counter <= row_counter:
                values = _values(element, sheet._shared_strings, dating, uncalculated)
                counter += 1
                while values and values[-1] == "":
                    values.pop()
                if values:
                    last = len(data)
                data.append(values)
            element.clear()
            while element.getprevious() is not None:
                del element.getparent()[0]
            if wanted is not None and len(data) >= wanted:
                break
    data = data[:last + 1]
    if data:
        width = max(len(row) for row in data)
        _fits(data, width, label, str(getattr(sheet, "title", "")))
        data = [row + [""] * (width - len(row)) for row in data]
    return data


MOST_CELLS = 50_000_000  # cells a sheet's grid may hold beyond four times the cells its rows write


def _fits(data: list[list[Any]], width: int, label: str, title: str) -> None:
    """LoadError when the grid of ``data``'s rows, padded to ``width``, would hold more than :data:`MOST_CELLS`
    cells and more than four for each cell its rows write (a sheet of scattered values, not a table)."""
    cells = len(data) * width
    if cells <= max(MOST_CELLS, 4 * sum(len(row) for row in data)):
        return
    far = next(at for at, row in enumerate(data) if len(row) == width)
    filled = sum(1 for row in data for value in row if not (isinstance(value, str) and value == ""))
    raise LoadError(f"{label}: the sheet {title!r} reaches row {len(data):,} and column {get_column_letter(width)} "
                    f"(a value in {get_column_letter(width)}{far + 1}), a grid of {cells:,} cells for "
                    f"{filled:,} values; expected a table whose values lie together (delete the values far from "
                    "it, or save the table as CSV)")


def _row_number(written: str) -> int:
    try:
        return int(written)
    except ValueError:
        value = float(written)
        if not value.is_integer():
            raise
        return int(value)


def _values(row: Any, shared: Any, dating: tuple[Any, Any, Any], uncalculated: list[int] | None = None) -> list[Any]:
    """One row's values by column (a missing cell ""), as pandas converts openpyxl's cells (``dating``: the
    workbook's date styles, time-span styles and epoch); a formula with no result counted in ``uncalculated``."""
    columns: list[int] = []
    values: list[Any] = []
    column = 0  # (the row is as wide as its last cell's column, as openpyxl makes it)
    for cell in row:
        kind = cell.get("t", "n")
        written = cell.get("r")
        column = _column(written) if written else column + 1
        value: Any = None
        if kind == "inlineStr":
            value = _inline(cell.find(INLINE_STRING))
        else:
            for part in cell:  # (its first <v>)
                if part.tag == VALUE_TAG:
                    value = part.text or None
                    break
            if value is not None:
                style = cell.get("s", 0)
                value = _converted(value, kind, int(style) if style else 0, shared, dating)
            elif uncalculated is not None and cell.find(_FORMULA) is not None:
                uncalculated[0] += 1
        columns.append(column)
        values.append("" if value is None else value)
    if not columns:
        return []
    if len(columns) == column and columns == list(range(1, column + 1)):  # (every cell written, in order: most rows)
        return values
    # as wide as its last cell with a value (the caller cuts empty cells at the end): a row of one styled, empty
    # cell in XFD was made 16,384 cells wide and cut back one by one, and a sheet of a million such rows never opened
    width = max((at for at, value in zip(columns, values, strict=True)
                 if at <= column and not (isinstance(value, str) and value == "")), default=0)
    out: list[Any] = [""] * width
    for at, value in zip(columns, values, strict=True):
        if 1 <= at <= width:
            out[at - 1] = value
    return out


_COLUMNS: dict[str, int] = {}


def _column(written: str) -> int:
    """A cell reference's column (``"AB12"``: 28), as openpyxl reads it."""
    letters = written.rstrip("0123456789")
    known = _COLUMNS.get(letters)
    if known is None:
        known = coordinate_to_tuple(written)[1]
        if letters.isalpha() and letters.isupper() and len(_COLUMNS) < 20_000:
            _COLUMNS[letters] = known
    return known


def _inline(text: Any) -> str | None:
    """An inline string's text as openpyxl's ``Text(...).content`` gives it: its plain text, then its runs'."""
    if text is None:
        return None
    plain, runs = None, []
    for part in text:
        if part.tag == _T:
            plain = part.text
        elif part.tag == _RUN:
            run = None
            for piece in part:  # (its last <t>, as openpyxl reads a run)
                if piece.tag == _T:
                    run = piece.text
            if run is not None:
                runs.append(run)
        elif part.tag not in _PHONETIC:
            return Text.from_tree(text).content  # (what else it holds, openpyxl reads)
    return "".join(([plain] if plain is not None else []) + runs)


def _converted(value: str, kind: str, style: int, shared: Any, dating: tuple[Any, Any, Any]) -> Any:
    """A written cell's value as openpyxl reads it and pandas converts it (an error, or a date past the calendar's
    limits, NaN)."""
    if kind != "n":
        return _TYPED.get(kind, _as_written)(value, shared)
    number = _cast_number(value)
    dates, spans, epoch = dating
    if style in dates:
        try:
            return from_excel(number, epoch, timedelta=style in spans)
        except (OverflowError, ValueError):
            return np.nan
    whole = int(number)
    return whole if whole == number else float(number)


def _as_written(value: str, _shared: Any) -> Any:
    return value


_TYPED: dict[str, Callable[[str, Any], Any]] = {
    "s": lambda value, shared: shared[int(value)],
    "b": lambda value, _shared: bool(int(value)),
    "d": lambda value, _shared: from_ISO8601(value),
    "e": lambda _value, _shared: np.nan,
}
