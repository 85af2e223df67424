"""A family tree (GEDCOM, the file genealogy programs export) opened from a fresh window with File → Open (Ctrl+O):
births, marriages and deaths are walked with the keys, and the relationship panel follows the cursor: married from
the wedding to a death or a divorce, a parent from the child's birth. Before, a .ged file was read as a one-column
table and refused ("no date column among column1"). The family is made up."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow

from ...io.test_gedcom import MORE
from ..window_reading import details_after, open_by_hand


def test_a_family_tree_opens_from_file_open_and_its_ties_follow_the_cursor(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "smith family.ged"
    path.write_text(MORE, encoding="utf-8")
    assert open_by_hand(qtbot, window, monkeypatch, path) == []
    ds = window.state.dataset
    assert window.windowTitle().startswith("smith family")
    table = window.relation_tools.table
    relations = ds.relations.set_index("id")

    def shown() -> list[tuple[str, str, str]]:
        names = ds.entities.set_index("id")["name"]
        return sorted((names[relations.loc[i, "source"]], relations.loc[i, "kind"], names[relations.loc[i, "target"]])
                      for i in table.visible_ids())

    first = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Birth of John Smith" in first and "London, England" in first
    qtbot.waitUntil(lambda: shown() == [], timeout=3000)  # no tie yet
    assert "Birth of Mary Jones" in details_after(qtbot, window, Qt.Key.Key_Right)
    married = details_after(qtbot, window, Qt.Key.Key_Right)
    assert "Marriage of John Smith and Mary Jones" in married and "Leeds" in married
    qtbot.waitUntil(lambda: shown() == [("John Smith", "spouse_of", "Mary Jones")], timeout=3000)
    born = details_after(qtbot, window, Qt.Key.Key_Right)
    assert "Birth of William Smith" in born
    qtbot.waitUntil(lambda: ("Mary Jones", "parent_of", "William Smith") in shown(), timeout=3000)
    last = details_after(qtbot, window, Qt.Key.Key_End)
    assert "Death of John Smith" in last and "about" in last  # ABT 1910: the qualifier is kept
    qtbot.waitUntil(lambda: ("John Smith", "spouse_of", "Mary Jones") not in shown(), timeout=3000)  # widowed


def test_a_span_whose_year_is_written_once_is_on_the_timeline(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Family Tree Maker writes "BET 01 JAN AND 31 AUG 1977": the year once, with the end. That fact was left off the
    timeline as a date that could not be read."""
    from ...io.test_gedcom import SAMPLE
    path = tmp_path / "ftm.ged"
    path.write_text(SAMPLE.replace("2 DATE 3 JUN 1880", "2 DATE BET 01 JAN AND 31 AUG 1977"), encoding="utf-8")
    open_by_hand(qtbot, window, monkeypatch, path)
    assert not [p for p in window.state.dataset.problems if "could not be read" in p.message]
    shown = details_after(qtbot, window, Qt.Key.Key_End)
    assert "1977" in shown and "between" in shown
