"""Building a table's attribute columns (:func:`build`): typed as a spec says, else inferred.

A long table's columns are typed one by one, on a few threads (the work is Arrow's and numpy's, which let go
of the interpreter). A wide one's are typed all at once: typing a column has a fixed cost of a few
milliseconds (a dozen Arrow and pandas calls), so a survey export of 5,000 question columns took ten seconds
whatever its rows, on threads that held the interpreter while the window waited. :func:`infer_types` and
:func:`typed_all` give the same types and values as :func:`~viewer.model.attributes.infer_type` and
:func:`~viewer.model.attributes.typed`, from one Arrow array holding every column's cells
(:class:`~viewer.model.attribute_cells.Cells`), cleaned once: each step is one pass over all the cells, counted
per column with numpy; only columns that may hold dates are looked at one by one. What is still done for each
column is the least pandas asks to hold it (a categorical's dtype, shared by columns of the same values): 20,000
columns of two rows are typed in under 4 s, not 10. Never Qt.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from typing import TypeAlias

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from viewer.model import attribute_cells, attributes
from viewer.model.attribute_cells import Cells
from viewer.model.dates import arrow as date_arrow

SHARED_FROM_CELLS = 200_000  # a long table with fewer attribute cells types them on one thread
THREADS = min(4, os.cpu_count() or 1)
ALL_AT_ONCE_FROM = 32  # columns: a table this wide whose columns are short is typed all at once
SHORT = 2_000  # rows: longer columns are typed faster one by one, on threads (10,000 x 100: 0.95 s against 1.7)
_STR = pd.StringDtype("pyarrow", na_value=np.nan)  # what astype("str") gives

Column = tuple[str, pd.Series, str | None]  # an attribute's name, its cells, the type a spec gives it (or None)
Typed: TypeAlias = "pd.Series | pd.api.extensions.ExtensionArray | np.ndarray"  # a typed column, or what it holds


def build(raw: pd.DataFrame, names: list[str], types: Mapping[str, str] | None = None) -> pd.DataFrame:
    """The attribute columns for ``names`` of ``raw``: typed as ``types`` says, else inferred (a 50,000-row
    table of 200 columns: 2.7 s on one thread, 1.7 on two; 2 rows of 20,000 columns: 10 s with a dozen calls
    made for each column, under 4 s with the few pandas needs to hold each)."""
    columns = _columns(raw, names, types or {})
    if len(columns) >= ALL_AT_ONCE_FROM and len(raw) <= SHORT:
        built = _all_at_once(columns)
    else:
        def one(column: Column) -> pd.Series:
            _bare, values, kind = column
            return attributes.typed(values, kind or attributes.infer_type(values))

        if len(columns) > 1 and len(raw) * len(columns) >= SHARED_FROM_CELLS:
            with ThreadPoolExecutor(min(THREADS, len(columns)), thread_name_prefix="entente-attributes") as pool:
                built = list(pool.map(one, columns))
        else:
            built = [one(column) for column in columns]
    return pd.DataFrame({attributes.column_of(bare): values
                         for (bare, _, _), values in zip(columns, built, strict=True)}, index=pd.RangeIndex(len(raw)))


def _columns(raw: pd.DataFrame, names: list[str], types: Mapping[str, str]) -> list[Column]:
    """Each name's column (the first of a header written twice), numbered from 0, with the type ``types`` gives
    it. The frame's columns are gone through once: looking each up by its name, then numbering its rows anew,
    cost 80 µs a column (1.6 s of 20,000)."""
    if not raw.index.equals(pd.RangeIndex(len(raw))):
        raw = raw.reset_index(drop=True)
    wanted, first = set(names), dict[str, pd.Series]()
    for label, values in raw.items():
        if str(label) in wanted:
            first.setdefault(str(label), values)
    out = []
    for name in names:
        bare = name[len(attributes.PREFIX):] if name.startswith(attributes.PREFIX) else name
        out.append((bare, first[name], types.get(bare)))
    return out


def infer_types(columns: list[pd.Series]) -> list[str]:
    """:func:`~viewer.model.attributes.infer_type` of each column."""
    kinds = _stored(columns)
    texts = [i for i, kind in enumerate(kinds) if kind == "text"]
    if texts:
        for at, kind in zip(texts, attribute_cells.inferred(Cells([columns[i] for i in texts])), strict=True):
            kinds[at] = kind
    return kinds


def _stored(columns: list[pd.Series]) -> list[str]:
    """:func:`~viewer.model.attributes.type_of` of each column, asked once of each dtype (20,000 columns of text
    share one: pandas' dtype tests cost 14 µs a column)."""
    said: dict[object, str] = {}
    out = []
    for values in columns:
        if values.dtype not in said:
            said[values.dtype] = attributes.type_of(values)
        out.append(said[values.dtype])
    return out


def _all_at_once(columns: list[Column]) -> list[Typed]:
    """Each column typed as given or as inferred, from one array of every text column's cells."""
    series = [values for _bare, values, _kind in columns]
    stored = _stored(series)
    texts = [i for i, kind in enumerate(stored) if kind == "text"]
    cells = Cells([series[i] for i in texts])
    kinds = list(stored)
    for at, kind in zip(texts, attribute_cells.inferred(cells), strict=True):
        kinds[at] = kind
    kinds = [given or kind for (_bare, _values, given), kind in zip(columns, kinds, strict=True)]
    return typed_all(series, kinds, (cells, texts, stored))


def typed_all(columns: list[pd.Series], kinds: list[str],
              known: tuple[Cells, list[int], list[str]] | None = None) -> list[Typed]:
    """:func:`~viewer.model.attributes.typed` of each column as its kind (as a Series, or the array it would hold):
    the text columns' number, category and ISO date columns cut from one cleaned array, other dates one by one.
    ``known``: the text columns' cells, their places and every column's stored type, found already."""
    if known is None:
        stored = _stored(columns)
        texts = [i for i, kind in enumerate(stored) if kind == "text"]
        known = Cells([columns[i] for i in texts]), texts, stored
    cells, texts, stored = known
    out: list[Typed | None] = [values if kind == now else None
                               for values, kind, now in zip(columns, kinds, stored, strict=True)]
    for kind, cut in (("number", _numbers), ("category", _categories), ("date", _iso_dates)):
        batch = [at for at, i in enumerate(texts) if kinds[i] == kind and out[i] is None]
        if batch:
            for at, typed in zip(batch, cut(cells.only(batch)), strict=True):
                out[texts[at]] = typed
    return [typed if typed is not None else attributes.typed(values, kind)
            for typed, values, kind in zip(out, columns, kinds, strict=True)]


def _parts(cells: Cells, array: np.ndarray | pd.api.extensions.ExtensionArray) -> list[Typed | None]:
    """An array of every cell cut into each column's."""
    parts: list[Typed | None] = [array[cells.starts[at]:cells.starts[at + 1]] for at in range(len(cells.lengths))]
    return parts


def _iso_dates(cells: Cells) -> list[Typed | None]:
    """The date columns whose every cell is an ISO date or date-time, typed from one parse of them all (the parser
    asked of each column in turn cost 2 ms a column); None for the others, typed one by one."""
    fast = date_arrow.parse_fast(cells.text, trimmed=True)
    iso = fast.codes >= 0
    whole = cells.count(iso) == cells.count(cells.valid)
    micros = np.where(iso, fast.micros, np.iinfo(np.int64).min).astype("datetime64[us]")
    instants = pd.DatetimeIndex(micros).tz_localize("UTC").array
    return [part if whole[at] else None for at, part in enumerate(_parts(cells, instants))]


def _categories(cells: Cells) -> list[Typed | None]:
    """Each column as a categorical of its values in the order they first appear, from one dictionary of every
    column's values and one sort of every (column, value) pair: pd.factorize of each column cost a millisecond,
    numbering each column's values alone 0.3 ms. Columns of the same values share one dtype."""
    encoded = cells.text.dictionary_encode()
    codes = np.asarray(encoded.indices.fill_null(-1).to_numpy(zero_copy_only=False), dtype=np.int64)
    at = np.flatnonzero(codes >= 0)
    pairs = cells.column[at] * max(len(encoded.dictionary), 1) + codes[at]
    order = np.argsort(pairs, kind="stable")
    new = np.diff(pairs[order], prepend=-1) != 0
    distinct, where = pairs[order][new], at[order][new]  # each pair once, sorted, and where it first appears
    firsts = np.sort(where)  # the same places in the order of the file: each column's values as they first appear
    held = np.bincount(cells.column[firsts], minlength=len(cells.lengths))  # categories of each column
    starts = np.concatenate(([0], np.cumsum(held)))
    number = np.arange(len(firsts)) - starts[cells.column[firsts]]  # each category's code, in its column
    numbered = np.full(len(codes), -1, dtype=np.int64)
    numbered[at] = number[np.searchsorted(firsts, where)][np.searchsorted(distinct, pairs)]
    names = encoded.dictionary.take(pa.array(codes[firsts], pa.int64()))
    listed = names.to_pylist()
    dtypes: dict[tuple[str, ...], pd.CategoricalDtype] = {}
    out: list[Typed | None] = []
    for column in range(len(cells.lengths)):
        key = tuple(listed[starts[column]:starts[column + 1]])
        if key not in dtypes:
            categories = names.slice(int(starts[column]), int(held[column]))
            dtypes[key] = pd.CategoricalDtype(pd.Index(pd.arrays.ArrowStringArray(categories, dtype=_STR)))
        out.append(pd.Categorical.from_codes(numbered[cells.starts[column]:cells.starts[column + 1]],
                                             dtype=dtypes[key], validate=False))
    return out


def _numbers(cells: Cells) -> list[Typed | None]:
    """Every column as numbers (thousands commas dropped); None for each when some cell is one Arrow's cast
    refuses (the columns are then typed one by one, as pandas reads them)."""
    try:
        numbers = pc.cast(pc.replace_substring(cells.text, ",", ""), pa.float64())
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return [None] * len(cells.lengths)
    return _parts(cells, np.asarray(numbers.to_numpy(zero_copy_only=False), dtype=np.float64))
