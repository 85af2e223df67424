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

from viewer.model import text_arrow

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
    return text_arrow.one_chunk_each(table).to_pandas(types_mapper={pa.string(): TEXT}.get)


def row_ids(index: pd.Index, rows: np.ndarray) -> pd.Series:
    """``row1``, ``row2`` … for rows without an id, made in C++."""
    numbers = pc.binary_join_element_wise("row", pc.cast(pa.array(rows), pa.string()), "")
    return pd.Series(numbers.to_pandas(types_mapper={pa.string(): TEXT}.get).array, index=index)
