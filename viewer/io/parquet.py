"""Parquet and Arrow IPC (Feather) files read into pandas as the loaders expect them: list cells joined into
';' lists, other structures as their JSON text, decimals as their exact text.

A Parquet column may hold lists (``actors: list<string>``, as Spark, DuckDB and pandas write them);
Entente's columns are ';'-separated text. pandas alone would hand each cell over as a numpy array,
which then read as ``"['a' 'b']"``. A column of records, maps or lists of them (``who: struct<name, role>``)
is written as the JSON readers write such cells (:mod:`viewer.io.json_cells`): pandas would hand over dicts,
which no text, date or code of Entente's reads.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from pyarrow import feather

from viewer.io import records_arrow
from viewer.model import lists
from viewer.model.attributes import MAX_CATEGORIES
from viewer.model.problems import LoadError, Problem

SEPARATOR = ";"
IPC_SUFFIXES = (".arrow", ".feather", ".ipc", ".arrows")
PARQUET_MAGIC, IPC_MAGIC = b"PAR1", b"ARROW1"  # how a Parquet file and an Arrow IPC (Feather v2) file begin
# Spark, Hive and Impala wrote times as INT96 (a Julian day and the nanoseconds into it): read as nanoseconds, a
# time before 1677 or after 2262 wraps round to another date without a word (1500 read as 2084)
INT96_UNIT = "us"


def kind_of(path: Path) -> str | None:
    """"parquet" or "ipc" for a file that begins as one (a Spark or Hive part file has no suffix), else None."""
    try:
        with path.open("rb") as handle:
            head = handle.read(len(IPC_MAGIC))
    except OSError:
        return None
    return "parquet" if head.startswith(PARQUET_MAGIC) else "ipc" if head == IPC_MAGIC else None


def read_frame(path: Path, problems: list[Problem] | None = None, rows: int | None = None) -> pd.DataFrame:
    """A Parquet file as a DataFrame (pandas' own types), list columns joined, columns of bytes as text
    (what that changes is added to ``problems``); only its first ``rows`` rows when given (a preview reads
    them, not the file); a damaged or foreign file is a LoadError naming it."""
    try:
        if rows is None:
            table = _whole(path)
        else:
            held = pq.ParquetFile(path, coerce_int96_timestamp_unit=INT96_UNIT)
            first = next(held.iter_batches(batch_size=rows), None)
            table = held.schema_arrow.empty_table() if first is None else pa.Table.from_batches([first])
    except Exception as exc:  # pyarrow raises many types for a damaged file; none may escape
        if isinstance(exc, MemoryError):
            raise
        raise unreadable(path, exc) from exc
    return as_pandas(table, str(path), problems)


def _whole(path: Path) -> pa.Table:
    """The whole file; one whose columns share a name (a join's two ``id``, written as they came) is read as it is
    (Arrow's dataset reader, the faster, refuses it: "Multiple matches for FieldRef")."""
    try:
        return pq.read_table(path, coerce_int96_timestamp_unit=INT96_UNIT)
    except pa.ArrowInvalid as exc:
        if "Multiple matches" not in str(exc):
            raise
        return pq.ParquetFile(path, coerce_int96_timestamp_unit=INT96_UNIT).read()


def unreadable(path: Path, exc: Exception) -> LoadError:
    """A damaged or foreign Parquet file, said in words (Arrow's own message repeats the path)."""
    said = ("no Parquet footer at its end: damaged, cut short, or no Parquet file" if "magic bytes" in str(exc)
            else str(exc).replace(f"'{path}'", "it"))
    return LoadError(f"{path}: not a readable Parquet file ({said}); expected a Parquet file as Arrow, pandas, "
                     "DuckDB or Spark write it")


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
            raise LoadError(f"{path}: not a readable Arrow IPC (Feather) file or stream ({file_error}); expected "
                            "an Arrow file or stream (.arrow, .feather) as Arrow or pandas write it") from exc
    return as_pandas(table, str(path), problems)


def as_pandas(table: pa.Table, label: str, problems: list[Problem] | None) -> pd.DataFrame:
    """The table as the loaders expect it (see the module): bytes as text, lists joined, structures as JSON,
    times beyond pandas' reach as text."""
    table = known_zones(extensions_as_storage(distinct_names(table, label, problems)), label, problems)
    table = dates_as_times(far_times_as_text(texts(plain_dictionaries(table), label, problems)))
    return _to_pandas(nested_as_text(joined_lists(decimals_as_text(table)), label, problems), label, problems)


def decimals_as_text(table: pa.Table) -> pa.Table:
    """Each column of decimals (``decimal128(22,2)``, as Spark, DuckDB and databases write money) as its exact text,
    ``12345678901234567890.12``, as a CSV writes it: a number of up to 15 digits is then read as a number, a wider one,
    which a float would round to ``1.2345678901234567e+19``, kept as written (:mod:`viewer.model.wide_numbers`).
    pandas would hand each over as a Python ``Decimal``, a number to no reader of Entente's."""
    for i, field in enumerate(table.schema):
        if pa.types.is_decimal(field.type):
            table = table.set_column(i, field.name, pc.cast(table.column(i), pa.string()))
    return table


def extensions_as_storage(table: pa.Table) -> pa.Table:
    """Each column of an extension type whose values are lists or records (Arrow's tensors: ``pandas`` handed
    each over as an array, which raised out of the reader) as its storage, which is then read as any list is;
    others (UUIDs, JSON) are read as pandas reads them."""
    for i, field in enumerate(table.schema):
        if isinstance(field.type, pa.BaseExtensionType) and pa.types.is_nested(field.type.storage_type):
            column = table.column(i)
            table = table.set_column(i, field.name, pa.chunked_array([chunk.storage for chunk in column.chunks],
                                                                     field.type.storage_type))
    return table


def known_zones(table: pa.Table, label: str, problems: list[Problem] | None) -> pa.Table:
    """Each column of times in a time zone this machine does not know (a typo, ``Mars/Olympus``) in UTC, said:
    Arrow holds the times in UTC whatever zone it names, so none moves; pandas refused the whole file."""
    for i, field in enumerate(table.schema):
        zone = field.type.tz if pa.types.is_timestamp(field.type) else None
        if not zone:
            continue
        try:
            pa.lib.string_to_tzinfo(zone)
        except (pa.ArrowInvalid, ValueError, KeyError):
            utc = pa.timestamp(field.type.unit, tz="UTC")
            table = table.set_column(i, field.name, pa.chunked_array([c.view(utc) for c in table.column(i).chunks],
                                                                     utc))
            if problems is not None:
                problems.append(Problem(label, f"the column {field.name!r} names a time zone this machine does not "
                                        f"know ({zone!r}); its times are read in UTC, as the file holds them", None,
                                        field.name, "warning"))
    return table


def _to_pandas(table: pa.Table, label: str, problems: list[Problem] | None) -> pd.DataFrame:
    """The table in pandas; a column of a type pandas cannot take (Arrow has many, and adds more) is read as its
    text, or left empty where it has none, and said: the rest of the file opens."""
    try:
        return table.to_pandas()
    except (pa.ArrowException, TypeError, ValueError):
        pass
    for i, field in enumerate(table.schema):
        column = table.column(i)
        try:
            column.to_pandas()
            continue
        except (pa.ArrowException, TypeError, ValueError):
            pass
        try:
            text = pc.cast(column, pa.string())
            said = "read as its text"
        except (pa.ArrowException, TypeError, ValueError):
            text, said = pa.nulls(len(column), pa.string()), "left empty"
        table = table.set_column(i, field.name, text)
        if problems is not None:
            problems.append(Problem(label, f"the column {field.name!r} is of a type pandas cannot hold ({field.type}): "
                                    f"{said}", None, field.name, "warning"))
    return table.to_pandas()


CATEGORIES_UP_TO = MAX_CATEGORIES  # distinct texts a dictionary column keeps as pandas' categories


def plain_dictionaries(table: pa.Table) -> pa.Table:
    """Each dictionary-encoded column (pandas writes its categoricals so) as its plain values, except text of a
    few distinct values, which pandas keeps as categories. A column of a million distinct titles became a
    million Python strings in pandas' categories (0.5 s, then 0.4 more to clean them); numbers or times as
    categories are read as numbers or times."""
    for i, field in enumerate(table.schema):
        kind = field.type
        if not pa.types.is_dictionary(kind):
            continue
        column = table.column(i)
        distinct = max((len(chunk.dictionary) for chunk in column.chunks), default=0)
        if (pa.types.is_string(kind.value_type) or pa.types.is_large_string(kind.value_type)) and (
                distinct <= CATEGORIES_UP_TO):
            continue
        table = table.set_column(i, field.name, pc.cast(column, kind.value_type))
    return table


def dates_as_times(table: pa.Table) -> pa.Table:
    """Each column of dates (``date32``, as DuckDB, Spark and R write a DATE) as times at midnight UTC, which is how
    Entente reads ``2019-03-04`` (a date read at its day's precision). pandas would hand each over as a Python
    date, which were written out as text and parsed again: two seconds for a million rows, against 0.6."""
    for i, field in enumerate(table.schema):
        if pa.types.is_date(field.type):
            table = table.set_column(i, field.name, pc.cast(table.column(i), pa.timestamp("us", tz="UTC")))
    return table


def distinct_names(table: pa.Table, label: str, problems: list[Problem] | None) -> pa.Table:
    """The table with each column an earlier one names renamed by its place (:func:`lists.distinct_names`), said
    once: every reader takes a column by its name."""
    names = [str(name) for name in table.column_names]
    distinct = lists.distinct_names(names)
    renamed = [f"{name!r} as {new!r}" for name, new in zip(names, distinct, strict=True) if name != new]
    if not renamed:
        return table
    if problems is not None:
        problems.append(Problem(label, f"columns share a name; read {', '.join(renamed)}", None, None, "info"))
    return table.rename_columns(distinct)


def far_times_as_text(table: pa.Table) -> pa.Table:
    """Each column of dates or times holding one before the year 1 or after 9999 (a model's output, a date
    typed by hand as 20190 or -1199) as ISO 8601 text in the expanded form (``-1199-02-15T14:13:20Z``): pandas
    cannot write such a time nor hand it over as a date, while Entente's date parser reads that text as the
    same instant (or says which row it cannot place)."""
    for i, field in enumerate(table.schema):
        kind = field.type
        if not (pa.types.is_timestamp(kind) or pa.types.is_date(kind)):
            continue
        column = table.column(i)
        bounds = pc.min_max(pc.cast(column, pa.timestamp("s"), safe=False) if pa.types.is_date(kind) else column)
        low, high = bounds["min"], bounds["max"]
        if not low.is_valid or (_in_years(low) and _in_years(high)):
            continue
        unit = "D" if pa.types.is_date(kind) else kind.unit
        plain = column if pa.types.is_date(kind) else pc.cast(column, pa.timestamp(kind.unit))  # (UTC)
        stamps = np.asarray(plain.to_numpy(), dtype=f"datetime64[{unit}]")
        aware = pa.types.is_timestamp(kind) and kind.tz is not None  # (in the column's own unit, Z when aware)
        written = (np.datetime_as_string(stamps, timezone="UTC") if aware else np.datetime_as_string(stamps)
                   ).astype(object)
        written[np.isnat(stamps)] = None
        table = table.set_column(i, field.name, pa.array(written, pa.string()))
    return table


def _in_years(value: pa.Scalar) -> bool:
    """Whether a time lies in the years 1–9999 (a date's or a time's value as Arrow holds it)."""
    as_int = pc.cast(value, pa.int64()).as_py()
    per_second = {"s": 1, "ms": 1_000, "us": 1_000_000, "ns": 1_000_000_000}[value.type.unit]
    return FIRST_SECOND <= as_int // per_second <= LAST_SECOND


FIRST_SECOND, LAST_SECOND = -62_135_596_800, 253_402_300_799  # 0001-01-01T00:00:00, 9999-12-31T23:59:59 (Unix)


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


def nested_as_text(table: pa.Table, label: str, problems: list[Problem] | None) -> pa.Table:
    """Each column of records, maps, or lists of structures, as text: the cells as the JSON readers write them
    (``{"name": "acme", "role": "owner"}``); left empty, and said, where a value has no such form (a date
    beyond the years 1–9999 inside a record)."""
    for i, field in enumerate(table.schema):
        if not pa.types.is_nested(field.type):
            continue
        column = table.column(i).combine_chunks()
        try:
            text = pa.array(records_arrow.column_cells(column), pa.string())
        except (ValueError, OverflowError, pa.ArrowException):
            text = pa.nulls(len(column), pa.string())
            if problems is not None:
                problems.append(Problem(label, f"the column {field.name!r} holds {field.type} values that have no "
                                        "text form (a date beyond the years 1-9999?); left empty", None,
                                        field.name, "warning"))
        table = table.set_column(i, field.name, text)
    return table
