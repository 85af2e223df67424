"""A dataset folder whose relations hold a stake of a company in itself (``Renault,Renault,stake``: treasury shares,
or a slip), opened in a fresh window with File → Open folder…: it loaded without a word. Problems now says it (the
file, its line, the entity, what was expected); the tie is kept and drawn as a loop beside its node while the cursor,
moved with the arrow keys on the timeline, is within its dates, and gone outside them (in *During the window* and
*Compare two dates* too), and nothing reaches a Qt slot as an exception (the ``no_silent_errors`` guard fails the test
if anything does)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow

from ..window_reading import open_folder_by_hand, problems_typed

LOOP = ("renault", "renault", "equity_stake")


def _dataset(folder: Path) -> Path:
    folder.mkdir()
    (folder / "dataset.json").write_text(json.dumps({"title": "Treasury shares", "default_window": {
        "start": "2019-01-01", "end": "2021-12-31", "cursor": "2019-02-01"}}), encoding="utf-8")
    (folder / "events.csv").write_text(
        "id,start,title,actors\ne1,2019-03-01,Alliance signed,renault;nissan\ne2,2019-09-01,Buy-back,renault\n"
        "e3,2020-06-01,Annual meeting,renault\ne4,2021-06-01,Shares cancelled,renault\n", encoding="utf-8")
    (folder / "entities.csv").write_text("id,name,kind\nrenault,Renault,company\nnissan,Nissan,company\n",
                                         encoding="utf-8")
    (folder / "relations.csv").write_text(
        "id,source,target,kind,value,valid_from,valid_to\nR1,renault,nissan,equity_stake,43.4,2019-01-01,\n"
        "T1,Renault,Renault,equity_stake,1.5,2019-06-01,2021-01-01\nN1,nissan,renault,equity_stake,15,2019-01-01,\n",
        encoding="utf-8")
    return folder


def test_a_stake_in_itself_is_said_and_drawn_as_a_loop_while_the_keys_move_the_cursor(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert open_folder_by_hand(qtbot, window, monkeypatch, _dataset(tmp_path / "treasury")) == []
    assert window.state.dataset.meta.title == "Treasury shares"
    panel, plot = window.relations, window.timeline.plot
    window.activateWindow()
    plot.setFocus()
    shown = []
    for key in (Qt.Key.Key_Home, Qt.Key.Key_Right, Qt.Key.Key_Right, Qt.Key.Key_Right, Qt.Key.Key_Left):
        QTest.keyClick(plot, key)
        qtbot.wait(30)
        window.grab()  # (drawn, labels placed: a loop of no length once raised here)
        shown.append(panel.edge_labels().get(LOOP))
    assert window.state.cursor.strftime("%Y-%m-%d") == "2020-06-01"  # back on the third event
    assert shown == [None, "1.5%", "1.5%", None, "1.5%"]  # within 1 Jun 2019 – 1 Jan 2021 only
    assert panel.edge_labels()[("renault", "nissan", "equity_stake")] == "43.4%"
    # the loop leaves Renault on the side away from Nissan, where it crosses none of the two arcs between them
    loop, renault, nissan = panel.edge_midpoint("T1"), panel.node_pos("renault"), panel.node_pos("nissan")
    away = (loop - renault).x() * (nissan - renault).x() + (loop - renault).y() * (nissan - renault).y()
    assert away < 0 and (loop - renault).manhattanLength() > 20
    qtbot.mouseClick(panel.canvas.viewport(), Qt.MouseButton.LeftButton, pos=loop)
    assert window.state.selection.relations == frozenset({"T1"})
    qtbot.mouseClick(panel.canvas.viewport(), Qt.MouseButton.LeftButton, pos=panel.node_pos("renault"))
    assert window.state.selection.entities == frozenset({"renault"})
    assert "1.5%" in window.details.html()  # its ties as of the cursor: the one in itself among them
    said = problems_typed(qtbot, window, "two different entities")
    assert len(said) == 1
    row = said.iloc[0]
    assert Path(str(row["file"])).name == "relations.csv" and int(row["row"]) == 3
    assert str(row["level"]) == "warning"
    assert str(row["message"]).startswith("Renault holds a stake in itself (equity stake, 1.5%): expected a tie "
                                          "between two different entities")
    assert "loop beside its node" in str(row["message"])
    for mode in ("window", "diff"):  # every tie of the window; what changed from its first day to the cursor
        qtbot.mouseClick(panel.header.mode_buttons[mode], Qt.MouseButton.LeftButton)
        window.grab()
        assert LOOP in panel.edge_labels(), mode
    assert panel.edge_changes()["T1"] == "added"
