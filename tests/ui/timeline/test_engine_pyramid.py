"""The pyramid in the window: a kept one draws the first per-lane picture before the engine answers,
a missing one is built beside the worker (tiles keep coming), and a build stops when the user moves on."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from viewer.model.dataset import Dataset
from viewer.model.window import TimeWindow
from viewer.source import indexes, pyramid
from viewer.source.base import CancelToken
from viewer.source.engine import EngineSource
from viewer.source.tiles import tiles_for
from viewer.source.windowed import lane_spec, open_for_window
from viewer.ui.shared.engine import SourceWorker
from viewer.ui.shared.state import ViewState
from viewer.ui.shell.main_window import MainWindow
from viewer.ui.timeline import engine_view
from viewer.ui.timeline.engine_view import EngineView

N = 40_000
ACTORS = [f"a{i}" for i in range(6)]
SPAN_S = 12 * 365 * 86400
BASE = pd.Timestamp("2004-01-01", tz="UTC")


@pytest.fixture(scope="module")
def parts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A hive-partitioned folder of N events over 12 years, six actors (the principal ones)."""
    folder = tmp_path_factory.mktemp("pyr")
    rng = np.random.default_rng(11)
    start = BASE + pd.to_timedelta(np.sort(rng.integers(0, SPAN_S, N)), unit="s")
    frame = pd.DataFrame({"id": [f"P{i:06d}" for i in range(N)], "start": start,
                          "title": [f"Item {i}" for i in range(N)],
                          "actors": np.array(ACTORS, dtype=object)[rng.integers(0, len(ACTORS), N)],
                          "category": np.array(["legal", "deal"], dtype=object)[rng.integers(0, 2, N)]})
    for year, rows in frame.groupby(frame["start"].dt.year):
        part = folder / "events" / f"year={year}"
        part.mkdir(parents=True)
        rows.to_parquet(part / "part.parquet", row_group_size=2_000, index=False)
    pd.DataFrame({"id": ACTORS, "name": [f"Actor {a}" for a in ACTORS]}).to_parquet(folder / "entities.parquet")
    (folder / "dataset.json").write_text(json.dumps({"title": "Pyr", "principal": ACTORS}))
    return folder


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache folder of the test's own, switched on (tests otherwise run without one)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("ENTENTE_NO_CACHE", "0")
    return tmp_path / "cache"


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Holds every pyramid build after its finest level (its folder half-written, its coarse levels
    handed over) until set; a cancelled build raises there."""
    opened = threading.Event()
    original = pyramid._scan

    def held(*args: Any) -> Path:
        path = original(*args)
        z: int = args[2]
        token: CancelToken = args[5]
        while z < pyramid.COARSE and not opened.wait(0.02):
            token.check()
        return path

    monkeypatch.setattr(pyramid, "_scan", held)
    yield opened
    opened.set()  # nothing waits past the test


def _parts_of(window: MainWindow) -> tuple[EngineView, SourceWorker]:
    engine = window.timeline.engine
    assert engine is not None and engine.worker is not None
    return engine, engine.worker


def _settle(window: MainWindow, qtbot: QtBot) -> None:
    engine, worker = _parts_of(window)
    qtbot.waitUntil(lambda: not worker.busy and not engine._soon.isActive(), timeout=20_000)
    QApplication.processEvents()


def _wheel(window: MainWindow, steps: int) -> None:
    viewport = window.timeline.plot.viewport()
    centre = QPointF(viewport.width() / 2, viewport.height() / 2)
    for _ in range(steps):
        event = QWheelEvent(centre, QPointF(viewport.mapToGlobal(centre.toPoint())), QPoint(0, 0), QPoint(0, 120),
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
                            False)
        QApplication.sendEvent(viewport, event)
        QApplication.processEvents()


def _held_at_the_fine_levels(parts: Path, make_window: Callable[..., MainWindow], qtbot: QtBot
                             ) -> tuple[MainWindow, EngineView, SourceWorker]:
    """A window on the source whose pyramid build is held (by ``gate``) once its finest level is counted."""
    window = make_window(ViewState(open_for_window(parts)))
    engine, worker = _parts_of(window)
    qtbot.waitUntil(lambda: engine.preparing is not None and engine.preparing >= 0.6, timeout=20_000)
    return window, engine, worker


def _record_density(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The widths of the density questions the engine is asked from now on."""
    asked: list[float] = []
    original = EngineSource.density

    def density(self: EngineSource, request: Any, token: Any = None) -> np.ndarray:
        asked.append(request.t1 - request.t0)
        return original(self, request, token) if token is not None else original(self, request)

    monkeypatch.setattr(EngineSource, "density", density)
    return asked


