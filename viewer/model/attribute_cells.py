"""Every cell of many attribute columns in one Arrow array (:class:`Cells`), and the types they look like, said of
all the columns at once (:func:`inferred`).

A wide table's columns are looked at together: each step is one pass over all the cells, counted per column with
numpy, and only the few columns that may hold dates other than ISO ones are looked at one by one (a survey export
of 20,000 columns took 15 s to open when each column paid a dozen Arrow and pandas calls). The types are those
:func:`~viewer.model.attributes.infer_type` gives each column alone. Never Qt.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from viewer.model import attributes, missing_marks, text_arrow, wide_numbers
from viewer.model.columns import arrow_text
from viewer.model.dates import arrow as date_arrow
from viewer.model.dates import columns as date_columns

SAMPLE = 200  # cells of a column the date test looks at, as infer_type does


def _text_cells(values: pd.Series) -> pa.Array:
    """A text column's cells as one Arrow array: straight from the array that holds them when it is pandas' string
    dtype (a third of the cost of handing Arrow the Series, for each of 20,000 columns), else as
    :func:`~viewer.model.columns.arrow_text` reads them."""
    if isinstance(values.dtype, pd.StringDtype):
        array = pa.array(values.array, type=pa.string(), from_pandas=True)
        return array.combine_chunks() if isinstance(array, pa.ChunkedArray) else array
    return arrow_text(values.astype("str") if values.dtype == object else values)


class Cells:
    """Every column's cleaned cells (trimmed; blanks null) in one array, and which column each cell is in."""

    def __init__(self, columns: list[pd.Series], cleaned: tuple[pa.Array, np.ndarray] | None = None) -> None:
        """The cells of ``columns``; or ``cleaned``: cells cleaned already and how many each column holds."""
        if cleaned is None:
            arrays = [_text_cells(v) for v in columns]
            joined = pa.concat_arrays(arrays) if arrays else pa.array([], pa.string())
            cleaned = text_arrow.blanks_null(text_arrow.trimmed(joined)), np.array([len(a) for a in arrays],
                                                                                    dtype=np.int64)
        self.text, self.lengths = cleaned
        self.starts = np.concatenate(([0], np.cumsum(self.lengths)))
        self.column = np.repeat(np.arange(len(self.lengths)), self.lengths)
        self.valid = np.asarray(self.text.is_valid().to_numpy(zero_copy_only=False), dtype=bool)
        self._iso: np.ndarray | None = None

    def only(self, columns: list[int]) -> Cells:
        """The cells of these columns (their places, in increasing order), without cleaning them again."""
        kept = np.zeros(len(self.lengths), dtype=bool)
        kept[columns] = True
        if kept.all():
            return self
        at = np.flatnonzero(kept[self.column])
        return Cells([], (self.text.take(pa.array(at, pa.int64())), self.lengths[kept]))

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

    def first(self, mask: np.ndarray, most: int) -> np.ndarray:
        """The cells of the mask that are among the first ``most`` the mask holds in their column."""
        held = np.cumsum(mask)
        before = np.concatenate(([0], held))[self.starts[:-1]]  # (how many the columns before each hold)
        return mask & (held - before[self.column] <= most)


def inferred(cells: Cells) -> list[str]:
    """:func:`~viewer.model.attributes.infer_type` of each column the cells hold."""
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
    found[_dates(cells, given, undecided[numbers[undecided] == 0])] = "date"
    undecided = np.flatnonzero(found == "")
    if len(undecided):
        distinct = _distinct(cells)
        few = (distinct <= attributes.MAX_CATEGORIES) & (distinct <= np.maximum(2, present // 2))
        found[undecided] = np.where(few[undecided], "category", "text")
    return [str(kind) for kind in found]


def _dates(cells: Cells, given: np.ndarray, columns: np.ndarray) -> np.ndarray:
    """Which of these columns (none of their cells a number) read as dates other than ISO ones: the date test of
    each column's first written cells, asked only of the columns one of whose first cells opens as a date can (one
    pass over every column's cells: the cheap test asked of each column cost 2 ms, for each of thousands)."""
    if not len(columns):
        return columns
    opens = cells.count(cells.first(given, SAMPLE) & cells.matching(date_columns.COULD_BE_DATE))
    out = []
    for i in columns[opens[columns] > 0]:
        sample = attributes.written(cells.part(int(i)).drop_null()).slice(0, SAMPLE)
        if date_columns.looks_like_dates(pd.Series(sample.to_pandas(types_mapper={pa.string(): attributes.TEXT}.get)),
                                         threshold=0.95):
            out.append(int(i))
    return np.asarray(out, dtype=np.int64)


def _rounded(cells: Cells, numeric: np.ndarray) -> np.ndarray:
    """Which cells are numbers a float would round (:func:`viewer.model.wide_numbers.rounded`)."""
    out = np.zeros(len(numeric), dtype=bool)
    at = np.flatnonzero(numeric)
    if len(at):
        out[at] = wide_numbers.rounded(cells.text.take(pa.array(at)))
    return out


def _distinct(cells: Cells) -> np.ndarray:
    """How many distinct present values each column holds."""
    codes = np.asarray(cells.text.dictionary_encode().indices.fill_null(-1).to_numpy(zero_copy_only=False),
                       dtype=np.int64)
    width = int(codes.max()) + 1 if len(codes) else 1
    pairs = np.sort(cells.column[cells.valid] * width + codes[cells.valid])
    pairs = pairs[np.flatnonzero(np.diff(pairs, prepend=-1))]  # each pair once (np.unique: 140× slower at 2M)
    return np.bincount(pairs // width, minlength=len(cells.lengths))
