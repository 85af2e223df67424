"""What web applications save under a workbook's name: an HTML table (``export.xls`` from a bank or a
ticketing system), Excel 2003's XML (SpreadsheetML, ``<?mso-application progid="Excel.Sheet"?>``), or plain
delimited text. Excel opens all three; Entente refused them as "not a readable Excel workbook".

Each table (an HTML ``<table>``, a SpreadsheetML ``<Worksheet>``) is a sheet: its cells come back as text, the
header not taken, as :mod:`viewer.io.xls` hands a sheet over. An HTML cell spanning several columns
(``colspan``) repeats its text in each, as pandas' ``read_html`` does; a merged SpreadsheetML cell
(``ss:MergeAcross``) leaves the columns it covers empty, as Excel does, and a cell placed by ``ss:Index`` lands
in its column. A web page saved as ``.html`` is read the same way, from its first table with a date column.
XML is parsed by defusedxml (no entities, no DTD); HTML by Python's own parser, which fetches nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

import defusedxml.ElementTree
import pandas as pd
from defusedxml import DefusedXmlException

from viewer.io import code_pages, document_blocks, documents, html_blocks
from viewer.io.protected import OLE_MAGIC
from viewer.model.problems import LoadError

HEAD_BYTES = 4096
SUFFIXES = (".html", ".htm", ".xml")  # read as their tables too (a saved web page, Excel 2003 XML)
SPREADSHEET_NS = "urn:schemas-microsoft-com:office:spreadsheet"
_SS = f"{{{SPREADSHEET_NS}}}"


def kind(path: Path) -> str | None:
    """``html``, ``spreadsheetml`` or ``text`` for a file under a workbook's name that is none; None for a
    workbook (an OLE or ZIP document) or bytes that are no text."""
    with path.open("rb") as handle:
        head = handle.read(HEAD_BYTES)
    if head.startswith((OLE_MAGIC, b"PK\x03\x04")) or not head:
        return None
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith((b"<!doctype html", b"<html", b"<table", b"<meta", b"<head", b"<body", b"<style")):
        return "html"
    if start.startswith(b"<?xml") and SPREADSHEET_NS.encode() in head:
        return "spreadsheetml"
    if start.startswith(b"<") and b"<table" in start:
        return "html"
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    return "text"


def _text(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return code_pages.legacy(data)[0]


@dataclass
class _Open:
    """A table being read: its rows, and the cell under way (None between cells) with its span."""

    rows: list[list[str]] = field(default_factory=list)
    cell: list[str] | None = None
    span: int = 1


class _Tables(HTMLParser):
    """The rows of every ``<table>``, each cell's text with its spaces folded; a table inside a cell is a
    table of its own, and the cell keeps its own text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[list[list[str]]] = []
        self._open: list[_Open] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._open.append(_Open())
        elif not self._open:
            return
        table = self._open[-1]
        if tag == "tr":
            table.rows.append([])
        elif tag in ("td", "th"):
            if not table.rows:
                table.rows.append([])
            span = dict(attrs).get("colspan") or "1"
            table.cell, table.span = [], max(1, min(int(span), 1000)) if span.strip().isdigit() else 1
        elif tag == "br" and table.cell is not None:
            table.cell.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if not self._open:
            return
        table = self._open[-1]
        if tag in ("td", "th") and table.cell is not None:
            table.rows[-1] += [" ".join("".join(table.cell).split())] * table.span  # as pandas' read_html
            table.cell = None
        elif tag == "table":
            rows = [row for row in self._open.pop().rows if row]
            if rows:
                self.tables.append(rows)

    def handle_data(self, data: str) -> None:
        if self._open and self._open[-1].cell is not None:
            self._open[-1].cell.append(data)


