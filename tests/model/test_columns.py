"""The column helpers the open path leans on, checked against pandas' own answers."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from viewer.model import columns
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
    monkeypatch.setattr(columns, "_equal_hashes", lambda array: True)
    ids = _ids(HASHED_FROM + 5)
    assert not has_duplicates(ids)
    ids.iloc[0] = ids.iloc[-1]
    assert has_duplicates(ids)


def test_hashes_of_text_differ_where_the_text_differs() -> None:
    rng = np.random.default_rng(4)
    values = pd.Series(["".join(map(chr, rng.integers(32, 0x3000, 12))) for _ in range(HASHED_FROM)], dtype="str")
    assert has_duplicates(values) == bool(values.duplicated().any())
