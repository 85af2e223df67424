"""JSON lines read by Arrow's JSON reader, in C++ on several threads: 200,000 lines in ~0.3 s, where a
``json.loads`` per line and a Python pass over each nested cell took ~4 s.

The cells come back as :mod:`viewer.io.records` writes them (text; a list of plain values as a ';' list,
other structures as their JSON), so a file reads the same by either path. Any file Arrow refuses (a line
that is no JSON object, a column whose type changes from one block to the next, a duplicated key) is left
to the line-by-line reader, which says which line is wrong. Records wrapped one level (``{"data": {...}}``:
:mod:`viewer.io.record_shapes`) may have their wrapper's fields as columns, as :mod:`viewer.io.records` reads them.
Never Qt.
"""

from __future__ import annotations

import io
import re

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.json as pa_json

from viewer.io import record_shapes
from viewer.io.json_cells import cell_text
from viewer.io.table_fast import TEXT


def read_lines(data: bytes, unwrap: bool = False) -> tuple[pd.DataFrame, np.ndarray] | None:
    """The JSON lines as text cells and each record's line number, or None when Arrow cannot read them; ``unwrap``:
    with the records' wrapper taken apart (:func:`_unwrapped`)."""
    try:
        # "2020-03-19T02:00:00Z" would be inferred as a timestamp: the types are first inferred from the head
        # (up to ~1 MB), and the whole is read with such columns as text, then again if more were found below
        head = None if _not_all_objects(data) or _too_deep(data) else _read(_head(data), None).schema
        if head is None or _deepest(head) > MAX_DEPTH:
            return None
        table = _read(data, _texts_for_timestamps(head))
        if _deepest(table.schema) > MAX_DEPTH:
            return None
        more = _texts_for_timestamps(table.schema)
        if more is not None:
            table = _read(data, more)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, pa.ArrowTypeError, OverflowError):
        return None
    if _rounded(table) and _inexact_integer(data):
        return None
    numbers = _line_numbers(data)
    if len(numbers) != table.num_rows:  # a line Arrow read as no record, or two records on one line
        return None
    table = _unwrapped(table) if unwrap else table
    cells = {name: column_cells(table.column(name).combine_chunks()) for name in table.column_names}
    return pd.DataFrame(cells, index=pd.RangeIndex(table.num_rows)), numbers


# a line that opens with no object: Arrow's reader crashes the process (a segmentation fault) when the first is
# null, and reads others as no record or refuses them; the line-by-line reader says which line is what
_OPENS_NO_OBJECT = (re.compile(rb"[ \t\r\n]*[^{\s]"), re.compile(rb"\n[ \t\r]*[^{\s]"))  # (104 MB: 0.05 s)


def _not_all_objects(data: bytes) -> bool:
    """Whether a line of the text (a blank one aside) opens with something other than ``{``."""
    return bool(_OPENS_NO_OBJECT[0].match(data) or _OPENS_NO_OBJECT[1].search(data))


# Arrow's JSON reader recurses once per level: past ~10,000 levels it overflows its thread's stack and the process
# dies (a segmentation fault, no exception). A line that nests deeper than this is the line-by-line reader's.
ARROW_DEPTH = 4_000


def _too_deep(data: bytes) -> bool:
    """Whether a line nests its lists and objects deeper than :data:`ARROW_DEPTH` (brackets inside strings not
    counted). Only lines at least that long can: a file of short lines costs one pass for its line ends."""
    if len(data) < ARROW_DEPTH:
        return False
    text = np.frombuffer(data, dtype=np.uint8)
    ends = np.flatnonzero(text == 10)
    starts, stops = np.r_[0, ends + 1], np.r_[ends, len(text)]
    return any(_depth(text[starts[at]:stops[at]]) > ARROW_DEPTH
               for at in np.flatnonzero(stops - starts >= ARROW_DEPTH))


def _depth(line: np.ndarray) -> int:
    """How deep one line's brackets nest, outside its strings (a quote after an odd run of backslashes is text)."""
    quotes = np.flatnonzero(line == 34)
    if len(quotes):
        at = np.arange(len(line), dtype=np.int64)
        last_other = np.maximum.accumulate(np.where(line == 92, -1, at))  # the last non-backslash up to each place
        before = np.maximum(quotes - 1, 0)
        slashes = np.where(quotes > 0, before - last_other[before], 0)
        toggles = np.zeros(len(line), dtype=np.int8)
        toggles[quotes[slashes % 2 == 0]] = 1
        outside = np.cumsum(toggles, dtype=np.int64) % 2 == 0
    else:
        outside = np.ones(len(line), dtype=bool)
    step = (np.isin(line, (91, 123)).astype(np.int64) - np.isin(line, (93, 125))) * outside
    return int(np.cumsum(step).max(initial=0))


