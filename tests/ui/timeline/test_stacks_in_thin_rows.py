"""A log of a dozen services whose logins share one second, opened from a fresh window with Ctrl+O: the lanes' rows
are thinner than a line of text, so no title is drawn, and each service's 80-odd logins at that second were one mark,
told by nothing (the "+N" of a pile needs a title beside it). Each lane's stack now has its "83 events" badge; a
click on it selects that lane's stack, which Details lists."""

from __future__ import annotations

import random
from pathlib import Path

import pandas as pd
import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from viewer.model.window import TimeWindow
from viewer.ui.shell.main_window import MainWindow

from ..window_reading import open_by_hand

SERVICES = [f"svc{i:02d}" for i in range(12)]


def _log(piled: int = 1000, spread: int = 300, each: bool = False) -> str:
    """``piled`` logins at one second, each by a service chosen at random (``each``: by each service in turn)."""
    chosen = random.Random(7)
    rows = ["date,title,actor"]
    by = [SERVICES[i % len(SERVICES)] if each else chosen.choice(SERVICES) for i in range(piled)]
    rows += [f"2024-03-05T10:00:00Z,Login by user {i},{service}" for i, service in enumerate(by)]
    rows += [f"2024-03-{chosen.randint(1, 28):02d}T{chosen.randint(0, 23):02d}:17:00Z,Other thing {i},"
             f"{chosen.choice(SERVICES)}" for i in range(spread)]
    return "\n".join(rows) + "\n"


def _stack_badges(window: MainWindow) -> list[int]:
    items = window.timeline.items
    return [i for i in range(len(items.badges)) if i in items._badges.piles]


def test_a_stack_in_thin_rows_is_counted_and_a_click_selects_it(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    window.resize(1280, 720)
    open_by_hand(qtbot, window, monkeypatch, tmp_path / "logins.csv", text=_log())
    window.timeline.grab()
    items = window.timeline.items
    assert not items.density_mode and not items.labelled  # thin rows: no title drawn
    stacks = _stack_badges(window)
    assert len(stacks) == len(SERVICES)  # one a service
    piles = [items._badges.piles[i] for i in stacks]
    assert sum(len(p) for p in piles) == 1000
    shown = {text for text, _ratio in items._badges._sprites}
    assert all(f"{len(p)} events" in shown for p in piles)
    box = items.badges[stacks[0]][0]
    centre = window.timeline.plot.mapFromScene(box.center())
    qtbot.mouseClick(window.timeline.plot.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(centre.x(), centre.y()))
    chosen = window.state.selection.events
    assert len(chosen) == len(piles[0]) and all(window.state.dataset.ids.get(e) is not None for e in chosen)
    details = window.details.html()
    assert details.count("Login by user") == len(piles[0]) and "Other thing" not in details


def test_three_at_one_instant_get_no_stack_badge(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    window.resize(1280, 720)
    open_by_hand(qtbot, window, monkeypatch, tmp_path / "few.csv", text=_log(piled=36, each=True))
    window.timeline.grab()
    assert not window.timeline.items.labelled
    assert not _stack_badges(window)  # three a service: under the four a badge needs


def test_a_stack_at_the_views_left_edge_is_counted_inside_the_plot(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    window.resize(1280, 720)
    open_by_hand(qtbot, window, monkeypatch, tmp_path / "logins.csv", text=_log())
    at = pd.Timestamp("2024-03-05T10:00:00Z").timestamp()
    window.state.set_window(TimeWindow(at - 60, at + 20 * 86400))  # the stacks a minute from the left edge
    window.timeline.grab()
    items = window.timeline.items
    stacks = _stack_badges(window)
    assert len(stacks) == len(SERVICES)
    plot_left = window.timeline.plot.getViewBox().sceneBoundingRect().left()
    assert all(items.badges[i][0].left() >= plot_left for i in stacks)  # right of their marks, not over the names
