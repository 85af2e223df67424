"""What web applications save under a workbook's name (an HTML table, Excel 2003 XML, delimited text) and a
web page's tables: each was refused ("not a readable Excel workbook (File is not a zip file)")."""

from __future__ import annotations

from pathlib import Path

import pytest

from viewer.io import load
from viewer.model.problems import LoadError

BANK = """<html><head><meta charset="utf-8"><style>td {mso-number-format:"\\@";}</style></head><body>
<table border="1"><tr><th>Date</th><th>Description</th><th>Amount</th></tr>
<tr><td>04/03/2019</td><td>Coffee &amp; cake</td><td>3.50</td></tr>
<tr><td>05/03/2019</td><td>Lunch<br>with   Ana</td><td>12.00</td></tr>
<tr><td>13/03/2019</td><td>Taxi</td><td>20.00</td></tr></table></body></html>"""

SPREADSHEET_2003 = """<?xml version="1.0"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
<Worksheet ss:Name="Read me"><Table><Row><Cell><Data ss:Type="String">Export</Data></Cell></Row></Table></Worksheet>
<Worksheet ss:Name="Filings"><Table>
<Row><Cell><Data ss:Type="String">Date</Data></Cell><Cell><Data ss:Type="String">Title</Data></Cell>
<Cell ss:Index="4"><Data ss:Type="String">Fee</Data></Cell></Row>
<Row><Cell><Data ss:Type="DateTime">2019-03-04T00:00:00.000</Data></Cell><Cell ss:MergeAcross="1">
<Data ss:Type="String">Filed</Data></Cell><Cell><Data ss:Type="Number">12.5</Data></Cell></Row>
<Row><Cell><Data ss:Type="DateTime">2019-03-05T10:30:00.000</Data></Cell><Cell><Data ss:Type="String">Heard</Data>
</Cell><Cell ss:Index="4"><Data ss:Type="Number">3</Data></Cell></Row>
</Table></Worksheet></Workbook>"""


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_an_html_table_saved_as_xls_opens(tmp_path: Path) -> None:
    ds = load(_write(tmp_path, "statement.xls", BANK))
    assert ds.events["description"].tolist() == ["Coffee & cake", "Lunch with Ana", "Taxi"]
    assert ds.events["start"].dt.day.tolist() == [4, 5, 13]
    assert "a .xls file that holds an HTML table, not a workbook: read as such" in [p.message for p in ds.problems]


@pytest.mark.parametrize(("name", "text", "held"), [
    ("statement.xls", "Date\tDescription\tAmount\n04/03/2019\tCoffee\t3.50\n13/03/2019\tTaxi\t20.00\n",
     "delimited text"),
    ("statement.xlsx", "Date,Description,Amount\n04/03/2019,Coffee,3.50\n13/03/2019,Taxi,20.00\n", "delimited text"),
])
def test_delimited_text_saved_under_a_workbooks_name_opens(tmp_path: Path, name: str, text: str, held: str) -> None:
    ds = load(_write(tmp_path, name, text))
    assert ds.event_count == 2 and ds.events["description"].tolist() == ["Coffee", "Taxi"]
    assert f"a {Path(name).suffix} file that holds {held}, not a workbook: read as such" in [
        p.message for p in ds.problems]


@pytest.mark.parametrize("name", ["filings.xls", "filings.xml"])
def test_excel_2003_xml_opens_from_its_dated_sheet(tmp_path: Path, name: str) -> None:
    ds = load(_write(tmp_path, name, SPREADSHEET_2003))
    assert ds.events["title"].tolist() == ["Filed", "Heard"]
    assert [str(s) for s in ds.events["start"]] == ["2019-03-04 00:00:00+00:00", "2019-03-05 10:30:00+00:00"]
    assert ds.events["attr:Fee"].tolist() == [12.5, 3.0]  # placed by ss:Index, past a merged cell
    assert any("read the sheet 'Filings'" in p.message for p in ds.problems)


def test_a_saved_web_page_opens_from_its_first_table_with_dates(tmp_path: Path) -> None:
    page = ("<!DOCTYPE html><html><body><table><tr><td><a href='/'>Home</a></td><td>About</td></tr></table>"
            "<table><tr><th>Date</th><th>Event</th><th colspan='2'>Notes</th></tr>"
            "<tr><td>4 March 2019</td><td>Signing <table><tr><td>inner</td></tr></table></td><td>a</td><td>b</td>"
            "</tr><tr><td>5 April 2019</td><td>Meeting &eacute;t&eacute;</td><td>c</td><td>d</td></tr></table>"
            "</body></html>")
    ds = load(_write(tmp_path, "timeline.html", page))
    assert ds.events["title"].tolist() == ["Signing", "Meeting été"]
    assert ds.events["attr:Notes_4"].tolist() == ["b", "d"]
    assert any("read the table 'Table 3', the first with a date column (the page's tables: " in p.message
               for p in ds.problems)


@pytest.mark.parametrize(("name", "text", "expected"), [
    ("empty.xls", "<html><body><p>No data for this period.</p></body></html>", "an HTML page with no table"),
    ("cut.xml", SPREADSHEET_2003[:400], "not readable Excel 2003 XML"),
    ("bomb.xls", '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><Workbook xmlns="urn:schemas-microsoft-com'
                 ':office:spreadsheet"><Worksheet><Table><Row><Cell><Data>&a;</Data></Cell></Row></Table></Worksheet>'
                 '</Workbook>', "not readable Excel 2003 XML"),
])
def test_what_holds_no_table_is_refused_by_name(tmp_path: Path, name: str, text: str, expected: str) -> None:
    with pytest.raises(LoadError, match=f"{name}: {expected}"):
        load(_write(tmp_path, name, text))
