"""Parquet and Arrow IPC (Feather) files read into pandas as the loaders expect them: list cells joined into
';' lists.

A Parquet column may hold lists (``actors: list<string>``, as Spark, DuckDB and pandas write them);
Entente's columns are ';'-separated text. pandas alone would hand each cell over as a numpy array,
which then read as ``"['a' 'b']"``.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from pyarrow import feather

from viewer.model.problems import LoadError, Problem

SEPARATOR = ";"
IPC_SUFFIXES = (".arrow", ".feather", ".ipc", ".arrows")


def read_frame(path: Path, problems: list[Problem] | None = None, rows: int | None = None) -> pd.DataFrame:
    """A Parquet file as a DataFrame (pandas' own types), list columns joined, columns of bytes as text
    (what that changes is added to ``problems``); only its first ``rows`` rows when given (a preview reads
    them, not the file); a damaged or foreign file is a LoadError naming it."""
    try:
        if rows is None:
            table = pq.read_table(path)
        else:
            held = pq.ParquetFile(path)
            first = next(held.iter_batches(batch_size=rows), None)
            table = held.schema_arrow.empty_table() if first is None else pa.Table.from_batches([first])
    except Exception as exc:  # pyarrow raises many types for a damaged file; none may escape
        if isinstance(exc, MemoryError):
            raise
        raise LoadError(f"{path}: not a readable Parquet file ({exc})") from exc
    return joined_lists(texts(table, str(path), problems)).to_pandas()


def read_ipc_frame(path: Path, problems: list[Problem] | None = None) -> pd.DataFrame:
    """An Arrow IPC file (Feather v2, or v1) or stream as :func:`read_frame` reads a Parquet file."""
    try:
        table = feather.read_table(path)
    except Exception as file_error:  # pyarrow raises many types; none may escape
        if isinstance(file_error, MemoryError):
            raise
        try:
            with pa.OSFile(str(path)) as handle:
                table = pa.ipc.open_stream(handle).read_all()
        except Exception as exc:
            if isinstance(exc, MemoryError):
                raise
            raise LoadError(f"{path}: not a readable Arrow IPC (Feather) file or stream ({file_error})") from exc
    return joined_lists(texts(table, str(path), problems)).to_pandas()


def texts(table: pa.Table, label: str, problems: list[Problem] | None) -> pa.Table:
    """Columns of bytes as text: UTF-8 as it is (Spark, Hive and Impala write text so, without saying it is
    text); other bytes decoded with U+FFFD where they are not UTF-8, said once per column."""
    for i, field in enumerate(table.schema):
        kind = field.type
        if not (pa.types.is_binary(kind) or pa.types.is_large_binary(kind) or pa.types.is_fixed_size_binary(kind)
                or pa.types.is_binary_view(kind)):
            continue
        column = table.column(i)
        try:
            text = pc.cast(pc.cast(column, pa.binary()), pa.string())
        except pa.ArrowInvalid:
            text = pa.chunked_array([pa.array([None if v is None else v.decode("utf-8", "replace")
                                               for v in column.to_pylist()], pa.string())])
            if problems is not None:
                problems.append(Problem(label, f"the column {field.name!r} holds bytes that are not UTF-8 text; "
                                        "shown with \ufffd where they are not", None, field.name, "warning"))
        table = table.set_column(i, field.name, text)
    return table


def joined_lists(table: pa.Table) -> pa.Table:
    """Each column of lists of plain values as text, the values joined by ';' (an empty list as "", a
    missing list as missing, missing values inside a list left out)."""
    for i, field in enumerate(table.schema):
        kind = field.type
        if not (pa.types.is_list(kind) or pa.types.is_large_list(kind) or pa.types.is_fixed_size_list(kind)):
            continue
        if pa.types.is_nested(kind.value_type):
            continue  # lists of lists or of records have no plain text form: left as they are
        column = table.column(i).combine_chunks()
        values = column.flatten()
        present = pc.is_valid(values)
        kept = pc.filter(values, present)
        text = kept if pa.types.is_string(kept.type) else pc.cast(kept, pa.string())
        owners = pc.filter(pc.list_parent_indices(column), present).to_numpy(zero_copy_only=False)
        offsets = np.concatenate([[0], np.cumsum(np.bincount(owners, minlength=len(column)))]).astype(np.int64)
        lists = pa.LargeListArray.from_arrays(pa.array(offsets), text, mask=column.is_null())
        table = table.set_column(i, field.name, pc.binary_join(lists, SEPARATOR))
    return table
