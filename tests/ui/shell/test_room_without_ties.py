"""A dataset without ties gets the room the relationship docks took: the graph said "No relations in this dataset"
in half the window and the relation tables sat empty beside Details. Driven from a fresh window with File → Open
(Ctrl+O), the View menu and the keys; a dataset with ties brings the docks back as they were, a dock the user
shows by hand stays, and the layout saved on close is the user's, not the fitted one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from viewer.model.dataset import Dataset
from viewer.paths import bundled_dataset
from viewer.ui.shared.state import ViewState
from viewer.ui.shell.main_window import MainWindow
from viewer.ui.shell.settings import Settings

from ...io.test_git_log import DEFAULT
from ..window_reading import details_after, menu_named, open_by_hand

RELATION_DOCKS = ("relationsDock", "relationHistoryDock", "relationsTableDock")


def _shown(window: MainWindow) -> dict[str, bool]:
    return {name: window.docks[name].isVisible() for name in RELATION_DOCKS}


def _layout(window: MainWindow) -> dict[str, int]:
    return {"timeline": window.timeline.width(), "details": window.details_dock.width(),
            "graph": window.relations_dock.width(), "table": window.docks["relationsTableDock"].width()}


def _open(qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, path: Path,
          text: str | None = None) -> None:
    assert open_by_hand(qtbot, window, monkeypatch, path, text=text) == []
    qtbot.wait(30)  # (the docks given back are sized once laid out again)


def test_the_docks_make_room_and_come_back_as_they_were(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    qtbot.wait(30)
    before = _layout(window)
    assert all(_shown(window).values())
    _open(qtbot, window, monkeypatch, tmp_path / "history.txt", DEFAULT)
    assert not any(_shown(window).values())
    assert window.timeline.width() > before["timeline"] + 300
    assert window.details_dock.width() > 0.95 * window.width()
    assert "make room for the timeline" in details_after(qtbot, window)
    assert "Read dates written by the parser" in details_after(qtbot, window, Qt.Key.Key_Home, Qt.Key.Key_Right)
    _open(qtbot, window, monkeypatch, bundled_dataset() / "dataset.json")
    assert all(_shown(window).values())
    after = _layout(window)
    assert all(abs(after[k] - before[k]) <= 4 for k in before), (before, after)
    assert window.docks["relationsTableDock"].visibleRegion().isEmpty() is False  # the table's tab in front


def test_a_dock_shown_by_hand_stays(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    _open(qtbot, window, monkeypatch, tmp_path / "history.txt", DEFAULT)
    view = menu_named(window, "&View")
    graph = window.relations_dock.toggleViewAction()
    assert graph in view.actions() and not graph.isChecked()
    graph.trigger()  # View → Relationships as of the cursor
    assert window.relations_dock.isVisible()
    _open(qtbot, window, monkeypatch, tmp_path / "other.txt", DEFAULT.replace("Ana Lopez", "Chen Wei"))
    assert window.state.dataset.meta.path.endswith("other.txt")
    assert window.relations_dock.isVisible() and not window.docks["relationsTableDock"].isVisible()
    assert window.relations.canvas.note.text().startswith("No relations in this dataset.")


def test_the_layout_saved_on_close_is_the_users(qtbot: QtBot, make_window: Callable[..., MainWindow],
                                                state: ViewState, alliance: Dataset, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    settings = Settings(tmp_path / "config" / "entente.ini")
    first = make_window(state, settings=settings)
    qtbot.wait(30)  # (a window made this instant is not yet the active one its Ctrl+O goes to)
    _open(qtbot, first, monkeypatch, tmp_path / "history.txt", DEFAULT)
    assert not any(_shown(first).values())
    first.close()
    again = make_window(ViewState(alliance), settings=Settings(tmp_path / "config" / "entente.ini"))
    qtbot.wait(30)
    assert all(_shown(again).values())  # the alliance, with the docks the user had
