"""The header check of a delimited table: the same answers as the check written out in full, which ran the
date parser on every first row and looked at every column's body before its first cell."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.model.dates.columns import clean_text, parse_column
from viewer.model.dates.header_row import has_header

TEXT = pd.StringDtype("pyarrow", na_value=float("nan"))


def _reference(frame: pd.DataFrame) -> bool:
    first = clean_text(frame.iloc[0].reset_index(drop=True)).dropna()
    if first.empty:
        return False
    numeric = first.str.fullmatch(r"[-+]?[\d.,]+%?").astype(bool)
    dated = parse_column(first[~numeric].reset_index(drop=True)).instants.notna().any()
    return bool(not dated and numeric.mean() < 0.5 and not _reference_first_row_is_data(frame))


def _reference_first_row_is_data(frame: pd.DataFrame) -> bool:
    body = frame.iloc[1:201]
    if body.empty:
        return False
    for position in range(frame.shape[1]):
        cells = clean_text(body.iloc[:, position]).dropna()
        head = clean_text(frame.iloc[:1, position]).dropna()
        if len(cells) >= 3 and len(head) and cells.str.fullmatch(r"[-+]?\d+(\.\d+)?").all() and \
                head.str.fullmatch(r"[-+]?\d+(\.\d+)?").all():
            return True
    return False


def _frame(rows: list[list[str]]) -> pd.DataFrame:
    width = max(len(r) for r in rows)
    cells = [r + [""] * (width - len(r)) for r in rows]
    return pd.DataFrame({f"f{i}": pd.Series([r[i] for r in cells], dtype=TEXT) for i in range(width)})


CASES = {
    "names": [["id", "start", "title"], ["e1", "2019-01-01", "a"], ["e2", "2019-02-01", "b"]],
    "dates first": [["e1", "2019-01-01", "a"], ["e2", "2019-02-01", "b"]],
    "a year as a name": [["name", "2019"], ["x", "1"], ["y", "2"], ["z", "3"], ["w", "4"]],
    "a quarter as a name": [["Q1 2020", "label"], ["5", "a"], ["6", "b"]],
    "a month as a name": [["March 2020", "label"], ["5", "a"], ["6", "b"]],
    "numbers over numbers": [["1", "x"], ["2", "y"], ["3", "z"], ["4", "w"]],
    "a number over numbers, names beside": [["10", "title", "date"], ["2", "a", "b"], ["3", "c", "d"],
                                             ["4", "e", "f"]],
    "no-break spaces and blanks": [["\xa0id\xa0", "", " when "], ["1", "", "2020"]],
    "Arabic-Indic digits": [["٢٠١٩-٠١-٠١", "title"], ["a", "b"]],
    "superscripts": [["m²", "title"], ["1", "b"]],
    "one row": [["id", "date"]],
    "all blank": [["", ""], ["a", "b"]],
    "a percentage": [["12%", "share"], ["1", "a"]],
}


@pytest.mark.parametrize("name", list(CASES))
def test_the_header_check_answers_as_the_full_check(name: str) -> None:
    frame = _frame(CASES[name])
    assert has_header(frame) == _reference(frame)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(["id", "date", "Start", "2019", "2019-03-04", "03/04/2019", "12", "-3.5",
                                          "March 2020", "4 May 2021", "Q1", "12%", " ", "", "\xa0x", "a1", "1e5",
                                          "٣", "10:30", "2020-01-01T10:00:00Z", "Mon", "jan"]),
                         min_size=1, max_size=4), min_size=1, max_size=6))
def test_any_table_is_answered_as_the_full_check(rows: list[list[str]]) -> None:
    frame = _frame(rows)
    assert has_header(frame) == _reference(frame)
