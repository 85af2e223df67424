"""Which attribute columns read as dates: the answer the parser gives, also where a column is ruled out by
its values' shape before the parser runs; and number columns read in Arrow as pandas reads them."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.model import missing_marks
from viewer.model.attributes import typed
from viewer.model.dates.columns import _NUMBER, _matches, clean_text, looks_like_dates, parse_column

FORMS = ["2019-03-04", "2019-03", "2019", "2019/3/4", "03/04/2019", "4.3.19", "4 March 2019", "Mar 4, 2019",
         "March 2019", "Sept. 4, 2019", "2019-03-04T10:30:00Z", "2019-03-04 10:30 EST", "10:30", "44000",
         "-44", "+5", "t5_123", "x", "May", "Q1 2020", "c. 1990", "1990s", "n/a", "", " ", "2019-02-30", "abc 12",
         "mon-2020", "Juni 3 2020", "٢٠١٩-٠١-٠١", "12 (CET)", "3rd May 2020", "May 3rd, 2020"]


def _reference(values: pd.Series, threshold: float) -> bool:
    text = clean_text(values).dropna()
    text = text[~_matches(text, _NUMBER)]
    text = text[~text.str.lower().isin([mark.lower() for mark in missing_marks.MISSING])]  # ("NULL": not there)
    if text.empty:
        return False
    return bool(parse_column(text.reset_index(drop=True)).instants.notna().mean() >= threshold)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FORMS), min_size=1, max_size=25), st.sampled_from([0.5, 0.8, 0.95]))
def test_a_column_reads_as_dates_as_the_parser_says(values: list[str], threshold: float) -> None:
    column = pd.Series(values, dtype="str")
    assert looks_like_dates(column, threshold) == _reference(column, threshold)


NUMBERS = ["1", "-2.5", "1,234.5", "1e5", ".5", "5.", "+7", "inf", "nan", "", "1_000", "0x10", "12abc", "3 4",
           "007", "1.7976931348623157e308", "4.9e-324", "123456789012345678901234567890"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(NUMBERS), min_size=1, max_size=20))
def test_a_number_column_reads_as_pandas_reads_it(values: list[str]) -> None:
    column = pd.Series(values, dtype="str")
    text = clean_text(column)
    expected = pd.to_numeric(text.str.replace(",", "", regex=False), errors="coerce").astype("float64")
    got = typed(column, "number")
    assert got.dtype == np.float64
    assert np.array_equal(got.to_numpy(), expected.to_numpy(), equal_nan=True)
