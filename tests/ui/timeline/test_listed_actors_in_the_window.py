"""A table saved by pandas with a column of lists ("['Renault', 'Nissan']"), opened from a fresh window with Ctrl+O:
its lanes are the actors, and a click on the first event names both (before, a lane was named
"['Renault', 'Nissan']")."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow

from ..window_reading import details_after, open_by_hand


def test_listed_actors_open_as_lanes_of_their_own(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "saved_by_pandas.csv"
    path.write_text("date,title,actors\n2019-01-01,Talks open,\"['Renault', 'Nissan']\"\n"
                    "2019-02-01,Board meets,\"['Nissan']\"\n2019-03-01,Plant opens,\"['Renault']\"\n",
                    encoding="utf-8")
    assert open_by_hand(qtbot, window, monkeypatch, path) == []
    assert sorted(window.timeline.lane_labels()) == ["Nissan", "Renault"]
    first = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Talks open" in first and "Renault" in first and "Nissan" in first and "[" not in first


def test_actors_joined_by_a_comma_open_in_each_ones_lane(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """A hand-made table writes "Renault, Nissan" for both: before, a third lane was named "Renault, Nissan"."""
    assert open_by_hand(qtbot, window, monkeypatch, tmp_path / "hand_made.csv", text=(
        'date,title,actors\n2019-01-01,Talks open,"Renault, Nissan"\n2019-02-01,Board meets,Nissan\n'
        "2019-03-01,Plant opens,Renault\n")) == []
    assert sorted(window.timeline.lane_labels()) == ["Nissan", "Renault"]
    first = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Talks open" in first and "Renault" in first and "Nissan" in first
