"""Fast paths of the generic table loader: Arrow's CSV reader, and ISO date columns parsed in C++.

Both say "not for me" (``None``) rather than guess, and the loader then takes its general path, so a
file reads the same either way, only faster: a million-row UTF-8 CSV with ISO dates is read by Arrow's
multi-threaded reader as strings, and its dates are parsed once, straight to instants and precisions.
"""

from __future__ import annotations

import csv
import io

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from viewer.model import dates
from viewer.model.dates import PRECISION_DTYPE, ParsedDates
from viewer.model.fast_dates import PRECISION_CODES, parse_fast

TEXT = pd.StringDtype("pyarrow")


def read_csv(data: bytes, delimiter: str, sample: str) -> pd.DataFrame | None:
    """All cells as text (no header row taken: the caller decides), or None when Arrow cannot read it alike.

    Arrow refuses what the general reader handles with a report (rows with more fields than the
    first, text that is not UTF-8, line breaks inside quotes): those files go the general way.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or len(delimiter) != 1:
        return None
    first = next(csv.reader(io.StringIO(sample), delimiter=delimiter), None)
    if not first:
        return None
    names = [f"f{i}" for i in range(len(first))]
    try:
        table = pacsv.read_csv(
            io.BytesIO(data), read_options=pacsv.ReadOptions(column_names=names),
            parse_options=pacsv.ParseOptions(delimiter=delimiter),
            convert_options=pacsv.ConvertOptions(column_types={n: pa.string() for n in names},
                                                 strings_can_be_null=False, quoted_strings_can_be_null=False))
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, UnicodeDecodeError):
        return None
    return table.to_pandas(types_mapper={pa.string(): TEXT}.get)


def clean(values: pd.Series) -> pd.Series | None:
    """:func:`viewer.io.table_dates.clean_text` for a text column, in Arrow; None for other columns."""
    if not pd.api.types.is_string_dtype(values.dtype):
        return None
    try:
        text = pa.array(values, type=pa.string(), from_pandas=True)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return None
    if pc.any(pc.match_substring(text, "\xa0")).as_py():
        text = pc.replace_substring(text, "\xa0", " ")
    text = pc.utf8_trim_whitespace(text)
    text = pc.if_else(pc.equal(text, ""), pa.scalar(None, pa.string()), text)
    return pd.Series(text.to_pandas(types_mapper={pa.string(): TEXT}.get), index=values.index)


def _last_is_letter(text: pa.Array) -> np.ndarray:
    last = pc.utf8_slice_codeunits(text, -1, 2**31 - 1)
    return np.asarray(pc.utf8_is_alpha(last).fill_null(False).to_numpy(zero_copy_only=False), dtype=bool)


def parse_iso_column(values: pd.Series) -> tuple[pd.Series, pd.Series, pd.Series, list[tuple[str, str]]] | None:
    """Instants (UTC), precisions, invalid flags and notes for a column written wholly in ISO forms.

    None when any written value needs the general parser (other forms, time zones by name …). The
    notes match the general path's: times without a zone are reported, and a column whose zone-less
    times are all at midnight reads as dates.
    """
    if not (pd.api.types.is_string_dtype(values.dtype) or values.dtype == object):
        return None
    try:
        text = pc.utf8_trim_whitespace(pa.array(values, type=pa.string(), from_pandas=True))
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return None
    if isinstance(text, pa.ChunkedArray):
        text = text.combine_chunks()
    text = pc.replace_substring(text, "\xa0", " ") if pc.any(pc.match_substring(text, "\xa0")).as_py() else text
    fast = parse_fast(text)
    if (fast.present & (fast.codes < 0)).any():
        return None
    index = values.index
    codes = fast.codes.copy()
    is_time = codes == PRECISION_CODES["time"]
    notes: list[tuple[str, str]] = []
    # the general path reads a trailing zone letter (Z) as a zone name: those times count as zone-less here
    clocked = is_time & (fast.naive | _last_is_letter(text))
    if clocked.any() and (fast.micros[clocked] % 86_400_000_000 == 0).all():
        codes[clocked] = PRECISION_CODES["day"]
        notes.append(("info", "every time is 00:00; read as dates (day precision)"))
    shift = codes == PRECISION_CODES["time"]
    shift &= fast.naive
    if shift.any():
        notes.append(("info", f"{int(shift.sum()):,} date-times have no time zone; taken as UTC"))
    instants = pd.Series(fast.micros.view("datetime64[us]"), index=index).dt.tz_localize("UTC")
    precisions = dates.precision_series(codes, index)
    return instants, precisions, pd.Series(np.zeros(len(index), dtype=bool), index=index), notes


def parsed_dates(instants: pd.Series, precisions: pd.Series, keep: np.ndarray) -> ParsedDates:
    """Dates the loader already read, for build_dataset to take as they are."""
    at = instants[keep].reset_index(drop=True)
    codes = pd.Categorical(precisions[keep], dtype=PRECISION_DTYPE).codes.copy()
    codes[at.isna().to_numpy()] = -1
    none = pd.Series(np.zeros(len(at), dtype=bool))
    return ParsedDates(at.where(codes >= 0), dates.precision_series(codes, at.index), none, none.copy())


def row_ids(index: pd.Index, rows: np.ndarray) -> pd.Series:
    """``row1``, ``row2`` … for rows without an id, made in C++."""
    numbers = pc.binary_join_element_wise("row", pc.cast(pa.array(rows), pa.string()), "")
    return pd.Series(numbers.to_pandas(types_mapper={pa.string(): TEXT}.get), index=index)
