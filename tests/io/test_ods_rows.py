"""An OpenDocument spreadsheet read by lxml reads to the very frame pandas' odfpy reader reads, cell kind by cell
kind (5,000 rows took 3.5 s to open, odfpy building an object for every element of the document)."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from pandas.io.excel._odfreader import ODFReader

import viewer
from viewer.io import ods_rows

NAMESPACES = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
              'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
              'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')


def _rows_alike(ours: list[list[object]], theirs: list[list[object]]) -> bool:
    def plain(rows: list[list[object]]) -> list[list[object]]:
        return [[None if isinstance(v, float) and np.isnan(v) else (type(v).__name__, v) for v in row]
                for row in rows]
    return plain(ours) == plain(theirs)


def _same(path: Path) -> None:
    """The frame pandas reads (every sheet, by name and by place, whole and cut), the sheets' names, and (not by
    falling back on odfpy) the very rows pandas' reader gives it."""
    with pd.ExcelFile(path, engine="odf") as workbook:
        names = workbook.sheet_names
    assert ods_rows.sheet_names(path) == names
    theirs, ours = ODFReader(path), ods_rows._Reader(path)
    try:
        for at, name in enumerate(names):
            for sheet in (name, at):
                for nrows in (None, 1, 3):
                    expected = pd.read_excel(path, sheet_name=sheet, header=None, dtype=str, nrows=nrows,
                                             engine="odf").fillna("")
                    pd.testing.assert_frame_equal(ods_rows.read_sheet(path, sheet, nrows), expected)
                    assert _rows_alike(ours.get_sheet_data(ours.get_sheet_by_index(at), nrows),
                                       theirs.get_sheet_data(theirs.get_sheet_by_index(at), nrows))
    finally:
        theirs.close()
        ours.close()


def test_a_document_pandas_writes_reads_alike(tmp_path: Path) -> None:
    path = tmp_path / "written.ods"
    frame = pd.DataFrame({"date": pd.date_range("2019-03-04 10:30", periods=6, freq="37h"),
                          "title": ["Signed", "  spaced  ", "NA", "", "N/A", "Two\nlines"],
                          "amount": [1.0, 1e-5, 12345678901234.0, np.nan, -0.5, 3.0],
                          "flag": [True, False, True, None, False, True],
                          "day": [dt.date(2019, 3, 4)] * 6})
    with pd.ExcelWriter(path, engine="odf") as writer:
        frame.to_excel(writer, sheet_name="Events", index=False)
        frame.head(2).to_excel(writer, sheet_name="Second", index=False, startrow=3, startcol=2)
    _same(path)


def _document(path: Path, body: str) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("META-INF/manifest.xml", (
            '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:'
            'opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" '
            'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry '
            'manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'))
        archive.writestr("content.xml", f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content '
                                        f'{NAMESPACES} office:version="1.2">\n  <office:body>\n    '
                                        f'<office:spreadsheet>{body}</office:spreadsheet>\n  </office:body>\n'
                                        '</office:document-content>')
    return path


ODD = """
      <table:table table:name="Odd">
        <table:table-header-rows>
          <table:table-row>
            <table:table-cell office:value-type="string"><text:p>date</text:p></table:table-cell>
            <table:table-cell office:value-type="string"><text:p>title</text:p></table:table-cell>
          </table:table-row>
        </table:table-header-rows>
        <table:table-row table:number-rows-repeated="2">
          <table:table-cell office:value-type="date" office:date-value="2019-03-04T10:30:00"/>
          <table:table-cell office:value-type="string"><text:p>a<text:s text:c="3"/>b<text:line-break/>c</text:p>
            <text:p>second <text:span>paragraph</text:span></text:p>
            <office:annotation><text:p>a note</text:p></office:annotation></table:table-cell>
          <table:table-cell table:number-columns-repeated="3"/>
          <table:table-cell office:value-type="float" office:value="2.0" table:number-columns-repeated="2"/>
        </table:table-row>
        <table:table-row table:number-rows-repeated="3"><table:table-cell table:number-columns-repeated="9"/>
        </table:table-row>
        <table:table-row>
          <table:table-cell office:value-type="percentage" office:value="0.25"><text:p>25%</text:p>
          </table:table-cell>
          <table:table-cell office:value-type="currency" office:value="-12.5"><text:p>-€12.50</text:p>
          </table:table-cell>
          <table:table-cell office:value-type="boolean" office:boolean-value="true"><text:p>TRUE</text:p>
          </table:table-cell>
          <table:table-cell office:value-type="boolean" office:boolean-value="false"><text:p>FALSE</text:p>
          </table:table-cell>
          <table:table-cell office:value-type="time" office:time-value="PT09H15M00S"><text:p>09:15:00</text:p>
          </table:table-cell>
          <table:table-cell office:value-type="float" office:value="3"><text:p>#N/A</text:p></table:table-cell>
          <table:table-cell table:number-columns-spanned="2" office:value-type="string"><text:p>merged</text:p>
          </table:table-cell>
          <table:covered-table-cell/>
          <table:covered-table-cell office:value-type="float" office:value="7"/>
        </table:table-row>
        <table:table-row-group>
          <table:table-row><table:table-cell office:value-type="string"><text:p>  in a group  </text:p>
          </table:table-cell></table:table-row>
        </table:table-row-group>
        <table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1024"/>
        </table:table-row>
      </table:table>
      <table:table table:name="Empty"/>
      <table:table table:name="Last"><table:table-row><table:table-cell/><table:table-cell office:value-type="float"
        office:value="1.5"/></table:table-row></table:table>"""


def test_a_hand_written_document_of_odd_cells_reads_alike(tmp_path: Path) -> None:
    """Repeated rows and columns, header rows and row groups, covered cells with and without a value, spaces,
    line breaks, paragraphs, spans and annotations in a string, percentages, currencies, booleans, a time, #N/A,
    the million empty rows LibreOffice writes after a table, an empty sheet, whitespace between the elements."""
    _same(_document(tmp_path / "odd.ods", ODD))


def test_a_document_opens_to_the_same_dataset_either_way(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "events.ods"
    frame = pd.DataFrame({"Date": pd.date_range("2020-01-01", periods=300, freq="7h"),
                          "Title": [f"Event {i}" for i in range(300)], "Actor": [f"A{i % 7}" for i in range(300)]})
    frame.to_excel(path, index=False, engine="odf")
    fast = viewer.load(path)
    monkeypatch.setattr(ods_rows, "_Reader", None)  # (a reader that cannot be made: odfpy reads it)
    slow = viewer.load(path)
    pd.testing.assert_frame_equal(fast.events, slow.events)
    assert fast.event_count == 300
