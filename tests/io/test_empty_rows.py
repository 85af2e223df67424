"""Wholly empty rows (``,,`` lines, a sheet's rows down to one stray cell far below) are skipped and said once as
such: each was counted among the rows with no start date, an error (a workbook with a cell at row 1,048,576 said
"1,048,571 rows have no start date"), and empty lines below a table were "skipped (a total or notes): " and
nothing after it."""

from __future__ import annotations

import datetime
from pathlib import Path

import openpyxl

import viewer


def _said(path: Path) -> tuple[list[str], list[tuple[str, int | None, str]]]:
    """The titles of the events ``path`` opens to, and what was said of it (level, row, message)."""
    ds = viewer.load(path)
    return ds.events["title"].tolist(), [(p.level, p.row, p.message) for p in ds.problems]


def test_empty_rows_are_said_as_such_not_as_errors(tmp_path: Path) -> None:
    (tmp_path / "commas.csv").write_text("date,title,actor\n2020-01-01,A,X\n,,\n,,\n2020-01-02,B,Y\n,No date,Z\n"
                                         ",,\n,,\n,,\n", encoding="utf-8")
    titles, said = _said(tmp_path / "commas.csv")
    assert titles == ["A", "B"]
    assert ("info", 3, "2 empty rows skipped") in said
    assert ("info", 7, "3 empty lines below the table skipped") in said
    assert [m for level, _, m in said if level == "error"] == ["1 row has no start date (first: row 6); skipped"]


def test_a_sheet_with_a_stray_cell_far_below(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Date", "Title"])
    for day in range(1, 4):
        sheet.append([datetime.date(2020, 1, day), f"t{day}"])
    sheet.cell(row=5000, column=1, value="far away")
    book.save(tmp_path / "stray.xlsx")
    titles, said = _said(tmp_path / "stray.xlsx")
    assert titles == ["t1", "t2", "t3"]
    assert [m for _, _, m in said if "empty" in m] == ["4,995 empty rows skipped"]
    assert not [m for _, _, m in said if "no start date" in m]


def test_a_text_padded_with_nuls_to_its_end_is_read(tmp_path: Path) -> None:
    """A small table or log whose end is NUL bytes (a crash, a preallocated file) was refused as "a binary file"."""
    (tmp_path / "padded.csv").write_bytes(b"date,title\n" + b"".join(b"2020-01-%02d,event %d\n" % (i + 1, i)
                                                                     for i in range(20)) + b"\x00" * 8192)
    titles, said = _said(tmp_path / "padded.csv")
    assert len(titles) == 20
    assert ("info", 22, "1 empty line below the table skipped") in said
