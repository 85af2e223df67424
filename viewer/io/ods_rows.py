"""An OpenDocument spreadsheet's (.ods) sheets read by lxml, cell by cell as pandas' ODF reader reads them.

pandas reads an .ods through odfpy, which builds a Python object for every element and every run of text of the
whole document before a row is looked at: 5,000 rows of five columns took 3.5 s to open, 50,000 about 35 s. Here
``content.xml`` is parsed by lxml and each cell's value made as pandas' ``ODFReader`` makes it (repeated rows and
columns, covered cells, ``#N/A``, booleans, floats, percentages, currencies, dates, times, a string's paragraphs,
``text:s`` spaces and line breaks, annotations left out); the rows then go through pandas' own parsing, so a sheet
reads to the same frame. Anything unexpected is read by pandas and odfpy, as before.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
from lxml import etree
from odf.namespaces import OFFICENS, TABLENS, TEXTNS
from pandas.io.excel._odfreader import ODFReader  # pandas' reader: its rows are made here, the rest is its own

_TABLE, _ROW = f"{{{TABLENS}}}table", f"{{{TABLENS}}}table-row"
_CELL, _COVERED = f"{{{TABLENS}}}table-cell", f"{{{TABLENS}}}covered-table-cell"
_NAME, _ROWS = f"{{{TABLENS}}}name", f"{{{TABLENS}}}number-rows-repeated"
_COLUMNS = f"{{{TABLENS}}}number-columns-repeated"
_VALUE, _TYPE, _DATE = f"{{{OFFICENS}}}value", f"{{{OFFICENS}}}value-type", f"{{{OFFICENS}}}date-value"
_ANNOTATION = f"{{{OFFICENS}}}annotation"
_SPACES, _COUNT, _BREAK, _PARAGRAPH = (f"{{{TEXTNS}}}s", f"{{{TEXTNS}}}c", f"{{{TEXTNS}}}line-break",
                                       f"{{{TEXTNS}}}p")
_TEXT = etree.XPath("string()")
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True, remove_pis=True)


def read_sheet(path: Any, sheet: str | int, nrows: int | None) -> pd.DataFrame:
    """The sheet's cells as ``pd.read_excel(path, sheet_name=sheet, header=None, dtype=str, nrows=nrows,
    engine="odf")`` reads them, "" for empty ones."""
    try:
        reader = _Reader(path)
        try:
            return reader.parse(sheet_name=sheet, header=None, dtype=str, nrows=nrows).fillna("")
        finally:
            reader.close()
    except MemoryError:
        raise
    except Exception:  # (what lxml or these readings cannot read, odfpy reads, or says why)
        return pd.read_excel(path, sheet_name=sheet, header=None, dtype=str, nrows=nrows, engine="odf").fillna("")


def sheet_names(path: Any) -> list[str]:
    """The document's sheets, as ``pd.ExcelFile(path, engine="odf").sheet_names`` names them."""
    try:
        reader = _Reader(path)
    except MemoryError:
        raise
    except Exception:  # (as above)
        with pd.ExcelFile(path, engine="odf") as workbook:
            return [str(name) for name in workbook.sheet_names]
    try:
        return [str(name) for name in reader.sheet_names]
    finally:
        reader.close()


class _Reader(ODFReader):  # type: ignore[misc]
    def load_workbook(self, filepath_or_buffer: Any, engine_kwargs: Any) -> Any:
        with zipfile.ZipFile(filepath_or_buffer) as archive, archive.open("content.xml") as source:
            return etree.parse(source, _PARSER).getroot()

    @property
    def sheet_names(self) -> list[str]:
        return [table.get(_NAME) for table in self.book.iter(_TABLE)]

    def get_sheet_by_index(self, index: int) -> Any:
        self.raise_if_bad_sheet_by_index(index)
        return list(self.book.iter(_TABLE))[index]

    def get_sheet_by_name(self, name: str) -> Any:
        self.raise_if_bad_sheet_by_name(name)
        for table in self.book.iter(_TABLE):
            if table.get(_NAME) == name:
                return table
        self.close()
        raise ValueError(f"sheet {name} not found")

    def get_sheet_data(self, sheet: Any, file_rows_needed: int | None = None) -> list[list[Any]]:
        """pandas' ``ODFReader.get_sheet_data``, over lxml's elements."""
        empty_rows = widest = 0
        table: list[list[Any]] = []
        for sheet_row in sheet.iter(_ROW):
            empty_cells = 0
            row: list[Any] = []
            for cell in sheet_row:
                if cell.tag not in (_CELL, _COVERED):
                    continue
                value = "" if cell.tag == _COVERED and cell.get(_VALUE) is None else _cell_value(cell)
                repeat = int(cell.get(_COLUMNS, 1))
                if value == "":  # (empty cells are written only if a value follows them)
                    empty_cells += repeat
                else:
                    row.extend([""] * empty_cells)
                    empty_cells = 0
                    row.extend([value] * repeat)
            widest = max(widest, len(row))
            repeat = int(sheet_row.get(_ROWS, 1))
            if not row:
                empty_rows += repeat
            else:
                table.extend([[""]] * empty_rows)
                empty_rows = 0
                table.extend(row for _ in range(repeat))
            if file_rows_needed is not None and len(table) >= file_rows_needed:
                break
        for row in table:
            if len(row) < widest:
                row.extend([""] * (widest - len(row)))
        return table


def _cell_value(cell: Any) -> Any:
    """pandas' ``ODFReader._get_cell_value`` of a cell."""
    written = str(_TEXT(cell))  # (odfpy's str() of the cell: all its text)
    if written == "#N/A":
        return np.nan
    kind = cell.get(_TYPE)
    if kind == "boolean":
        return written == "TRUE"
    if kind is None:
        return ""
    if kind == "float":
        number = float(cell.get(_VALUE))
        whole = int(number)
        return whole if whole == number else number
    if kind == "string":
        return _string_value(cell)
    return _OTHER[kind](cell, written) if kind in _OTHER else _unrecognised(kind)


def _unrecognised(kind: str) -> Any:
    raise ValueError(f"Unrecognized type {kind}")


_OTHER: dict[str, Callable[[Any, str], Any]] = {
    "percentage": lambda cell, _written: float(cell.get(_VALUE)),
    "currency": lambda cell, _written: float(cell.get(_VALUE)),
    "date": lambda cell, _written: pd.Timestamp(cell.get(_DATE)),
    "time": lambda _cell, written: pd.Timestamp(written).time(),
}


def _string_value(element: Any) -> str:
    """pandas' ``ODFReader._get_cell_string_value``: the text, ``text:s`` as its spaces, a line break and each
    paragraph after the first as a new line, annotations left out."""
    value = [element.text.strip("\n")] if element.text else []
    seen_paragraph = False
    for child in element:
        if child.tag == _SPACES:
            value.append(" " * int(child.get(_COUNT, 1)))
        elif child.tag == _BREAK:
            value.append("\n")
        elif child.tag != _ANNOTATION:
            if child.tag == _PARAGRAPH:
                if seen_paragraph:
                    value.append("\n")
                seen_paragraph = True
            value.append(_string_value(child))
        if child.tail:
            value.append(child.tail.strip("\n"))
    return "".join(value)
