"""Building a table's attribute columns (:func:`build`): typed as a spec says, else inferred.

A long table's columns are typed one by one, on a few threads (the work is Arrow's and numpy's, which let go
of the interpreter). A wide one's are typed all at once: typing a column has a fixed cost of a few
milliseconds (a dozen Arrow and pandas calls), so a survey export of 5,000 question columns took ten seconds
whatever its rows, on threads that held the interpreter while the window waited. :func:`infer_types` and
:func:`typed_all` give the same types and values as :func:`~viewer.model.attributes.infer_type` and
:func:`~viewer.model.attributes.typed`, from one Arrow array holding every column's cells: each step is one
pass over all the cells, counted per column with numpy; only columns that may hold dates are looked at one
by one. Never Qt.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from viewer.model import attributes, missing_marks, text_arrow, wide_numbers
from viewer.model.columns import arrow_text
from viewer.model.dates import arrow as date_arrow
from viewer.model.dates import columns as date_columns

SAMPLE = 200  # cells of a column the date test looks at, as infer_type does
SHARED_FROM_CELLS = 200_000  # a long table with fewer attribute cells types them on one thread
THREADS = min(4, os.cpu_count() or 1)
ALL_AT_ONCE_FROM = 32  # columns: a table this wide whose columns are short is typed all at once
SHORT = 2_000  # rows: longer columns are typed faster one by one, on threads (10,000 x 100: 0.95 s against 1.7)


def build(raw: pd.DataFrame, names: list[str], types: Mapping[str, str] | None = None) -> pd.DataFrame:
    """The attribute columns for ``names`` of ``raw``: typed as ``types`` says, else inferred (a 50,000-row
    table of 200 columns: 2.7 s on one thread, 1.7 on two; 50 rows of 5,000 columns: 14 s column by column,
    0.5 s all at once)."""
    types = types or {}
    columns = []
    for name in names:
        values = raw[name]
        if isinstance(values, pd.DataFrame):  # a duplicated header: take the first
            values = values.iloc[:, 0]
        bare = name[len(attributes.PREFIX):] if name.startswith(attributes.PREFIX) else name
        columns.append((bare, values.reset_index(drop=True), types.get(bare)))
    if len(columns) >= ALL_AT_ONCE_FROM and len(raw) <= SHORT:
        given = [kind for _bare, _values, kind in columns]
        unknown = [i for i, kind in enumerate(given) if not kind]
        inferred = infer_types([columns[i][1] for i in unknown])
        for i, kind in zip(unknown, inferred, strict=True):
            given[i] = kind
        built = typed_all([values for _bare, values, _kind in columns], [str(kind) for kind in given])
    else:
        def one(column: tuple[str, pd.Series, str | None]) -> pd.Series:
            _bare, values, kind = column
            return attributes.typed(values, kind or attributes.infer_type(values))

        if len(columns) > 1 and len(raw) * len(columns) >= SHARED_FROM_CELLS:
            with ThreadPoolExecutor(min(THREADS, len(columns)), thread_name_prefix="entente-attributes") as pool:
                built = list(pool.map(one, columns))
        else:
            built = [one(column) for column in columns]
    return pd.DataFrame({attributes.column_of(bare): values
                         for (bare, _, _), values in zip(columns, built, strict=True)}, index=pd.RangeIndex(len(raw)))
_STR = pd.StringDtype("pyarrow", na_value=np.nan)  # what astype("str") gives


class Cells:
    """Every column's cleaned cells (trimmed; blanks null) in one array, and which column each cell is in."""

    def __init__(self, columns: list[pd.Series]) -> None:
        arrays = [arrow_text(v.astype("str") if v.dtype == object else v) for v in columns]
        self.lengths = np.array([len(a) for a in arrays], dtype=np.int64)
        self.starts = np.concatenate(([0], np.cumsum(self.lengths)))
        joined = pa.concat_arrays(arrays) if arrays else pa.array([], pa.string())
        self.text = text_arrow.blanks_null(text_arrow.trimmed(joined))
        self.column = np.repeat(np.arange(len(arrays)), self.lengths)
        self.valid = np.asarray(self.text.is_valid().to_numpy(zero_copy_only=False), dtype=bool)
        self._iso: np.ndarray | None = None

    def count(self, mask: np.ndarray) -> np.ndarray:
        """How many cells of each column the mask holds."""
        return np.bincount(self.column[mask], minlength=len(self.lengths))

    def matching(self, pattern: str) -> np.ndarray:
        return np.asarray(pc.match_substring_regex(self.text, pattern).fill_null(False)
                          .to_numpy(zero_copy_only=False), dtype=bool)

    def iso(self) -> np.ndarray:
        """Which cells are ISO 8601 dates or date-times (:func:`viewer.model.dates.arrow.parse_fast` reads them)."""
        if self._iso is None:
            self._iso = date_arrow.parse_fast(self.text, trimmed=True).codes >= 0
        return self._iso

    def part(self, i: int) -> pa.Array:
        return self.text.slice(int(self.starts[i]), int(self.lengths[i]))


