"""Documents that hold a chronology: Word (``.docx``), OpenDocument text (``.odt``), Markdown (``.md``) and PDF (its
text, taken by :mod:`viewer.io.pdf`), as journalists, lawyers and researchers keep one ("Chronology of events", a
Wikipedia-style "Timeline of …").

A document is read as a workbook is (:mod:`viewer.io.workbooks`): each of its tables is a sheet ("Table 1" …),
read from the first with a date column, and its paragraphs led by a date are one more sheet, "Dated paragraphs"
(:mod:`viewer.io.document_blocks`), first when they outnumber the rows of every table. A paragraph's date is
what leads it (``19 November 2018 – …``, ``**2019-03-12**: …``, ``- Nov. 19, 2018, …``); a day and month alone
(``12 March: …``) takes the year of the heading above it (``## 2019``), and the nearest other heading is its
category; its first link is its source. A text of notes (``.txt``, or no suffix) with no date column is read the
same way, line by line (:func:`viewer.io.document_blocks.plain_lines`). Word's and OpenDocument's XML is parsed
by defusedxml (no entities, no DTD); nothing is fetched.
"""

from __future__ import annotations

import re
import zipfile
from functools import lru_cache
from pathlib import Path
from typing import Any

import defusedxml.ElementTree
import pandas as pd
from defusedxml import DefusedXmlException

from viewer.io import compressed, document_blocks, free_memory, lines, pdf, protected
from viewer.io.document_blocks import PARAGRAPHS, Block
from viewer.io.protected import OLE_MAGIC
from viewer.model.problems import LoadError

SUFFIXES = (".docx", ".docm", ".odt", ".md", ".markdown", ".rtf", *pdf.SUFFIXES)
RTF_MAGIC = b"{\\rtf"
ARCHIVED = (".docx", ".docm", ".odt", *pdf.SUFFIXES)  # binary: ZIP archives of XML, PDF
MOST_COLUMNS = 512  # a cell spanning more is cut there (a damaged span of a million columns is no table)
EXPECTED = "a document with a table of dates or paragraphs led by a date (19 November 2018 – …)"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_TEXT_NS = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_TABLE_NS = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_XLINK = "{http://www.w3.org/1999/xlink}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_Parsed = tuple[list[Block], list[list[list[str]]]]


def _xml(archive: zipfile.ZipFile, name: str) -> Any:
    """A part of the archive parsed, once its unpacked size (which the archive's reader holds it to) is known to fit
    in the memory free: a small archive of gigabytes of XML is refused, not parsed (a decompression bomb)."""
    label = archive.filename or "the document"
    free_memory.check(label, archive.getinfo(name).file_size, "unpacks to", free_memory.JSON_PEAK_PER_BYTE)
    with archive.open(name) as member:
        return defusedxml.ElementTree.parse(member).getroot()


# --- Word ---------------------------------------------------------------------------------------------------------

def _word_text(element: Any, links: dict[str, str], found: list[str]) -> str:
    """A paragraph's text (tabs and breaks kept as such); the targets of its hyperlinks added to ``found``."""
    parts: list[str] = []
    for node in element.iter():
        if node.tag == f"{_W}t":
            parts.append(node.text or "")
        elif node.tag == f"{_W}tab":
            parts.append("\t")
        elif node.tag in (f"{_W}br", f"{_W}cr"):
            parts.append("\n")
        elif node.tag == f"{_W}hyperlink" and node.get(f"{_R}id") in links:
            found.append(links[node.get(f"{_R}id")])
    return "".join(parts)


def _word_level(paragraph: Any) -> int:
    """A heading's level (1 for Title and Heading 1 …, in any language Word names its styles), else 0."""
    properties = paragraph.find(f"{_W}pPr")
    if properties is None:
        return 0
    outline = properties.find(f"{_W}outlineLvl")
    if outline is not None and (outline.get(f"{_W}val") or "").isdigit():
        return int(outline.get(f"{_W}val")) + 1
    style = properties.find(f"{_W}pStyle")
    name = (style.get(f"{_W}val") or "") if style is not None else ""
    if re.fullmatch(r"(?i)title|titel|titre|t[ií]tulo|titolo", name):
        return 1
    level = re.fullmatch(r"(?i)(?:heading|berschrift|titre|t[ií]tulo|titolo|kop|rubrik|otsikko|nag[łl][oó]wek)\s*"
                         r"(\d)", name) or re.fullmatch(r"(?i)\D*heading\D*(\d)", name)
    return int(level.group(1)) if level else 0


