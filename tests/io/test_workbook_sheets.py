"""A workbook kept as a sheet a year: its sheets of the same columns are one table, and a sheet of other columns
is named as not read."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

import viewer


def test_a_workbooks_sheets_of_the_same_columns_are_one_table(tmp_path: Path) -> None:
    """A sheet a year: before, only the first sheet was read and the others' rows lost without a word."""
    path = tmp_path / "years.xlsx"
    with pd.ExcelWriter(path) as writer:
        pd.DataFrame({"Date": ["2018-11-19"], "Event": ["Arrest"]}).to_excel(writer, sheet_name="2018", index=False)
        pd.DataFrame({"Date": ["2019-01-24", "2019-02-30"], "Event": ["Resignation", "Bad day"]}).to_excel(
            writer, sheet_name="2019", index=False)
        pd.DataFrame({"Note": ["compiled by the desk"]}).to_excel(writer, sheet_name="Notes", index=False)
    ds = viewer.load(path)
    assert list(ds.events["title"]) == ["Arrest", "Resignation"]
    said = [str(p) for p in ds.problems]
    assert any("read the sheets '2018', '2019' as one table" in s for s in said), said
    assert any("the sheet 'Notes' was not read" in s for s in said), said
    assert any("row 3" in s and "2019-02-30" in s for s in said), said  # (the row as its sheet numbers it)
    assert list(viewer.load(path, sheet="2019").events["title"]) == ["Resignation"]


def test_sheets_of_the_same_columns_in_another_order_or_one_more_are_joined(tmp_path: Path) -> None:
    """A year's sheet with its columns swapped, or a column of notes added, was "not read (other columns)" and its
    rows left out of the timeline."""
    path = tmp_path / "years.xlsx"
    with pd.ExcelWriter(path) as writer:
        pd.DataFrame({"Date": ["2019-05-01"], "Title": ["s2019"]}).to_excel(writer, sheet_name="2019", index=False)
        pd.DataFrame({"Title": ["s2020"], "Date": ["2020-05-01"]}).to_excel(writer, sheet_name="2020", index=False)
        pd.DataFrame({"Date": ["2021-05-01"], "Title": ["s2021"], "Notes": ["late"]}).to_excel(
            writer, sheet_name="2021", index=False)
        pd.DataFrame({"Name": ["Ana"], "Role": ["editor"]}).to_excel(writer, sheet_name="Staff", index=False)
    ds = viewer.load(path)
    assert ds.events["title"].tolist() == ["s2019", "s2020", "s2021"]
    said = [p.message for p in ds.problems]
    assert any(m.startswith("read the sheets '2019', '2020', '2021' as one table") for m in said), said
    assert any("the sheet 'Staff' was not read" in m for m in said), said
