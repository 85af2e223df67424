"""Relation values as people write numbers: thousands separators, a currency and a magnitude. Before, every comma
was a decimal point ("1,250" for a deal of 1,250 was read as 1.25, a thousand times too small, without a word) and
"1,250,000", "$5.4bn" or "1 250 000" were left empty."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from viewer.model import value_bands, value_numbers
from viewer.model.dataset import Tables, build_dataset

COLUMNS = {  # one column as a file writes it -> the numbers read
    "US": (["1,250", "1,250,000", "12.5", "1,250.75"], [1250.0, 1250000.0, 12.5, 1250.75]),
    "European": (["1.250", "1.250.000", "12,5", "1.250,75"], [1250.0, 1250000.0, 12.5, 1250.75]),
    "spaces and apostrophes": (["1 250 000", "1'250'000", "1\u202f250\u202f000", "-3"], [1250000.0] * 3 + [-3.0]),
    "magnitudes": (["5.4bn", "300m", "1.2 billion", "5,4 Mrd.", "2k", "3 Mio."],
                   [5.4e9, 3e8, 1.2e9, 5.4e9, 2e3, 3e6]),
    "currencies": (["$5.4bn", "€ 120", "120 EUR", "£1,200", "US$ 2 million"], [5.4e9, 120.0, 120.0, 1200.0, 2e6]),
    "accountants' negatives": (["(1,250)", "($5.4bn)", "( 300 )", "1,250"], [-1250.0, -5.4e9, -300.0, 1250.0]),
}


def _relations(kind: str, values: list[str]) -> Tables:
    targets = [f"t{i}" for i in range(len(values))]
    entities = pd.DataFrame({"id": ["o", *targets], "name": ["Owner", *targets]})
    relations = pd.DataFrame({"source": "o", "target": targets, "kind": kind, "value": values, "valid_from": "2019"})
    return Tables(pd.DataFrame({"start": ["2020"]}), entities, relations)


@pytest.mark.parametrize("name", list(COLUMNS))
def test_each_columns_numbers_are_read_as_written(name: str) -> None:
    written, numbers = COLUMNS[name]
    ds = build_dataset(_relations("acquisition_price", written))
    assert ds.relations["value"].tolist() == pytest.approx(numbers)
    assert not [p for p in ds.problems if p.level != "info"]


def test_a_lone_comma_before_three_digits_groups_thousands_and_is_said() -> None:
    ds = build_dataset(_relations("acquisition_price", ["1,250", "300"]))
    assert ds.relations["value"].tolist() == [1250.0, 300.0]
    assert [p.message for p in ds.problems if p.field == "value"] == [value_numbers.COMMA_THOUSANDS]


def test_in_a_stake_a_comma_is_a_decimal_comma() -> None:
    """A stake is at most 100%: "43,400" is 43.4 (as the decimal comma writes it), not 43,400%."""
    ds = build_dataset(_relations("equity_stake", ["43,400", "15,01 %", "5"]))
    assert ds.relations["value"].tolist() == [43.4, 15.01, 5.0]
    assert not [p for p in ds.problems if p.field == "value"]


def test_a_currency_or_a_magnitude_is_shown_as_written() -> None:
    ds = build_dataset(_relations("acquisition", ["$5.4bn", "120"]))
    assert ds.relations[value_bands.COLUMN].tolist() == ["$5.4bn", ""]


def test_a_negative_in_brackets_is_shown_as_written() -> None:
    """An accountant's "(1,250)" is a loss of 1,250: before, it was no number and its value was left empty."""
    ds = build_dataset(_relations("payment", ["(1,250)", "300"]))
    assert ds.relations["value"].tolist() == [-1250.0, 300.0]
    assert ds.relations[value_bands.COLUMN].tolist() == ["(1,250)", ""]


def test_what_is_no_number_is_still_said_by_its_row() -> None:
    ds = build_dataset(_relations("acquisition_price", ["inf", "1e999", "five", "1,2,3,4.5.6", "12"]))
    assert [p.row for p in ds.problems if "expected a number" in p.message] == [1, 2, 3, 4]
    assert ds.relations["value"].iloc[-1] == 12.0


def test_only_real_groupings_group() -> None:
    """Beside "1,250,000" a comma before one or two digits is still a decimal comma ("0,5"), "1,2,3" groups nothing
    (no number), and digits of other scripts and full-width forms are read."""
    values, _, _ = value_numbers.read(pd.Series(["1,250,000", "0,5", "1 000,5", "1,2,3", "٥٠", "５０％", ".5"]),
                                      np.zeros(7, dtype=bool))
    assert values.tolist()[:3] == [1250000.0, 0.5, 1000.5]
    assert np.isnan(values.iloc[3]) and values.tolist()[4:] == [50.0, 50.0, 0.5]
