"""Opening a source for the window: facts asked up front, no rows read; a window's rows in fixed lanes."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from viewer.model.problems import LoadError
from viewer.source.base import LaneSpec
from viewer.source.engine import EngineSource
from viewer.source.opening import queried
from viewer.source.windowed import open_for_window, row_lanes


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
    assert len(category) == 30  # y has no lane among these keys
