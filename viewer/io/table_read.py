"""Reading a table file into cells: delimited text (sniffed, plain or compressed), ``.xlsx``, ``.parquet``,
Arrow IPC (Feather) or JSON records and lines.

Every cell comes back as text with the column names of the header (``column1`` … when the first row
is data), along with the encoding, the delimiter, the problems met and each row's line in the file.
"""

from __future__ import annotations

import csv
import io
import re
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from viewer.io import (
    boxed,
    code_pages,
    compressed,
    documents,
    fixed_width,
    gdelt,
    kindle,
    lines,
    orc_files,
    parquet,
    plan_exports,
    ragged_lines,
    records,
    sqlite,
    stat_files,
    stray_quotes,
    table_fast,
    table_skipped,
    table_stream,
    web_tables,
    workbooks,
    xml_records,
    yaml_records,
)
from viewer.io.text_head import SAMPLE_BYTES, declared_separator, sniff_delimiter, without_preamble
from viewer.io.workbooks import EXCEL_SUFFIXES
from viewer.model.dates.header_row import has_header
from viewer.model.lists import distinct_names
from viewer.model.problems import LoadError, Problem

INVISIBLE = "[\u200b-\u200d\u2060\ufeff]"  # zero-width spaces and joiners, word joiners, byte-order marks
TEXT_TABLES = (".csv", ".tsv", ".tab", ".txt", ".psv", ".dat")  # what a web application's "CSV" may be named

EXPECTED = "a table with a header row and a date column (date, start, begin, timestamp, year …)"


def _decode(path: Path, data: bytes, encoding: str | None) -> tuple[str, str, list[Problem]]:
    if encoding:
        try:
            return data.decode(encoding), encoding, []
        except (UnicodeDecodeError, LookupError) as exc:
            raise LoadError(f"{path}: cannot be read as {encoding} ({exc})") from exc
    if data.startswith(compressed.UTF32_MARKS):  # before UTF-16's: UTF-32-LE's mark begins with it
        try:
            return data.decode("utf-32"), "utf-32", []
        except UnicodeDecodeError as exc:
            raise LoadError(f"{path}: starts like UTF-32 text but is not ({exc})") from exc
    if data.startswith(compressed.UTF16_MARKS):
        try:
            return data.decode("utf-16"), "utf-16", []
        except UnicodeDecodeError as exc:
            raise LoadError(f"{path}: starts like UTF-16 text but is not ({exc})") from exc
    guessed = lines.without_mark(data)  # (UTF-32 or UTF-16: refused as binary for its zero bytes, once)
    if guessed is not None:
        try:
            return data.decode(guessed), guessed, [Problem(str(path), f"{guessed[:6].upper()} without a byte order "
                                                           f"mark; read as {guessed.upper()}", None, None, "info")]
        except UnicodeDecodeError as exc:
            raise LoadError(f"{path}: starts like {guessed.upper()} text but is not ({exc})") from exc
    try:
        return data.decode("utf-8-sig"), "utf-8", []
    except UnicodeDecodeError as exc:
        text, codec, said = code_pages.legacy(data)  # (Shift-JIS, GBK, Windows-1251 … as Excel writes them there)
        return text, codec, [Problem(str(path), f"not UTF-8 (byte 0x{data[exc.start]:02X} at offset {exc.start}); "
                                     f"{said}", None, None, "warning")]


def _read_delimited(path: Path, text: str, delimiter: str, nrows: int | None) -> tuple[pd.DataFrame, list[Problem]]:
    data = text.encode("utf-8")
    options: dict[str, Any] = {"sep": delimiter, "header": None, "dtype": str, "keep_default_na": False}
    if nrows is None:
        try:
            return pd.read_csv(io.BytesIO(data), engine="pyarrow", **options), []
        except (ValueError, pd.errors.ParserError):
            pass  # ragged rows or quoting pyarrow rejects: the C parser reports them line by line
    problems: list[Problem] = []
    longer = ragged_lines.longer_records(text, delimiter, nrows)
    if longer is not None:  # a trailing delimiter on each record but not the header: read as wide as the widest
        options = {**{k: v for k, v in options.items() if k != "header"}, "names": list(range(longer.widest))}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", pd.errors.ParserWarning)
        try:
            frame = pd.read_csv(io.BytesIO(data), engine="c", on_bad_lines="warn", nrows=nrows, **options)
        except pd.errors.EmptyDataError as exc:
            raise LoadError(f"{path}: no rows; expected {EXPECTED}") from exc
        except pd.errors.ParserError as exc:
            raise LoadError(f"{path}: not a readable delimited table ({exc}); expected {EXPECTED}") from exc
    for warning in caught:
        for line, saw in re.findall(r"line (\d+): expected \d+ fields, saw (\d+)", str(warning.message)):
            problems.append(Problem(str(path), f"line {line} has {saw} fields, more than the header; row skipped",
                                    int(line), None, "error"))
    return frame, problems + ([] if longer is None else ragged_lines.said(frame, longer, str(path)))


