"""The FDIC failed-bank list (../shared/realdata) opened in the window as a user would: every column kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from viewer.model import navigation
from viewer.ui.shell.main_window import MainWindow
from viewer.ui.shell.mapping_dialog import MappingDialog

REALDATA = Path(__file__).resolve().parents[3].parent / "shared" / "realdata"
FDIC = REALDATA / "csv" / "fdic_banklist_cp1252.csv"
pytestmark = [pytest.mark.realdata, pytest.mark.skipif(not FDIC.is_file(), reason="../shared/realdata is not present")]


@pytest.fixture
def fdic(qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    offered: list[str] = []

    def import_without_graph(dialog: MappingDialog) -> int:
        offered.append(dialog.graph.text())
        dialog.graph.setChecked(False)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(MappingDialog, "exec", import_without_graph)
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        window.open_path(str(FDIC))
    assert offered and "Acquiring Institution" in offered[0]  # the window offered the graph
    return window


def test_details_show_every_column_of_the_selected_bank(fdic: MainWindow) -> None:
    events = fdic.state.dataset.events
    fdic.state.select_event(str(events["id"].iloc[0]))
    html = fdic.details.browser.toPlainText()
    for name in ("City", "State", "Cert", "Acquiring Institution", "Fund"):
        assert name in html


def test_lanes_by_state_is_offered_and_draws_one_lane_per_state(fdic: MainWindow) -> None:
    combo = fdic.tools.group_by
    index = combo.findText("Lanes by State")
    assert index >= 0
    combo.setCurrentIndex(index)
    assert fdic.state.view.group_by == "attr:State"
    assert "IL" in fdic.timeline.lane_labels() or "GA" in fdic.timeline.lane_labels()


def test_searching_chicago_finds_every_chicago_bank(qtbot: QtBot, fdic: MainWindow) -> None:
    fdic.activateWindow()
    qtbot.keyClick(fdic, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(fdic.tools.filter_bar.search, "Chicago")
    qtbot.keyClick(fdic.tools.filter_bar.search, Qt.Key.Key_Return)
    ds = fdic.state.dataset
    matched = navigation.matches(ds, fdic.state.filters)
    chicago = (ds.events["attr:City"].astype(str).str.strip() == "Chicago").to_numpy()
    assert chicago.sum() == 20 and (matched & chicago).sum() == 20
