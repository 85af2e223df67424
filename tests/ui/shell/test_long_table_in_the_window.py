"""A table long enough for the open path's second thread and coded columns, opened in the window as a user
would: its lanes, pickers and search answer as for any file."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from viewer.io import table_texts
from viewer.model import codes, navigation
from viewer.ui.shell.main_window import MainWindow

from ..window_reading import open_by_hand, pick, walked


@pytest.fixture
def long_table(tmp_path: Path) -> Path:
    count = max(table_texts.THREADED_FROM, codes.CODED_FROM) + 1_000
    rng = np.random.default_rng(12)
    days = pd.Timestamp("2015-01-01") + pd.to_timedelta(rng.integers(0, 3000, count), unit="D")
    frame = pd.DataFrame({
        "id": [f"R{i}" for i in range(count)],
        "date": days.strftime("%Y-%m-%d"),
        "title": [f"Shipment\u00a0{i} " for i in range(count)],
        "actors": rng.choice(["acme", "acme; globex", " initech ", ""], count),
        "category": rng.choice(["customs", "port", " rail"], count),
    })
    path = tmp_path / "shipments.csv"
    frame.to_csv(path, index=False)
    return path


def test_a_long_table_opens_with_its_lanes_pickers_and_search(qtbot: QtBot, window: MainWindow,
                                                              long_table: Path) -> None:
    with qtbot.waitSignal(window.loader.loaded, timeout=60_000):
        window.open_path(str(long_table))
    ds = window.state.dataset
    assert ds.event_count == max(table_texts.THREADED_FROM, codes.CODED_FROM) + 1_000
    assert {"Acme", "Globex", "Initech"} <= {label.capitalize() for label in window.timeline.lane_labels()}
    bar = window.tools.filter_bar
    offered = dict(bar.categories.offered())
    assert set(offered) == {"customs", "port", "rail"}  # trimmed once per distinct value
    rail = int((ds.events["category"] == "rail").sum())
    assert any(text.endswith(f"{rail:,}") or f"{rail:,}" in text for text in offered.values())
    pick(bar.categories, "rail")
    assert window.state.filters.categories == frozenset({"rail"})
    assert int(navigation.matches(ds, window.state.filters).sum()) == rail
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(bar.search, "Shipment 4711")
    qtbot.keyClick(bar.search, Qt.Key.Key_Return)
    assert window.state.filters.text == "Shipment 4711"  # the no-break space was read as a space
    matched = navigation.matches(ds, window.state.filters)
    expected = ds.events["title"].str.startswith("Shipment 4711") & (ds.events["category"] == "rail")
    assert matched.tolist() == expected.tolist() and 0 < matched.sum() <= 11
    assert ds.events["title"].str.fullmatch("Shipment 4711").sum() == 1


def test_a_long_table_with_a_repeated_id_names_it_in_problems(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """The ids of a long table are checked on the open path's second thread; one written twice is still renamed
    and said by its line, and the two events stay apart in the window."""
    count = table_texts.THREADED_FROM + 500
    frame = pd.DataFrame({"id": [f"R{i}" for i in range(count)],
                          "date": (pd.Timestamp("2001-01-01") + pd.to_timedelta(np.arange(count), unit="h")
                                   ).strftime("%Y-%m-%d %H:%M"),
                          "title": [f"Shipment {i}" for i in range(count)]})
    frame.loc[1, "id"] = "R0"  # the second row repeats the first's id
    path = tmp_path / "shipments.csv"
    frame.to_csv(path, index=False)
    open_by_hand(qtbot, window, monkeypatch, path)
    ds = window.state.dataset
    assert ds.event_count == count and ds.events["id"].is_unique
    listed = window.problems.model
    said = [" ".join(str(listed.index(r, c).data()) for c in range(listed.columnCount()))
            for r in range(listed.rowCount())]
    assert [text for text in said if "duplicate id" in text and "3" in text.split()]  # line 3 of the file
    seen = walked(qtbot, window, 1)
    assert "Shipment 0" in seen[0] and "Shipment 1" in seen[1]
