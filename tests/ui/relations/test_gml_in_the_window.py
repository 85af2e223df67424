"""A GML graph, opened from a fresh window with Ctrl+O: it was refused in a dialog with how to save it as GraphML;
it opens with its ties drawn as of its node's event, and a damaged one is refused in one dialog, the window going on
with what it showed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from viewer.ui.shell import dialogs
from viewer.ui.shell.main_window import MainWindow

from ...io.test_gml_pajek import GML
from ..window_reading import details_after, open_by_hand


def test_a_gml_graph_opens_and_draws_its_ties(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    assert open_by_hand(qtbot, window, monkeypatch, tmp_path / "alliance.gml", text=GML) == []
    assert "Mitsubishi Motors appears" in details_after(qtbot, window, Qt.Key.Key_Home)
    qtbot.waitUntil(lambda: len(window.relations.edge_labels()) == 2, timeout=3000)
    assert sorted(window.relations.edge_labels().values()) == ["34", "43.4%"]  # (a stake: a share)


def test_a_damaged_gml_graph_is_refused_in_one_dialog(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "error", lambda parent, title, message, details="": shown.append(message))
    path = tmp_path / "names.gml"
    path.write_bytes(b'graph [\n node [ id 1 label "x\xff\xfe" ]\n]\n')
    before = window.state.dataset
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(path)], ""))
    window.activateWindow()
    with qtbot.waitSignal(window.loader.failed, timeout=30_000):
        QTest.keySequence(window, QKeySequence(QKeySequence.StandardKey.Open))
    assert len(shown) == 1 and "a GML graph its reader stopped on" in shown[0]
    assert window.state.dataset is before
