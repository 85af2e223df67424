"""A chronology kept in a Word document, an OpenDocument text and a Markdown page, opened from a fresh window with
Ctrl+O: each dated paragraph is walked with the keys and read in Details with its text and source, and the
Problems list says which part of the document was read. Before, all three were refused as an unknown format.
A Word table of dates whose columns are not certain is asked about in the column-mapping dialog, as a workbook's
sheet is."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow

from ...io.test_documents import JOURNAL
from ..window_reading import open_by_hand, walked

FIXTURES = Path(__file__).resolve().parents[2] / "io" / "fixtures"


def _problems(window: MainWindow) -> list[str]:
    listed = window.problems.model
    return [str(listed.index(r, c).data()) for r in range(listed.rowCount()) for c in range(listed.columnCount())]


def test_a_word_chronology_is_walked_paragraph_by_paragraph(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "chronology.docx"
    shutil.copy(FIXTURES / "chronology.docx", path)
    assert open_by_hand(qtbot, window, monkeypatch, path) == []
    assert window.state.dataset.event_count == 6
    seen = walked(qtbot, window, 5)
    assert "Carlos Ghosn is arrested in Tokyo" in seen[0] and "2018" in seen[0]
    assert "He had led the company since 1999." in seen[1]
    assert "example.org/fca" in seen[4]
    assert "rebalanced in London" in seen[5]
    assert any("paragraphs led by a date" in text for text in _problems(window))


@pytest.mark.parametrize("name", ["chronologie.odt", "timeline.md", "timeline_page.html", "chronology.pdf",
                                  "chronologie.rtf"])
def test_other_documents_open(qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                              name: str) -> None:
    """An OpenDocument text, a Markdown timeline, a saved web page, a PDF and Rich Text."""
    path = tmp_path / name
    shutil.copy(FIXTURES / name, path)
    assert open_by_hand(qtbot, window, monkeypatch, path) == []
    seen = walked(qtbot, window, 2)
    first = {".odt": "Arrestation de Carlos Ghosn", ".pdf": "Carlos Ghosn is arrested in Tokyo",
             ".rtf": "Arrestation de Carlos Ghosn"}.get(
        path.suffix, "36.8% stake in Nissan")  # (.md, .html)
    assert first in seen[0]
    assert len({page for page in seen}) == 3  # each key reached another event


def test_a_word_table_with_uncertain_columns_is_asked_about(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from docx import Document
    document = Document()
    document.add_paragraph("Case file, as received.")
    table = document.add_table(rows=3, cols=3)
    for r, values in enumerate([("When", "What happened", "Notes"), ("19/11/2018", "Arrest", "Tokyo"),
                                ("24/01/2019", "Resignation", "Paris")]):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    path = tmp_path / "case.docx"
    document.save(str(path))
    asked = open_by_hand(qtbot, window, monkeypatch, path,
                         answer=lambda _dialog: QDialog.DialogCode.Accepted)
    assert asked, "the dialog was not shown"
    assert window.state.dataset.event_count == 2
    assert "Arrest" in walked(qtbot, window, 0)[0]


def test_a_text_of_notes_opens_without_a_question(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """A .txt of dated lines: no column to ask about, its lines walked (before, refused: no date column)."""
    from ...io.test_documents import NOTES
    assert open_by_hand(qtbot, window, monkeypatch, tmp_path / "notes.txt", text=NOTES) == []
    seen = walked(qtbot, window, 3)
    assert "Carlos Ghosn is arrested in Tokyo" in seen[0] and "Kosuge detention centre" in seen[0]
    assert "a new alliance board is announced" in seen[3]


def test_a_journal_s_dated_headings_are_walked_with_their_notes(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """A Markdown journal whose headings carry a date and a title ("## 2019-03-12 — Board meeting"): each is an
    event, the notes under it shown in Details (its notes were dropped and its heading named other events)."""
    assert open_by_hand(qtbot, window, monkeypatch, tmp_path / "journal.md", text=JOURNAL) == []
    arrest, board, talks, later = walked(qtbot, window, 3)
    assert "Arrest of Carlos Ghosn" in arrest
    assert "Board meeting" in board and "12 Mar 2019" in board and "A second paragraph." in board
    assert "Talks" in talks and "Mar 2020" in talks and "a later item" in later
