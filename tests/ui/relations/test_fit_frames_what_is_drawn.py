"""Fit frames the entities drawn now. The panel frames every entity that can appear, so that nothing jumps as the
cursor moves; in a table of 300 people, a tie a year, the two drawn at the first tie stood 7 px apart in that frame,
their 7.5 px nodes one over the other and the tie between them hidden, and Fit framed them so again."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from pytestqt.qtbot import QtBot

from viewer.ui.relations.items import NodeArrays
from viewer.ui.shell.main_window import MainWindow

from ...conftest import REALDATA
from ..window_reading import accepting, open_by_hand


def _ties(path: Path) -> Path:
    rows = [f"{2010 + i % 10}-{1 + i % 12:02d}-{1 + i % 28:02d},Person {i},Person {(i * 7 + 1) % 300},Tie {i}"
            for i in range(300)]
    path.write_text("date,source,target,title\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def _nodes(window: MainWindow) -> NodeArrays:
    nodes = window.relations.canvas.nodes_item.nodes
    assert nodes is not None
    return nodes


def _drawn_apart(window: MainWindow) -> float:
    """The least distance in px between two nodes drawn, less their radii (negative: they overlap)."""
    nodes = _nodes(window)
    box = window.relations.canvas.viewbox
    at = np.array([[box.mapViewToScene(QPointF(float(x), float(y))).x(), box.mapViewToScene(QPointF(float(x),
                   float(y))).y()] for x, y in nodes.xy])
    gaps = [np.hypot(*(at[i] - at[j])) - nodes.radii[i] - nodes.radii[j]
            for i in range(len(at)) for j in range(i + 1, len(at))]
    return float(min(gaps))


def test_fit_frames_the_two_entities_drawn(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    window.resize(1280, 720)
    offered: list[str] = []
    open_by_hand(qtbot, window, monkeypatch, _ties(tmp_path / "ties.csv"), accepting(offered))
    window.timeline.setFocus()
    qtbot.keyClick(window.timeline, Qt.Key.Key_Home)
    panel = window.relations
    qtbot.waitUntil(lambda: len(_nodes(window).ids) == 2)
    qtbot.mouseClick(panel.header.fit, Qt.MouseButton.LeftButton)
    qtbot.wait(50)
    assert _drawn_apart(window) > 40  # their tie plainly between them
    box = panel.canvas.viewbox
    inside = [box.sceneBoundingRect().contains(box.mapViewToScene(QPointF(float(x), float(y))))
              for x, y in _nodes(window).xy]
    assert all(inside)


@pytest.mark.skipif(not (REALDATA / "csv" / "fdic_banklist_cp1252.csv").is_file(), reason="no ../shared/realdata")
def test_fit_on_the_fdic_bank_list_frames_the_banks_drawn(qtbot: QtBot, window: MainWindow,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """The FDIC's list of failed banks (a real file, in Windows-1252), each tie a bank and its acquirer: at its first
    failure the two banks drawn stood 11 px apart, their 7.5 px nodes overlapping, and Fit framed them so again."""
    window.resize(1280, 720)
    open_by_hand(qtbot, window, monkeypatch, REALDATA / "csv" / "fdic_banklist_cp1252.csv", accepting([]))
    window.timeline.setFocus()
    qtbot.keyClick(window.timeline, Qt.Key.Key_Home)
    qtbot.waitUntil(lambda: len(_nodes(window).ids) >= 2)
    qtbot.mouseClick(window.relations.header.fit, Qt.MouseButton.LeftButton)
    qtbot.wait(50)
    assert _drawn_apart(window) > 20
