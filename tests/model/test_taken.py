"""Columns sorted two at a time give what one at a time gives, for every kind of column a table holds."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from viewer.model import columns


@pytest.mark.parametrize("cores", [1, 2, 8])
def test_taken_matches_a_take_per_column_in_order(monkeypatch: pytest.MonkeyPatch, cores: int) -> None:
    monkeypatch.setattr("os.cpu_count", lambda: cores)
    rng = np.random.default_rng(3)
    n = 5_000
    frame = pd.DataFrame({
        "text": pd.Series([f"t{i}" for i in rng.integers(0, 900, n)], dtype="str"),
        "when": pd.Series(pd.to_datetime(rng.integers(0, 2**40, n), unit="s", utc=True)),
        "kind": pd.Categorical(rng.choice(["a", "b", "c"], n)),
        "number": rng.normal(size=n),
        "flag": rng.random(n) < 0.5,
        "maybe": pd.Series(rng.integers(0, 5, n), dtype="Int64").mask(rng.random(n) < 0.2),
    })
    order = rng.permutation(n)
    expected = frame.take(order).reset_index(drop=True)
    got = columns.reordered(frame.copy(), order)
    pd.testing.assert_frame_equal(got, expected)
    assert [a.tolist() for a in columns.taken([np.arange(10), np.arange(10) * 2, np.arange(10) * 3],
                                              np.array([9, 0, 5]))] == [[9, 0, 5], [18, 0, 10], [27, 0, 15]]
    assert columns.taken([], order) == []
