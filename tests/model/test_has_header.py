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
    if dated:
        return _reference_names_dates(frame)
    return bool((numeric.mean() < 0.5 and not _reference_first_row_is_data(frame)) or _reference_names_dates(frame))


def _reference_names_dates(frame: pd.DataFrame) -> bool:
    """A cell of letters, no date itself, over a column whose next twenty rows are mostly dates."""
    for position in range(frame.shape[1]):
        head = clean_text(frame.iloc[:1, position]).dropna()
        if not len(head) or not head.str.fullmatch(r"[^\W\d_][^\d]*").all():
            continue
        if parse_column(head.reset_index(drop=True)).instants.notna().any():
            continue
        cells = clean_text(frame.iloc[1:21, position]).dropna().reset_index(drop=True)
        if len(cells) >= 2 and cells.str.contains(r"\d").mean() >= 0.8 and \
                parse_column(cells).instants.notna().mean() >= 0.8:
            return True
    return False


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


@pytest.mark.parametrize("names", [["Date", "Title", "2019", "2020"], ["date", "title", "1", "2", "2020"],
                                   ["When", "What", "1000", "1001", "1002"]])
def test_a_name_over_a_column_of_dates_makes_a_header_whatever_numbers_name_the_rest(names: list[str]) -> None:
    """``Date, Title, 2019, 2020`` was taken for a row of data: the table was refused as having no date column."""
    rows = [["2020-01-15", "Plant opens", *["10"] * (len(names) - 2)],
            ["2020-02-20", "Plant closes", *["8"] * (len(names) - 2)],
            ["2020-03-20", "Plant reopens", *["9"] * (len(names) - 2)]]
    assert has_header(pd.DataFrame([names, *rows], dtype="string"))


def test_a_first_row_of_data_over_dates_is_still_data() -> None:
    rows = [["Jan 2020", "Plant opens", "10"], ["Feb 2020", "Plant closes", "8"], ["Mar 2020", "Works", "9"]]
    assert not has_header(pd.DataFrame(rows, dtype="string"))
    rows = [["2020-01-01", "Plant opens", "10"], ["2020-02-01", "Plant closes", "8"], ["2020-03-01", "Works", "9"]]
    assert not has_header(pd.DataFrame(rows, dtype="string"))


def test_a_date_among_the_names_leaves_a_header_over_a_column_of_dates() -> None:
    """``Date, Title, 2020-01-01, Note``: a pivot's date named a column, and the row was taken for an event (its names
    lost, the file refused where a workbook's header cell held a date)."""
    frame = _frame([["Date", "Title", "2020-01-01", "Note"], ["2019-03-04", "a", "1", "x"],
                    ["2019-05-06", "b", "2", "y"], ["2019-07-08", "c", "3", "z"]])
    assert has_header(frame)
    assert not has_header(frame.iloc[1:].reset_index(drop=True))  # the same rows without it: data