def _zoom(window: MainWindow) -> int:
    """The zoom of the tiles the view asks for."""
    (t0, t1), _ = window.timeline.view.viewRange()
    return tiles_for(t0, t1, int(window.timeline.view.width()))[0].z


def _exact_tiles_cached(window: MainWindow) -> bool:
    engine, worker = _parts_of(window)
    (t0, t1), _ = window.timeline.view.viewRange()
    key = (engine.spec, window.state.filters)
    tiles = tiles_for(t0, t1, int(window.timeline.view.width()))
    return all(worker.tiles.cached(t.request(*key)) is not None for t in tiles)


def test_a_kept_pyramid_draws_per_lane_density_before_the_engine_answers(
        parts: Path, cache: Path, make_window: Callable[..., MainWindow], qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    first = open_for_window(parts)
    source = first.source
    assert isinstance(source, EngineSource) and source.fingerprint is not None and source.pyramids == []
    pyramid.build(source, source.fingerprint, lane_spec(source, "actor", first.meta.principal))
    answered: list[float] = []
    engine_free = threading.Event()
    original = EngineSource.density

    def held(self: EngineSource, request: Any, token: Any = None) -> np.ndarray:
        engine_free.wait(20)  # the engine is slow today: nothing comes from it until the test says so
        answered.append(request.t0)
        return original(self, request, token) if token is not None else original(self, request)

    monkeypatch.setattr(EngineSource, "density", held)
    try:
        window = make_window(ViewState(open_for_window(parts)))
        engine, worker = _parts_of(window)
        assert worker.tiles.pyramid_for(engine.spec) is not None and not worker.building
        qtbot.waitUntil(lambda: engine.item._image.shape[1] > 1, timeout=10_000)  # the picture was painted
        (t0, t1), _ = window.timeline.view.viewRange()
        picture = engine.picture(t0, t1, int(window.timeline.view.width()))
        assert picture is not None and picture.per_lane
        assert (picture.counts.sum(axis=1) > 0).sum() == len(ACTORS)  # every actor's lane has its own counts
        assert int(picture.counts.sum()) > 0.95 * N
        assert engine.item._image[..., 3].any()
        assert answered == []
        assert "Preparing" not in engine.hint.text()
    finally:
        engine_free.set()
    _settle(window, qtbot)


def test_a_fresh_source_builds_its_pyramid_while_narrow_tiles_keep_arriving(
        parts: Path, cache: Path, gate: threading.Event, make_window: Callable[..., MainWindow],
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    window, engine, worker = _held_at_the_fine_levels(parts, make_window, qtbot)
    assert worker.building and engine.hint.isVisible() and "Preparing the timeline…" in engine.hint.text()
    asked = _record_density(monkeypatch)
    assert _zoom(window) >= pyramid.COARSE  # the whole span
    qtbot.waitUntil(lambda: _exact_tiles_cached(window), timeout=10_000)  # the whole span: from the coarse levels
    held = worker.tiles.pyramid_for(engine.spec)
    assert held is not None and not held.complete and min(held.levels) == pyramid.COARSE
    while _zoom(window) >= pyramid.COARSE:  # months to years wide, finer than the coarse levels: the build
        _wheel(window, 1)  # under way answers these
    _settle(window, qtbot)
    (t0, t1), _ = window.timeline.view.viewRange()
    assert engine_view.PYRAMID_FINEST <= _zoom(window) < pyramid.COARSE
    assert asked == [] and not _exact_tiles_cached(window)
    (t0, t1), _ = window.timeline.view.viewRange()
    assert engine.picture(t0, t1, int(window.timeline.view.width())) is not None  # a picture meanwhile
    middle = BASE.timestamp() + SPAN_S / 2
    window.state.set_window(TimeWindow(middle, middle + 3 * 86400))  # finer than any level: the engine
    _settle(window, qtbot)
    assert asked and _exact_tiles_cached(window)  # answered while the build waits
    assert worker.building and not worker.tiles.pyramid_for(engine.spec).complete  # type: ignore[union-attr]
    window.state.set_window(TimeWindow(t0, t1))
    _settle(window, qtbot)
    assert not _exact_tiles_cached(window)
    index_held = threading.Event()
    original_index = indexes.build_long_index

    def held_index(*args: Any, **kwargs: Any) -> Any:
        index_held.wait(20)  # the long-events index, built after the pyramid, takes its time
        return original_index(*args, **kwargs)

    monkeypatch.setattr(indexes, "build_long_index", held_index)
    gate.set()
    qtbot.waitUntil(lambda: _exact_tiles_cached(window), timeout=20_000)  # the pyramid's arrival asks again
    assert worker.building  # while the index is still being built
    index_held.set()
    qtbot.waitUntil(lambda: worker.tiles.pyramid_for(engine.spec).complete, timeout=20_000)  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: not worker.building and engine.preparing is None, timeout=20_000)
    source = window.state.dataset.source
    assert isinstance(source, EngineSource) and source.fingerprint is not None
    assert pyramid.Pyramid.find(source.fingerprint, engine.spec) is not None
    qtbot.waitUntil(lambda: source.long_index is not None, timeout=5_000)  # the narrow windows' index came with it
    window.state.set_view(group_by="category")  # other lanes: their own pyramid, built on demand
    qtbot.waitUntil(lambda: engine.spec.group_by == "category", timeout=5_000)
    qtbot.waitUntil(lambda: worker.tiles.pyramid_for(engine.spec) is not None, timeout=20_000)
    _settle(window, qtbot)


def test_while_the_fine_levels_are_counted_a_narrow_view_asks_the_engine_and_a_wide_one_waits(
        parts: Path, cache: Path, gate: threading.Event, make_window: Callable[..., MainWindow],
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    window, _engine, worker = _held_at_the_fine_levels(parts, make_window, qtbot)
    asked = _record_density(monkeypatch)
    start = BASE.timestamp() + SPAN_S / 3
    for share, engine_asked in ((1 / 6, False), (1 / 40, True)):
        window.state.set_window(TimeWindow(start, start + share * SPAN_S))
        _settle(window, qtbot)
        assert engine_view.PYRAMID_FINEST <= _zoom(window) < pyramid.COARSE  # levels still being counted
        assert bool(asked) == engine_asked and _exact_tiles_cached(window) == engine_asked
    assert worker.pyramid_pending


def test_whole_span_scans_that_can_wait_wait_for_the_pyramid(
        parts: Path, cache: Path, gate: threading.Event, make_window: Callable[..., MainWindow],
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    """The overview's exact totals and the filter bar's value counts are scans of every event: while the
    pyramid is built they wait (the strip shows the estimate, the pickers say they are counting), so the
    build has the machine; then they come, on a connection of their own."""
    scans: list[str] = []
    density, facets = EngineSource.density, EngineSource.facets

    def whole(self: EngineSource, request: Any, token: Any = None) -> np.ndarray:
        if request.lanes.group_by == "none":
            scans.append("overview")
        return density(self, request, token) if token is not None else density(self, request)

    def counted(self: EngineSource, field: str) -> Any:
        scans.append(field)
        return facets(self, field)

    monkeypatch.setattr(EngineSource, "density", whole)
    monkeypatch.setattr(EngineSource, "facets", counted)
    window, _engine, worker = _held_at_the_fine_levels(parts, make_window, qtbot)
    qtbot.wait(1_500)  # longer than the strip and the bar wait between looks
    assert worker.pyramid_pending and scans == []
    assert window.tools.overview.counts.sum() > 0  # the row-group estimate meanwhile
    assert not window.tools.filter_bar.actors.isEnabled()
    gate.set()
    qtbot.waitUntil(lambda: "overview" in scans and "actors" in scans, timeout=20_000)
    qtbot.waitUntil(window.tools.filter_bar.actors.isEnabled, timeout=20_000)
    qtbot.waitUntil(lambda: int(window.tools.overview.counts.sum()) == N, timeout=20_000)  # exact now
    _settle(window, qtbot)


@pytest.mark.parametrize("move_on", ["another dataset", "the window closes"])
def test_a_build_stops_when_the_user_moves_on_and_leaves_nothing(
        move_on: str, parts: Path, cache: Path, gate: threading.Event, alliance: Dataset,
        make_window: Callable[..., MainWindow], qtbot: QtBot) -> None:
    window, engine, worker = _held_at_the_fine_levels(parts, make_window, qtbot)
    source = window.state.dataset.source
    assert isinstance(source, EngineSource) and source.fingerprint is not None
    folder = pyramid.root() / source.fingerprint
    assert any(p.name.startswith(".") for p in folder.iterdir())  # the build's half-written folder
    if move_on == "another dataset":
        window.state.set_dataset(alliance)
    else:
        window.close()
    qtbot.waitUntil(lambda: not worker.building, timeout=20_000)
    assert pyramid.Pyramid.find(source.fingerprint, engine.spec) is None
    assert not [p for p in folder.rglob("*") if p.suffix == ".parquet" or p.name.startswith(".")]
    if move_on == "another dataset":
        assert engine.preparing is None and not engine.hint.isVisible()


def test_neither_the_build_nor_a_kept_pyramid_reaches_the_ui_thread(
        parts: Path, cache: Path, window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    on_ui: list[str] = []

    def guard(owner: Any, name: str) -> None:
        original = getattr(owner, name)

        def guarded(*args: Any, **kwargs: Any) -> Any:
            if threading.current_thread() is threading.main_thread():
                on_ui.append(name)
            return original(*args, **kwargs)

        monkeypatch.setattr(owner, name, guarded)

    for name in ("density", "events", "event"):
        guard(EngineSource, name)
    guard(pyramid, "build")
    guard(indexes, "prepare")
    guard(pyramid.Pyramid, "load_small")
    _open_and_zoom(window, parts, qtbot, kept=False)  # built the first time
    _open_and_zoom(window, parts, qtbot, kept=True)  # found in the cache the second
    assert on_ui == []


def _open_and_zoom(window: MainWindow, parts: Path, qtbot: QtBot, kept: bool) -> None:
    """Open the source as File → Open does, wait for its lanes' pyramid, and zoom to a few weeks' rows."""
    before = window.state.dataset.source
    window.opening.open_path(str(parts))
    qtbot.waitUntil(lambda: window.state.dataset.source not in (None, before), timeout=20_000)
    source = window.state.dataset.source
    assert isinstance(source, EngineSource) and bool(source.pyramids) == kept
    engine, worker = _parts_of(window)
    qtbot.waitUntil(lambda: worker.tiles.pyramid_for(engine.spec) is not None, timeout=30_000)
    qtbot.waitUntil(lambda: not worker.building, timeout=30_000)
    middle = BASE.timestamp() + SPAN_S / 2
    window.state.set_window(TimeWindow(middle, middle + 20 * 86400))
    _settle(window, qtbot)
    qtbot.waitUntil(lambda: bool(window.timeline.visible_event_ids()), timeout=10_000)
