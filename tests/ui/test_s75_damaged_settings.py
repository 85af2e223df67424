"""A window started on settings a crash, a disk error or a hand left damaged, or in a config folder that cannot be
made: it opens, on a view it can draw, and says what it cannot keep. Before, a saved window of ±1e300 seconds
raised at start (its dates overflowed), a moved node at 1e308 crashed Qt's painter (the process died), and a config
folder under a file (XDG_CONFIG_HOME set to a file, a read-only home) ended the start with a traceback."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from viewer.model.dataset import Dataset
from viewer.model.navigation import default_window
from viewer.ui.shared.state import ViewState
from viewer.ui.shell.main_window import MainWindow
from viewer.ui.shell.settings import Settings

from .conftest import Hand
from .window_reading import open_by_hand

TABLE = "date,title,actors\n2019-01-05,Board meets,renault\n2019-02-05,Deal signed,nissan\n"


def _used_by_hand(qtbot: QtBot, window: MainWindow, hand: Hand) -> None:
    """Keys and a wheel turn on the timeline, and a resize, as a user's first moments."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.timeline.plot.setFocus()
    for key in (Qt.Key.Key_Home, Qt.Key.Key_End, Qt.Key.Key_Minus, Qt.Key.Key_Plus):
        QTest.keyClick(window.timeline.plot, key)
    viewport = window.timeline.plot.viewport()
    hand.wheel(viewport, QPoint(viewport.width() // 2, viewport.height() // 2), 2)
    window.resize(1280, 720)
    qtbot.wait(50)


@pytest.mark.parametrize("saved", [
    {"window": [-1e300, 1e300], "cursor": "2019-01-01"},
    {"window": [1546646400.0, 1546646400.000001]},
    {"window": [1e15, 1e15 + 100], "cursor": "9999-01-01"},
    {"view": {"node_positions": {"renault": [1e308, -1e308], "nissan": [1e200, 0]}}},
], ids=["overflowing window", "microsecond window", "window past the clock", "nodes far away"])
def test_a_damaged_saved_view_opens_on_one_the_window_can_draw(
        qtbot: QtBot, make_window: Callable[..., MainWindow], alliance: Dataset, tmp_path: Path, hand: Hand,
        monkeypatch: pytest.MonkeyPatch, saved: dict[str, object]) -> None:
    settings = Settings(tmp_path / "config" / "entente.ini")
    table = tmp_path / "board.csv"
    table.write_text(TABLE, encoding="utf-8")
    settings.save_view_state(alliance.meta.key, saved)
    settings.save_view_state(str(table), saved)
    settings.sync()
    window = make_window(ViewState(alliance), settings=settings)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    _used_by_hand(qtbot, window, hand)
    open_by_hand(qtbot, window, monkeypatch, table)
    shown = window.state.window
    assert window.state.dataset.event_count == 2
    assert default_window(window.state.dataset).span / 1000 < shown.span < 1e9  # about the data, not 1e300
    assert all(abs(x) < 1e3 for _key, *xy in window.state.view.node_positions for x in xy)
    _used_by_hand(qtbot, window, hand)
    assert "Deal signed" in window.details.html()


def test_a_config_folder_that_cannot_be_made_is_said_and_the_window_works(
        qtbot: QtBot, make_window: Callable[..., MainWindow], alliance: Dataset, tmp_path: Path, hand: Hand,
        monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "config-is-a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(blocker))
    settings = Settings()  # as the app makes it at start
    window = make_window(ViewState(alliance), settings=settings)
    said = window.statusBar().currentMessage()
    assert f"Settings cannot be kept in {blocker / 'entente'}" in said and "Not a directory" in said
    _used_by_hand(qtbot, window, hand)
    window.close()  # the layout and the session saved where they cannot be: nothing raised
    assert blocker.read_text(encoding="utf-8") == ""


def test_a_settings_file_that_is_a_folder_is_said_and_kept(qtbot: QtBot, make_window: Callable[..., MainWindow],
                                                           alliance: Dataset, tmp_path: Path, hand: Hand) -> None:
    ini = tmp_path / "config" / "entente.ini"
    ini.mkdir(parents=True)
    (ini / "notes.txt").write_text("mine", encoding="utf-8")
    window = make_window(ViewState(alliance), settings=Settings(ini))
    assert "entente.ini is a folder" in window.statusBar().currentMessage()
    _used_by_hand(qtbot, window, hand)
    window.close()
    assert (ini / "notes.txt").read_text(encoding="utf-8") == "mine"
