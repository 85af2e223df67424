"""Sheets and tables as people lay them out: a table placed at C3 of its sheet, or with the ",," a spreadsheet
leaves at the end of each line, had empty attributes "column1", "column2"; a header under a row of group names
("Event" over Title and Type, "Period" over Start and End) was refused ("no date column among Event, column2,
Period")."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
from openpyxl.worksheet.table import Table

import viewer


def table_at_c3(path: Path) -> Path:
    """An Excel table (a ListObject) at C3 of its sheet, columns A and B empty."""
    book = openpyxl.Workbook()
    sheet = book.active
    for column, name in enumerate(("When", "What", "Amount"), start=3):
        sheet.cell(3, column, name)
    rows = [(dt.datetime(2020, 1, 5, 9, 30), "Payment", 100.5), (dt.datetime(2020, 2, 5, 9, 30), "Refund", -20),
            (dt.datetime(2020, 3, 5, 9, 30), "Payment", 75)]
    for line, row in enumerate(rows, start=4):
        for column, value in enumerate(row, start=3):
            sheet.cell(line, column, value)
    sheet.add_table(Table(displayName="Ledger", ref="C3:E6"))
    book.save(path)
    return path


def grouped_header(path: Path) -> Path:
    """A header under a row of group names, each merged over its columns."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet["A1"], sheet["C1"] = "Event", "Period"
    sheet.merge_cells("A1:B1")
    sheet.merge_cells("C1:D1")
    sheet.append(["Title", "Type", "Start", "End"])
    sheet.append(["Restructuring", "plan", dt.date(2019, 1, 1), dt.date(2020, 6, 30)])
    sheet.append(["Ampere", "unit", dt.date(2023, 11, 1), None])
    book.save(path)
    return path


def begun_lower_down(path: Path) -> Path:
    """A cover sheet left empty, then the table three rows down its sheet, two notes under it (csvkit's own
    examples, sheets.xlsx and test_skip_lines.xlsx, in one)."""
    book = openpyxl.Workbook()
    book.active.title = "not this one"
    sheet = book.create_sheet("data")
    sheet.append([])
    sheet.append([])
    sheet.append([])
    sheet.append(["text", "date", "integer"])
    sheet.append(["Chicago Reader", dt.datetime(1971, 1, 1), 40])
    sheet.append(["Chicago Sun-Times", dt.datetime(1948, 1, 1), 63])
    sheet.append(["Chicago Tribune", dt.datetime(1920, 1, 1), 164])
    sheet.append(["This row has blanks"])
    sheet.append(["Unicode! Σ"])
    book.save(path)
    return path


def test_a_table_placed_at_c3_has_no_empty_columns(tmp_path: Path) -> None:
    ds = viewer.load(table_at_c3(tmp_path / "ledger.xlsx"))
    assert [c for c in ds.events.columns if c.startswith("attr:")] == ["attr:Amount"]
    assert ds.events["title"].tolist() == ["Payment", "Refund", "Payment"]


def test_empty_unnamed_columns_of_a_csv_are_left_out_and_named_or_filled_ones_kept(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text(",,date,title,,note,\n,,2019-01-01,a,,,x\n,,2019-01-02,b,,,\n", encoding="utf-8")
    ds = viewer.load(path)
    assert [c for c in ds.events.columns if c.startswith("attr:")] == ["attr:column7"]  # (note: named, never filled)
    assert ds.events["attr:column7"].astype(object).fillna("").tolist() == ["x", ""]
    assert not ds.problems


def test_a_header_under_a_row_of_group_names_is_the_header(tmp_path: Path) -> None:
    ds = viewer.load(grouped_header(tmp_path / "plan.xlsx"))
    events = ds.events.set_index("title")
    assert events.loc["Restructuring", "end"].date() == dt.date(2020, 6, 30)
    assert events["category"].tolist() == ["plan", "unit"]
    assert [p.message for p in ds.problems if p.level != "info"] == []
    assert any("1 line above the header skipped" in p.message for p in ds.problems)



def test_an_empty_first_sheet_and_empty_rows_above_the_header_are_passed_over(tmp_path: Path) -> None:
    """The first sheet empty: refused as "no rows". Three empty rows above the header and notes under the table:
    the header was taken for a record, and the columns named column1 …"""
    ds = viewer.load(begun_lower_down(tmp_path / "papers.xlsx"))
    assert ds.events["title"].tolist() == ["Chicago Tribune", "Chicago Sun-Times", "Chicago Reader"]
    assert [t.year for t in ds.events["start"]] == [1920, 1948, 1971]
    said = [p.message for p in ds.problems]
    assert "the first sheet holds nothing: read 'data', the first that does (the sheets: not this one, data)" in said
    assert "3 lines above the header skipped (a title or notes)" in said
    assert not [p for p in ds.problems if p.level != "info"]


def test_a_workbook_of_empty_sheets_is_still_refused_by_name(tmp_path: Path) -> None:
    import pytest
    book = openpyxl.Workbook()
    book.create_sheet("second")
    book.save(tmp_path / "empty.xlsx")
    with pytest.raises(viewer.LoadError, match=r"empty\.xlsx"):
        viewer.load(tmp_path / "empty.xlsx")
