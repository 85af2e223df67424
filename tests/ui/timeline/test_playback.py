"""Playback moves the shared cursor through the window at the chosen speed and stops at its end."""

from __future__ import annotations

import pandas as pd
import pytest

pytest.importorskip("pytestqt")

import viewer
from viewer.model.window import TimeWindow
from viewer.ui.relations.panel import RelationshipPanel
from viewer.ui.shared.state import ViewState
from viewer.ui.timeline.playback import Playback


@pytest.fixture
def playback(qtbot: object) -> Playback:
    state = ViewState(viewer.load())
    state.set_window(TimeWindow.between("2022-12-01", "2023-12-31"))
    state.move_cursor("2022-12-31")
    return Playback(state)


def test_play_starts_the_timer_and_pause_stops_it(playback: Playback) -> None:
    playback.play()
    assert playback.playing and playback.timer.interval() == 50
    playback.toggle()
    assert not playback.playing


def test_each_tick_moves_the_cursor_by_the_speed_over_twenty(playback: Playback) -> None:
    playback.set_speed("day")
    start = playback.state.cursor
    playback.tick(20)
    assert playback.state.cursor == start + pd.Timedelta(days=1)


def test_playing_for_real_moves_the_cursor_forward(qtbot, playback: Playback) -> None:
    playback.set_speed("year")
    start = playback.state.cursor
    playback.play()
    qtbot.waitUntil(lambda: playback.state.cursor > start + pd.Timedelta(days=20), timeout=3000)
    playback.pause()


def test_playback_stops_at_the_window_end(playback: Playback) -> None:
    playback.set_speed("year")
    playback.play()
    for _ in range(30):
        playback.tick()
    assert not playback.playing
    assert playback.state.cursor == playback.state.window.end_time


def test_playing_from_outside_the_window_starts_at_its_start(playback: Playback) -> None:
    playback.state.move_cursor("2010-01-01")
    playback.play()
    assert playback.state.cursor == playback.state.window.start_time
    playback.pause()


def test_an_unknown_speed_is_refused(playback: Playback) -> None:
    with pytest.raises(ValueError, match="speed"):
        playback.set_speed("fortnight")


def test_the_relationship_panel_steps_with_playback(qtbot, playback: Playback) -> None:
    panel = RelationshipPanel(playback.state)
    qtbot.addWidget(panel)
    assert panel.edge_labels()[("renault", "nissan", "equity_stake")] == "43.4%"
    playback.set_speed("quarter")
    for _ in range(4 * 20):  # a year of ticks: past the November 2023 rebalancing
        playback.tick()
    assert playback.state.cursor.year == 2023 and playback.state.cursor.month >= 12
    assert panel.edge_labels()[("renault", "nissan", "equity_stake")] == "15%"


def test_a_new_dataset_pauses_playback(playback: Playback) -> None:
    playback.play()
    playback.state.set_dataset(viewer.load())
    assert not playback.playing