def _word_table(table: Any, links: dict[str, str]) -> list[list[str]]:
    rows = []
    for row in table.iter(f"{_W}tr"):
        cells: list[str] = []
        for cell in row.findall(f"{_W}tc"):
            text = "\n".join(_word_text(p, links, []) for p in cell.iter(f"{_W}p"))
            merged = cell.find(f"{_W}tcPr/{_W}vMerge")  # a cell merged with the one above: empty, as Excel has it
            cells.append("" if merged is not None and merged.get(f"{_W}val") != "restart" else text.strip())
            span = cell.find(f"{_W}tcPr/{_W}gridSpan")
            value = span.get(f"{_W}val") if span is not None else None
            cells += [""] * (min(int(value), MOST_COLUMNS) - 1 if value and value.isdigit() else 0)
        rows.append(cells[:MOST_COLUMNS])
    return rows


def _word(path: Path) -> _Parsed:
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        if "word/document.xml" not in names:
            raise LoadError(f"{path}: a ZIP archive with no word/document.xml; expected a Word document (.docx)")
        links: dict[str, str] = {}
        if "word/_rels/document.xml.rels" in names:
            for rel in _xml(archive, "word/_rels/document.xml.rels").iter(f"{_REL}Relationship"):
                if rel.get("TargetMode") == "External" and rel.get("Id"):
                    links[rel.get("Id")] = rel.get("Target") or ""
        body = _xml(archive, "word/document.xml").find(f"{_W}body")
    blocks: list[Block] = []
    tables: list[list[list[str]]] = []
    for element in _word_flat(body if body is not None else []):
        if element.tag == f"{_W}tbl":
            tables.append(_word_table(element, links))
        elif element.tag == f"{_W}p":
            found: list[str] = []
            text = _word_text(element, links, found)
            if text.strip():
                blocks.append(Block(len(blocks) + 1, _word_level(element), text.strip(), found[0] if found else ""))
    return blocks, tables


def _word_flat(parent: Any) -> list[Any]:
    """The body's paragraphs and tables in order, those inside content controls (``w:sdt``) too."""
    out = []
    for element in parent:
        if element.tag == f"{_W}sdt":
            content = element.find(f"{_W}sdtContent")
            out += _word_flat(content if content is not None else [])
        elif element.tag in (f"{_W}p", f"{_W}tbl"):
            out.append(element)
    return out


# --- OpenDocument -------------------------------------------------------------------------------------------------

def _odf_text(element: Any, found: list[str]) -> str:
    parts = [element.text or ""]
    for node in element:
        if node.tag == f"{_TEXT_NS}s":
            parts.append(" " * min(int(node.get(f"{_TEXT_NS}c") or 1), 100))
        elif node.tag == f"{_TEXT_NS}tab":
            parts.append("\t")
        elif node.tag == f"{_TEXT_NS}line-break":
            parts.append("\n")
        else:
            if node.tag == f"{_TEXT_NS}a" and node.get(f"{_XLINK}href"):
                found.append(node.get(f"{_XLINK}href"))
            parts.append(_odf_text(node, found))
        parts.append(node.tail or "")
    return "".join(parts)


def _odf_table(table: Any) -> list[list[str]]:
    rows = []
    for row in table.iter(f"{_TABLE_NS}table-row"):
        cells: list[str] = []
        for cell in row:
            if cell.tag not in (f"{_TABLE_NS}table-cell", f"{_TABLE_NS}covered-table-cell"):
                continue
            text = "\n".join(_odf_text(p, []) for p in cell.iter() if p.tag in (f"{_TEXT_NS}p", f"{_TEXT_NS}h"))
            repeated = cell.get(f"{_TABLE_NS}number-columns-repeated") or "1"
            cells += [text.strip()] * min(int(repeated) if repeated.isdigit() else 1, MOST_COLUMNS)
        while cells and not cells[-1]:  # a row's trailing empty cells, repeated to the sheet's width
            cells.pop()
        rows.append(cells[:MOST_COLUMNS])
    return rows


