"""What the clipboard holds becomes a file of the right kind, which opens as a dataset."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

import viewer
from viewer.io import pasted

EXCEL = ("Date\tEvent\tWho\r\n2018-11-19\tGhosn arrested in Tokyo\tNissan\r\n"
         "2019-03-06\t\"Ghosn released\non bail\"\tNissan\r\n")
PAGE = ("<html><body><table><tr><th>Date</th><th>Event</th></tr><tr><td>2019-01-02</td><td>Renault buys</td></tr>"
        "<tr><td>2019-03-04</td><td>Nissan answers</td></tr></table></body></html>")


@pytest.mark.parametrize(("text", "html", "suffix"), [
    (EXCEL, None, ".tsv"),  # cells from a spreadsheet
    ("Date\tEvent\n2019-01-02\tRenault buys\n2019-03-04\tNissan answers\n", PAGE, ".tsv"),  # a page's table: its cells
    ("Date Event\n2019-01-02 Renault buys\n", PAGE, ".html"),  # the page's text without cells: its HTML
    ('[{"date": "2020-01-02", "title": "A"}]', None, ".json"),
    ("BEGIN:VCALENDAR\nVERSION:2.0\nEND:VCALENDAR\n", None, ".ics"),
    ("2019-01-24 Ghosn resigns\n2019-03-12 Board created\n", None, ".txt"),
    ("date,title\n2020-01-01,New year\n", None, ".txt"),  # a CSV: read as a text file is
    ("one line\twith a tab", None, ".txt"),  # one line is no block of cells
])
def test_the_clipboard_is_kept_as_its_kind(text: str, html: str | None, suffix: str) -> None:
    chosen = pasted.choose(text, html)
    assert chosen is not None and chosen.suffix == suffix


@pytest.mark.parametrize(("text", "html"), [(None, None), ("", None), ("\n \n", None), ("", "<p>no table</p>")])
def test_nothing_to_open_is_none(text: str | None, html: str | None) -> None:
    assert pasted.choose(text, html) is None


def test_pasted_cells_open_with_their_rows(tmp_path: Path) -> None:
    chosen = pasted.choose(EXCEL)
    assert chosen is not None
    path = pasted.save(chosen, tmp_path / "pasted", datetime(2026, 12, 6, 9, 30, 5))
    assert path.name == "Pasted 2026-12-06 09.30.05.tsv"
    dataset = viewer.load(path)
    assert list(dataset.events["title"]) == ["Ghosn arrested in Tokyo", "Ghosn released\non bail"]
    assert dataset.title == "Pasted 2026-12-06 09.30.05"


def test_a_page_table_without_a_charset_keeps_its_accents(tmp_path: Path) -> None:
    chosen = pasted.choose(None, "<table><tr><th>Date</th><th>Événement</th></tr><tr><td>2019-01-02</td>"
                                 "<td>Renault achète</td></tr><tr><td>2019-03-04</td><td>Nissan répond</td></tr>"
                                 "</table>")
    assert chosen is not None
    dataset = viewer.load(pasted.save(chosen, tmp_path))
    assert sorted(dataset.events["title"]) == ["Nissan répond", "Renault achète"]


def test_a_second_paste_in_the_same_second_keeps_the_first(tmp_path: Path) -> None:
    when = datetime(2026, 12, 6, 9, 30, 5)
    first = pasted.save(pasted.Pasted(".txt", "a\n"), tmp_path, when)
    second = pasted.save(pasted.Pasted(".txt", "b\n"), tmp_path, when)
    assert first != second and first.read_text() == "a\n" and second.read_text() == "b\n"
    assert second.name == "Pasted 2026-12-06 09.30.05 (2).txt"


def test_half_a_surrogate_pair_is_written_as_a_question_mark(tmp_path: Path) -> None:
    chosen = pasted.choose("date\ttitle\n2020-01-02\tBroken \ud800 emoji\n2020-01-03\tFine\n")
    assert chosen is not None
    dataset = viewer.load(pasted.save(chosen, tmp_path))
    assert sorted(dataset.events["title"]) == ["Broken ? emoji", "Fine"]
