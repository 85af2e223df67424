"""The column helpers the open path leans on, checked against pandas' own answers."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from viewer.model import text_arrow
from viewer.model.columns import HASHED_FROM, has_duplicates


def _ids(count: int) -> pd.Series:
    return pd.Series([f"E{i:07d}" for i in range(count)], dtype="str")


@pytest.mark.parametrize("count", [10, HASHED_FROM + 5])
def test_duplicates_found_short_and_long(count: int) -> None:
    ids = _ids(count)
    assert not has_duplicates(ids)
    twice = ids.copy()
    twice.iloc[count - 1] = twice.iloc[3]  # one value written twice, far apart
    assert has_duplicates(twice)
    assert has_duplicates(twice) == bool(twice.duplicated().any())


def test_a_long_column_with_missing_cells_counts_two_missing_as_alike() -> None:
    ids = _ids(HASHED_FROM + 5).astype("string[pyarrow]")
    ids.iloc[[7, 9]] = pd.NA
    assert has_duplicates(ids)
    ids.iloc[9] = "other"
    assert not has_duplicates(ids)


def test_equal_hashes_are_settled_by_the_exact_check(monkeypatch: pytest.MonkeyPatch) -> None:
    """A hash collision between two different values must not read as a duplicate."""
    monkeypatch.setattr(text_arrow, "hashes", lambda array: np.zeros(len(array), dtype=np.uint64))
    ids = _ids(HASHED_FROM + 5)
    assert not has_duplicates(ids)
    ids.iloc[0] = ids.iloc[-1]
    assert has_duplicates(ids)


def test_hashes_of_text_differ_where_the_text_differs() -> None:
    rng = np.random.default_rng(4)
    values = pd.Series(["".join(map(chr, rng.integers(32, 0x3000, 12))) for _ in range(HASHED_FROM)], dtype="str")
    assert has_duplicates(values) == bool(values.duplicated().any())


def test_long_values_alike_but_in_the_middle_are_not_duplicates() -> None:
    """Only the first 32 and last 8 bytes are hashed: these all hash alike, and the exact check tells them apart."""
    middle = pd.Series([f"{'p' * 40}{i:08d}{'s' * 10}" for i in range(HASHED_FROM)], dtype="str")
    assert not has_duplicates(middle)


def test_hashes_read_each_value_whole() -> None:
    values = ["", "a", "a\x00", "ab", "abcdefgh", "abcdefghi", "é" * 20, "x" * 33, "x" * 34, None, "a"]
    hashed = text_arrow.hashes(pa.array(values, pa.string()).slice(0))
    assert hashed is not None
    assert hashed[1] == hashed[10] and hashed[0] == hashed[9]  # alike; a null hashes as ""
    assert len(set(hashed[:9].tolist())) == 9
    sliced = text_arrow.hashes(pa.array(values, pa.string()).slice(1, 3))  # its offsets start past zero
    fresh = text_arrow.hashes(pa.array(values[1:4], pa.string()))
    assert sliced is not None and fresh is not None and sliced.tolist() == fresh.tolist()
    assert text_arrow.hashes(pa.array([1, 2])) is None


def test_a_long_frame_taken_two_columns_at_a_time_is_frame_take() -> None:
    from viewer.model.columns import TAKEN_IN_PAIRS_FROM, reordered

    count = TAKEN_IN_PAIRS_FROM + 3
    rng = np.random.default_rng(6)
    frame = pd.DataFrame({
        "id": _ids(count), "at": pd.Series(pd.to_datetime(rng.integers(0, 2**40, count), unit="us", utc=True)),
        "kind": pd.Categorical(rng.choice(["a", "b"], count)), "n": rng.integers(0, 9, count),
        "text": pd.Series(rng.choice(np.array(["x", None, "z"], dtype=object), count), dtype="string[pyarrow]"),
    })
    order = rng.permutation(count)
    expected = frame.take(order).reset_index(drop=True)
    pd.testing.assert_frame_equal(reordered(frame.copy(), order), expected)


@pytest.mark.parametrize("values", [["a", "", " ", "\u00a0", "\t b ", None], ["a", "b"], ["", "x"], []])
def test_blank_is_empty_after_stripping(values: list[str | None]) -> None:
    from viewer.model.columns import blank

    for dtype in ("str", "string[pyarrow]", object):
        series = pd.Series(values, dtype=dtype)
        expected = (series.str.strip() == "").fillna(False).astype(bool)
        assert blank(series).fillna(False).astype(bool).tolist() == expected.tolist()
