"""Names as people really type them, opened from a fresh window: a name written on two lines is one line in the
graph and in the relations table (it was drawn "HoldingBerlin", the line break dropped with no space)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow

from ..window_reading import details_after, open_by_hand, problems_typed


def test_a_name_on_two_lines_is_one_line_in_the_graph_and_the_table(qtbot: QtBot, window: MainWindow,
                                                                    write_dataset: Callable[..., Path],
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    folder = write_dataset("id,start,title,actors\nE1,2020-01-01,Deal,a;b\n",
                           'id,name,kind\na,"Holding\nBerlin",company\nb,"Target\r\n  GmbH",company\n',
                           "id,source,target,kind,value,valid_from\nR1,a,b,equity_stake,40,2019\n",
                           '{"title": "Names"}')
    assert open_by_hand(qtbot, window, monkeypatch, folder / "dataset.json") == []
    panel = window.relations
    qtbot.waitUntil(lambda: panel.node_ids() == {"a", "b"})
    drawn = dict(zip(panel.canvas.drawn[0].ids, panel.canvas.drawn[0].labels, strict=True))
    assert drawn == {"a": "Holding Berlin", "b": "Target GmbH"}
    table = window.relation_tools.table.view.model()
    assert [table.index(0, c).data(Qt.ItemDataRole.DisplayRole) for c in (0, 1)] == ["Holding Berlin", "Target GmbH"]


def test_a_name_holding_a_direction_override_is_said_in_problems(qtbot: QtBot, window: MainWindow,
                                                                 write_dataset: Callable[..., Path],
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """``Invoice\u202eslx.exe`` was drawn "Invoiceexe.xls" with no word: Problems names it with its override marked,
    and the name stays as written in the graph."""
    folder = write_dataset("id,start,title,actors\nE1,2020-01-01,Deal,a;b\n",
                           "id,name,kind\na,Invoice\u202eslx.exe,company\nb,Target,company\n",
                           "id,source,target,kind,value,valid_from\nR1,a,b,equity_stake,40,2019\n",
                           '{"title": "Names"}')
    assert open_by_hand(qtbot, window, monkeypatch, folder / "dataset.json") == []
    shown = problems_typed(qtbot, window, "override")
    assert len(shown) == 1 and "'Invoice<U+202E>slx.exe'" in shown["message"].iloc[0]
    assert shown["field"].iloc[0] == "name"
    panel = window.relations
    qtbot.waitUntil(lambda: panel.node_ids() == {"a", "b"})
    assert "Invoice\u202eslx.exe" in panel.canvas.drawn[0].labels
    # Details writes the override out, and the override no longer turns the next name round ("Target" read "tegraT")
    assert "Actors: Invoice<U+202E>slx.exe, Target" in details_after(qtbot, window, Qt.Key.Key_Home)


def test_a_name_with_its_accents_apart_is_the_same_entity(qtbot: QtBot, window: MainWindow,
                                                          write_dataset: Callable[..., Path],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """"Société" written with its accents as combining marks (as macOS writes names) was a second entity of kind
    unknown beside the first, and the relation went to it: now it is the entity the table names."""
    apart = "Socie\u0301te\u0301 Ge\u0301ne\u0301rale"
    folder = write_dataset(f"id,start,title,actors\nE1,2020-01-01,Deal,{apart};b\n",
                           "id,name,kind\nsg,Société Générale,company\nb,Target,company\n",
                           f"id,source,target,kind,value,valid_from\nR1,{apart},b,equity_stake,40,2019\n",
                           '{"title": "Names"}')
    assert open_by_hand(qtbot, window, monkeypatch, folder / "dataset.json") == []
    panel = window.relations
    qtbot.waitUntil(lambda: panel.node_ids() == {"sg", "b"})
    assert problems_typed(qtbot, window, "unknown").empty
    assert "Actors: Société Générale, Target" in details_after(qtbot, window, Qt.Key.Key_Home)
