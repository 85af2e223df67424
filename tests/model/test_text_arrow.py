"""The buffer-level text helpers give what Arrow's per-string kernels give, on any text, sliced or not; the
fast sorts give what numpy's stable argsort and lexsort give."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.model import text_arrow
from viewer.model.dates.columns import clean_text

# spaces of every kind, controls, multi-byte letters and a character whose UTF-8 starts like U+00A0's
PIECES = ["a", "Z", "1", " ", "\t", "\n", "\x1f", "\xa0", "\u2003", "\u3000", "\u0085", "é", "ß", "中", "Â", ""]
cells = st.one_of(st.none(), st.lists(st.sampled_from(PIECES), max_size=5).map("".join))
columns = st.tuples(st.lists(cells, max_size=12), st.integers(0, 3))


def _array(values: list[str | None], skip: int) -> pa.Array:
    array = pa.array(values, type=pa.string())
    return array.slice(min(skip, len(values)))


def _reference_clean(values: pd.Series) -> pd.Series:
    text = pc.utf8_trim_whitespace(pc.replace_substring(pa.array(values, type=pa.string()), "\xa0", " "))
    text = pc.if_else(pc.equal(text, ""), pa.scalar(None, pa.string()), text)
    return pd.Series(text.to_pylist(), index=values.index, dtype=object)


@settings(max_examples=300, deadline=None)
@given(columns)
def test_trim_nbsp_and_blanks_match_the_string_kernels(column: tuple[list[str | None], int]) -> None:
    array = _array(*column)
    assert text_arrow.trimmed(array).equals(pc.utf8_trim_whitespace(array))
    assert text_arrow.without_nbsp(array).equals(pc.replace_substring(array, "\xa0", " "))
    blank = pc.equal(array, "")
    assert text_arrow.blanks_null(array).equals(pc.if_else(blank, pa.scalar(None, pa.string()), array))
    last = pc.utf8_is_alpha(pc.utf8_slice_codeunits(array, -1, 2**31 - 1)).fill_null(False)
    assert text_arrow.last_is_letter(array).tolist() == last.to_pylist()


@settings(max_examples=200, deadline=None)
@given(columns)
def test_clean_text_matches_the_reference_for_every_dtype(column: tuple[list[str | None], int]) -> None:
    values, skip = column
    for dtype in (pd.StringDtype("pyarrow"), object, "str"):
        series = pd.Series(values, dtype=dtype).iloc[min(skip, len(values)):]
        cleaned = clean_text(series)
        expected = _reference_clean(series)
        assert cleaned.isna().tolist() == expected.isna().tolist()
        assert cleaned.fillna("").tolist() == expected.fillna("").tolist()


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True)), max_size=8))
def test_clean_text_writes_any_floats_whole_ones_without_their_point(values: list[float | None]) -> None:
    """2.1e124 is whole, but no integer: a damaged SPSS file's id column raised TypeError from the loader."""
    cleaned = clean_text(pd.Series(values, dtype=float)).tolist()
    present = [v for v in values if v is not None and not np.isnan(v)]
    if all(v % 1 == 0 and abs(v) < 2.0**63 for v in present):
        assert [c for c in cleaned if not pd.isna(c)] == [str(int(v)) for v in present]
    else:
        assert len([c for c in cleaned if not pd.isna(c)]) == len(present)


def _as_python_writes(values: list[float | None]) -> list[str | None]:
    present = [v for v in values if v is not None and not np.isnan(v)]
    whole = all(v % 1 == 0 and abs(v) < 2.0**63 for v in present)
    return [None if v is None or np.isnan(v) else str(int(v)) if whole else str(v) for v in values]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True),
                          st.floats(-1e11, 1e11).map(lambda v: round(v, 2)),
                          st.integers(-10**15, 10**15).map(float)), max_size=10))
def test_numbers_are_written_in_arrow_as_python_writes_them(values: list[float | None]) -> None:
    """Arrow writes 1.5e-07 as 1.5e-7 and 91729770479.09027 as 9.172977047909027e+10: only where it writes what
    Python does is its text kept (a million decimal years were written in pandas several times an open)."""
    text = text_arrow.number_text(pd.Series(values, dtype=float))
    assert text is not None and [None if pd.isna(t) else t for t in text] == _as_python_writes(values)