EXACT = float(1 << 53)  # from here on a double no longer holds every integer
_LONG_INTEGER = re.compile(rb"[:,\[]\s*-?(\d{16,})\s*[,}\]]")  # an integer of 16 digits or more, written as a number


def _inexact_integer(data: bytes) -> bool:
    """Whether the text writes an integer (as a number, not in quotes) that a double does not hold exactly."""
    return any(len(found) > 16 or int(found) > EXACT for found in _LONG_INTEGER.findall(data))  # (17 digits: > 2**53)


def _rounded(table: pa.Table) -> bool:
    """Whether a number column (or a field of a record in one) holds a value past 2**53, which Arrow read as a
    double: an id written as an integer such as 12345678901234567890, past int64, comes back rounded, and ids
    that differ in their last digits as one. Such a file (one that writes such an integer:
    :func:`_inexact_integer`) is left to the line-by-line reader, which keeps the integers exactly; a float such as
    1e20 is read as Arrow reads it. The numbers of lists are looked at too (``[12345678901234567890, 1]``, or a list
    of records holding one, read as doubles: 1.2345678901234567e+19, and the 1 beside it as 1.0)."""
    todo = list(table.columns)
    while todo:
        column = todo.pop()
        if pa.types.is_struct(column.type):
            todo.extend(pc.struct_field(column, [at]) for at in range(column.type.num_fields))
        elif pa.types.is_list(column.type) or pa.types.is_large_list(column.type):
            todo.append(pc.list_flatten(column))
        elif pa.types.is_floating(column.type):
            top = pc.max(pc.abs(column)).as_py()
            if top is not None and top >= EXACT:
                return True
    return False


def _unwrapped(table: pa.Table) -> pa.Table:
    """The table with its records' wrapper (:func:`~viewer.io.record_shapes.wrapper_of`) taken apart into columns:
    its fields after the others, one the records have too with other values as ``data.<name>``."""
    name = record_shapes.wrapper_of(table.slice(0, record_shapes.SAMPLE).to_pylist())
    if name is None or not pa.types.is_struct(table.schema.field(name).type):
        return table
    wrapper = table.column(name)
    columns = {other: table.column(other) for other in table.column_names if other != name}
    for field, child in zip(wrapper.type, wrapper.flatten(), strict=True):
        key = field.name
        if key in columns and columns[key].equals(child):
            continue
        columns[f"{name}.{key}" if key in columns else key] = child
    return pa.table(columns)


def _read(data: bytes, schema: pa.Schema | None) -> pa.Table:
    options = pa_json.ParseOptions(explicit_schema=schema) if schema is not None else None
    return pa_json.read_json(io.BytesIO(data), parse_options=options)


HEAD_BYTES = 1 << 20
MAX_DEPTH = 32  # lists in objects in lists ...: deeper ones are the line-by-line reader's (it says so by line)


def _deepest(schema: pa.Schema) -> int:
    """How deep the schema's types nest (a plain column is 1), without recursion: a hostile line nests
    thousands deep."""
    deepest, todo = 0, [(field.type, 1) for field in schema]
    while todo:
        kind, depth = todo.pop()
        deepest = max(deepest, depth)
        if depth > MAX_DEPTH:
            break
        if pa.types.is_list(kind) or pa.types.is_large_list(kind):
            todo.append((kind.value_type, depth + 1))
        elif pa.types.is_struct(kind):
            todo.extend((field.type, depth + 1) for field in kind)
    return deepest


def _head(data: bytes) -> bytes:
    """The lines in the first ~1 MB (whole lines only)."""
    if len(data) <= HEAD_BYTES:
        return data
    end = data.find(b"\n", HEAD_BYTES)
    return data if end < 0 else data[:end + 1]


def _texts_for_timestamps(schema: pa.Schema) -> pa.Schema | None:
    """The schema with every timestamp (also inside lists and structs) read as text; None when none is."""
    fields = [pa.field(f.name, _as_text(f.type), nullable=True) for f in schema]
    new = pa.schema(fields)
    return None if new.equals(schema) else new


def _as_text(kind: pa.DataType) -> pa.DataType:
    if pa.types.is_timestamp(kind):
        return pa.string()
    if pa.types.is_list(kind):
        return pa.list_(_as_text(kind.value_type))
    if pa.types.is_struct(kind):
        return pa.struct([pa.field(f.name, _as_text(f.type)) for f in kind])
    return kind