def infer_types(columns: list[pd.Series]) -> list[str]:
    """:func:`~viewer.model.attributes.infer_type` of each column."""
    kinds = [attributes.type_of(v) for v in columns]
    texts = [i for i, kind in enumerate(kinds) if kind == "text"]
    if not texts:
        return kinds
    cells = Cells([columns[i] for i in texts])
    present = cells.count(cells.valid)
    given = cells.valid & ~missing_marks.missing(cells.text)  # ("NULL" or "N/A" among numbers: still numbers)
    written = cells.count(given)
    numeric = cells.matching(f"^{attributes.NUMBER}$") & given
    numbers = cells.count(numeric)
    padded = cells.count(cells.matching(attributes.IDENTIFIER) & given) > 0
    padded |= cells.count(_rounded(cells, numeric)) > 0
    found = np.where(present == 0, "text", np.where((written > 0) & (numbers == written),
                                                    np.where(padded, "text", "number"), ""))
    found = found.astype(object)
    undecided = np.flatnonzero(found == "")
    if (numbers[undecided] == 0).any():  # ISO dates throughout, in one pass: the parser asked of each column took
        iso = cells.count(cells.iso() & given)  # 20 s for 3,000 columns of visits' dates
        found[undecided[(numbers[undecided] == 0) & (iso[undecided] == written[undecided])
                        & (written[undecided] > 0)]] = "date"
        undecided = np.flatnonzero(found == "")
    for i in undecided[numbers[undecided] == 0]:
        sample = attributes.written(cells.part(int(i)).drop_null()).slice(0, SAMPLE)
        if _may_be_dates(sample) and date_columns.looks_like_dates(
                pd.Series(sample.to_pandas(types_mapper={pa.string(): attributes.TEXT}.get)), threshold=0.95):
            found[i] = "date"
    undecided = np.flatnonzero(found == "")
    if len(undecided):
        distinct = _distinct(cells)
        few = (distinct <= attributes.MAX_CATEGORIES) & (distinct <= np.maximum(2, present // 2))
        for i in undecided:
            found[i] = "category" if few[i] else "text"
    for at, kind in zip(texts, found, strict=True):
        kinds[at] = str(kind)
    return kinds


def _rounded(cells: Cells, numeric: np.ndarray) -> np.ndarray:
    """Which cells are numbers a float would round (:func:`viewer.model.wide_numbers.rounded`)."""
    out = np.zeros(len(numeric), dtype=bool)
    at = np.flatnonzero(numeric)
    if len(at):
        out[at] = wide_numbers.rounded(cells.text.take(pa.array(at)))
    return out


def _may_be_dates(sample: pa.Array) -> bool:
    """A cheap necessary test before the parser's: some cell opens as a date can."""
    return bool(pc.any(pc.match_substring_regex(sample, date_columns.COULD_BE_DATE)).as_py())


def _distinct(cells: Cells) -> np.ndarray:
    """How many distinct present values each column holds."""
    codes = np.asarray(cells.text.dictionary_encode().indices.fill_null(-1).to_numpy(zero_copy_only=False),
                       dtype=np.int64)
    width = int(codes.max()) + 1 if len(codes) else 1
    pairs = np.sort(cells.column[cells.valid] * width + codes[cells.valid])
    pairs = pairs[np.flatnonzero(np.diff(pairs, prepend=-1))]  # each pair once (np.unique: 140× slower at 2M)
    return np.bincount(pairs // width, minlength=len(cells.lengths))


def typed_all(columns: list[pd.Series], kinds: list[str]) -> list[pd.Series]:
    """:func:`~viewer.model.attributes.typed` of each column as its kind; text, number and category columns
    are cut from one cleaned array, columns of ISO dates typed from one parse, other dates one by one."""
    out: list[pd.Series | None] = [None] * len(columns)
    for at, typed in _iso_dates(columns, kinds).items():
        out[at] = typed
    for kind in ("text", "number", "category"):
        batch = [i for i, (v, k) in enumerate(zip(columns, kinds, strict=True))
                 if k == kind and attributes.type_of(v) != kind]
        if not batch:
            continue
        cells = Cells([columns[i] for i in batch])
        if kind == "text":
            filled = cells.text.fill_null("")
            for at, i in enumerate(batch):
                part = filled.slice(int(cells.starts[at]), int(cells.lengths[at]))
                out[i] = pd.Series(pd.arrays.ArrowStringArray(part, dtype=_STR), index=pd.RangeIndex(len(part)))
            continue
        if kind == "category":
            for i, coded in zip(batch, _categories(cells), strict=True):
                out[i] = coded
            continue
        numbers = _numbers(cells)
        if numbers is not None:
            for at, i in enumerate(batch):
                out[i] = pd.Series(numbers[cells.starts[at]:cells.starts[at + 1]],
                                   index=pd.RangeIndex(int(cells.lengths[at])))
    return [typed if typed is not None else attributes.typed(v, kind)
            for typed, v, kind in zip(out, columns, kinds, strict=True)]


def _iso_dates(columns: list[pd.Series], kinds: list[str]) -> dict[int, pd.Series]:
    """The date columns whose every cell is an ISO date or date-time, typed from one parse of them all (the parser
    asked of each column in turn cost 2 ms a column), by their place."""
    batch = [i for i, (v, k) in enumerate(zip(columns, kinds, strict=True))
             if k == "date" and attributes.type_of(v) != "date"]
    if not batch:
        return {}
    cells = Cells([columns[i] for i in batch])
    fast = date_arrow.parse_fast(cells.text, trimmed=True)
    iso = fast.codes >= 0
    whole = cells.count(iso) == cells.count(cells.valid)
    micros = np.where(iso, fast.micros, np.iinfo(np.int64).min).astype("datetime64[us]")
    return {i: pd.Series(micros[cells.starts[at]:cells.starts[at + 1]], index=pd.RangeIndex(int(cells.lengths[at])))
            .dt.tz_localize("UTC") for at, i in enumerate(batch) if whole[at]}


def _categories(cells: Cells) -> list[pd.Series]:
    """Each column as a categorical of its values in the order they first appear, from one dictionary of
    every column's values (pd.factorize per column cost a millisecond each)."""
    encoded = cells.text.dictionary_encode()
    codes = np.asarray(encoded.indices.fill_null(-1).to_numpy(zero_copy_only=False), dtype=np.int64)
    names = encoded.dictionary
    remap = np.full(max(len(names), 1), -1, dtype=np.int64)
    out = []
    for at in range(len(cells.lengths)):
        part = codes[cells.starts[at]:cells.starts[at + 1]]
        present = part[part >= 0]
        found, first = np.unique(present, return_index=True)
        seen = found[np.argsort(first)]  # in the order they first appear, as pd.factorize numbers them
        remap[seen] = np.arange(len(seen))
        numbered = np.where(part >= 0, remap[np.maximum(part, 0)], -1)
        remap[seen] = -1
        categories = pd.Index(pd.arrays.ArrowStringArray(names.take(pa.array(seen, pa.int64())), dtype=_STR))
        out.append(pd.Series(pd.Categorical.from_codes(numbered, dtype=pd.CategoricalDtype(categories)),
                             index=pd.RangeIndex(len(part))))
    return out


def _numbers(cells: Cells) -> np.ndarray | None:
    """Every cell as a number (thousands commas dropped), or None when some cell is one Arrow's cast refuses
    (the columns are then typed one by one, as pandas reads them)."""
    try:
        numbers = pc.cast(pc.replace_substring(cells.text, ",", ""), pa.float64())
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None
    return np.asarray(numbers.to_numpy(zero_copy_only=False), dtype=np.float64)
