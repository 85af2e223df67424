"""A file whose first bytes say what it is, under a text format's name. A PDF saved as ``.json`` or ``.html`` (a
browser's "Save as" of a report, a download named by its link) was handed to that name's reader, which said "not UTF-8
text (byte 34)" or "no date column among %PDF-1.4"; a workbook or a ZIP archive under ``.json``, ``.html`` or
``.csv`` was "a binary file" or a table of ``PK`` columns, and gzip's bytes under ``.xml`` "not a format Entente
knows". Now a PDF is read as the PDF it is and said; the others are refused naming what they are and the name that
opens them."""

from __future__ import annotations

import gzip
import io
import zipfile
from pathlib import Path

import openpyxl
import pytest

import viewer
from viewer import cli
from viewer.io import has_own_reader
from viewer.model.problems import LoadError

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CHRONOLOGY = FIXTURES / "chronology.pdf"
TABLE = b"date,title\n2020-01-01,Founded\n2020-02-01,Listed\n"


@pytest.fixture(scope="module")
def titles() -> list[str]:
    """The events' titles the PDF gives under its own name."""
    return list(viewer.load(CHRONOLOGY).events["title"])


def _workbook() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in TABLE.decode().splitlines():
        sheet.append(row.split(","))
    written = io.BytesIO()
    book.save(written)
    return written.getvalue()


def _zipped(name: str, data: bytes) -> bytes:
    written = io.BytesIO()
    with zipfile.ZipFile(written, "w") as archive:
        archive.writestr(name, data)
    return written.getvalue()


@pytest.mark.parametrize("suffix", [".json", ".jsonl", ".html", ".htm", ".xml", ".yaml", ".ics", ".gexf", ".csv"])
def test_a_pdf_under_a_text_name_is_read_as_a_pdf_and_said(tmp_path: Path, titles: list[str], suffix: str) -> None:
    path = tmp_path / f"report{suffix}"
    path.write_bytes(CHRONOLOGY.read_bytes())
    ds = viewer.load(path)
    assert list(ds.events["title"]) == titles and len(titles) == 5
    said = ds.problems[0]
    assert (said.file, said.message, said.level) == (str(path), f"read as a PDF: its name says {suffix}", "info")
    assert ds.meta.path == str(path) and ds.meta.sources == (str(path),) and ds.meta.title == "report"
    assert all(p.file == str(path) and "entente-misnamed" not in p.message for p in ds.problems)
    assert has_own_reader(path)  # (no question about its columns)


@pytest.mark.parametrize("suffix", [".json", ".html", ".xml", ".csv", ".txt"])
def test_a_workbook_under_a_text_name_is_refused_naming_it_and_the_name_that_opens_it(tmp_path: Path,
                                                                                      suffix: str) -> None:
    path = tmp_path / f"export{suffix}"
    path.write_bytes(_workbook())
    assert has_own_reader(path)  # (no question about "columns" of ZIP bytes)
    with pytest.raises(LoadError) as caught:
        viewer.load(path)
    assert str(caught.value) == (f"{path}: an Excel workbook, though its name says {suffix}; expected {suffix} text: "
                                 "rename it export.xlsx to open it as an Excel workbook")
    path.rename(tmp_path / "export.xlsx")  # as told: it opens
    assert list(viewer.load(tmp_path / "export.xlsx").events["title"]) == ["Founded", "Listed"]


def test_a_zip_archive_under_json_is_refused_and_opens_as_zip(tmp_path: Path) -> None:
    path = tmp_path / "download.json"
    path.write_bytes(_zipped("events.csv", TABLE))
    with pytest.raises(LoadError, match=r"download\.json: a ZIP archive, though its name says \.json; expected \.json "
                                        r"text: rename it download\.zip to open the table it holds"):
        viewer.load(path)
    path.rename(tmp_path / "download.zip")
    assert len(viewer.load(tmp_path / "download.zip").events) == 2


@pytest.mark.parametrize(("data", "what", "how"), [
    (_workbook, "an Excel workbook", "rename it report.xlsx to open it as an Excel workbook"),
    (lambda: _zipped("events.csv", TABLE), "a ZIP archive", "rename it report.zip to open the table it holds")])
def test_a_workbook_or_archive_with_no_suffix_is_named_for_what_it_is(tmp_path: Path, data, what: str,
                                                                      how: str) -> None:
    """It was read as text: "no date column among PK…", a header of the archive's bytes."""
    path = tmp_path / "report"
    path.write_bytes(data())
    with pytest.raises(LoadError) as caught:
        viewer.load(path)
    assert str(caught.value) == f"{path}: {what}, under a name with no suffix: {how}"


def test_a_table_with_no_suffix_is_still_read_by_its_content(tmp_path: Path) -> None:
    path = tmp_path / "report"
    path.write_bytes(TABLE)
    assert list(viewer.load(path).events["title"]) == ["Founded", "Listed"]


@pytest.mark.parametrize(("held", "what", "own"), [
    (("word/document.xml", b"<w:document/>"), "a Word document", ".docx"),
    (("mimetype", b"application/vnd.oasis.opendocument.spreadsheet"), "an OpenDocument spreadsheet", ".ods")])
def test_an_office_document_under_html_is_named_for_what_it_is(tmp_path: Path, held: tuple[str, bytes], what: str,
                                                               own: str) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(_zipped(*held))
    with pytest.raises(LoadError, match=f"page\\.html: {what}, though its name says \\.html; expected \\.html text: "
                                        f"rename it page\\{own} to open it as {what}"):
        viewer.load(path)


@pytest.mark.parametrize("suffix", [".xml", ".html", ".yaml", ".ics"])
def test_gzip_under_a_text_name_is_refused_as_packed(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"feed{suffix}"
    path.write_bytes(gzip.compress(b"<rss><channel><item><title>A</title></item></channel></rss>"))
    with pytest.raises(LoadError) as caught:
        viewer.load(path)
    assert str(caught.value) == (f"{path}: a gzip-packed file, though its name says {suffix}; expected {suffix} text: "
                                 f"unpack it first (renamed feed{suffix}.gz, any archiver unpacks it) and open what it "
                                 "holds")


def test_packed_tables_under_a_table_s_name_are_still_unpacked(tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    path.write_bytes(gzip.compress(TABLE))
    assert len(viewer.load(path).events) == 2
    assert not has_own_reader(path)


def test_validate_says_a_pdf_under_json_is_read_as_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "report.json"
    path.write_bytes(CHRONOLOGY.read_bytes())
    assert cli.run(["validate", str(path)]) == 0
    assert f"[info] {path}: read as a PDF: its name says .json" in capsys.readouterr().out


def test_a_folder_named_as_a_file_is_said_to_be_a_folder(tmp_path: Path) -> None:
    """An empty folder ``x.csv`` was "no events.csv or events.parquet", as if a dataset folder had lost its tables."""
    folder = tmp_path / "x.csv"
    folder.mkdir()
    with pytest.raises(LoadError, match=r"x\.csv: a folder, though its name ends in \.csv, with no events\.csv"):
        viewer.load(folder)
