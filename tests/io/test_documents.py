"""Chronologies kept in documents: Word (.docx), OpenDocument text (.odt) and Markdown (.md). Before, each was
refused ("no reader for .docx"), and a Markdown list of dated lines had "no date column"; a Markdown pipe table
opened as delimited text with two empty columns and its |---| row reported as a bad date.

The fixtures were written by python-docx and odfpy (tests/io/fixtures: chronology.docx, chronology_table.docx,
chronologie.odt, timeline.md)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from docx import Document

import viewer
from viewer.model.problems import LoadError

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _rows(ds: viewer.Dataset) -> list[tuple[str, str, str]]:
    events = ds.events
    return [(str(start)[:10], title, category) for start, title, category
            in zip(events["start"], events["title"], events["category"], strict=True)]


def test_a_word_chronology_is_read_from_its_dated_paragraphs() -> None:
    ds = viewer.load(FIXTURES / "chronology.docx")
    assert _rows(ds) == [
        ("2018-11-19", "Carlos Ghosn is arrested in Tokyo", ""),  # "19 November 2018 – …" in a bulleted list
        ("2018-11-22", "Nissan's board removes him as chairman", ""),  # "22 November: …" under the heading "2018"
        ("2019-01-24", "Ghosn resigns from Renault", ""),  # "Jan. 24, 2019, …"
        ("2019-03-12", "New alliance board announced in Yokohama", "Board changes"),  # no separator: first words
        ("2019-05-27", "Fiat Chrysler proposes a merger with Renault (press release)", "Board changes"),
        ("2023-02-06", "The alliance is rebalanced in London", "Board changes")]  # under a heading "6 February 2023"
    events = ds.events.set_index("title")
    # the paragraph after a dated one is more of its text; a paragraph's link is its source
    assert events.loc["Nissan's board removes him as chairman", "description"].endswith(
        "He had led the company since 1999.")
    assert events.loc["Fiat Chrysler proposes a merger with Renault (press release)", "source_url"] == \
        "https://example.org/fca"
    # "1500 workers were laid off" in the introduction is no event, and the title is not a category
    assert not any("1500" in title for title in ds.events["title"])
    said = [str(p) for p in ds.problems]
    assert any("read the 6 paragraphs led by a date" in s and "Table 1" in s for s in said), said


def test_a_word_table_of_dates_is_read_as_a_table() -> None:
    ds = viewer.load(FIXTURES / "chronology_table.docx")
    assert _rows(ds) == [("2018-11-19", "Arrest", ""), ("2019-01-24", "Resignation", ""),
                         ("2019-03-12", "New board", "")]
    assert list(ds.events["actors"]) == ["Ghosn", "Ghosn", "Renault;Nissan"]


def test_a_named_table_of_a_document_is_read_instead(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match=r"no date column among Figure, Value"):
        viewer.load(FIXTURES / "chronology.docx", sheet="Table 1")
    with pytest.raises(LoadError, match=r"no table 'Table 9'; its tables are Dated paragraphs, Table 1"):
        viewer.load(FIXTURES / "chronology.docx", sheet="Table 9")


def test_an_opendocument_text_with_french_dates_lists_and_links() -> None:
    ds = viewer.load(FIXTURES / "chronologie.odt")
    assert _rows(ds) == [("2018-11-19", "Arrestation de Carlos Ghosn à Tokyo", "Procédures"),
                         ("2019-01-24", "démission de Renault", "Procédures"),
                         ("2019-03-12", "nouveau conseil (source)", "Procédures")]
    assert ds.events["source_url"].iloc[-1] == "https://example.org/conseil"


def test_a_markdown_timeline_with_year_headings_links_code_and_front_matter() -> None:
    ds = viewer.load(FIXTURES / "timeline.md")
    events = ds.events
    assert [(str(s)[:10], str(e)[:4] if pd.notna(e) else "", p) for s, e, p
            in zip(events["start"], events["end"], events["precision"], strict=True)] == [
        ("1999-03-27", "", "day"), ("1999-06-01", "", "month"), ("2016-10-20", "", "day"),
        ("2018-01-01", "2019", "year"), ("2018-11-19", "", "day"), ("2019-03-12", "", "day")]
    assert list(events["title"]) == ["Renault takes a 36.8% stake in Nissan (Reuters)", "Carlos Ghosn becomes COO",
                                     "Nissan takes 34% of Mitsubishi Motors", "A year of crisis", "Ghosn is arrested",
                                     "new alliance board"]
    assert events["source_url"].iloc[0] == "https://example.org/a"
    assert "It meets in Yokohama" in events["description"].iloc[-1]  # a list item's second line


def test_a_markdown_pipe_table_is_a_table_without_its_rule_and_outer_pipes(tmp_path: Path) -> None:
    path = tmp_path / "chrono.md"
    path.write_text("# Chronology\n\nCompiled from press reports.\n\n"
                    "| Date | Event | Source |\n|:-----|-------|-------:|\n"
                    "| 19 Nov 2018 | Ghosn **arrested** \\| Tokyo | [Reuters](https://r.example/1) |\n"
                    "| 24 Jan 2019 | Resigns<br>from Renault | |\n", encoding="utf-8")
    ds = viewer.load(path)
    assert list(ds.events["title"]) == ["Ghosn arrested | Tokyo", "Resigns\nfrom Renault"]
    assert ds.events["source_url"].iloc[0] == "https://r.example/1"
    assert set(ds.events.columns) >= {"start", "title"} and not any(str(c).startswith("column") for c in ds.events)
    assert not [p for p in ds.problems if p.level == "error"]


def test_a_markdown_paragraph_row_is_named_by_its_line(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text("# Notes\n\n- 2019-03-12: board\n- 2019-02-30: no such day\n- 2019-04-01: later\n",
                    encoding="utf-8")
    ds = viewer.load(path)
    assert list(ds.events["title"]) == ["board", "later"]
    assert any(p.row == 4 and "2019-02-30" in p.message for p in ds.problems), ds.problems
    assert "no such day" not in ds.events["description"].iloc[0]


JOURNAL = ("# Journal\n\n## 2018-11-19\nArrest of Carlos Ghosn.\n\n## 2019-03-12 — Board meeting\nNew governance.\n\n"
           "A second paragraph.\n\n## March 2020: Talks\n\n## 2021\n\n- 2021-05-27: a later item\n")


def test_a_journal_s_headings_led_by_a_date_and_a_title_are_events(tmp_path: Path) -> None:
    """"## 2019-03-12 — Board meeting" over its notes: the heading was taken for a year's (2019) and a category, its
    notes left undated and dropped, and the heading named the events after it."""
    (tmp_path / "journal.md").write_text(JOURNAL, encoding="utf-8")
    ds = viewer.load(tmp_path / "journal.md")
    assert _rows(ds) == [("2018-11-19", "Arrest of Carlos Ghosn", ""), ("2019-03-12", "Board meeting", ""),
                         ("2020-03-01", "Talks", ""), ("2021-05-27", "a later item", "")]  # (no heading a category)
    events = ds.events.sort_values("row")
    assert events["row"].tolist() == [4, 6, 11, 15]
    assert events["precision"].tolist() == ["day", "day", "month", "day"]
    assert events["description"].iloc[1] == "New governance.\n\nA second paragraph."


@pytest.mark.parametrize(("name", "data", "expected"), [
    ("empty.md", b"", r"the file is empty"),
    ("blank.md", b"\n\n  \n", r"no table and no paragraph led by a date"),
    ("prose.md", b"# Essay\n\nNothing here is dated.\n\nNor here.\n", r"no table and no paragraph led by a date"),
    ("binary.docx", bytes(range(256)) * 4, r"not a readable Word document"),
    ("text.odt", b"hello", r"not a readable OpenDocument text"),
])
def test_documents_without_a_chronology_are_refused_by_name(tmp_path: Path, name: str, data: bytes,
                                                           expected: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(LoadError, match=expected) as caught:
        viewer.load(path)
    assert str(path) in str(caught.value)


def test_a_zip_that_is_no_word_document_and_a_bomb_are_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.docx"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(LoadError, match=r"other\.docx: a ZIP archive with no word/document.xml"):
        viewer.load(other)
    bomb = tmp_path / "bomb.docx"
    entities = "".join(f'<!ENTITY e{i} "{f"&e{i - 1};" * 10 if i else "ha"}">' for i in range(8))
    with zipfile.ZipFile(bomb, "w") as archive:
        archive.writestr("word/document.xml", f'<?xml version="1.0"?><!DOCTYPE d [{entities}]>'
                         '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                         "<w:body><w:p><w:r><w:t>&e7;</w:t></w:r></w:p></w:body></w:document>")
    with pytest.raises(LoadError, match=r"bomb\.docx: not a readable Word document"):
        viewer.load(bomb)


def test_a_word_table_with_merged_and_spanning_cells(tmp_path: Path) -> None:
    document = Document()
    table = document.add_table(rows=4, cols=3)
    for r, values in enumerate([("Date", "Event", "Place"), ("2019-01-01", "Meeting", "Paris"),
                                ("2019-02-01", "Call", ""), ("2019-03-01", "Visit", "Tokyo")]):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    table.cell(1, 2).merge(table.cell(2, 2))  # Paris for both rows, as Word shows it: kept in the first only
    path = tmp_path / "merged.docx"
    document.save(str(path))
    ds = viewer.load(path)
    assert list(ds.events["title"]) == ["Meeting", "Call", "Visit"]
    assert ds.events["attr:Place"].astype(object).fillna("").tolist() == ["Paris", "", "Tokyo"]


def test_documents_are_offered_by_the_open_dialog() -> None:
    assert {".docx", ".odt", ".md", ".markdown", ".pdf"} <= set(viewer.io.supported_suffixes())


NOTES = """Chronology (my notes)

