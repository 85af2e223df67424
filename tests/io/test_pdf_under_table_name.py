"""A PDF saved under a text table's name (a bank's "CSV" export that is its statement printed, a report saved as
.txt) is read as the PDF it is, as one with no suffix is, and no question about its columns is asked. Before, it was
read as a table and refused with "no date column among %PDF-1.7 …", and the window asked which of its lines of PDF
syntax held the dates."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfWriter

import viewer
from viewer.io import BINARY_SUFFIXES, READERS, has_own_reader, misnamed
from viewer.model.problems import LoadError

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CHRONOLOGY = FIXTURES / "chronology.pdf"
TEXT_NAMES = READERS.keys() - set(BINARY_SUFFIXES)  # the names the dispatcher routes to a text's reader


@pytest.fixture(scope="module")
def titles() -> list[str]:
    """The events' titles the PDF gives under its own name."""
    return list(viewer.load(CHRONOLOGY).events["title"])


@pytest.mark.parametrize("name", ["statement.CSV", "notes.txt", "export.tsv", "history.log"])
def test_its_dated_lines_are_read_as_the_pdf_s(tmp_path: Path, titles: list[str], name: str) -> None:
    path = tmp_path / name
    path.write_bytes(CHRONOLOGY.read_bytes())
    ds = viewer.load(path)
    assert list(ds.events["title"]) == titles
    assert len(titles) == 5


@pytest.mark.parametrize("name", ["statement.csv", "statement.json"])
def test_a_pdf_with_no_text_is_refused_as_a_pdf(tmp_path: Path, name: str) -> None:
    """(Under .json it was "not UTF-8 text (byte 34)"; it is refused naming the file, not the link it is read by.)"""
    path = tmp_path / name
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.write(str(path))
    with pytest.raises(LoadError, match=f"{path.stem}\\{path.suffix}: a PDF with no text to select") as caught:
        viewer.load(path)
    assert not any(said in str(caught.value) for said in ("no date column", "%PDF", "UTF-8", "entente-misnamed"))


def test_no_column_question_is_asked_of_it(tmp_path: Path) -> None:
    path = tmp_path / "statement.csv"
    path.write_bytes(CHRONOLOGY.read_bytes())
    assert has_own_reader(path)
    table = tmp_path / "table.csv"
    table.write_text("when,what\n2020-01-01,a\n", encoding="utf-8")
    assert not has_own_reader(table)


@pytest.mark.parametrize("name", ["a.csv", "a.CSV", "a.txt", "a.tsv", "a.tab", "a.psv", "a.dat", "a.prn", "a.log",
                                  "a.json", "a.html", "a.xml"])
def test_each_text_name_is_looked_at(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"%PDF-1.7\n")
    assert misnamed.under_text_name(path, TEXT_NAMES)
    path.write_bytes(b"when,what\n")
    assert not misnamed.under_text_name(path, TEXT_NAMES)


def test_a_pdf_under_its_own_name_or_none_is_not_under_a_text_s(tmp_path: Path) -> None:
    for name in ("a.pdf", "a"):
        (tmp_path / name).write_bytes(b"%PDF-1.7\n")
        assert not misnamed.under_text_name(tmp_path / name, TEXT_NAMES)
    assert not misnamed.under_text_name(tmp_path / "missing.csv", TEXT_NAMES)
