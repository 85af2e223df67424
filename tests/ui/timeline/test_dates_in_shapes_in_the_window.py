"""Tables whose dates are written as mail, city open data, police logs and people write them, opened from a fresh
window with Ctrl+O and walked with the keys: each row lands at its instant. These columns are read in passes chosen
by the values' shapes (a rewrite only where a shape needs it, parts sliced out at a shape's places), and a file
of 2,000 rows is enough for each shape to stand for many values."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow

from ..window_reading import open_by_hand, pick

ROWS = 2_000
SPELLINGS = {
    "mail": ("%a, %d %b %Y %H:%M:%S +0000", "time"),  # Wed, 13 May 2020 13:39:53 +0000
    "city": ("%m/%d/%Y %I:%M:%S %p", "time"),  # 05/13/2020 01:39:53 PM
    "dotted": ("%d.%m.%Y %H:%M", "time"),  # 13.05.2020 13:39
    "weekday": ("%A, %B %d, %Y", "day"),  # Wednesday, May 13, 2020
}


@pytest.mark.parametrize("spelling", sorted(SPELLINGS))
def test_each_row_lands_at_its_instant(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch, spelling: str) -> None:
    form, precision = SPELLINGS[spelling]
    seconds = np.random.default_rng(3).integers(0, 5 * 365 * 86_400, ROWS)
    at = pd.DatetimeIndex(pd.Timestamp("2018-01-01") + pd.to_timedelta(seconds, unit="s")).floor(
        "min" if spelling == "dotted" else "s" if precision == "time" else "D")
    titles = [f"call {i}" for i in range(ROWS)]
    path = tmp_path / f"{spelling}.csv"
    pd.DataFrame({"When": at.strftime(form), "Title": titles}).to_csv(path, index=False)
    assert open_by_hand(qtbot, window, monkeypatch, path) == []  # (no question: the date column is plain)
    ds = window.state.dataset
    assert ds.event_count == ROWS and not [p for p in ds.problems if p.level in ("warning", "error")]
    placed = dict(zip(ds.events["title"], ds.events["start"].dt.tz_convert("UTC").dt.tz_localize(None), strict=True))
    assert [placed[title] for title in titles] == list(at)
    assert set(ds.events["precision"]) == {precision}
    window.timeline.setFocus()
    qtbot.keyClick(window.timeline, Qt.Key.Key_Home)
    assert placed[window.details.html().split("\n")[0]] == at.min()  # (one of the first, where several share a day)
    qtbot.keyClick(window.timeline, Qt.Key.Key_End)
    assert placed[window.details.html().split("\n")[0]] == at.max()


def test_a_crime_log_is_picked_by_its_primary_type(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Chicago's crimes (``05/13/2020 01:39:53 PM``, ``Primary Type``): each event's kind is its category, offered
    in the Categories picker and picked there by hand (it was an attribute only, and the picker was empty)."""
    kinds = np.random.default_rng(5).choice(["BATTERY", "THEFT", "NARCOTICS"], 300)
    seconds = np.random.default_rng(6).integers(0, 365 * 86_400, 300)
    at = pd.DatetimeIndex(pd.Timestamp("2020-01-01") + pd.to_timedelta(seconds, unit="s"))
    path = tmp_path / "Crimes_-_2020.csv"
    pd.DataFrame({"ID": range(11_938_226, 11_938_526), "Date": at.strftime("%m/%d/%Y %I:%M:%S %p"),
                  "Primary Type": kinds, "Description": "SIMPLE"}).to_csv(path, index=False)
    open_by_hand(qtbot, window, monkeypatch, path, lambda dialog: QDialog.DialogCode.Accepted)
    ds = window.state.dataset
    assert ds.event_count == 300 and list(ds.events.sort_values("id")["category"].astype(str)) == [
        kinds[int(i) - 11_938_226] for i in ds.events.sort_values("id")["id"]]
    bar = window.tools.filter_bar
    assert set(dict(bar.categories.offered())) == {"BATTERY", "THEFT", "NARCOTICS"}
    pick(bar.categories, "THEFT")
    assert window.state.filters.categories == frozenset({"THEFT"})
    window.timeline.setFocus()
    qtbot.keyClick(window.timeline, Qt.Key.Key_Home)
    assert "THEFT" in window.details.html()
