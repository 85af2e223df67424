"""Zoomed into a long range (an academic year, a war, a tenure) the bar crosses the whole window: with no room
after its end or before its start its title was not drawn at all, and the bar said nothing. Its label now goes on
the bar, from where the bar comes into view, on a backing; the other labels keep their places."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow

from ..conftest import Hand
from ..window_reading import open_by_hand

ROWS = ("date,end,title\n2019-09-01,2020-06-30,Academic year\n2019-10-14,,Midterms\n2019-12-16,,Winter break\n"
        "2020-03-02,,Spring term\n2020-05-25,,Finals\n")


def test_a_range_across_the_window_keeps_its_title_on_its_bar(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch, hand: Hand) -> None:
    path = tmp_path / "year.csv"
    path.write_text(ROWS, encoding="utf-8")
    window.resize(1280, 720)
    assert open_by_hand(qtbot, window, monkeypatch, path) == []
    timeline, viewport = window.timeline, window.timeline.plot.viewport()
    events = window.state.dataset.events.set_index("title")
    year = events.loc["Academic year"]
    hand.wheel(viewport, viewport.rect().center(), 6)  # into the middle of the year
    timeline.plot.grab()
    items = timeline.items
    shown = window.state.window
    assert year["start"].timestamp() < shown.start and shown.end < year["end"].timestamp(), "the bar crosses"
    assert int(window.state.dataset.events.index[window.state.dataset.events["title"] == "Academic year"][0]) \
        in items.labelled
    bar = timeline.event_scene_pos(year["id"])  # (its start, held at the left edge, and its row)
    assert bar is not None
    boxes = [b for b in items.label_boxes if abs(b.center().y() - bar.y()) < 2]
    assert len(boxes) == 1 and boxes[0].width() >= 64
    assert timeline.plot.viewport().rect().contains(boxes[0].toRect().center())
