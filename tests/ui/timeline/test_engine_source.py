"""A window on a source too big to load: density tiles and a narrow window's rows come from a worker,
the UI thread never queries, and a burst of zooms asks only for the last view."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from viewer.model.window import TimeWindow
from viewer.source.engine import EngineSource
from viewer.source.tiles import tiles_for
from viewer.source.windowed import open_for_window
from viewer.ui.shared.state import ViewState
from viewer.ui.shell.main_window import MainWindow

N = 120_000
ACTORS = [f"a{i}" for i in range(8)]
SPAN_S = 20 * 365 * 86400
BASE = pd.Timestamp("2000-01-01", tz="UTC")


def _events(n: int, seed: int = 5) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    start = BASE + pd.to_timedelta(np.sort(rng.integers(0, SPAN_S, n)), unit="s")
    names = np.array(ACTORS, dtype=object)
    return pd.DataFrame({"id": [f"E{i:06d}" for i in range(n)], "start": start,
                         "title": [f"Event {i}" for i in range(n)],
                         "actors": names[rng.integers(0, len(ACTORS), n)],
                         "category": np.array(["legal", "deal", ""], dtype=object)[rng.integers(0, 3, n)]})


@pytest.fixture(scope="module")
def parts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A hive-partitioned folder (events/year=…/part.parquet) with entities and dataset.json beside it."""
    folder = tmp_path_factory.mktemp("parts")
    frame = _events(N)
    for year, rows in frame.groupby(frame["start"].dt.year):
        part = folder / "events" / f"year={year}"
        part.mkdir(parents=True)
        rows.to_parquet(part / "part.parquet", row_group_size=4_000, index=False)
    pd.DataFrame({"id": ACTORS, "name": [f"Actor {a}" for a in ACTORS]}).to_parquet(folder / "entities.parquet")
    (folder / "dataset.json").write_text(json.dumps({"title": "Parts", "principal": ACTORS[:4]}))
    return folder


@pytest.fixture
def engine_window(parts: Path, make_window: Callable[..., MainWindow], qtbot: QtBot) -> MainWindow:
    window = make_window(ViewState(open_for_window(parts)))
    _settle(window, qtbot)
    return window


def _settle(window: MainWindow, qtbot: QtBot) -> None:
    """Wait until no question is out and the last answer is drawn."""
    engine = window.timeline.engine
    assert engine is not None and engine.worker is not None
    worker = engine.worker
    qtbot.waitUntil(lambda: not worker.busy and not engine._soon.isActive(), timeout=20_000)
    QApplication.processEvents()