2018
19 November - Carlos Ghosn is arrested in Tokyo.
  Held at the Kosuge detention centre.
22 November - Nissan removes him as chairman.

2019
2019-01-24 Ghosn resigns from Renault
12.03.2019: a new alliance board is announced
"""


def test_a_text_of_notes_is_read_from_its_lines_led_by_a_date(tmp_path: Path) -> None:
    """Before, a .txt of dated lines was refused: "no date column among Chronology (my notes)"."""
    path = tmp_path / "notes.txt"
    path.write_text(NOTES, encoding="utf-8")
    ds = viewer.load(path)
    assert _rows(ds) == [("2018-11-19", "Carlos Ghosn is arrested in Tokyo", ""),
                         ("2018-11-22", "Nissan removes him as chairman", ""),
                         ("2019-01-24", "Ghosn resigns from Renault", ""),
                         ("2019-03-12", "a new alliance board is announced", "")]
    assert "Kosuge detention centre" in ds.events["description"].iloc[0]  # an indented line is more of the one above
    assert list(ds.events["row"]) == [4, 6, 9, 10]  # each event by its line
    assert any("read the 4 lines led by a date" in str(p) for p in ds.problems)


def test_a_text_table_stays_a_table_and_prose_is_refused_as_before(tmp_path: Path) -> None:
    table = tmp_path / "table.txt"
    table.write_text("date\ttitle\n2019-01-01\tfirst\n2019-02-01\tsecond\n", encoding="utf-8")
    assert list(viewer.load(table).events["title"]) == ["first", "second"]
    prose = tmp_path / "prose.txt"
    prose.write_text("Dear editor,\nThe 1500 workers laid off deserve better.\nRegards\n", encoding="utf-8")
    with pytest.raises(LoadError, match=r"prose\.txt: no date column"):
        viewer.load(prose)


def test_a_saved_timeline_page_is_read_from_its_lists_under_year_headings() -> None:
    """A saved "Timeline of …" page (Wikipedia's markup): before, "no date column among column1, column2" (its
    infobox). Navigation, scripts, footnote marks, the contents, the footer and the references are no events; a
    term alone (``<dt>19 November</dt>``) dates the description under it."""
    ds = viewer.load(FIXTURES / "timeline_page.html")
    assert _rows(ds) == [("1999-03-27", "Renault takes a 36.8% stake in Nissan", ""),
                         ("1999-06-01", "Carlos Ghosn becomes COO of Nissan", ""),
                         ("2016-10-20", "Nissan takes 34% of Mitsubishi Motors", ""),
                         ("2018-11-19", "Carlos Ghosn is arrested in Tokyo", "")]
    assert ds.events["source_url"].iloc[2] == "https://www.mitsubishi-motors.com"
    assert any("read the page's 4 paragraphs led by a date" in str(p) and "Table 1" in str(p) for p in ds.problems)


def test_a_page_whose_table_has_dates_is_read_from_its_table(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text("<html><body><p>1 May 2020 – a note above the table.</p><table><tr><th>Date</th><th>Event</th>"
                    "</tr><tr><td>2019-01-01</td><td>first</td></tr><tr><td>2019-02-01</td><td>second</td></tr>"
                    "</table></body></html>", encoding="utf-8")
    assert list(viewer.load(path).events["title"]) == ["first", "second"]


def test_a_pdf_chronology_is_read_from_its_text() -> None:
    """A chronology printed to PDF (the fixture was written by Qt's QPdfWriter): its lines led by a date, a line the
    printer wrapped joined again, the words some writers part with tabs and the ligature "ﬁ" undone; the table's
    date alone dates the cell after it."""
    ds = viewer.load(FIXTURES / "chronology.pdf")
    assert [row[:2] for row in _rows(ds)] == [
        ("2018-11-19", "Carlos Ghosn is arrested in Tokyo on suspicion of under-reporting his compensation to the "
                       "financial regulator over sever…"),
        ("2018-11-22", "Nissan's board votes unanimously to remove him as chairman"),
        ("2019-01-24", "Ghosn resigns as chairman and chief executive of Renault"),
        ("2019-03-12", "The companies announce a new alliance operating board"),
        ("2019-04-04", "Fourth arrest")]
    assert ds.events["description"].iloc[0].endswith("to the financial regulator over several years")


def test_pdfs_without_text_damaged_or_locked_are_refused_by_name(tmp_path: Path) -> None:
    from pypdf import PdfWriter
    blank = tmp_path / "scan.pdf"
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.write(str(blank))
    with pytest.raises(LoadError, match=r"scan\.pdf: a PDF with no text to select"):
        viewer.load(blank)
    locked = tmp_path / "locked.pdf"
    writer = PdfWriter(clone_from=str(FIXTURES / "chronology.pdf"))
    writer.encrypt("secret")
    writer.write(str(locked))
    with pytest.raises(LoadError, match=r"locked\.pdf: an encrypted PDF"):
        viewer.load(locked)
    for name, data in (("half.pdf", (FIXTURES / "chronology.pdf").read_bytes()[:900]),
                       ("noise.pdf", b"%PDF-1.4\n" + bytes(range(256)) * 8)):
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(LoadError) as caught:
            viewer.load(path)
        assert str(path) in str(caught.value)


def test_a_list_of_years_over_lists_of_days(tmp_path: Path) -> None:
    path = tmp_path / "nested.md"
    path.write_text("# Timeline\n\n- 2019\n  - 12 March – board meets\n  - 4 April – arrest\n- 2020\n"
                    "  - 8 January: press conference in Beirut\n", encoding="utf-8")
    assert _rows(viewer.load(path)) == [("2019-03-12", "board meets", ""), ("2019-04-04", "arrest", ""),
                                        ("2020-01-08", "press conference in Beirut", "")]


def test_tables_under_the_same_header_are_read_as_one(tmp_path: Path) -> None:
    """A chronology kept as a table a year (the header written again on each): before, only the first table was
    read, the others' rows lost without a word."""
    document = Document()
    for year, rows in (("2018", [("19 November 2018", "Arrest")]),
                       ("2019", [("24 January 2019", "Resignation"), ("12 March 2019", "New board")])):
        document.add_heading(year, 2)
        table = document.add_table(rows=len(rows) + 1, cols=2)
        for r, values in enumerate([("Date", "Event"), *rows]):
            for c, value in enumerate(values):
                table.cell(r, c).text = value
    path = tmp_path / "yearly.docx"
    document.save(str(path))
    ds = viewer.load(path)
    assert list(ds.events["title"]) == ["Arrest", "Resignation", "New board"]
    page = tmp_path / "yearly.html"
    page.write_text("<h2>2018</h2><table><tr><th>Date</th><th>Event</th></tr><tr><td>2018-11-19</td><td>Arrest</td>"
                    "</tr></table><h2>2019</h2><table><tr><th>Date</th><th>Event</th></tr><tr><td>2019-01-24</td>"
                    "<td>Resignation</td></tr></table>", encoding="utf-8")
    assert list(viewer.load(page).events["title"]) == ["Arrest", "Resignation"]



def test_a_table_read_names_the_paragraphs_it_left(tmp_path: Path) -> None:
    document = Document()
    table = document.add_table(rows=3, cols=2)
    for r, values in enumerate([("Date", "Event"), ("2019-01-01", "a"), ("2019-02-01", "b")]):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    for text in ("12 March 2019 – a paragraph led by a date", "13 March 2019 – another"):
        document.add_paragraph(text)
    path = tmp_path / "both.docx"
    document.save(str(path))
    ds = viewer.load(path)
    assert list(ds.events["title"]) == ["a", "b"]
    assert any("2 paragraphs led by a date were not read" in str(p) for p in ds.problems)
    assert list(viewer.load(path, sheet="Dated paragraphs").events["title"]) == ["a paragraph led by a date",
                                                                                 "another"]


def test_prose_leads_on_and_in(tmp_path: Path) -> None:
    """A chronology written as sentences: "On 19 November 2018, …", "In March 2019, …"."""
    path = tmp_path / "prose.txt"
    path.write_text("Notes\n\nOn 19 November 2018, Carlos Ghosn was arrested in Tokyo.\nIn March 2019, a new board "
                    "was formed.\nIn 2020, he fled to Lebanon.\nIn Tokyo, prosecutors spoke.\nOn 1500 occasions "
                    "nothing happened.\n", encoding="utf-8")
    ds = viewer.load(path)
    assert [(str(s)[:10], p, t) for s, p, t in zip(ds.events["start"], ds.events["precision"], ds.events["title"],
                                                    strict=True)] == [
        ("2018-11-19", "day", "Carlos Ghosn was arrested in Tokyo"), ("2019-03-01", "month", "a new board was formed"),
        ("2020-01-01", "year", "he fled to Lebanon")]


RTF = (r"{\rtf1\ansi\ansicpg1252\deff0\deflang1033{\fonttbl{\f0\froman\fcharset0 Times New Roman;}"
       r"{\f1\fswiss\fcharset0 Arial;}}{\colortbl ;\red0\green0\blue0;}{\*\generator Riched20 10.0.19041}"
       "\r\n"
       r"\viewkind4\uc1\pard\sa200\sl276\slmult1\b\f1\fs28 Chronologie\b0\fs22\par" "\r\n"
       r"\pard 19 novembre 2018 \endash  Arrestation de Carlos Ghosn \'e0 Tokyo.\par" "\r\n"
       r"24 janvier 2019 \u8211? d\'e9mission de Renault.\par" "\r\n"
       r"\trowd\trgaph108\cellx2000\cellx6000\pard\intbl 12.03.2019\cell Nouveau conseil\cell\row" "\r\n"
       r"\pard\par" "\r\n}")


@pytest.mark.parametrize("name", ["chronologie.rtf", "chronologie.doc", "chronologie"])
def test_a_rich_text_chronology_under_any_name(tmp_path: Path, name: str) -> None:
    """Rich Text, as WordPad and Word save it, also under .doc (Word's "Save as Rich Text" kept the name) and
    with no suffix: before, it was read as JSON ("Expecting property name") or its bytes as a table's header."""
    path = tmp_path / name
    path.write_text(RTF, encoding="ascii")
    ds = viewer.load(path)
    assert [row[:2] for row in _rows(ds)] == [("2018-11-19", "Arrestation de Carlos Ghosn à Tokyo"),
                                              ("2019-01-24", "démission de Renault"),
                                              ("2019-03-12", "Nouveau conseil")]


def test_a_word_97_document_is_refused_saying_how_to_open_it(tmp_path: Path) -> None:
    """Before: "no date column among ÐÏà¡±á…", the OLE file's bytes read as a header."""
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 8)
    with pytest.raises(LoadError, match=r"old\.doc: a Word 97-2003 document \(\.doc\).*save it as \.docx"):
        viewer.load(path)


