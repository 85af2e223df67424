"""Names in the relationship panel's tooltips, from a fresh window with a folder opened by hand: each name kept
inside an isolate, so that a direction override in one (U+202E) no longer turned the whole tip round ("%11 7n → oC
desreveR", the arrow seeming to run the other way), and a 300-character name cut so the tip fits on the screen."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QHelpEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QToolTip, QWidget
from pytestqt.qtbot import QtBot

from viewer.ui.relations.tips import NAME_CHARACTERS, isolated
from viewer.ui.shell.main_window import MainWindow

from ..window_reading import open_folder_by_hand

FSI, PDI = "\u2068", "\u2069"
LONG = ("Holding " + "Amalgamated Industrial Trust Company " * 8)[:300]


def test_every_name_is_isolated_and_an_override_written_out() -> None:
    assert isolated("Renault Group") == f"{FSI}Renault Group{PDI}"
    assert isolated("\u202eReversed Co") == f"{FSI}<U+202E>Reversed Co{PDI}"  # as Details writes it
    assert isolated("شركة النفط") == f"{FSI}شركة النفط{PDI}"  # a right-to-left name keeps its letters
    assert isolated("\u202bNissan").count(PDI) == 2  # an embedding closed inside the name's own isolate
    assert isolated("Line\u2029Break\nCorp") == f"{FSI}Line Break Corp{PDI}"  # (a paragraph break ends an isolate)


def test_a_long_name_is_cut() -> None:
    cut = isolated(LONG)
    assert len(cut) == NAME_CHARACTERS + 2 and cut.endswith(f"…{PDI}") and cut.startswith(f"{FSI}Holding Amalgamated")


def _hover(qtbot: QtBot, viewport: QWidget, at: QPoint) -> str:
    """The tooltip a resting mouse brings up there (a move, then Qt's help event), as shown."""
    QApplication.sendEvent(viewport, QMouseEvent(QEvent.Type.MouseMove, QPointF(at), QPointF(viewport.mapToGlobal(at)),
                                                 Qt.MouseButton.NoButton, Qt.MouseButton.NoButton,
                                                 Qt.KeyboardModifier.NoModifier))
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, at, viewport.mapToGlobal(at)))
    qtbot.waitUntil(QToolTip.isVisible)
    return QToolTip.text()


def test_a_name_in_a_tip_cannot_turn_the_tip_round_nor_run_off_the_screen(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "odd"
    folder.mkdir()
    (folder / "dataset.json").write_text(json.dumps({"title": "Odd names", "default_window": {
        "start": "2004-01-01", "end": "2010-12-31", "cursor": "2008-06-01"}}), encoding="utf-8")
    (folder / "events.csv").write_text("id,start,title,actors\ne1,2006-03-01,Filing,rev\n", encoding="utf-8")
    (folder / "entities.csv").write_text(f"id,name,kind\nrev,\u202eReversed Co,company\nn7,Target,company\n"
                                         f"long,{LONG},company\n", encoding="utf-8")
    (folder / "relations.csv").write_text("id,source,target,kind,value,valid_from\nR6,rev,n7,equity_stake,11,2005\n"
                                          "R7,long,n7,equity_stake,5,2005\n", encoding="utf-8")
    assert open_folder_by_hand(qtbot, window, monkeypatch, folder) == []
    panel = window.relations
    qtbot.waitUntil(lambda: panel.node_ids() == {"rev", "n7", "long"})
    viewport = panel.canvas.viewport()
    tip = _hover(qtbot, viewport, panel.edge_midpoint("R6"))
    assert tip.splitlines()[0] == f"{FSI}<U+202E>Reversed Co{PDI} → {FSI}Target{PDI} 11%"
    assert tip.splitlines()[1:] == ["equity stake", "from 2005"]
    QToolTip.hideText()
    tip = _hover(qtbot, viewport, panel.node_pos("long"))
    assert tip.splitlines()[0] == isolated(LONG) and max(map(len, tip.splitlines())) <= NAME_CHARACTERS + 2
    shown = next(w for w in QApplication.topLevelWidgets() if w.inherits("QLabel") and w.isVisible()
                 and w.objectName() == "qtooltip_label")
    screen = window.screen().availableGeometry()
    assert shown.width() < screen.width()  # one line of 300 characters was wider than the screen
    QToolTip.hideText()
