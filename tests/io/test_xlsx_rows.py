"""An .xlsx sheet's rows parsed in C (lxml) read to the very frame pandas and openpyxl read, cell kind by cell kind
(a 50,000-row workbook opened in 8 s, its cells each built as Python objects by openpyxl's parser)."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.reader.strings import read_string_table
from pandas.io.excel._openpyxl import OpenpyxlReader

import viewer
from viewer.io import xlsx_rows

pytestmark = pytest.mark.filterwarnings("ignore:Workbook contains no default style", "ignore:Cell A7 is marked")

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _pandas(path: Path, sheet: str | int = 0, nrows: int | None = None) -> pd.DataFrame:
    return pd.read_excel(path, sheet_name=sheet, header=None, dtype=str, nrows=nrows, engine="openpyxl").fillna("")


def _same(path: Path, sheet: str | int = 0) -> None:
    """The frame pandas reads, and (not by falling back on it) the very cells pandas' reader gives it; the sheets'
    names and shared strings as openpyxl reads them."""
    with pd.ExcelFile(path, engine="openpyxl") as workbook:
        assert xlsx_rows.sheet_names(path) == workbook.sheet_names
    with zipfile.ZipFile(path) as archive:
        if "xl/sharedStrings.xml" in archive.namelist():
            with archive.open("xl/sharedStrings.xml") as source:
                theirs = read_string_table(source)
            with archive.open("xl/sharedStrings.xml") as source:
                assert xlsx_rows._string_table(source) == theirs
    for nrows in (None, 1, 3, 50):
        expected, got = _pandas(path, sheet, nrows), xlsx_rows.read_sheet(path, sheet, nrows)
        pd.testing.assert_frame_equal(got, expected)
        reader = OpenpyxlReader(path)
        try:
            ws = reader.get_sheet_by_name(sheet) if isinstance(sheet, str) else reader.get_sheet_by_index(sheet)
            theirs = reader.get_sheet_data(ws, nrows)
            ours = xlsx_rows.rows(ws, nrows)
        finally:
            reader.close()
        assert [[None if pd.isna(v) else v for v in row] for row in ours] == [
            [None if pd.isna(v) else v for v in row] for row in theirs]


def test_an_openpyxl_workbook_of_every_kind_of_cell_reads_alike(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["date", "title", "amount", "flag", "when", "at", "lasted", "note"])
    sheet.append([dt.datetime(2019, 3, 4, 10, 30), "Signed", 1.0, True, dt.date(2019, 3, 4), dt.time(9, 15),
                  dt.timedelta(hours=30), "NA"])
    sheet.append([dt.datetime(1900, 3, 1), "  spaced  ", 1e-5, False, None, None, None, "N/A"])
    sheet.append([43831, "=SUM(1,2)", 12345678901234, None, "2019-03-04", "", None, CellRichText(
        "plain ", TextBlock(InlineFont(b=True), "bold"))])
    sheet.append([])
    sheet.append([None, None, "after a blank row"])
    sheet["J9"] = "far out"
    sheet["C6"].number_format = "0.00%"
    sheet["H3"].number_format = "@"
    second = book.create_sheet("Second")
    second["B2"] = "only B2"
    path = tmp_path / "kinds.xlsx"
    book.save(path)
    _same(path)
    _same(path, "Second")


def _workbook(path: Path, sheet: str, strings: str = "", styles: str = "", epoch_1904: bool = False) -> Path:
    """A workbook written by hand: one sheet's XML (its rows), shared strings and styles as given."""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/'
            'workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType='
            '"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName='
            '"/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            '</Types>'))
        archive.writestr("_rels/.rels", (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'))
        archive.writestr("xl/workbook.xml", (
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{NS}" xmlns:r="{RELS}">'
            + ('<workbookPr date1904="1"/>' if epoch_1904 else "")
            + '<sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>'))
        archive.writestr("xl/_rels/workbook.xml.rels", (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://'
            'schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
            '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'styles" Target="styles.xml"/></Relationships>'))
        archive.writestr("xl/worksheets/sheet1.xml", f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{NS}">'
                                                     f'<sheetData>{sheet}</sheetData></worksheet>')
        archive.writestr("xl/sharedStrings.xml", f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{NS}">{strings}'
                                                 '</sst>')
        archive.writestr("xl/styles.xml", f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{NS}">{styles}'
                                          '</styleSheet>')
    return path


STYLES = ('<numFmts count="1"><numFmt numFmtId="164" formatCode="[h]:mm"/></numFmts><cellXfs count="4">'
          '<xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/>'
          '<xf numFmtId="22" applyNumberFormat="1"/></cellXfs>')
STRINGS = ('<si><t>date</t></si><si><t xml:space="preserve"> padded </t></si><si><r><t>rich </t></r><r><rPr><b/>'
           '</rPr><t>text</t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh></si><si><t/></si>'
           '<si><t>line_x000D_ break_x005F_x000D_ kept</t></si><si><t>&amp; &lt;entities&gt;</t></si>')


@pytest.mark.parametrize("epoch_1904", [False, True])
def test_a_hand_written_sheet_of_odd_cells_reads_alike(tmp_path: Path, epoch_1904: bool) -> None:
    """Rows and cells without references, out of order and repeated, rows left out and given twice, errors, cached
    formula results, inline and rich strings, date, time-span and date-time styles, a serial past the calendar."""
    rows = ('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>'
            '<c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c></row>'
            '<row r="2"><c r="A2" s="1"><v>43831</v></c><c r="C2" t="e"><v>#N/A</v></c><c r="B2" t="str"><f>A1</f>'
            '<v>cached</v></c></row>'
            '<row><c s="2"><v>1.25</v></c><c t="b"><v>1</v></c><c t="inlineStr"><is><t>inline</t></is></c>'
            '<c t="inlineStr"><is><r><t>run </t></r><r><t>two</t></r></is></c></row>'
            '<row r="6"><c r="A6" s="3"><v>43831.5</v></c><c r="AB6"><v>3.0</v></c><c r="E6"><v>1E-3</v></c></row>'
            '<row r="5"><c r="A5" t="str"><v>given after row 6</v></c></row>'
            '<row r="7"><c r="A7" s="1"><v>99999999</v></c><c r="B7" t="d"><v>2019-03-04T10:00:00</v></c>'
            '<c r="C7"><v></v></c><c r="D7" t="n"/></row>'
            '<row r="9" spans="1:3"/><row r="10"><c r="B10"><v>-0</v></c></row>')
    path = _workbook(tmp_path / "odd.xlsx", rows, STRINGS, STYLES, epoch_1904)
    _same(path)


def test_a_workbook_opens_to_the_same_dataset_either_way(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Date", "Title", "Actor", "Amount"])
    for i in range(300):
        sheet.append([dt.datetime(2020, 1, 1) + dt.timedelta(hours=7 * i), f"Event {i}", f"A{i % 7}", i * 1.5])
    path = tmp_path / "events.xlsx"
    book.save(path)
    fast = viewer.load(path)
    monkeypatch.setattr(xlsx_rows, "rows", lambda *a, **k: (_ for _ in ()).throw(RuntimeError("fall back")))
    slow = viewer.load(path)
    pd.testing.assert_frame_equal(fast.events, slow.events)
    assert fast.event_count == 300


def test_formulas_a_script_saved_without_results_are_said(tmp_path: Path) -> None:
    """openpyxl and xlsxwriter save a formula without its result: its cells read as empty without a word (a row
    whose date was =DATE(…) skipped as having no start)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["date", "title", "total"])
    sheet.append(["2020-01-01", "a", "=1+1"])
    sheet.append(["=DATE(2020,1,2)", "b", "=2+2"])
    sheet.append(["2020-01-03", "c", 5])
    path = tmp_path / "scripted.xlsx"
    book.save(path)
    ds = viewer.load(path)
    said = [p for p in ds.problems if "formula" in p.message]
    assert len(said) == 1 and said[0].message.startswith("3 cells hold a formula with no result saved")
    assert said[0].level == "warning" and list(ds.events["title"]) == ["a", "c"]