def _line_numbers(data: bytes) -> np.ndarray:
    """The number of each line that holds something other than white space (blank lines are looked for in C;
    most files have none)."""
    body = data.rstrip(b" \t\r\n")
    if not (_BLANK_FIRST.match(body) or _BLANK_LINE.search(body)):
        return np.arange(1, body.count(b"\n") + 2 if body else 1, dtype=np.int64)
    return np.array([i for i, line in enumerate(data.split(b"\n"), start=1) if line.strip()], dtype=np.int64)


_BLANK_LINE, _BLANK_FIRST = re.compile(rb"\n[ \t\r]*\n"), re.compile(rb"[ \t\r]*\n")


def column_cells(values: pa.Array) -> pd.Series:
    """One column as the line-by-line reader writes it (:func:`~viewer.io.json_cells.cell_text`); also a
    Parquet file's columns of records and maps (a map's cell as an object)."""
    kind = values.type
    if pa.types.is_string(kind) or pa.types.is_large_string(kind):
        return pd.Series(values.fill_null(""), dtype=TEXT)
    if pa.types.is_integer(kind):
        return pd.Series(pc.cast(values, pa.string()).fill_null(""), dtype=TEXT)
    if pa.types.is_floating(kind):
        return _numbers(values)
    if pa.types.is_list(kind) and pa.types.is_string(kind.value_type) and not values.flatten().null_count:
        joined = pc.binary_join(values, ";").fill_null("")  # ["acme", "globex"] -> acme;globex, in C++
        return pd.Series(joined, dtype=TEXT)
    if pa.types.is_struct(kind) and all(_scalar(f.type) for f in kind) and len(values):
        distinct = _each_distinct(values)
        if distinct is not None:
            return distinct
    # booleans in Python's own text (True), lists of other values and structures one by one; a map's cell,
    # [("k", 1)] in Python, as the object {"k": 1}
    maps = pa.types.is_map(kind)
    return pd.Series([cell_text(dict(v) if maps and v is not None else v) for v in values.to_pylist()], dtype=TEXT)


def _numbers(values: pa.Array) -> pd.Series:
    """Whole numbers in C++ (most of a column of amounts or counts), the others in Python's own text."""
    numbers = np.asarray(values.fill_null(np.nan).to_numpy(zero_copy_only=False), dtype=np.float64)
    whole = np.isfinite(numbers) & (np.abs(numbers) < 2**53)
    whole &= np.floor(np.where(whole, numbers, 0.0)) == np.where(whole, numbers, 0.0)
    out = pd.Series(np.full(len(numbers), "", dtype=object))
    if whole.any():
        out[whole] = pa.array(numbers[whole].astype(np.int64)).cast(pa.string()).to_numpy(zero_copy_only=False)
    rest = np.flatnonzero(~whole & ~np.isnan(numbers))
    out.iloc[rest] = [str(v) for v in numbers[rest].tolist()]  # as json_cells.number_text writes them
    return out.astype(TEXT)


def _scalar(kind: pa.DataType) -> bool:
    return not (pa.types.is_struct(kind) or pa.types.is_list(kind) or pa.types.is_large_list(kind))


def _each_distinct(values: pa.StructArray) -> pd.Series | None:
    """A column of flat objects ({"name": "u130", "tier": "a"}), written once per distinct object: a log's
    user or source repeats on most lines. Distinct by their fields' text, joined in C++ (None when a text
    holds the separator or the null mark: then each is written)."""
    parts = [pc.cast(values.field(i), pa.string()) for i in range(values.type.num_fields)]
    if any(pc.any(pc.match_substring_regex(part, "[\x1e\x1f]")).as_py() for part in parts):
        return None
    key = pc.binary_join_element_wise(*parts, "\x1f", null_handling="replace", null_replacement="\x1e")
    key = pc.if_else(values.is_valid(), key, pa.scalar(None, pa.string()))
    coded = key.dictionary_encode()
    codes = np.asarray(coded.indices.fill_null(-1).to_numpy(zero_copy_only=False), dtype=np.int64)
    first = np.zeros(len(coded.dictionary), dtype=np.int64)
    first[codes[::-1][codes[::-1] >= 0]] = np.flatnonzero(codes >= 0)[::-1]
    written = np.array([cell_text(v) for v in values.take(pa.array(first)).to_pylist()] + [""],
                       dtype=object)
    return pd.Series(written[codes], dtype=TEXT)