def _names(row: pd.Series) -> list[str]:
    # (a zero-width space or a second byte-order mark around a name, as copies from web pages and Excel leave
    # them: "\u200bTitle\u200b" was no title, and Details named it so)
    cleaned = row.astype(str).str.replace("\xa0", " ").str.replace(INVISIBLE, "", regex=True).str.strip()
    return distinct_names([value or f"column{i + 1}" for i, value in enumerate(cleaned)])


def _blank_names_numbered(raw: Raw) -> Raw:
    """A table whose format names its columns, with a blank name (a JSON key ``""``, a Parquet or SQLite column
    named ``" "``) made ``column<N>`` as a text's header makes it: the attribute had no name in Details, and
    convert's file lost it."""
    names = [str(name) for name in raw.frame.columns]
    if all(name.strip() for name in names):
        return raw
    raw.frame = raw.frame.set_axis(distinct_names([n if n.strip() else f"column{i + 1}" for i, n in enumerate(names)]),
                                   axis=1)
    return raw


def _without_blank_columns(frame: pd.DataFrame, unnamed: np.ndarray | None) -> pd.DataFrame:
    """The table without the columns that have no name and hold nothing (a sheet's table placed at C3 read from
    column A, the ",," a spreadsheet leaves at the end of each line): they were attributes "column1", "column2" with
    nothing in them."""
    named = np.ones(frame.shape[1], dtype=bool) if unnamed is None else ~unnamed
    unnamed_at = np.flatnonzero(~named)
    blank = unnamed_at[~table_fast.written(frame, unnamed_at)].tolist()
    return frame.drop(columns=frame.columns[blank]) if blank and len(blank) < frame.shape[1] else frame


@dataclass
class Raw:
    """A table as read: strings with column names, how it was read, and each row's line in the file."""

    frame: pd.DataFrame
    encoding: str
    delimiter: str | None
    header: bool
    problems: list[Problem]
    rows: np.ndarray


def _own_format(path: Path, suffix: str, nrows: int | None) -> Raw | None:
    """A table of a format of its own, else None: Primavera P6's activities (:mod:`viewer.io.plan_exports`), from an
    ``.xer`` or a text that is one; a Kindle's clippings (:mod:`viewer.io.kindle`)."""
    head = compressed.read_head(path, 4096) if suffix in ("", ".txt") else b""
    if suffix == ".xer" or plan_exports.looks_like_xer(head):
        frame, numbers, said = plan_exports.read_frame(path)
    elif head and kindle.looks_like(head):
        frame, numbers, said = kindle.read_frame(path)
    else:
        return None
    return Raw(frame.head(nrows) if nrows else frame, "utf-8", None, True, said, numbers[:nrows] if nrows else numbers)


