"""A bibliography as a reference manager exports it (Zotero's RIS, BibTeX, CSL JSON; EndNote's RIS saved as .txt),
opened from a fresh window with File → Open (Ctrl+O): the references are walked with the keys, and the relationship
panel follows the cursor: who had written with whom, and how often by then. Before, a .ris or .bib file was not a
format Entente knew, EndNote's .txt was asked about as a table, and CSL JSON was "JSON that Entente does not
recognise"."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow

from ..window_reading import details_after, open_by_hand

FIXTURES = Path(__file__).parents[2] / "io" / "fixtures"


@pytest.mark.parametrize("name", ["bibliography.ris", "bibliography.bib", "bibliography_csl.json", "endnote.txt"])
def test_a_bibliography_opens_and_its_co_authors_follow_the_cursor(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    path = tmp_path / name
    shutil.copy(FIXTURES / ("bibliography.ris" if name == "endnote.txt" else name), path)
    assert open_by_hand(qtbot, window, monkeypatch, path) == []  # no column mapping asked, .txt included
    ds = window.state.dataset
    assert ds.event_count == 8
    names = ds.entities.set_index("id")["name"]
    relations = ds.relations.set_index("id")
    table = window.relation_tools.table

    def shown(kind: str) -> dict[tuple[str, str], float]:
        rows = relations.loc[[i for i in table.visible_ids() if relations.loc[i, "kind"] == kind]]
        return {(names[r.source], names[r.target]): r.value for r in rows.itertuples()}

    first = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Notes on the Analytical Engine" in first and "Ada Lovelace" in first and "Charles Babbage" in first
    qtbot.waitUntil(lambda: shown("co_author") == {("Ada Lovelace", "Charles Babbage"): 1.0}, timeout=3000)
    assert "Stochastic models of card-driven looms" in details_after(qtbot, window, Qt.Key.Key_Right)
    third = details_after(qtbot, window, Qt.Key.Key_Right)
    assert "Difference engines revisited" in third and "José García-Márquez" in third
    qtbot.waitUntil(lambda: shown("co_author").get(("Ada Lovelace", "Charles Babbage")) == 2.0, timeout=3000)
    last = details_after(qtbot, window, Qt.Key.Key_End)
    assert "Engines that weave" in last and "conference paper" in last
    qtbot.waitUntil(lambda: ("Ana Müller", "Charles Babbage") in shown("co_author")
                    or ("Charles Babbage", "Ana Müller") in shown("co_author"), timeout=3000)


def test_a_damaged_bibtex_entry_is_said_and_the_others_open(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One entry without its key: before, pybtex's refusal lost the whole file; now the entry is skipped, the
    Problems panel names its line, and the entries before and after it are walked with the keys."""
    path = tmp_path / "refs.bib"
    path.write_text("@article{a1, author = {Lovelace, Ada}, title = {One}, year = {1843}}\n"
                    "@article{title = {No key}, author = {Babbage, Charles}, year = 1850}\n"
                    "@book{c3, author = {Turing, Alan}, title = {Three}, year = {1936}}\n", encoding="utf-8")
    before = path.read_bytes()
    assert open_by_hand(qtbot, window, monkeypatch, path) == []
    assert window.state.dataset.event_count == 2
    assert "One" in details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Three" in details_after(qtbot, window, Qt.Key.Key_Right)
    window.show_problems()
    qtbot.keyClicks(window.problems.filter, "damaged")
    said = window.problems.visible_frame()
    assert len(said) == 1
    assert "line 2" in " ".join(map(str, said.iloc[0].tolist())) and "key missing" in " ".join(
        map(str, said.iloc[0].tolist()))
    assert path.read_bytes() == before  # the file is left as it was


@pytest.mark.parametrize("name", ["pubmed.nbib", "pubmed-set.txt"])
def test_a_pubmed_export_opens_with_its_dates_as_written_and_its_co_authors(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """PubMed's "Save → PubMed format" (.txt) and "Send to citation manager" (.nbib): before, the .nbib was a format
    Entente did not know and the .txt was asked about as a table of one column."""
    path = tmp_path / name
    shutil.copy(FIXTURES / "pubmed.nbib", path)
    before = path.read_bytes()
    assert open_by_hand(qtbot, window, monkeypatch, path) == []
    assert window.state.dataset.event_count == 4
    first = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Difference engines revisited: a review" in first and "2018 Dec-2019 Jan" in first
    assert "Analytical Engine Study Group" in first and "review" in first
    second = details_after(qtbot, window, Qt.Key.Key_Right)
    assert "Notes on the Analytical Engine and the translation" in second and "analytical engine" in second
    ds = window.state.dataset
    names = ds.entities.set_index("id")["name"]
    relations = ds.relations.set_index("id")
    table = window.relation_tools.table
    qtbot.waitUntil(lambda: any({names[relations.loc[i, "source"]], names[relations.loc[i, "target"]]}
                                == {"Ada Lovelace", "Charles Babbage"} and relations.loc[i, "value"] == 2.0
                                for i in table.visible_ids()), timeout=3000)
    assert path.read_bytes() == before
