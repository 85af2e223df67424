"""A window opened on a dataset draws the view its user left, once: the saved session and the people choice are read
before any panel is made. (On a register of mostly people the panel drew the graph without people, then the
restored choice drew it again with them: at 150,000 ties a second spent on a graph nobody saw.)"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

import viewer
from viewer.model import graph
from viewer.ui.shared.state import ViewState
from viewer.ui.shell.main_window import MainWindow
from viewer.ui.shell.settings import Settings

OFFSHORE = Path(__file__).resolve().parents[2] / "io" / "fixtures" / "offshore_leaks"


@pytest.mark.parametrize("saved", [False, True])
def test_a_register_of_people_draws_its_graph_once_and_with_its_people(
        qtbot: QtBot, make_window: Callable[..., MainWindow], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, saved: bool) -> None:
    ds = viewer.load(OFFSHORE)
    assert graph.mostly_people(ds)
    settings = Settings(tmp_path / "entente.ini")
    if saved:  # the user left this file with people hidden and the cursor in 2012
        first = make_window(ViewState(ds), settings=settings)
        first.state.set_view(people=False)
        first.state.move_cursor("2012-06-01")
        first.persistence.save_session()
        first.close()
    asked: list[bool] = []
    real = graph.graph_at

    def counted(*args: Any, **kwargs: Any) -> graph.GraphView:
        asked.append(bool(kwargs.get("include_people")))
        return real(*args, **kwargs)

    monkeypatch.setattr(graph, "graph_at", counted)
    window = make_window(ViewState(viewer.load(OFFSHORE)), settings=settings)
    assert asked == [not saved]
    assert window.relations.people.isChecked() is (not saved)
    assert (window.state.cursor.year == 2012) is saved
    box = window.relations.people
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=box.rect().center())  # the box still works, by hand
    qtbot.waitUntil(lambda: len(asked) == 2)
    assert asked[-1] is saved and window.state.view.people is saved
