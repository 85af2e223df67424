"""A table whose keywords are written with commas ("legal, capital"), opened from a fresh window with Ctrl+O: the
Tags picker offers each keyword, and picking one keeps the events that carry it. Before, "legal, capital" was one
tag of its own, and picking "capital" found nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from viewer.model import navigation
from viewer.ui.shell.main_window import MainWindow

from ..window_reading import open_by_hand, pick


def test_comma_separated_keywords_are_picked_one_by_one(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    assert open_by_hand(qtbot, window, monkeypatch, tmp_path / "tagged.csv", text=(
        'date,title,tags\n2019-01-01,Merger filed,"legal, capital"\n2019-02-01,Court date,legal\n'
        "2019-03-01,Plant opens,strategy\n")) == []
    bar = window.tools.filter_bar
    assert set(dict(bar.tags.offered())) == {"legal", "capital", "strategy"}
    pick(bar.tags, "capital")
    assert window.state.filters.tags == frozenset({"capital"})
    ds = window.state.dataset
    assert ds.events["title"][navigation.matches(ds, window.state.filters)].tolist() == ["Merger filed"]
