"""Attributes: the columns of a table that are not core fields, kept typed beside them.

A file's extra columns (an FDIC list's City, State, Cert …) become attributes of its events,
entities or relations. Each is one column of the table's frame named ``attr:<name>`` (the prefix
keeps them apart from core columns such as ``id`` or ``row``), stored without a Python object per
row: text as Arrow-backed strings, category as a pandas categorical, number as float64 and date as
UTC instants. The frame is the one source of truth: :func:`attributes` reads the registry from the
columns and their dtypes, so filtering, caching and combining keep attributes without bookkeeping.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from viewer.model import text_arrow
from viewer.model.columns import arrow_text
from viewer.model.dates import columns as date_columns
from viewer.model.dates import iso_date

PREFIX = "attr:"
TYPES = ("text", "number", "date", "category")
TEXT = pd.StringDtype("pyarrow")
SHARED_FROM_CELLS = 200_000  # a table with fewer attribute cells types them on one thread
THREADS = min(4, os.cpu_count() or 1)
MAX_CATEGORIES = 200  # more distinct values than this is text (names, cities), not a category
_NUMBER = r"[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?"


@dataclass(frozen=True)
class Attribute:
    """One attribute: its name as the file wrote it, its column in the frame, and its type."""

    name: str
    column: str
    type: str


def column_of(name: str) -> str:
    """The frame column holding the attribute ``name`` (``State`` → ``attr:State``)."""
    return name if name.startswith(PREFIX) else PREFIX + name


def type_of(values: pd.Series) -> str:
    """The attribute type a stored column has, from its dtype."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        return "category"
    if pd.api.types.is_datetime64_any_dtype(values.dtype):
        return "date"
    if pd.api.types.is_numeric_dtype(values.dtype) and not pd.api.types.is_bool_dtype(values.dtype):
        return "number"
    return "text"


def attributes(frame: pd.DataFrame) -> tuple[Attribute, ...]:
    """The attributes a table holds, in column order."""
    return tuple(Attribute(str(c)[len(PREFIX):], str(c), type_of(frame[c])) for c in frame.columns
                 if str(c).startswith(PREFIX))


def categorical(frame: pd.DataFrame) -> tuple[Attribute, ...]:
    """The attributes fit for lanes and value filters (type category)."""
    return tuple(a for a in attributes(frame) if a.type == "category")


def _clean(values: pd.Series) -> pa.Array:
    return text_arrow.blanks_null(text_arrow.trimmed(arrow_text(values.astype("str") if values.dtype == object
                                                                else values)))