def _odf(path: Path) -> _Parsed:
    with zipfile.ZipFile(path) as archive:
        if "content.xml" not in archive.namelist():
            raise LoadError(f"{path}: a ZIP archive with no content.xml; expected an OpenDocument text (.odt)")
        root = _xml(archive, "content.xml")
    blocks: list[Block] = []
    tables: list[list[list[str]]] = []

    def walk(parent: Any) -> None:
        for element in parent:
            if element.tag == f"{_TABLE_NS}table":
                tables.append(_odf_table(element))
            elif element.tag in (f"{_TEXT_NS}p", f"{_TEXT_NS}h"):
                found: list[str] = []
                text = _odf_text(element, found).strip()
                level = element.get(f"{_TEXT_NS}outline-level") or "1"
                if text:
                    blocks.append(Block(len(blocks) + 1, int(level) if element.tag == f"{_TEXT_NS}h"
                                        and level.isdigit() else 0, text, found[0] if found else ""))
            else:  # lists, sections, frames
                walk(element)

    text = root.find(f".//{_OFFICE}text")
    walk(text if text is not None else [])
    return blocks, tables


# --- reading ------------------------------------------------------------------------------------------------------

def _parsed(path: Path) -> _Parsed:
    """The document's blocks of text and its tables, by the parser its suffix calls for."""
    suffix = compressed.inner_suffix(path)
    try:
        if suffix in (".md", ".markdown"):
            return document_blocks.markdown(path)
        if suffix == ".rtf" or is_rtf(path):  # (Word's "Rich Text", also under .doc or no suffix)
            return document_blocks.plain_blocks(rtf_lines(path)), []
        if suffix in pdf.SUFFIXES or pdf.is_pdf(path):  # its text, line by line, wrapped lines joined
            return document_blocks.plain_blocks(pdf.text_lines(path)), []
        if suffix not in SUFFIXES:  # a text of notes, one line each
            return document_blocks.plain_lines(path), []
        return _odf(path) if suffix == ".odt" else _word(path)
    except (zipfile.BadZipFile, DefusedXmlException, SyntaxError, KeyError, ValueError, EOFError, OSError) as exc:
        # (ElementTree's ParseError is a SyntaxError; a damaged archive raises any of the others)
        if protected.password_protected(path):
            raise LoadError(protected.message(path, _KIND.get(suffix, "document"))) from exc
        raise LoadError(f"{path}: not a readable {_KIND.get(suffix, 'document')} ({exc}); expected {EXPECTED}"
                        ) from exc


def is_rtf(path: Path) -> bool:
    """Whether a file is Rich Text by its first bytes (``{\\rtf``), whatever its name."""
    with path.open("rb") as handle:
        return handle.read(16).lstrip(b"\xef\xbb\xbf \t\r\n").startswith(RTF_MAGIC)


def rtf_lines(path: Path) -> list[str]:
    """A Rich Text document's text, line by line, by striprtf (a table's cells joined by "|", each row a line)."""
    from striprtf.striprtf import rtf_to_text  # noqa: PLC0415 - only Rich Text needs it
    text = compressed.read_bytes(path).decode("latin-1")  # (RTF is 7-bit; its \\'e9 escapes name cp1252 bytes)
    return [line.strip().strip("|").strip() for line in rtf_to_text(text, errors="replace").splitlines()]


def read_word_97(path: Path) -> None:
    """Refuse a Word 97-2003 document (an OLE file) by name, saying how to open it: Entente reads Word's .docx;
    and a .doc that is neither that nor a text (a damaged or mislabelled file), before its bytes are read as words."""
    with path.open("rb") as handle:
        head = handle.read(4096)
    if head.startswith(OLE_MAGIC):
        raise LoadError(f"{path}: a Word 97-2003 document (.doc), which Entente does not read; expected a .docx: "
                        "open it in Word or LibreOffice and save it as .docx (or as PDF), then open that")
    binary = head.count(b"\x00") > len(head) // 8 or lines.control_bytes(head)  # (as any text's name is checked)
    if binary and not head.startswith((b"\xff\xfe", b"\xfe\xff")):  # (UTF-16 text, marked)
        raise LoadError(f"{path}: neither a Word document nor a text (its first bytes are binary); expected a "
                        ".docx, a .doc saved as Rich Text or plain text, or a PDF")