def _with_names(path: Path, suffix: str, nrows: int | None, sheet: str | None = None) -> Raw | None:
    """A table whose format names its columns (JSON records and lines, Parquet, Arrow IPC, ORC, a SQLite
    database's table, a statistics package's data file), else None."""
    if records.holds_json(path, suffix) or suffix in yaml_records.SUFFIXES:  # (or JSON by its content)
        frame, numbers, problems = records.read(path) if suffix not in yaml_records.SUFFIXES else \
            yaml_records.read_frame(path)
        return Raw(frame.head(nrows) if nrows else frame, "utf-8", None, True, problems + compressed.member_read(path),
                   numbers[:nrows] if nrows else numbers)
    named = suffix in (".parquet", ".pq", *parquet.IPC_SUFFIXES, *orc_files.SUFFIXES)
    columnar = None if named else parquet.kind_of(path) or ("orc" if orc_files.is_orc(path) else None)
    if named or columnar:
        said: list[Problem] = []
        if suffix in (".parquet", ".pq") or columnar == "parquet":
            frame = parquet.read_frame(path, said, nrows)  # a preview reads its first rows, not the file
        elif suffix in orc_files.SUFFIXES or columnar == "orc":
            frame = orc_files.read_frame(path, said, nrows)
        else:
            frame = parquet.read_ipc_frame(path, said)
        frame = frame.head(nrows) if nrows else frame
        return Raw(frame, "binary", None, True, said, np.arange(1, len(frame) + 1))
    declared = suffix not in (*web_tables.SUFFIXES, *EXCEL_SUFFIXES, *documents.SUFFIXES, ".doc") and \
        xml_records.declared(path)  # a .gpx, a .kml: not a saved (XHTML) page, a workbook or a document
    if (suffix in xml_records.SUFFIXES or declared) and web_tables.kind(path) != "spreadsheetml":
        rows = xml_records.read_rows(path)
        frame = records.as_frame(rows[:nrows] if nrows else rows)
        said = [Problem(str(path), message, None, None, "info") for message in rows.said]  # what was left unread
        return Raw(frame, "utf-8", None, True, said, np.arange(1, len(frame) + 1))
    if suffix in stat_files.SUFFIXES or stat_files.is_stat_file(path):
        frame, said = stat_files.read_frame(path, nrows)
        return Raw(frame, "binary", None, True, said + compressed.member_read(path), np.arange(1, len(frame) + 1))
    if suffix in sqlite.SUFFIXES or sqlite.is_sqlite(path):
        frame, said = sqlite.read_table(path, sheet, nrows)
        return Raw(frame, "sqlite", None, True, said, np.arange(1, len(frame) + 1))
    return None


def load_raw(path: Path, options: dict[str, Any], nrows: int | None = None) -> Raw:
    """The table as strings with column names, plus encoding, delimiter, header flag, problems and line numbers."""
    suffix = compressed.inner_suffix(path)
    header: bool | None = options.get("header")
    document = bool(options.get("document"))  # (read as a document's dated lines, whatever its name: a PDF as .json)
    whole = None if document else _own_format(path, suffix, nrows) or _with_names(path, suffix, nrows,
                                                                                   options.get("sheet"))
    if whole is not None:
        return _blank_names_numbered(whole)
    saved = None if document else _saved_as(path, suffix)
    suffix = ".txt" if saved == "text" else ".xls" if saved in ("html", "spreadsheetml") else suffix  # as a workbook
    cells = _cells(path, options, suffix, saved, nrows)
    frame, problems = cells.frame, cells.problems
    skipped = cells.above + int(cells.declared is not None) + cells.lifted  # lines taken off before the table
    problems += compressed.member_read(path)
    problems += _how_read(path, saved, cells.above) + [m if isinstance(m, Problem) else Problem(str(path), m, None,
                                                       None, "info") for m in frame.attrs.pop("said", [])]
    if frame.empty:
        raise LoadError(f"{path}: no rows; expected {EXPECTED}")
    if header is None:
        header = has_header(frame)
    width = frame.shape[1]
    unnamed = (frame.iloc[0].astype("string").fillna("").str.strip() == "").to_numpy(dtype=bool) if header else None
    if header:
        frame = frame.iloc[1:].reset_index(drop=True).set_axis(_names(frame.iloc[0]), axis=1)
    else:
        frame.columns = [f"column{i + 1}" for i in range(frame.shape[1])]
        named = gdelt.with_names(frame, str(path), problems)  # (GDELT's downloads have no header)
        if named is frame:
            problems.append(Problem(str(path), "no header row found; columns named column1, column2 …", None, None,
                                    "info"))
        frame = named
    problems += [Problem(str(path), stray_quotes.message(stray), stray.line + skipped,
                         str(frame.columns[stray.field]) if stray.field < width else None, "warning")
                 for stray in cells.strays]
    frame = _without_blank_columns(frame.head(nrows) if nrows else frame, unnamed)
    first = int(bool(header))
    if cells.lines is not None:  # each row's line in the text (below those taken off), or in the workbook
        rows = cells.lines[first + (0 if cells.text is None else cells.above):][:len(frame)] + (
            0 if cells.text is None else skipped)
    elif cells.delimiter is None or nrows or not cells.text:  # (a preview needs no line numbers)
        rows = np.arange(1 + first, len(frame) + 1 + first) + skipped
    else:
        rows = lines.record_lines(cells.text, cells.delimiter, len(frame), header, width) + skipped
    return Raw(frame, cells.encoding, cells.delimiter, header, problems, rows)


