"""On a source queried in place, the window's commands work as on a loaded file: the filter bar offers the
values the engine counted, Left / Right step through the events, and "Events in the window" streams them
to a file, all driven as a user drives them, from a fresh window with nothing selected."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

import viewer
from viewer.io.table_export import write_table
from viewer.model import navigation, query
from viewer.model.dataset import Dataset
from viewer.source.windowed import open_for_window
from viewer.ui.shared.check_menu import CheckMenuButton
from viewer.ui.shared.state import ViewState
from viewer.ui.shell import commands, dialogs
from viewer.ui.shell.engine_export import EngineExport
from viewer.ui.shell.main_window import MainWindow

from ..window_reading import pick, press

N = 3_000


@pytest.fixture(scope="module")
def table(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Events with distinct starts (so memory and the engine order them alike), actors, categories, tags."""
    rng = np.random.default_rng(11)
    start = pd.Timestamp("2016-01-01", tz="UTC") + pd.to_timedelta(
        np.sort(rng.choice(6 * 365 * 24, N, replace=False)) * 3600, unit="s")
    path = tmp_path_factory.mktemp("engine") / "events.parquet"
    actors = np.array(["renault", "nissan;renault", "mitsubishi", ""], dtype=object)
    pd.DataFrame({"id": [f"ev{i:05d}" for i in range(N)], "start": start,
                  "title": [f"Event {i}" for i in range(N)], "actors": actors[rng.integers(0, 4, N)],
                  "category": np.array(["legal", "capital", "people"], dtype=object)[rng.integers(0, 3, N)],
                  "tags": np.array(["press", "deal;press", ""], dtype=object)[rng.integers(0, 3, N)],
                  }).sample(frac=1.0, random_state=3).to_parquet(path, index=False, row_group_size=500)
    return path


@pytest.fixture(scope="module")
def loaded(table: Path) -> Dataset:
    return viewer.load(table)


