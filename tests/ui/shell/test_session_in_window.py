"""The window and the session: one redraw per panel when a dataset opens; every view choice survives a restart."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from pytestqt.qtbot import QtBot

from viewer.model.dataset import Dataset
from viewer.ui.relations.panel import RelationshipPanel
from viewer.ui.shared.state import ViewState
from viewer.ui.shell.main_window import MainWindow
from viewer.ui.shell.settings import Settings
from viewer.ui.timeline.panel import TimelinePanel


def test_opening_a_dataset_redraws_each_panel_once(window: MainWindow, alliance: Dataset,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    counts: dict[str, int] = {}

    def counting(cls: type, name: str) -> None:
        original = getattr(cls, name)

        def wrapper(self: object, *args: object, **kwargs: object) -> object:
            counts[name] = counts.get(name, 0) + 1
            return original(self, *args, **kwargs)

        monkeypatch.setattr(cls, name, wrapper)

    for cls, name in ((RelationshipPanel, "_refresh"), (TimelinePanel, "_rebuild"), (TimelinePanel, "_apply_window"),
                      (TimelinePanel, "_update_emphasis")):
        counting(cls, name)
    window.state.move_cursor("2020-01-01")
    window.state.select_event("E010")
    counts.clear()
    window.state.set_dataset(alliance)
    assert counts == {"_refresh": 1, "_rebuild": 1, "_apply_window": 1, "_update_emphasis": 1}


def test_every_view_choice_comes_back_in_a_new_window(qtbot: QtBot, make_window: Callable[..., MainWindow],
                                                      alliance: Dataset, tmp_path: Path) -> None:
    path = tmp_path / "entente.ini"
    first = make_window(ViewState(alliance), settings=Settings(path))
    state = first.state
    first.tools.group_by.setCurrentIndex(first.tools.group_by.findData("category"))
    first.timeline.toggle_lane("Legal")
    first.actions_by_name["hide_unmatched"].trigger()
    first.relations.header.mode_requested.emit("diff")
    first.relations.diff_view.set_dates("2019-06", "2022-01-15")
    first.relations.set_hidden_kinds(frozenset({"leadership"}))
    first.relations.people.click()
    first.tools.speed.setCurrentIndex(first.tools.speed.findData("year"))
    first.actions_by_name["theme_dark"].trigger()
    first.relations.set_node_positions({"renault": (0.1, 0.9)})
    state.move_cursor("2021-07-01")
    saved = (state.window, state.cursor, state.view)
    assert saved[2].group_by == "category" and saved[2].graph_mode == "diff" and saved[2].people
    assert saved[2].compare == (pd.Timestamp("2019-06-01", tz="UTC"), pd.Timestamp("2022-01-15", tz="UTC"))
    first.close()

    second = make_window(ViewState(alliance), settings=Settings(path))
    assert (second.state.window, second.state.cursor, second.state.view) == saved
    assert second.tools.group_by.currentData() == "category" and second.tools.speed.currentData() == "year"
    assert second.actions_by_name["theme_dark"].isChecked() and second.relations.mode() == "diff"
    second.actions_by_name["theme_system"].trigger()