@dataclass
class _Cells:
    """A table's cells as read, with how: the delimiter (None for a workbook or columns lined up with spaces),
    the text (None for a workbook, empty when Arrow read the file itself), the lines taken off above the table
    (a ``sep=`` line, notes) and, where the rows are not the records of the text, each row's line."""

    frame: pd.DataFrame
    delimiter: str | None
    text: bytes | str | None
    encoding: str
    problems: list[Problem]
    strays: list[stray_quotes.Stray]
    above: int = 0
    declared: str | None = None
    lines: np.ndarray | None = None
    lifted: int = 0  # lines taken off the top unsaid (a box's first rule)


def _cells(path: Path, options: dict[str, Any], suffix: str, saved: str | None, nrows: int | None) -> _Cells:
    """The cells of a workbook, of a long UTF-8 text read by Arrow, else of a text read in Python."""
    if suffix in (*EXCEL_SUFFIXES, *documents.SUFFIXES) or options.get("document"):
        frame, encoding, above, numbered = workbooks.from_header(path, suffix, saved, options, nrows)
        at = None if numbered is None else np.asarray(numbered, dtype=np.int64)
        return _Cells(frame, None, None, encoding, [], [], above, None, at)
    if nrows is None and (streamed := table_stream.read_columns(path, options, suffix)) is not None:
        return _Cells(streamed[0], streamed[1], b"", "utf-8", [], [])  # (its rows are its lines, one for one)
    read = compressed.read_bytes(path) if nrows is None else compressed.read_records_head(path)
    data, declared = declared_separator(read)
    if not data or data.isspace():  # (data.strip() would copy a big file)
        raise LoadError(f"{path}: the file is empty; expected {EXPECTED}")
    options = {"delimiter": declared, **{k: v for k, v in options.items() if v is not None}}
    boxes, top = list[Problem](), 0
    if not options.get("delimiter") and boxed.framed(data[:fixed_width.HEAD_BYTES].decode("utf-8", "replace")):
        decoded, _, boxes = _decode(path, data, options.get("encoding"))  # a table drawn in a box: | between cells
        (unboxed, top), options = boxed.unframed(decoded), {**options, "delimiter": "|", "encoding": "utf-8"}
        data = unboxed.encode("utf-8")
        boxes.append(Problem(str(path), boxed.SAID, None, None, "info"))
    if not options.get("delimiter") and fixed_width.lined_up(data[:fixed_width.HEAD_BYTES], suffix):
        decoded, encoding, problems = _decode(path, data, options.get("encoding"))
        spaced = fixed_width.read(lines.normalise_text(decoded), nrows, str(path))
        return _Cells(spaced.frame, None, decoded, encoding, problems + spaced.problems, [], lines=spaced.lines)
    data, above = without_preamble(data, options, suffix)
    if (wide := table_skipped.one_wide_line(str(path), data)) is not None:
        raise LoadError(wide)
    frame, delimiter, text, encoding, problems, strays = _read_quoted_right(path, data, options, suffix, nrows)
    return _Cells(frame, delimiter, text, encoding, boxes + problems, strays, above, declared, lifted=top)


def _saved_as(path: Path, suffix: str) -> str | None:
    """What a workbook's or a page's name holds (:func:`viewer.io.web_tables.kind`), and a web page under a text
    table's name (a web application's "CSV" export that is an HTML table: it was read as text, its tags as cells)."""
    if suffix in (*EXCEL_SUFFIXES, *web_tables.SUFFIXES, ".doc"):
        return web_tables.kind(path)
    if suffix in TEXT_TABLES and compressed.compression(path) is None:
        saved = web_tables.kind(path)
        return saved if saved in ("html", "spreadsheetml") else None
    return None


