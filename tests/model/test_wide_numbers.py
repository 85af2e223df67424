"""Numbers a float would round, told from a float's own digits (:mod:`viewer.model.wide_numbers`): an attribute
column holding one stays text, as written."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
import pytest

from viewer.model import attribute_build, attributes
from viewer.model.wide_numbers import rounded, significant


@pytest.mark.parametrize(("cell", "wide"), [
    ("12345678901234567890.12", True),  # decimal(22,2): a float reads 1.2345678901234567e+19
    ("-123456789012345678901234567890.1234567890", True),
    ("9999999999999999999.5", True),
    ("0.30000000000000005", True),  # (no float's text: the float is ...04)
    ("1.10", False), ("123456789012345", False), ("0.000000000000123456789012345", False),  # (15 digits at most)
    ("0.30000000000000004", False),  # a float's shortest text, as pandas and Python write it
    ("0.10000000000000001", False),  # C's %.17g
    ("1.000000000000000056e-01", False),  # numpy's %.18e
    ("123456789012345.67", False),  # (17 digits a float holds to the last)
    ("1.234567890123456789e309", False),  # past the largest double: infinity, said as such elsewhere
    ("1e309", False), ("100000000000000000000", False),
])
def test_a_number_is_rounded_when_a_float_changes_its_digits(cell: str, wide: bool) -> None:
    assert rounded(pa.array([cell, "1.5"])).tolist() == [wide, False]


def test_significant_digits_leave_out_sign_point_exponent_and_zeros() -> None:
    assert significant(pa.array(["-0.001230e5", "1200.00", "0.0", "+10.50", "1E-30"])).to_pylist() == [
        "123", "12", "", "105", "1"]


def test_no_cell_no_work() -> None:
    assert rounded(pa.array([], pa.string())).tolist() == []


@pytest.mark.parametrize("cells", [["12345678901234567890.12", "1.10"], ["1.10", "12345678901234567890.12", None]])
def test_a_column_holding_one_is_text_by_either_typing(cells: list[str | None]) -> None:
    values = pd.Series(cells, dtype="str")
    assert attributes.infer_type(values) == "text"
    assert attribute_build.infer_types([values, pd.Series(["1.10", "2"] + [None] * (len(cells) - 2),
                                                          dtype="str")]) == ["text", "number"]