def test_a_doc_of_binary_bytes_is_refused_without_printing_them_and_a_text_doc_is_read(tmp_path: Path) -> None:
    """Before: "no date column among ÝÔ??ãjÐÉø", a damaged file's bytes read as a header."""
    path = tmp_path / "damaged.doc"
    path.write_bytes(bytes(np.random.default_rng(4).integers(0, 256, 3_000, dtype=np.uint8)))
    with pytest.raises(LoadError, match=r"damaged\.doc: neither a Word document nor a text") as refused:
        viewer.load(path)
    assert all(c.isascii() or c in "…–" for c in str(refused.value))
    text = tmp_path / "notes.doc"
    for encoding in ("utf-8", "utf-16"):  # (UTF-16 with its mark, as Notepad saves it)
        text.write_bytes("19 November 2018 – Ghosn arrested in Tokyo\n6 February 2023 – London\n".encode(encoding))
        assert viewer.load(text).event_count == 2


def test_an_outlook_message_is_refused_saying_what_it_is(tmp_path: Path) -> None:
    path = tmp_path / "mail.msg"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4000))
    with pytest.raises(LoadError, match=r"mail\.msg: an Office 97-2003 file \(an Outlook \.msg.*saved as \.eml"):
        viewer.load(path)
    real = tmp_path / "real.doc"
    real.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4000))  # (mostly zeros, as an OLE file is)
    with pytest.raises(LoadError, match=r"real\.doc: a Word 97-2003 document"):
        viewer.load(real)


@pytest.mark.parametrize(("fixture", "name", "count"), [
    ("chronology.pdf", "download", 5),  # a PDF without its suffix is known by its bytes
    # webmail's and intranets' "export to Word" writes HTML under .doc: it was read as delimited text
    ("timeline_page.html", "export.doc", 4),
])
def test_a_document_under_another_name_is_read_as_what_it_is(tmp_path: Path, fixture: str, name: str,
                                                             count: int) -> None:
    path = tmp_path / name
    path.write_bytes((FIXTURES / fixture).read_bytes())
    assert viewer.load(path).event_count == count


def test_a_document_that_unpacks_to_more_than_the_memory_free_is_refused_unparsed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A decompression bomb: 60 MB of XML in a .docx of 60 KB, with 10 MB free."""
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", '<w:document xmlns:w="http://schemas.openxmlformats.org/'
                         'wordprocessingml/2006/main"><w:body>' + " " * 60_000_000 + "</w:body></w:document>")
    monkeypatch.setenv("ENTENTE_FREE_MEMORY", str(10 * 2**20))
    with pytest.raises(LoadError, match=r"bomb\.docx: the file unpacks to 60 MB"):
        viewer.load(path)