def _how_read(path: Path, saved: str | None, above: int) -> list[Problem]:
    """What reading said: a workbook's name over other content (read as such), lines above the header."""
    said = []
    held = {"text": "delimited text", "html": "an HTML table", "spreadsheetml": "Excel 2003 XML"}.get(saved or "")
    if held and path.suffix.lower() in EXCEL_SUFFIXES:  # (not a workbook under a workbook's name)
        said.append(Problem(str(path), f"a {path.suffix} file that holds {held}, not a workbook: read as such",
                            None, None, "info"))
    elif held and path.suffix.lower() in TEXT_TABLES:  # a web application's "CSV" that is a page
        said.append(Problem(str(path), f"a {path.suffix} file that holds {held}, not delimited text: read as such",
                            None, None, "info"))
    if above:
        said.append(Problem(str(path), f"{above} line{'s' if above > 1 else ''} above the header skipped (a "
                            "title or notes)", None, None, "info"))
    return said


def sheet_names(path: Path) -> list[str]:
    """A workbook's sheets, or a SQLite database's tables, in order ([] when it cannot be read: reading it
    says why)."""
    if sqlite.is_sqlite(path):
        try:
            return sqlite.table_names(path)
        except LoadError:
            return []
    return workbooks.sheet_names(path)


def _read_text(path: Path, data: bytes, options: dict[str, Any], suffix: str, nrows: int | None
               ) -> tuple[pd.DataFrame, str, bytes | str, str, list[Problem]]:
    """Delimited text read into cells with no header split yet: UTF-8 by Arrow, the rest by pandas."""
    fast = table_fast.read_text(path, data, options, suffix) if nrows is None else None
    if fast is not None:
        return fast[0], fast[1], fast[2], "utf-8", []
    text, encoding, problems = _decode(path, data, options.get("encoding"))
    text = lines.normalise_text(text)
    delimiter = options.get("delimiter") or sniff_delimiter(text[:SAMPLE_BYTES], suffix)
    frame, bad = _read_delimited(path, text, delimiter, None if nrows is None else nrows + 1)
    return frame, delimiter, text, encoding, problems + bad


def _read_quoted_right(path: Path, data: bytes, options: dict[str, Any], suffix: str, nrows: int | None
                       ) -> tuple[pd.DataFrame, str, bytes | str, str, list[Problem], list[stray_quotes.Stray]]:
    """:func:`_read_text`, read again without its stray quotes when a value may have swallowed rows, or when
    the file was refused (a quote that nothing closes)."""
    try:
        frame, delimiter, text, encoding, problems = _read_text(path, data, options, suffix, nrows)
    except LoadError:  # a quote that nothing closes: the rest of the file would be one value
        mended = _without_strays(path, data, options, suffix, nrows)
        if mended is None:
            raise
        return mended
    if b'"' in data and lines.line_count(text) != len(frame) and stray_quotes.suspected(frame, delimiter):
        mended = _without_strays(path, data, options, suffix, nrows)
        if mended is not None:
            return mended
    return frame, delimiter, text, encoding, problems, []


def _without_strays(path: Path, data: bytes, options: dict[str, Any], suffix: str, nrows: int | None
                    ) -> tuple[pd.DataFrame, str, str, str, list[Problem], list[stray_quotes.Stray]] | None:
    """The text read again with its stray opening quotes (:mod:`viewer.io.stray_quotes`) read as characters,
    or None when it has none."""
    text, encoding, problems = _decode(path, data, options.get("encoding"))
    text = lines.normalise_text(text)
    delimiter = options.get("delimiter") or sniff_delimiter(text[:SAMPLE_BYTES], suffix)
    first = text.lstrip("\ufeff\n").split("\n", 1)[0]
    width = len(next(csv.reader([first], delimiter=delimiter), []))
    strays, offsets = stray_quotes.find(text, delimiter, width)
    mark = stray_quotes.placeholder(text)
    if not strays or mark is None:
        return None
    text = stray_quotes.mended(text, offsets, mark)
    frame, bad = _read_delimited(path, text, delimiter, None if nrows is None else nrows + 1)
    for column in frame.columns:
        values = frame[column]
        if values.dtype == object or isinstance(values.dtype, pd.StringDtype):
            marked = values.str.contains(mark, regex=False, na=False)
            if marked.any():
                frame[column] = values.where(~marked, values.str.replace(mark, '"', regex=False))
    return frame, delimiter, text, encoding, problems + bad, strays
