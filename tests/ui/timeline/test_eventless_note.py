"""A dataset of no events, opened from a fresh window with Ctrl+O, says so on the timeline: a graph file, that its
ties are in the graph as of the cursor. Before, the timeline was a blank plot with no word why. A table of a header
and no row is refused (since stop 59; it opened saying it had no events, and the dataset before was gone), and the
note stays with the dataset shown. A dataset with events shows no note."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from viewer.ui.shell import dialogs
from viewer.ui.shell.main_window import MainWindow

from ..window_reading import open_by_hand

GRAPH = ('<?xml version="1.0" encoding="UTF-8"?><gexf xmlns="http://gexf.net/1.3" version="1.3">'
         '<graph mode="dynamic" defaultedgetype="directed" timeformat="date"><nodes><node id="r" label="Renault"/>'
         '<node id="n" label="Nissan"/><node id="m" label="Mitsubishi"/></nodes><edges>'
         '<edge id="0" source="r" target="n" start="1999-03-27"/>'
         '<edge id="1" source="n" target="m" start="2016-10-20"/>'
         "</edges></graph></gexf>")


def test_a_dataset_of_no_events_says_so_on_the_timeline(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    note = window.tools.eventless.label
    assert not note.isVisible()  # the alliance has events
    open_by_hand(qtbot, window, monkeypatch, tmp_path / "alliance.gexf", text=GRAPH)
    assert note.isVisible() and note.text().startswith("No events in this dataset: its 2 ties are in the graph")
    plot = window.timeline.plot
    assert plot.rect().contains(note.geometry().center())  # in the middle of the plot, not in a corner
    refused: list[str] = []
    monkeypatch.setattr(dialogs, "error", lambda parent, title, message, details="": refused.append(message))
    empty = tmp_path / "empty.csv"
    empty.write_text("date,title\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(empty)], ""))
    with qtbot.waitSignal(window.loader.failed, timeout=30_000):
        QTest.keySequence(window, QKeySequence(QKeySequence.StandardKey.Open))
    assert len(refused) == 1 and "no rows" in refused[0]
    assert note.isVisible() and note.text().startswith("No events in this dataset: its 2 ties are in the graph")
    open_by_hand(qtbot, window, monkeypatch, tmp_path / "events.csv", text="date,title\n2019-01-01,One\n")
    assert not note.isVisible()


def test_one_tie_is_said_in_the_singular(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """"its 1 tie are in the graph … to see them change"."""
    one = GRAPH.replace('<edge id="1" source="n" target="m" start="2016-10-20"/>', "")
    open_by_hand(qtbot, window, monkeypatch, tmp_path / "one.gexf", text=one)
    assert window.tools.eventless.label.text() == ("No events in this dataset: its 1 tie is in the graph, as of the "
                                                   "cursor. Drag the cursor or press Play (Space) to see it change.")