_KIND = {".txt": "text", "": "text", ".docx": "Word document", ".docm": "Word document",
         ".odt": "OpenDocument text", ".md": "Markdown text", ".markdown": "Markdown text", ".pdf": "PDF",
         ".rtf": "Rich Text document", ".doc": "document"}


_Sheet = tuple[str, list[list[str]], list[int] | None]


def sheets(path: Path) -> list[_Sheet]:
    """The document's tables ("Table 1" …) and its dated paragraphs, by name, each with its rows and (for the
    paragraphs) each row's paragraph or line number: the paragraphs first when they outnumber every table's rows.
    A document is parsed once for its preview, its parts' names and its reading (while it is unchanged)."""
    stat = path.stat()
    return _sheets(str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=2)
def _sheets(name: str, _mtime: int, _size: int) -> list[_Sheet]:
    path = Path(name)
    blocks, tables = _parsed(path)
    found: list[_Sheet] = [(table, rows, None) for table, rows in named_tables(tables)]
    dated, lines = document_blocks.dated_rows(blocks)
    if len(dated) > 2 or (len(dated) == 2 and len(blocks) == 1):  # (two events at least: one dated line in a
        # text is no chronology; a text that is that line alone, "2020-01-05 Renault and Nissan sign", is its event)
        paragraphs = (PARAGRAPHS, dated, lines)
        most = max((len(rows) - 1 for _name, rows, _lines in found), default=0)
        found = [paragraphs, *found] if len(dated) - 1 > most else [*found, paragraphs]
    return found


def named_tables(tables: list[list[list[str]]]) -> list[tuple[str, list[list[str]]]]:
    """The tables by name ("Table 1" …), those that follow one another under the same header row joined as one
    ("Tables 2–4": a chronology kept as a table a year, the header written again on each).

    >>> [name for name, _rows in named_tables([[["a"]], [["Date", "Event"], ["2019", "x"]], [["Date", "Event"],
    ...                                        ["2020", "y"]], [["b"]]])]
    ['Table 1', 'Tables 2–3', 'Table 4']
    """
    found: list[tuple[str, list[list[str]]]] = []
    first, last, before = 0, -2, [""]
    for i, rows in enumerate(tables):
        if not rows:
            continue
        header = [cell.strip().lower() for cell in rows[0]]
        if i == last + 1 and header == before and any(header):
            found[-1] = (f"Tables {first + 1}\u2013{i + 1}", found[-1][1] + rows[1:])
        else:
            first = i
            found.append((f"Table {i + 1}", rows))
        last, before = i, header
    return found


def sheet_names(path: Path) -> list[str]:
    return [name for name, _rows, _lines in sheets(path)]


def read_sheet(path: Path, sheet: str | None, nrows: int | None = None) -> pd.DataFrame:
    """One sheet's cells as text ("" for empty ones), no header taken: the named one, else the first; the
    paragraphs' numbers in ``attrs["lines"]`` (one per row, the header's too)."""
    found = sheets(path)
    if not found:
        raise LoadError(f"{path}: no table and no paragraph led by a date; expected {EXPECTED}")
    chosen = next((s for s in found if s[0] == sheet), None) if sheet else found[0]
    if chosen is None:
        raise LoadError(f"{path}: no table {sheet!r}; its tables are {', '.join(name for name, _r, _l in found)}")
    rows = chosen[1][:nrows] if nrows is not None else chosen[1]
    width = max((len(row) for row in rows), default=0)
    frame = pd.DataFrame([row + [""] * (width - len(row)) for row in rows], dtype=str)
    if chosen[2] is not None:
        frame.attrs["lines"] = chosen[2][:len(frame)]
        others = [name for name, _rows, _lines in found if name != PARAGRAPHS]
        what = "paragraphs" if compressed.inner_suffix(path) in SUFFIXES else "lines"
        frame.attrs["said"] = document_blocks.paragraphs_read(len(chosen[1]) - 1, what, "", others)
    else:
        frame.attrs["said"] = document_blocks.paragraphs_unread([(name, rows) for name, rows, _l in found], "document")
    return frame
