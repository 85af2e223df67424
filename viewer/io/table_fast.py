"""Fast paths of the generic table loader: Arrow's CSV reader, and ISO date columns parsed in C++.

Both say "not for me" (``None``) rather than guess, and the loader then takes its general path, so a
file reads the same either way, only faster: a million-row UTF-8 CSV with ISO dates is read by Arrow's
multi-threaded reader as strings, and its dates are parsed once, straight to instants and precisions.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from viewer.io import free_memory, lines
from viewer.io.text_head import SAMPLE_BYTES, sniff_delimiter
from viewer.model import text_arrow
from viewer.model.problems import LoadError

TEXT = pd.StringDtype("pyarrow")
STR = pd.StringDtype("pyarrow", na_value=np.nan)  # pandas' "str", as its reader gives text
SAMPLE = 1 << 16  # bytes read for a header row


def read_text(path: Path, data: bytes, options: dict[str, Any], suffix: str
              ) -> tuple[pd.DataFrame, str, bytes] | None:
    """UTF-8 text read by Arrow's CSV reader (with the delimiter sniffed as usual), or None. A column of more text
    than Arrow holds in one (2 GB: a gzip of a few MB can unpack to that) is refused, naming it."""
    if str(options.get("encoding") or "utf-8").lower().replace("-", "") not in ("utf8", "utf8sig"):
        return None
    if lines.without_mark(data) is not None:
        return None
    data = lines.normalise_bytes(data)
    sample = data[:SAMPLE_BYTES * 4].decode("utf-8-sig", errors="ignore")[:SAMPLE_BYTES]
    delimiter = options.get("delimiter") or sniff_delimiter(sample, suffix)
    body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    try:
        frame = read_csv(body, delimiter, sample)
    except text_arrow.TooMuchText as big:
        raise too_much_text(path, big) from None
    return None if frame is None else (frame, delimiter, body)


def too_much_text(path: Path, big: text_arrow.TooMuchText, numbered: bool = True) -> LoadError:
    """The refusal of a table with a column of more text than one column holds, naming the file and the column
    (``numbered``: by its number, as the reader named it ``f<i>`` before its header was taken; else by its name)."""
    column = f"column {int(big.column[1:]) + 1}" if numbered else f"column {big.column!r}"
    return LoadError(f"{path}: its {column} holds {free_memory.size_text(big.size)} of text, more than one column "
                     "can hold (2 GB); expected a smaller table: split the file or keep fewer rows")


def read_csv(data: bytes | pa.NativeFile, delimiter: str, sample: str) -> pd.DataFrame | None:
    """All cells as text (no header row taken: the caller decides), or None when Arrow cannot read it alike.
    ``data``: the text's bytes, or a stream of them (Arrow reads a file itself, a block at a time).

    Arrow refuses what the general reader handles with a report (rows with more fields than the
    first, text that is not UTF-8, line breaks inside quotes): those files go the general way.
    """
    if (isinstance(data, bytes) and data.startswith((b"\xff\xfe", b"\xfe\xff"))) or len(delimiter) != 1:
        return None
    try:
        first = next(csv.reader(io.StringIO(sample), delimiter=delimiter), None)
    except csv.Error:  # a field over the csv module's 128 KiB limit: the general reader has none
        return None
    if not first:
        return None
    names = [f"f{i}" for i in range(len(first))]
    source = pa.BufferReader(data) if isinstance(data, bytes) else data
    try:
        table = pacsv.read_csv(
            source, read_options=pacsv.ReadOptions(column_names=names),
            parse_options=pacsv.ParseOptions(delimiter=delimiter),
            convert_options=pacsv.ConvertOptions(column_types={n: pa.string() for n in names},
                                                 strings_can_be_null=False, quoted_strings_can_be_null=False))
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, UnicodeDecodeError):
        return None
    return text_arrow.one_chunk_each(table).to_pandas(types_mapper={pa.string(): TEXT}.get)


def read_csv_with_header(file: Path) -> pd.DataFrame | None:
    """A comma-separated UTF-8 file with a header row, every cell as text (pandas' ``str``: empty cells ""),
    or None for pandas to read: Arrow's reader refuses it, its header is not plain (a repeated or empty name,
    which pandas renames), or it has an odd number of quotes (Arrow takes an unclosed quote at the end as
    closed; pandas says the file is cut)."""
    try:
        data = file.read_bytes()
        sample = io.StringIO(data[:SAMPLE].decode("utf-8-sig", errors="replace"), newline="")
        names = next(csv.reader(sample), [])
    except (OSError, csv.Error):
        return None
    if not names or len(set(names)) < len(names) or "" in names or lines.byte_count(data, ord('"')) % 2:
        return None
    try:
        table = pacsv.read_csv(
            pa.BufferReader(data), parse_options=pacsv.ParseOptions(newlines_in_values=True),
            convert_options=pacsv.ConvertOptions(column_types={n: pa.string() for n in names},
                                                 strings_can_be_null=False, quoted_strings_can_be_null=False))
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None
    del data
    if table.column_names != names or not all(pa.types.is_string(t) for t in table.schema.types):
        return None
    try:
        return text_arrow.one_chunk_each(table).to_pandas(types_mapper={pa.string(): STR}.get)
    except text_arrow.TooMuchText as big:
        raise too_much_text(file, big, numbered=False) from None


def row_ids(index: pd.Index, rows: np.ndarray) -> pd.Series:
    """``row1``, ``row2`` … for rows without an id, made in C++."""
    numbers = pc.binary_join_element_wise("row", pc.cast(pa.array(rows), pa.string()), "")
    return pd.Series(numbers.to_pandas(types_mapper={pa.string(): TEXT}.get).array, index=index)


def written(frame: pd.DataFrame, columns: np.ndarray) -> np.ndarray:
    """Which of these columns (positions) hold a cell with more than blanks in it. Cells empty or missing are ruled
    out in one pass over all of them (a stray value at XFD1 pads every row of a sheet to 16,384 cells: asking each
    column took 17 s); the columns left are stripped one by one."""
    cells = frame.iloc[:, columns].to_numpy(dtype=object)
    try:
        maybe = np.asarray((~pd.isna(cells) & (cells != "")).any(axis=0), dtype=bool)
    except (TypeError, ValueError):  # (a cell whose comparison is no truth value: each column is asked)
        maybe = np.ones(len(columns), dtype=bool)
    return np.array([bool(maybe[i]) and bool((frame.iloc[:, at].astype("string").str.strip().fillna("") != "").any())
                     for i, at in enumerate(columns.tolist())], dtype=bool)

