"""A table whose every event names its own dozen participants (a paper's authors, a meeting's attendees),
opened in the window as a user would: lanes for the busiest participants, every participant offered in the
picker with its count, one of them found by the picker's search and checked there with a click. Their lists,
almost all distinct, are split in Arrow at once (viewer/model/lists.py), not one Python set per list."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from viewer.model import navigation
from viewer.ui.shell.main_window import MainWindow

from ..window_reading import pick

COUNT, PEOPLE = 20_000, 300


@pytest.fixture
def meetings(tmp_path: Path) -> tuple[Path, Counter[str]]:
    rng = np.random.default_rng(9)
    chosen = rng.integers(0, PEOPLE, (COUNT, 12))
    lists = [" ; ".join(f"p{j:03d}" for j in row) + ";" for row in chosen.tolist()]
    days = pd.Timestamp("2010-01-01") + pd.to_timedelta(rng.integers(0, 3000, COUNT), unit="D")
    path = tmp_path / "meetings.csv"
    pd.DataFrame({"id": [f"M{i}" for i in range(COUNT)], "date": days.strftime("%Y-%m-%d"),
                  "title": [f"Meeting {i}" for i in range(COUNT)], "actors": lists}).to_csv(path, index=False)
    return path, Counter(f"p{j:03d}" for row in chosen.tolist() for j in set(row))


def test_participant_lists_give_lanes_and_a_picker_counted_per_event(
        qtbot: QtBot, window: MainWindow, meetings: tuple[Path, Counter[str]]) -> None:
    path, per_person = meetings
    with qtbot.waitSignal(window.loader.loaded, timeout=60_000):
        window.open_path(str(path))
    QApplication.processEvents()
    busiest = [name for name, _ in sorted(per_person.items(), key=lambda item: (-item[1], item[0]))[:12]]
    assert window.timeline.lane_keys()[:12] == busiest
    picker = window.tools.filter_bar.actors
    offered = dict(picker.offered())
    assert set(offered) == set(per_person) and len(offered) == PEOPLE
    first = busiest[0]
    assert f"{per_person[first]:,}" in offered[first]
    picker.search.setText(first)  # typed into the picker's search, then its box clicked
    pick(picker, first)
    QApplication.processEvents()
    assert window.state.filters.actors == frozenset({first})
    assert int(navigation.matches(window.state.dataset, window.state.filters).sum()) == per_person[first]
