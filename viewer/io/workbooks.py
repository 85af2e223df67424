"""Workbooks read into cells: a sheet's text and the sheets' names, by the reader the file's first bytes call
for (:func:`engine_of`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from viewer.io import compressed, documents, ods_rows, preamble, protected, web_tables, xls, xlsx_rows
from viewer.io.protected import OLE_MAGIC
from viewer.model.problems import LoadError

EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
# an .xlsx's and an .ods's XML parsed by lxml into pandas' own readers (the same frames, 2-5× faster)
PARSED_IN_C: dict[str, Any] = {"openpyxl": xlsx_rows, "odf": ods_rows}


def engine_of(path: Path) -> str:
    """The reader of a workbook: odfpy for OpenDocument (.ods), xlrd for Excel 97-2003 (an OLE document,
    whatever its name says; :mod:`viewer.io.xls`), openpyxl for the rest (.xlsx, .xlsm). All three are pure
    Python: a damaged workbook raises an error to report (a reader in Rust aborted the whole app on one
    allocating 2 GB). An HTML table, Excel 2003 XML or delimited text under a workbook's name is named as such
    (:mod:`viewer.io.web_tables`)."""
    if compressed.inner_suffix(path) in documents.SUFFIXES:
        return "document"
    saved = web_tables.kind(path)  # what web applications save under a workbook's name
    if saved is not None:
        return saved
    if path.suffix.lower() == ".ods":
        return "odf"
    with path.open("rb") as file:
        return "xlrd" if file.read(len(OLE_MAGIC)) == OLE_MAGIC else "openpyxl"


def read_sheet(path: Path, nrows: int | None, sheet: str | None, engine: str | None = None) -> pd.DataFrame:
    """One sheet's cells as text ("" for empty ones), no header taken: the named one, else the first (``engine``:
    the reader, when the file's name does not say it: "document" for a text's dated lines)."""
    try:
        engine = engine or engine_of(path)
        if engine == "xlrd":
            return xls.read_sheet(path, sheet or 0, nrows)
        if engine == "document":
            return documents.read_sheet(path, sheet, nrows)
        if engine in ("html", "spreadsheetml"):
            return web_tables.read_sheet(path, engine, sheet, nrows)
        if engine in PARSED_IN_C:
            return PARSED_IN_C[engine].read_sheet(path, sheet or 0, nrows)
        return pd.read_excel(path, sheet_name=sheet or 0, header=None, dtype=str, nrows=nrows,
                             engine=engine).fillna("")
    except Exception as exc:  # the readers raise many types (BadZipFile, KeyError, struct.error …) for a damaged one
        if isinstance(exc, MemoryError | LoadError):  # (a LoadError already says what the file is)
            raise
        suffix = compressed.inner_suffix(path)
        what = ("document" if suffix in documents.SUFFIXES else
                "OpenDocument spreadsheet" if suffix in (".ods", ".fods") else "Excel workbook")
        if protected.password_protected(path, str(exc)):
            raise LoadError(protected.message(path, what)) from exc
        said = "the file is damaged or is no workbook" if str(exc) == "File is not a zip file" else exc
        raise LoadError(f"{path}: not a readable {what} ({said}); expected a workbook as Excel or LibreOffice "
                        "saves it (.xlsx, .xls, .ods), or its sheet saved as CSV") from exc


def sheet_names(path: Path) -> list[str]:
    """A workbook's sheets, in order ([] when it cannot be read: reading it says why)."""
    try:
        engine = engine_of(path)
        if engine == "xlrd":
            return xls.sheet_names(path)
        if engine == "document":
            return documents.sheet_names(path)
        if engine in ("html", "spreadsheetml"):
            return [name for name, _rows in web_tables.sheets(path, engine)]
        if engine in PARSED_IN_C:
            return PARSED_IN_C[engine].sheet_names(path)
        with pd.ExcelFile(path, engine=engine) as workbook:
            return [str(name) for name in workbook.sheet_names]
    except Exception as exc:  # as above
        if isinstance(exc, MemoryError):
            raise
        return []


def from_header(path: Path, suffix: str, saved: str | None, options: dict[str, Any], nrows: int | None
                ) -> tuple[pd.DataFrame, str, int, list[int] | None]:
    """A workbook's or a document's sheet from its header on, how it was read, the rows above the header, and
    (a document's dated paragraphs) each row's own number. What reading a document said is in the frame's
    ``attrs["said"]``."""
    document = suffix in documents.SUFFIXES or bool(options.get("document"))
    frame = read_sheet(path, None if nrows is None else nrows + preamble.MOST_ROWS, options.get("sheet"),
                       "document" if document else None)
    encoding = "html" if saved == "html" else "document" if document else "xlsx"
    numbered, said = frame.attrs.get("lines"), frame.attrs.get("said", [])
    above = preamble.rows_before_header(frame.head(preamble.SAMPLE_ROWS).values.tolist())
    frame = frame.iloc[above:].reset_index(drop=True)
    frame.attrs = {"said": said}
    return frame, encoding, above, numbered