@pytest.fixture
def engine_window(table: Path, make_window: Callable[..., MainWindow], qtbot: QtBot,
                  tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    window = make_window(ViewState(open_for_window(table)))
    assert window.state.dataset.source is not None and window.state.dataset.events.empty
    return window


def _offered(button: CheckMenuButton) -> list[tuple[str, int]]:
    return [(value, int(text.rsplit("(", 1)[1].rstrip(")").replace(",", ""))) for value, text in button.offered()]


def test_the_pickers_offer_what_the_engine_counted_and_a_pick_filters(engine_window: MainWindow, loaded: Dataset,
                                                                      qtbot: QtBot) -> None:
    bar = engine_window.tools.filter_bar
    qtbot.waitUntil(lambda: bar.categories.isEnabled() and bar.actors.isEnabled(), timeout=20_000)
    assert _offered(bar.categories) == navigation.facet_counts(loaded.events["category"])
    assert _offered(bar.actors) == navigation.facet_counts(loaded.events["actors"])
    assert _offered(bar.tags) == navigation.facet_counts(loaded.events["tags"])
    picked = bar.categories.offered()[1][0]
    pick(bar.categories, picked)
    assert engine_window.state.filters.categories == frozenset({picked})
    assert bar.categories.text() == "Categories (1)"


def _walk_in_memory(ds: Dataset, cursor: pd.Timestamp, keys: list[int], filters: object = None) -> list[str]:
    matched = navigation.matches(ds, filters) if filters is not None else None  # type: ignore[arg-type]
    out: list[str] = []
    current: str | None = None
    for step in keys:
        current = query.step_event(ds.events, current, cursor, step, matched) or current
        assert current is not None
        out.append(current)
    return out


def _wait_selected(qtbot: QtBot, window: MainWindow, event_id: str) -> None:
    qtbot.waitUntil(lambda: window.state.selection.events == frozenset({event_id}), timeout=20_000)


def test_left_and_right_step_through_the_events_as_in_memory(engine_window: MainWindow, loaded: Dataset,
                                                             qtbot: QtBot) -> None:
    state = engine_window.state
    assert not state.selection.events
    cursor = state.cursor
    steps = [-1, -1, -1, 1, 1, -1]  # the cursor starts at the end of the window
    expected = _walk_in_memory(loaded, cursor, steps)
    assert None not in expected and len(set(expected)) == 3
    for step, want in zip(steps, expected, strict=True):
        press(qtbot, engine_window, Qt.Key.Key_Right if step > 0 else Qt.Key.Key_Left)
        _wait_selected(qtbot, engine_window, want)
    row = loaded.events.set_index("id").loc[expected[-1]]
    assert state.cursor == row["start"]  # the cursor moved to the event, as in memory
    w = state.window
    assert w.start_time <= row["start"] <= w.end_time  # and the window shows it
    title = row["title"]
    qtbot.waitUntil(lambda: title in engine_window.details.html(), timeout=5_000)  # details of what was stepped on


def test_home_and_end_select_the_first_and_last_event_as_in_memory(engine_window: MainWindow, loaded: Dataset,
                                                                   qtbot: QtBot) -> None:
    """Home and End read the event table, which a source queried in place does not have: they did nothing."""
    for key, last in ((Qt.Key.Key_End, True), (Qt.Key.Key_Home, False), (Qt.Key.Key_End, True)):
        want = navigation.boundary_event(loaded.events, None, last)
        assert want is not None
        press(qtbot, engine_window, key)
        _wait_selected(qtbot, engine_window, want)
        row = loaded.events.set_index("id").loc[want]
        assert engine_window.state.cursor == row["start"]
        w = engine_window.state.window
        assert w.start_time <= row["start"] <= w.end_time


def test_a_step_takes_only_what_the_filters_match(engine_window: MainWindow, loaded: Dataset, qtbot: QtBot) -> None:
    bar = engine_window.tools.filter_bar
    qtbot.waitUntil(bar.tags.isEnabled, timeout=20_000)
    state = engine_window.state
    bar.search.setText("Event 1")
    QTest.keyClick(bar.search, Qt.Key.Key_Return)
    expected = _walk_in_memory(loaded, state.cursor, [-1, -1, -1], state.filters)
    matched = int(navigation.matches(loaded, state.filters).sum())
    label = engine_window.tools.matched_label  # the status bar counts the matches, as in memory
    qtbot.waitUntil(lambda: label.text() == navigation.match_summary(matched, N, 0), timeout=20_000)
    assert 0 < matched < N
    for want in expected:
        press(qtbot, engine_window, Qt.Key.Key_Left)
        _wait_selected(qtbot, engine_window, want)
    assert all(loaded.events.set_index("id").loc[i, "title"].startswith("Event 1") for i in expected)


def test_events_in_the_window_are_streamed_to_the_file_as_memory_writes_them(
        engine_window: MainWindow, loaded: Dataset, qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "window.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    engine_window.actions_by_name["export_events_table"].trigger()  # as the Export menu triggers it
    qtbot.waitUntil(lambda: not engine_window.exports and target.exists(), timeout=30_000)
    w = engine_window.state.window
    expected = tmp_path / "expected.csv"
    write_table(query.events_between(loaded.events, w.start_time, w.end_time), commands.EVENT_COLUMNS, expected)
    assert target.read_bytes() == expected.read_bytes()
    assert len(target.read_text().splitlines()) > 100
    assert "Exported" in engine_window.statusBar().currentMessage()


def test_a_failed_export_says_so_and_a_stopped_one_changes_nothing(
        engine_window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    said: list[str] = []
    monkeypatch.setattr(dialogs, "error", lambda _parent, _title, text: said.append(text))
    missing = tmp_path / "no such folder" / "window.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(missing), ""))
    engine_window.actions_by_name["export_events_table"].trigger()
    qtbot.waitUntil(lambda: bool(said), timeout=30_000)
    assert str(missing) in said[0] and not missing.exists()

    old = tmp_path / "old.csv"
    old.write_text("kept\n")
    w = engine_window.state.window
    job = EngineExport(engine_window.state.dataset.source, (w.start, w.end), commands.EVENT_COLUMNS, old)
    job.stop()  # before it starts: as a window closing at once
    job.start()
    job._thread.join(30)
    assert old.read_text() == "kept\n" and [p.name for p in tmp_path.iterdir() if p.name.startswith(".old")] == []


def test_a_closed_windows_panels_following_the_theme_leave_the_open_windows_source_alone(
        engine_window: MainWindow, table: Path, make_window: Callable[..., MainWindow], qtbot: QtBot) -> None:
    qtbot.waitUntil(engine_window.tools.filter_bar.categories.isEnabled, timeout=20_000)
    engine_window.close()  # its panels live on until deleted, and still follow the theme
    second = make_window(ViewState(open_for_window(table)))
    second.actions_by_name["theme_dark"].trigger()  # as View → Theme → Dark does
    bar = second.tools.filter_bar
    qtbot.waitUntil(lambda: bar.categories.isEnabled() and bar.tags.isEnabled(), timeout=20_000)
    press(qtbot, second, Qt.Key.Key_Left)
    qtbot.waitUntil(lambda: bool(second.state.selection.events), timeout=20_000)