def infer_type(values: pd.Series) -> str:
    """The type the values look like: number, date, category (few distinct values) or text.

    Numbers with a leading zero (ZIP codes, identifiers like ``007``) stay text, so nothing is lost;
    dates must read as dates other than bare numbers (a column of years is a number).
    """
    if type_of(values) != "text":
        return type_of(values)
    text = _clean(values).drop_null()
    if len(text) == 0:
        return "text"
    numeric = pc.match_substring_regex(text, f"^{_NUMBER}$")
    if pc.all(numeric).as_py():
        padded = pc.match_substring_regex(text, r"^[-+]?0\d")
        return "text" if pc.any(padded).as_py() else "number"
    sample = pd.Series(text.slice(0, 200).to_pandas(types_mapper={pa.string(): TEXT}.get))
    if not pc.any(numeric).as_py() and date_columns.looks_like_dates(sample, threshold=0.95):
        return "date"
    distinct = len(pc.unique(text))
    if distinct <= MAX_CATEGORIES and distinct <= max(2, len(text) // 2):
        return "category"
    return "text"


def typed(values: pd.Series, kind: str) -> pd.Series:
    """The values stored as ``kind``; cells that do not read as that type become empty."""
    if kind not in TYPES:
        raise ValueError(f"attribute type must be one of {', '.join(TYPES)}, got {kind!r}")
    if type_of(values) == kind:
        return values
    cleaned = _clean(values)
    if kind == "number":
        return _numbers(cleaned, values.index)
    text = pd.Series(cleaned.to_pandas(types_mapper={pa.string(): TEXT}.get).array, index=values.index)
    if kind == "date":
        return date_columns.parse_column(text).instants
    if kind == "category":
        codes, uniques = pd.factorize(text)
        return pd.Series(pd.Categorical.from_codes(codes, categories=pd.Index(uniques, dtype="str")),
                         index=values.index)
    return text.fillna("").astype("str")


def _numbers(text: pa.Array, index: pd.Index) -> pd.Series:
    """Numbers read from text (thousands commas dropped); a cell that is no number becomes empty. Arrow reads
    a column in one pass (pandas' reader took 23 ms a column of 50,000, for each of a wide table's columns);
    a column with any cell Arrow refuses ("1_000", "0x10", words) is read by pandas, which empties those."""
    plain = pc.replace_substring(text, ",", "")
    try:
        numbers = pc.cast(plain, pa.float64())
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        written = pd.Series(plain.to_pandas(types_mapper={pa.string(): TEXT}.get).array, index=index)
        return pd.to_numeric(written, errors="coerce").astype("float64")
    return pd.Series(np.asarray(numbers.to_numpy(zero_copy_only=False), dtype=np.float64), index=index)


def extra_columns(raw: pd.DataFrame, core: tuple[str, ...] | set[str]) -> list[str]:
    """The columns of a raw table that are not core fields (nor already attribute columns' duplicates)."""
    return [str(c) for c in raw.columns if str(c) not in core and str(c).strip()]


def build(raw: pd.DataFrame, names: list[str], types: Mapping[str, str] | None = None) -> pd.DataFrame:
    """The attribute columns for ``names`` of ``raw``: typed as ``types`` says, else inferred.

    A wide table's columns are typed on a few threads: the work is Arrow's and numpy's, which let go of
    the interpreter, and each column is its own (a 50,000-row table of 200 columns: 2.7 s on one, 1.7 on two).
    """
    types = types or {}
    columns = []
    for name in names:
        values = raw[name]
        if isinstance(values, pd.DataFrame):  # a duplicated header: take the first
            values = values.iloc[:, 0]
        bare = name[len(PREFIX):] if name.startswith(PREFIX) else name
        columns.append((bare, values, types.get(bare)))

    def one(column: tuple[str, pd.Series, str | None]) -> pd.Series:
        _bare, values, kind = column
        return typed(values.reset_index(drop=True), kind or infer_type(values))

    if len(columns) > 1 and len(raw) * len(columns) >= SHARED_FROM_CELLS:
        with ThreadPoolExecutor(min(THREADS, len(columns)), thread_name_prefix="entente-attributes") as pool:
            built = list(pool.map(one, columns))
    else:
        built = [one(column) for column in columns]
    return pd.DataFrame({column_of(bare): values for (bare, _, _), values in zip(columns, built, strict=True)},
                        index=pd.RangeIndex(len(raw)))


def normalise(frame: pd.DataFrame) -> pd.DataFrame:
    """Attribute columns back to their stored dtypes after a concat mixed them (categories merged)."""
    for column in [c for c in frame.columns if str(c).startswith(PREFIX)]:
        if frame[column].dtype == object:
            frame[column] = typed(frame[column].astype("str"), infer_type(frame[column]))
    return frame


def formatted(values: pd.Series) -> pd.Series:
    """Attribute values as display text ("" for empty): numbers without noise, dates ISO."""
    kind = type_of(values)
    if kind == "number":
        return values.map(lambda v: "" if pd.isna(v) else f"{v:.15g}")  # no separators: Cert 21029 is an id
    if kind == "date":
        midnight = (values.dropna().dt.floor("D") == values.dropna()).all()
        return values.map(lambda v: "" if pd.isna(v) else iso_date(v, "day" if midnight else "time"))
    return values.astype("str").fillna("")


def plain(values: pd.Series) -> pd.Series:
    """Attribute values as they go into a file (the same text as shown: ISO dates, plain numbers)."""
    return formatted(values)


def items(frame: pd.DataFrame, position: int) -> list[tuple[str, str]]:
    """An item's attributes as (name, formatted value) pairs, empty values left out (for Details)."""
    out = []
    for attribute in attributes(frame):
        value = formatted(frame[attribute.column].iloc[[position]]).iloc[0]
        if value:
            out.append((attribute.name, str(value)))
    return out


def text_mask(frame: pd.DataFrame, needle: str) -> np.ndarray:
    """Rows whose text or category attributes contain ``needle`` (lower case); numbers when it is one."""
    mask = np.zeros(len(frame), dtype=bool)
    for attribute in attributes(frame):
        values = frame[attribute.column]
        if attribute.type == "category":
            hit = [str(c).lower().find(needle) >= 0 for c in values.cat.categories]
            codes = values.cat.codes.to_numpy()
            mask |= np.append(np.asarray(hit, dtype=bool), False)[np.where(codes < 0, len(hit), codes)]
        elif attribute.type == "text":
            found = pc.match_substring(arrow_text(values), needle, ignore_case=True).fill_null(False)
            mask |= np.asarray(found.to_numpy(zero_copy_only=False), dtype=bool)
        elif attribute.type == "number" and re.fullmatch(_NUMBER, needle):
            mask |= (values == float(needle)).to_numpy(dtype=bool, na_value=False)
    return mask


def value_mask(frame: pd.DataFrame, name: str, values: frozenset[str] | set[str]) -> np.ndarray:
    """Rows whose attribute ``name`` is one of ``values`` (as displayed); all False when there is no such column."""
    column = column_of(name)
    if column not in frame.columns:
        return np.zeros(len(frame), dtype=bool)
    series = frame[column]
    if isinstance(series.dtype, pd.CategoricalDtype):
        return series.isin(list(values)).to_numpy(dtype=bool)
    return formatted(series).isin(list(values)).to_numpy(dtype=bool)


def distinct_values(frame: pd.DataFrame, name: str) -> list[tuple[str, int]]:
    """An attribute's values with their counts, most frequent first (for a filter menu)."""
    column = column_of(name)
    if column not in frame.columns:
        return []
    counts = formatted(frame[column]).value_counts()
    counts = counts[counts.index != ""]
    return [(str(v), int(n)) for v, n in sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))]
