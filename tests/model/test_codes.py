"""Repeating text moved as codes gives the categoricals the text would have given."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from viewer.model import codes
from viewer.model.codes import CODED_FROM
from viewer.model.columns import normalise_lists, text


def _lists(count: int, seed: int = 3) -> pd.Series:
    rng = np.random.default_rng(seed)
    spellings = ["a1", "a2 ; a3", "a2;a3", " a4;", "", "b;c;d", "Zé", "z"]
    return pd.Series(np.asarray(spellings, dtype=object)[rng.integers(0, len(spellings), count)], dtype="str")


def test_a_long_repeating_column_is_coded_and_a_varied_one_is_not() -> None:
    lists = _lists(CODED_FROM)
    coded = codes.coded_if_repeating(lists)
    assert isinstance(coded.dtype, pd.CategoricalDtype)
    assert coded.astype("str").equals(lists)
    varied = pd.Series([f"title {i}" for i in range(CODED_FROM)], dtype="str")
    assert codes.coded_if_repeating(varied) is varied
    short = _lists(100)
    assert codes.coded_if_repeating(short) is short


@pytest.mark.parametrize("seed", [1, 2])
def test_tidied_lists_from_codes_equal_those_from_text(seed: int) -> None:
    lists = _lists(CODED_FROM + 10, seed)
    order = np.random.default_rng(seed).permutation(len(lists))
    coded = pd.Series(codes.coded_if_repeating(lists).array.take(order))  # moved into another order as codes
    moved = pd.Series(lists.array.take(order))
    from_codes = normalise_lists(text(pd.DataFrame({"a": coded}), "a", coded=True))
    from_text = normalise_lists(text(pd.DataFrame({"a": moved}), "a"))
    assert from_codes.equals(from_text)
    assert list(from_codes.cat.categories) == list(from_text.cat.categories)  # same order: first seen


def test_missing_cells_read_as_the_default_and_unused_values_go() -> None:
    values = pd.Series(pd.Categorical(["x", None, "y", "x"], categories=["w", "x", "y"]))
    filled = text(pd.DataFrame({"c": values}), "c", coded=True)
    assert list(filled.astype("str")) == ["x", "", "y", "x"]
    kept = values.iloc[[0, 3]]
    assert list(codes.as_category(kept).cat.categories) == ["x"]
    assert codes.as_category(filled).equals(filled.astype("str").astype("category"))
    renumbered, names = codes.in_first_seen_order(values.iloc[[2, 1, 0]])
    assert list(names) == ["y", "x"] and list(renumbered) == [0, -1, 1]


def test_categories_alike_as_text_are_made_text() -> None:
    values = pd.Series(pd.Categorical([1, "1", 2], categories=[1, "1", 2]))
    assert list(text(pd.DataFrame({"c": values}), "c", coded=True)) == ["1", "1", "2"]
