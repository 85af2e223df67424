"""Lanes by category for a file with more categories than lanes: the busiest forty and "Other", the same
from memory and from DuckDB (lanes, counts per lane, the rows of a window)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import viewer
from viewer.model.lane_packing import CATEGORY_LANES, OTHER
from viewer.source.base import DensityRequest, LaneSpec
from viewer.source.engine import EngineSource
from viewer.source.memory import MemorySource
from viewer.source.opening import open_dataset
from viewer.source.windowed import row_lanes

from .conftest import events_frame, write


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = write(tmp_path_factory.mktemp("categories") / "many", 3_000)
    events = events_frame(3_000)
    rng = np.random.default_rng(11)
    events["category"] = [f"c{int(k):03d}" for k in np.minimum(rng.zipf(1.3, len(events)), 120)]
    events.to_parquet(folder / "events.parquet", row_group_size=1_000)
    return folder


def test_the_busiest_categories_get_lanes_and_the_rest_go_to_other(folder: Path) -> None:
    ds = viewer.load(folder)
    memory, engine = MemorySource(ds), open_dataset(folder, threshold=0).source
    assert isinstance(engine, EngineSource)
    keys = memory.lane_keys("category")
    counts = ds.events["category"].astype(str).value_counts()
    busiest = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:CATEGORY_LANES]
    assert len(counts) > CATEGORY_LANES
    assert keys == (*[name for name, _ in busiest], OTHER)
    assert engine.lane_keys("category") == keys
    lanes = LaneSpec("category", keys)
    lo, hi = ds.events["span_start"].min().timestamp(), ds.events["span_end"].max().timestamp() + 1
    request = DensityRequest(lo, hi, 30, lanes)
    by_memory, by_engine = memory.density(request), engine.density(request)
    assert by_memory.tolist() == by_engine.tolist()
    assert by_memory[-1].sum() == len(ds.events) - sum(n for _, n in busiest)  # "Other" holds the rest
    rows = engine.events(lo, hi, limit=500)
    placed = row_lanes(rows, lanes, keys)
    assert len(placed.event_index) == len(rows)  # every row has a lane, the rare categories "Other"
