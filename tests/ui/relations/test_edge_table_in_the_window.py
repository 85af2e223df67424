"""An edge table whose relation column names each tie's kind, opened from a fresh window with Ctrl+O and its
suggested ties kept: the graph draws a stake and a partnership between the same two companies side by side, each in
its house style, and the legend switches one kind off. Before, the table made no ties (or one kind for every row)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow

from ..conftest import Hand
from ..window_reading import accepting, details_after, drag_cursor, open_by_hand, problems_typed

EDGES = ("date,source,target,relation,share\n2019-01-01,Renault,Nissan,Equity stake,43.4%\n"
         "2019-01-01,Nissan,Renault,Equity stake,15%\n2020-01-01,Renault,Nissan,Partnership,\n"
         "2020-02-01,Renault,Daimler,,3.1%\n")


def _drawn(qtbot: QtBot, window: MainWindow, count: int) -> dict[tuple[str, str, str], str]:
    qtbot.waitUntil(lambda: len(window.relations.edge_labels()) == count, timeout=3000)
    return window.relations.edge_labels()


def test_each_row_draws_the_kind_its_relation_column_names(qtbot: QtBot, hand: Hand, window: MainWindow,
                                                            tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    offered: list[str] = []
    open_by_hand(qtbot, window, monkeypatch, tmp_path / "edges.csv", accepting(offered), text=EDGES)
    assert offered == ["Make entities and relations: source → target (kind from relation)"]
    assert "Source:" not in details_after(qtbot, window, Qt.Key.Key_End)  # its source column is a party, no link
    window.tools.presets["all"].trigger()
    drag_cursor(qtbot, hand, window, 2020.5)
    drawn = _drawn(qtbot, window, 4)
    assert set(drawn) == {("renault", "nissan", "equity_stake"), ("nissan", "renault", "equity_stake"),
                          ("renault", "nissan", "partnership"), ("renault", "daimler", "related_to")}
    assert drawn[("renault", "nissan", "equity_stake")] == "43.4%"
    legend = window.relations.legend.buttons
    assert [legend[k].text() for k in legend] == ["equity stake", "partnership", "related to"]
    QTest.mouseClick(legend["partnership"], Qt.MouseButton.LeftButton)  # the legend switches the kind off
    assert ("renault", "nissan", "partnership") not in _drawn(qtbot, window, 3)


def test_a_ties_problem_in_the_problems_panel_names_the_tables_columns(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A tie whose ``to_date`` is before its ``from_date``: the Problems panel, filtered as a user types, said
    "valid_to is before valid_from" in field ``valid_to``, names the file has not."""
    spells = ("source,target,relation,from_date,to_date\nRenault,Nissan,stake,1999-03-27,2023-11-08\n"
              "Nissan,Renault,stake,2002-03-01,1999-01-01\n")
    open_by_hand(qtbot, window, monkeypatch, tmp_path / "spells.csv", accepting([]), text=spells)
    said = problems_typed(qtbot, window, "relation skipped")
    assert len(said) == 1, said
    assert "to_date" in said.to_string() and "valid_" not in said.to_string()