def _html(path: Path) -> list[tuple[str, list[list[str]]]]:
    """The page's tables, and its paragraphs led by a date as one more (first where they outnumber every
    table's rows: a "Timeline of …" page of lists under year headings, :mod:`viewer.io.html_blocks`). A page is
    parsed once for its preview, its tables' names and its reading (while it is unchanged)."""
    stat = path.stat()
    return _page(str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=2)
def _page(name: str, _mtime: int, _size: int) -> list[tuple[str, list[list[str]]]]:
    path = Path(name)
    parser = _Tables()
    text = _text(path)
    parser.feed(text)
    parser.close()
    found = documents.named_tables(parser.tables)
    dated = document_blocks.dated_rows(html_blocks.blocks_of(text))[0]
    if len(dated) > 2:
        most = max((len(rows) - 1 for _name, rows in found), default=0)
        paragraphs = (document_blocks.PARAGRAPHS, dated)
        found = [paragraphs, *found] if len(dated) - 1 > most else [*found, paragraphs]
    return found


def _cell_text(cell: object) -> str:
    data = cell.find(f"{_SS}Data") if hasattr(cell, "find") else None
    if data is None:
        return ""
    value = "".join(data.itertext()).strip()
    if data.get(f"{_SS}Type") == "DateTime" and "T" in value:
        return value.replace("T", " ").removesuffix(".000")
    return value


def _spreadsheetml(path: Path) -> list[tuple[str, list[list[str]]]]:
    try:
        root = defusedxml.ElementTree.fromstring(path.read_bytes(), forbid_dtd=True)
    except (DefusedXmlException, SyntaxError, ValueError) as exc:  # ParseError is a SyntaxError
        raise LoadError(f"{path}: not readable Excel 2003 XML ({exc})") from exc
    sheets = []
    for number, sheet in enumerate(root.iter(f"{_SS}Worksheet")):
        rows: list[list[str]] = []
        for row in sheet.iter(f"{_SS}Row"):
            cells: list[str] = []
            for cell in row.iter(f"{_SS}Cell"):
                index = cell.get(f"{_SS}Index")
                if index and index.isdigit():
                    cells += [""] * max(0, min(int(index), 16_384) - 1 - len(cells))
                cells.append(_cell_text(cell))
                across = cell.get(f"{_SS}MergeAcross")
                cells += [""] * (min(int(across), 16_384) if across and across.isdigit() else 0)
            rows.append(cells)
        sheets.append((sheet.get(f"{_SS}Name") or f"Sheet{number + 1}", rows))
    return sheets


def sheets(path: Path, what: str) -> list[tuple[str, list[list[str]]]]:
    """The tables of an HTML or SpreadsheetML file, by name, in order."""
    return _html(path) if what == "html" else _spreadsheetml(path)


def read_sheet(path: Path, what: str, sheet: str | None, nrows: int | None = None) -> pd.DataFrame:
    """One table's cells as text ("" for empty ones), no header taken: the named one, else the first."""
    found = sheets(path, what)
    if not found:
        raise LoadError(f"{path}: {'an HTML page' if what == 'html' else 'Excel 2003 XML'} with no table; expected "
                        "a table with a header row and a date column")
    rows = next((r for name, r in found if name == sheet), None) if sheet else found[0][1]
    if rows is None:
        raise LoadError(f"{path}: no sheet {sheet!r}; its tables are {', '.join(name for name, _ in found)}")
    rows = rows[:nrows] if nrows is not None else rows
    width = max((len(row) for row in rows), default=0)
    frame = pd.DataFrame([row + [""] * (width - len(row)) for row in rows], dtype=str)
    if (sheet or found[0][0]) == document_blocks.PARAGRAPHS:
        others = [name for name, _rows in found if name != document_blocks.PARAGRAPHS]
        frame.attrs["said"] = document_blocks.paragraphs_read(len(rows) - 1, "paragraphs", "page's ", others)
    elif what == "html":
        frame.attrs["said"] = document_blocks.paragraphs_unread(found, "page")
    return frame
