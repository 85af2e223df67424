"""ORC files, as Hive, Spark, Presto and Trino write a table's data (``part-00000…orc``, or no suffix at all),
read by Arrow and then handed over as a Parquet file's columns are (:func:`viewer.io.parquet.as_pandas`).

Arrow's ORC reader holds times in nanoseconds and refuses a whole file when one time lies before 1677 or after
2262 (a birth in 1500, a lease to 9999): that column is left out and said, and the rest of the file is read.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow as pa
from pyarrow import orc

from viewer.io import parquet
from viewer.model.problems import LoadError, Problem

SUFFIXES = (".orc",)
MAGIC = b"ORC"  # an ORC file begins with it, and its last bytes are it and the postscript's length


def is_orc(path: Path) -> bool:
    """The file begins and ends as an ORC file does (a text beginning "ORCID,…" does not end so)."""
    try:
        with path.open("rb") as handle:
            if handle.read(len(MAGIC)) != MAGIC:
                return False
            handle.seek(-(len(MAGIC) + 1), 2)
            return handle.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def read_frame(path: Path, problems: list[Problem] | None = None, rows: int | None = None) -> pd.DataFrame:
    """An ORC file as :func:`viewer.io.parquet.read_frame` reads a Parquet file (only its first stripe's first
    ``rows`` rows when given: a preview reads them, not the file); a damaged file is a LoadError naming it."""
    try:
        held = orc.ORCFile(str(path))
        table = _read(held, rows, str(path), problems)
    except Exception as exc:  # Arrow raises many types for a damaged file; none may escape
        if isinstance(exc, MemoryError | LoadError):
            raise
        raise LoadError(f"{path}: not a readable ORC file ({exc}); expected an ORC file as Hive, Spark or Arrow "
                        "write it") from exc
    return parquet.as_pandas(_in_microseconds(table.slice(0, rows) if rows else table), str(path), problems)


def _in_microseconds(table: pa.Table) -> pa.Table:
    """Times in microseconds, as a Parquet file's come (Arrow's ORC reader hands them over in nanoseconds)."""
    for i, field in enumerate(table.schema):
        if pa.types.is_timestamp(field.type) and field.type.unit == "ns":
            table = table.set_column(i, field.name, table.column(i).cast(pa.timestamp("us", field.type.tz),
                                                                         safe=False))
    return table


def _read(held: orc.ORCFile, rows: int | None, label: str, problems: list[Problem] | None) -> pa.Table:
    """The table (its first stripe for ``rows``), without the columns of times Arrow cannot hold (said)."""
    def read(columns: list[str] | None = None) -> pa.Table:
        if rows is None or not held.nstripes:
            return held.read(columns=columns)
        return pa.Table.from_batches([held.read_stripe(0, columns=columns)])

    try:
        return read()
    except pa.ArrowInvalid as exc:
        if "out of range" not in str(exc):
            raise
    kept, left = [], []
    for name in held.schema.names:
        try:
            read([name])
            kept.append(name)
        except pa.ArrowInvalid:
            left.append(name)
    if problems is not None:
        problems += [Problem(label, f"the column {name!r} holds a time before 1677 or after 2262, which Arrow's ORC "
                             "reader cannot read; the column is left out (saved as Parquet, it is read whole)",
                             None, name, "warning") for name in left]
    return read(kept)