def _wheel(window: MainWindow, steps: int, delta: int = 120) -> None:
    viewport = window.timeline.plot.viewport()
    centre = QPointF(viewport.width() / 2, viewport.height() / 2)
    for _ in range(steps):
        event = QWheelEvent(centre, QPointF(viewport.mapToGlobal(centre.toPoint())), QPoint(0, 0),
                            QPoint(0, delta), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                            Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(viewport, event)


def test_a_partitioned_source_opens_without_loading_its_rows(engine_window: MainWindow) -> None:
    ds = engine_window.state.dataset
    assert ds.events.empty and isinstance(ds.source, EngineSource)
    assert ds.event_count == N
    assert f"{N:,} events" in engine_window.status_line.text.text()
    assert engine_window.timeline.lane_labels()[:4] == ["Actor a0", "Actor a1", "Actor a2", "Actor a3"]


def test_the_whole_span_is_drawn_as_exact_density_per_lane(engine_window: MainWindow, qtbot: QtBot) -> None:
    timeline = engine_window.timeline
    engine = timeline.engine
    assert engine is not None
    (t0, t1), _ = timeline.view.viewRange()
    picture = engine.picture(t0, t1, int(timeline.view.width()))
    assert picture is not None and picture.per_lane
    assert int(picture.counts.sum()) == N  # every event starts inside the fitted window, each in one lane
    assert not timeline.visible_event_ids()  # too many for marks: density, no rows asked
    overview = engine_window.tools.overview  # the estimate first, the exact totals once the worker is idle
    qtbot.waitUntil(lambda: int(overview.counts.sum()) == N, timeout=10_000)


def test_zooming_into_a_narrow_window_draws_the_rows_as_labelled_marks(engine_window: MainWindow,
                                                                       qtbot: QtBot) -> None:
    timeline = engine_window.timeline
    middle = BASE.timestamp() + SPAN_S / 2
    engine_window.state.set_window(TimeWindow(middle, middle + 20 * 86400))
    _settle(engine_window, qtbot)
    qtbot.waitUntil(lambda: bool(timeline.labelled_event_ids()), timeout=10_000)
    shown = timeline.visible_event_ids()
    assert 100 < len(shown) < 2_000
    source = engine_window.state.dataset.source
    assert source is not None
    expected = source.events(middle, middle + 20 * 86400)
    assert set(shown) == set(expected["id"])


def test_a_click_on_a_mark_shows_its_event_in_details(engine_window: MainWindow, qtbot: QtBot) -> None:
    timeline = engine_window.timeline
    middle = BASE.timestamp() + SPAN_S / 3
    engine_window.state.set_window(TimeWindow(middle, middle + 3 * 86400))
    _settle(engine_window, qtbot)
    qtbot.waitUntil(lambda: bool(timeline.visible_event_ids()), timeout=10_000)
    event_id = timeline.visible_event_ids()[0]
    pos = timeline.event_scene_pos(event_id)
    assert pos is not None
    point = timeline.plot.mapFromScene(pos)
    qtbot.mouseClick(timeline.plot.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.waitUntil(lambda: event_id in engine_window.state.selection.events, timeout=5_000)
    title = f"Event {int(event_id[1:])}"
    qtbot.waitUntil(lambda: title in engine_window.details.html(), timeout=5_000)


def test_a_burst_of_wheel_zooms_asks_the_engine_less_often_and_ends_on_the_last_view(
        engine_window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    source = engine_window.state.dataset.source
    assert isinstance(source, EngineSource)
    asked: list[tuple[float, float]] = []
    original = EngineSource.density

    def density(self: EngineSource, request: Any, token: Any = None) -> np.ndarray:
        asked.append((request.t0, request.t1))
        return original(self, request, token) if token is not None else original(self, request)

    monkeypatch.setattr(EngineSource, "density", density)
    worker = engine_window.timeline.engine.worker  # type: ignore[union-attr]
    assert worker is not None
    engine_busy = threading.Event()
    worker.ask(lambda token: engine_busy.wait(10), lambda _: None)  # a slow engine: the burst queues up
    steps = 12
    for _ in range(steps):
        _wheel(engine_window, 1)
        QApplication.processEvents()  # each step is its own frame, as when a user turns the wheel
    engine_busy.set()
    _settle(engine_window, qtbot)
    assert 0 < len(asked) < steps  # the steps the engine had no time for were skipped, not queried
    timeline = engine_window.timeline
    engine = timeline.engine
    assert engine is not None
    (t0, t1), _ = timeline.view.viewRange()
    pixels = int(timeline.view.width())
    key = (engine.spec, engine_window.state.filters)
    assert all(worker.tiles.cached(tile.request(*key)) is not None for tile in tiles_for(t0, t1, pixels))
    picture = engine.picture(t0, t1, pixels)  # the last view's exact tiles, cut to it
    assert picture is not None
    lo, hi = picture.first, picture.first + picture.width * picture.counts.shape[1]
    starts = source.events(lo, hi)["start"].map(lambda t: t.timestamp())
    assert int(picture.counts.sum()) == int(((starts >= lo) & (starts < hi)).sum())


def test_the_ui_thread_never_runs_an_engine_query(parts: Path, make_window: Callable[..., MainWindow],
                                                  qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    on_ui: list[str] = []
    for name in ("density", "events", "event", "count", "lane_keys", "_lane_keys", "longest"):
        original = getattr(EngineSource, name)

        def guarded(self: EngineSource, *args: Any, _original: Any = original, _name: str = name,
                    **kwargs: Any) -> Any:
            if threading.current_thread() is threading.main_thread() and _name in ("density", "events", "event",
                                                                                 "_lane_keys", "longest"):
                on_ui.append(_name)
            return _original(self, *args, **kwargs)

        monkeypatch.setattr(EngineSource, name, guarded)
    window = make_window(ViewState(open_for_window(parts)))
    _settle(window, qtbot)
    middle = BASE.timestamp() + SPAN_S / 4
    window.state.set_window(TimeWindow(middle, middle + 10 * 86400))
    _settle(window, qtbot)
    qtbot.waitUntil(lambda: bool(window.timeline.visible_event_ids()), timeout=10_000)
    window.state.select_event(window.timeline.visible_event_ids()[0])
    window.state.select_event("E000003")  # never drawn: details ask the worker
    qtbot.waitUntil(lambda: "Event 3" in window.details.html(), timeout=10_000)
    assert on_ui == []


def test_a_parquet_file_over_the_threshold_opens_in_place(tmp_path: Path, window: MainWindow, qtbot: QtBot,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    _events(30_000).to_parquet(tmp_path / "big.parquet", index=False)
    monkeypatch.setenv("ENTENTE_ENGINE_ROWS", "20000")
    window.opening.open_path(str(tmp_path / "big.parquet"))
    qtbot.waitUntil(lambda: window.state.dataset.source is not None, timeout=20_000)
    assert window.state.dataset.events.empty and window.state.dataset.event_count == 30_000
    monkeypatch.setenv("ENTENTE_ENGINE_ROWS", "50000")
    window.opening.open_path(str(tmp_path / "big.parquet"))
    qtbot.waitUntil(lambda: window.state.dataset.source is None, timeout=20_000)
    assert len(window.state.dataset.events) == 30_000


def test_lanes_never_asked_before_come_from_the_worker_while_one_lane_stands_in(
        parts: Path, make_window: Callable[..., MainWindow], qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # a first open: nothing remembered
    ds = open_for_window(parts)
    source = ds.source
    assert isinstance(source, EngineSource)
    assert not source.knows_lanes("actor", ds.meta.principal) and not source.knows_lanes("category")
    window = make_window(ViewState(ds))
    timeline = window.timeline
    assert timeline.lane_labels() == ["Events"]  # the stand-in, drawn at once
    _settle(window, qtbot)
    actor_lanes = [f"Actor {a}" for a in ACTORS[:4]]
    assert timeline.lane_labels()[:4] == actor_lanes
    combo = window.tools.group_by
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key.Key_Down)  # the user picks the next grouping with the keyboard
    assert window.state.view.group_by != "actor"
    _settle(window, qtbot)
    expected = {"category": ["Deal", "Legal", "Other"], "none": ["Events"]}[window.state.view.group_by]
    assert sorted(timeline.lane_labels()) == expected
    assert source.knows_lanes(window.state.view.group_by)  # remembered: the next switch draws at once
