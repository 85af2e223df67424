"""Opening a source for the window: facts asked up front, no rows read, kept pyramids found; a window's rows in
fixed lanes; the source opened again for another thread."""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from viewer.model.dataset import DatasetMeta, Tables, build_dataset
from viewer.model.problems import LoadError
from viewer.source import pyramid
from viewer.source.base import DensityRequest, LaneSpec
from viewer.source.connect import SourceSpec, locate
from viewer.source.engine import EngineSource
from viewer.source.memory import MemorySource
from viewer.source.opening import queried
from viewer.source.windowed import lane_spec, open_for_window, pyramid_key, reopen, row_lanes


def _write(path: Path, n: int) -> Path:
    pd.DataFrame({"id": [f"e{i}" for i in range(n)],
                  "start": pd.date_range("2020-01-01", periods=n, freq="h", tz="UTC"),
                  "title": [f"Event {i}" for i in range(n)],
                  "actors": ["a;b", "b", "c", ""] * (n // 4),
                  "category": ["x", "", "y", "x"] * (n // 4)}).to_parquet(path, index=False)
    return path


def test_a_window_dataset_holds_no_rows_and_knows_its_count_and_span(tmp_path: Path) -> None:
    ds = open_for_window(_write(tmp_path / "events.parquet", 400))
    assert ds.events.empty and "span_start" in ds.events and isinstance(ds.source, EngineSource)
    assert ds.event_count == 400
    span = ds.span()
    assert span is not None and span[0] == pd.Timestamp("2020-01-01", tz="UTC")


def test_the_threshold_comes_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path / "events.parquet", 400)
    assert not queried(path)
    monkeypatch.setenv("ENTENTE_ENGINE_ROWS", "100")
    assert queried(path)
    monkeypatch.setenv("ENTENTE_ENGINE_ROWS", "many")
    with pytest.raises(LoadError, match="ENTENTE_ENGINE_ROWS"):
        queried(path)
    assert not queried(tmp_path / "notes.csv")


def test_a_windows_rows_fall_into_the_sources_lanes(tmp_path: Path) -> None:
    ds = open_for_window(_write(tmp_path / "events.parquet", 40))
    assert ds.source is not None
    rows = ds.source.events()
    lanes = row_lanes(rows, LaneSpec("actor", ("a", "b", "Other")), ("A", "B", "Other"))
    assert len(lanes) == 10 * 2 + 10 + 20  # a;b in both lanes, b in one, c and nobody in Other
    category = row_lanes(rows, LaneSpec("category", ("x", "Other")), ("X", "Other"))
    assert len(category) == 40  # y has no lane of its own among these keys: it goes to "Other", as the engine counts it
    assert len(row_lanes(rows, LaneSpec("category", ("x",)), ("X",))) == 20  # with no "Other", y and "" are left out


def test_kept_pyramids_are_found_per_grouping_warm_and_a_damaged_one_is_dropped(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ENTENTE_NO_CACHE", "0")
    path = _write(tmp_path / "events.parquet", 400)
    source = open_for_window(path).source
    assert isinstance(source, EngineSource) and source.fingerprint == locate(path).fingerprint()
    assert source.pyramids == []
    by_actor = pyramid.build(source, source.fingerprint, lane_spec(source, "actor", ()))
    by_category = pyramid.build(source, source.fingerprint, lane_spec(source, "category", ()))
    again = open_for_window(path).source
    assert isinstance(again, EngineSource)
    assert [p.lanes for p in again.pyramids] == [by_actor.lanes, by_category.lanes]
    assert all(p.resident for p in again.pyramids)  # read in the opener's thread, not the UI's
    by_category.levels[min(by_category.levels)].write_bytes(b"not parquet")
    third = open_for_window(path).source
    assert isinstance(third, EngineSource) and [p.lanes for p in third.pyramids] == [by_actor.lanes]
    assert not by_category.folder.exists()  # built again on the next use


def test_without_a_cache_nothing_is_looked_for(tmp_path: Path) -> None:
    source = open_for_window(_write(tmp_path / "events.parquet", 400)).source
    assert isinstance(source, EngineSource) and source.fingerprint is None and source.pyramids == []


def test_a_duckdb_table_opened_again_answers_in_another_thread_while_the_first_keeps_answering(
        tmp_path: Path) -> None:
    import duckdb
    frame = pd.read_parquet(_write(tmp_path / "events.parquet", 400))  # noqa: F841 - read by the SQL below
    con = duckdb.connect(str(tmp_path / "events.duckdb"))
    con.execute("CREATE TABLE happenings AS SELECT * FROM frame")
    con.close()
    source = open_for_window(tmp_path / "events.duckdb", "happenings").source
    assert isinstance(source, EngineSource)
    request = DensityRequest(1577836800.0, 1577836800.0 + 400 * 3600, 40, lane_spec(source, "category", ()))
    answers: list[np.ndarray] = []
    thread = threading.Thread(target=lambda: answers.append(reopen(source).density(request)))
    thread.start()
    mine = source.density(request)
    thread.join(30)
    assert answers and answers[0].tolist() == mine.tolist() and int(mine.sum()) == 400


def test_an_engine_urls_pyramids_change_with_its_count() -> None:
    spec = SourceSpec("url", "spark://host:7077", "events")
    small, big = (MemorySource(build_dataset(Tables(pd.DataFrame({"id": [str(i) for i in range(n)],
                                                                   "start": "2020-01-01"})), DatasetMeta(), []))
                  for n in (3, 4))
    assert pyramid_key(spec, small) != pyramid_key(spec, big)
    assert pyramid_key(spec, small) == pyramid_key(spec, small)
