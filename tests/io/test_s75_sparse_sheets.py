"""A workbook whose sheet holds a table and one stray value in the last cell (XFD1048576): its rows were padded
into a grid of every cell between, 17 billion, and a 5 KB file took every byte of memory. It is refused, saying
where the values reach; a sheet whose values lie together is read as before.

The stray case runs in a process of its own under a limit on its memory, so that a reader without the check fails
the test instead of taking the machine's memory."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import openpyxl.styles

import viewer

OPEN = """
import sys
import time
import viewer
from viewer.model.problems import LoadError
try:
    viewer.load(sys.argv[1])
except LoadError as exc:
    print(exc)
"""


def _workbook(path: Path, *stray: str) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Events"
    sheet.append(["date", "title"])
    sheet.append(["2020-01-01", "First"])
    sheet.append(["2020-02-01", "Second"])
    for cell in stray:
        sheet[cell] = "x"
    book.save(path)
    return path


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (3_000_000_000, 3_000_000_000))


def test_a_stray_value_in_the_last_cell_is_refused_saying_where(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "stray.xlsx", "XFD1048576")
    done = subprocess.run([sys.executable, "-c", OPEN, str(path)], capture_output=True, text=True, timeout=60,
                          env={**os.environ, "ENTENTE_NO_CACHE": "1"}, preexec_fn=_limited, check=False)
    said = done.stdout + done.stderr
    assert f"{path}: the sheet 'Events' reaches row 1,048,576 and column XFD (a value in XFD1048576)" in said, said
    assert "for 7 values" in said and "values lie together" in said


def test_a_sheet_whose_last_row_is_far_down_but_narrow_is_read(tmp_path: Path) -> None:
    ds = viewer.load(_workbook(tmp_path / "long.xlsx", "C200000"))
    assert ds.events["title"].tolist()[:2] == ["First", "Second"]


def test_a_table_is_read_as_before(tmp_path: Path) -> None:
    ds = viewer.load(_workbook(tmp_path / "table.xlsx"))
    assert ds.events["title"].tolist() == ["First", "Second"]


def test_rows_of_an_empty_styled_cell_in_the_last_column_are_read_as_narrow(tmp_path: Path) -> None:
    """Each row with a bold, empty cell in XFD (a whole column formatted) was made 16,384 cells wide and cut back
    cell by cell: a million such rows never opened, 5,000 took 4.5 s. They are as wide as their last value."""
    from lxml import etree

    from viewer.io import xlsx_rows
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    row = etree.fromstring(f'<row xmlns="{main}" r="2"><c r="A2" t="inlineStr"><is><t>2020-01-01</t></is></c>'
                           '<c r="XFD2" s="1" t="n"></c></row>')
    assert xlsx_rows._values(row, [], ((), (), None)) == ["2020-01-01"]
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["date", "title"])
    bold = openpyxl.styles.Font(bold=True)
    for at in range(2, 5002):
        sheet.cell(row=at, column=1, value=f"2020-01-{at % 28 + 1:02d}")
        sheet.cell(row=at, column=2, value=f"Event {at}")
        sheet.cell(row=at, column=16384).font = bold
    book.save(tmp_path / "formatted.xlsx")
    began = time.monotonic()
    ds = viewer.load(tmp_path / "formatted.xlsx")
    assert len(ds.events) == 5000 and time.monotonic() - began < 3