def test_integers_are_written_in_arrow_and_other_columns_are_not_numbers() -> None:
    integers, nullable = (text_arrow.number_text(pd.Series([1_589_377_193, -5, 0])),
                          text_arrow.number_text(pd.Series([7, None], dtype="Int64")))
    assert integers is not None and list(integers) == ["1589377193", "-5", "0"]
    assert nullable is not None and list(nullable.fillna("-")) == ["7", "-"]
    for other in (pd.Series([True]), pd.Series(["1"]), pd.Series([0.5], dtype="float32")):
        assert text_arrow.number_text(other) is None


@settings(max_examples=200, deadline=None)
@given(columns, st.integers(0, 3))
def test_a_slice_cut_at_both_ends_reads_only_its_own_values(column: tuple[list[str | None], int], cut: int) -> None:
    whole = _array(*column)
    array = whole.slice(0, max(len(whole) - cut, 0))
    assert text_arrow.trimmed(array).equals(pc.utf8_trim_whitespace(array))
    assert text_arrow.without_nbsp(array).equals(pc.replace_substring(array, "\xa0", " "))
    last = pc.utf8_is_alpha(pc.utf8_slice_codeunits(array, -1, 2**31 - 1)).fill_null(False)
    assert text_arrow.last_is_letter(array).tolist() == last.to_pylist()


def test_a_slice_is_not_copied_for_what_the_rest_of_its_column_holds() -> None:
    """The head of a long column (a header check reads 200 rows) is judged by its own characters only."""
    column = pa.array(["E1", "E2", " E3\xa0"])
    head = column.slice(0, 2)
    assert not text_arrow.may_need_trim(head)
    assert text_arrow.without_nbsp(head) is head


def test_a_table_read_in_chunks_is_handed_on_in_one_chunk_per_column() -> None:
    table = pa.Table.from_batches([pa.record_batch({"a": ["x", "y"], "b": [1, 2]})] * 3)
    combined = text_arrow.one_chunk_each(table)
    assert [combined.column(i).num_chunks for i in range(2)] == [1, 1]
    assert combined.equals(table)


def test_a_column_needing_nothing_is_returned_as_it_is() -> None:
    array = pa.array(["E1", "E2", "plain title"])
    assert not text_arrow.may_need_trim(array)
    assert text_arrow.trimmed(array) is array
    assert text_arrow.without_nbsp(array) is array
    assert text_arrow.blanks_null(array) is array


def test_empty_strings_are_pandas_own_text_columns_without_a_string_made() -> None:
    for na_value, dtype in ((None, pd.StringDtype("pyarrow")), (np.nan, pd.StringDtype("pyarrow", na_value=np.nan))):
        column = text_arrow.empty_strings(5, na_value)
        assert column.dtype == dtype and column.tolist() == [""] * 5
        pd.testing.assert_series_equal(column, pd.Series([""] * 5, dtype=dtype))
    assert text_arrow.empty_strings(0).empty


def test_a_wide_table_keeps_its_columns_in_order_whatever_their_chunks() -> None:
    """Made once at the end: setting 20,000 columns one by one rebuilt the table each time (53 s)."""
    batch = pa.record_batch({f"q{i}": [str(i), None] for i in range(3_000)})
    table = pa.Table.from_batches([batch, batch.slice(0, 1)])
    combined = text_arrow.one_chunk_each(table)
    assert combined.column_names == table.column_names and combined.equals(table)
    assert {combined.column(i).num_chunks for i in range(combined.num_columns)} == {1}


@settings(max_examples=200, deadline=None)
@given(columns, st.integers(1, 5))
def test_work_in_blocks_gives_what_one_block_gives(column: tuple[list[str | None], int], block: int) -> None:
    """Long columns are searched, checked for spaces and hashed a block at a time: any block, even one cutting
    a character or a no-break space in two, gives the answer of a single block."""
    array = _array(*column)
    whole_hashes, whole_nbsp = text_arrow.hashes(array), text_arrow.without_nbsp(array)
    whole_trim = text_arrow.may_need_trim(array)
    blocks = pytest.MonkeyPatch()
    try:
        blocks.setattr(text_arrow, "BLOCK_BYTES", block)
        blocks.setattr(text_arrow, "BLOCK_ROWS", block)
        assert whole_hashes is not None
        assert text_arrow.hashes(array).tolist() == whole_hashes.tolist()  # type: ignore[union-attr]
        assert text_arrow.without_nbsp(array).equals(whole_nbsp)
        assert text_arrow.may_need_trim(array) == whole_trim
        assert whole_nbsp.equals(pc.replace_substring(array, "\xa0", " "))
    finally:
        blocks.undo()
