"""A table whose events name no actor (a city's crime log, a project's releases) opens in lanes by its category,
or in one lane when it has one category, rather than with every event in one "Other" lane; lanes by actor are
still there for the user to pick, and the next dataset with actors opens in lanes by actor again."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow

from ..window_reading import open_by_hand


def _calls(path: Path, kinds: list[str]) -> Path:
    rng = np.random.default_rng(8)
    at = pd.Timestamp("2011-01-01") + pd.to_timedelta(rng.integers(0, 90 * 86_400, 120), unit="s")
    pd.DataFrame({"Incident Date": at.strftime("%m/%d/%Y %I:%M:%S %p"), "Incident Type": rng.choice(kinds, 120),
                  "Address": "1 MAIN ST"}).to_csv(path, index=False)
    return path


def test_a_crime_log_opens_in_lanes_by_its_kinds_and_lanes_by_actor_stay_a_choice(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert window.tools.group_by.currentData() == "actor"
    open_by_hand(qtbot, window, monkeypatch, _calls(tmp_path / "calls.csv", ["THEFT", "ARSON", "FRAUD"]),
                 lambda _dialog: QDialog.DialogCode.Accepted)
    assert window.state.dataset.event_count == 120
    assert window.tools.group_by.currentData() == "category"
    assert window.tools.group_by.currentText() == "Lanes by category"
    assert sorted(window.timeline.lane_labels()) == ["ARSON", "FRAUD", "THEFT"]  # as written
    combo = window.tools.group_by
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key.Key_Up)  # "Lanes by actor", just above, as the user picks it
    assert window.state.view.group_by == "actor" and window.timeline.lane_labels() == ["Other"]
    window.timeline.setFocus()
    QTest.keyClick(window.timeline, Qt.Key.Key_Home)
    assert window.details.html()
    open_by_hand(qtbot, window, monkeypatch, _calls(tmp_path / "thefts.csv", ["THEFT"]),
                 lambda _dialog: QDialog.DialogCode.Accepted)
    assert window.tools.group_by.currentData() == "none" and window.timeline.lane_labels() == ["Events"]
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        window.open_path(None)  # the bundled alliance: its companies' lanes
    assert window.tools.group_by.currentData() == "actor"
    assert "Other" in window.timeline.lane_labels() and len(window.timeline.lane_labels()) > 2


def test_a_personal_export_opens_with_a_lane_for_each_of_its_lists(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """TikTok's user_data.json keeps each activity in a list of its own: all are read, one lane each."""
    watched = [{"Date": f"2023-01-{day:02d} 10:00:00", "Link": f"https://www.tiktokv.com/share/video/{day}/"}
               for day in range(1, 11)]
    export = {"Activity": {"Video Browsing History": {"VideoList": watched},
                           "Like List": {"ItemFavoriteList": watched[:4]},
                           "Search History": {"SearchList": [{"Date": "2023-01-05 12:00:00", "SearchTerm": "cats"}]}}}
    path = tmp_path / "user_data.json"
    path.write_text(json.dumps(export), encoding="utf-8")
    assert open_by_hand(qtbot, window, monkeypatch, path) == []
    assert window.state.dataset.event_count == 15
    assert window.tools.group_by.currentData() == "category"
    assert window.timeline.lane_labels() == ["Video Browsing History", "Like List", "Search History"]
    window.timeline.setFocus()
    QTest.keyClick(window.timeline, Qt.Key.Key_End)
    assert "share/video/10/" in window.details.html()  # the last video watched, 10 Jan
    QTest.keyClick(window.timeline, Qt.Key.Key_Left)
    QTest.keyClick(window.timeline, Qt.Key.Key_Left)
    assert window.details.html().startswith("Video Browsing History\n8 Jan 2023 10:00 UTC")  # two steps back
