"""Tiles on a fixed grid, the pyramid in the cache folder, first answers and cancellation."""

from __future__ import annotations

import itertools
import os
import time
from pathlib import Path

import numpy as np
import pyarrow.parquet as pq
import pytest

from viewer.source import pyramid, stats
from viewer.source.base import Cancelled, DensityRequest, Generation, LaneSpec
from viewer.source.connect import locate
from viewer.source.engine import EngineSource
from viewer.source.memory import MemorySource
from viewer.source.opening import open_dataset
from viewer.source.tiles import TILE_BINS, Tile, TileService, stitch, tiles_for

YEAR = 365.25 * 86400


@pytest.fixture(scope="module")
def engine(generated: Path) -> EngineSource:
    source = open_dataset(generated, threshold=0).source
    assert isinstance(source, EngineSource)
    return source


@pytest.fixture(scope="module")
def lanes(engine: EngineSource) -> LaneSpec:
    return LaneSpec("category", engine.lane_keys("category"))


def test_tiles_cover_the_window_with_bins_no_wider_than_a_pixel() -> None:
    t0, t1 = 1.0e9, 1.0e9 + 30 * 86400
    tiles = tiles_for(t0, t1, 1500)
    assert 2.0 ** tiles[0].z <= (t1 - t0) / 1500 < 2.0 ** (tiles[0].z + 1)
    assert tiles[0].t0 <= t0 and tiles[-1].t1 >= t1
    assert all(a.t1 == b.t0 for a, b in itertools.pairwise(tiles))
    assert tiles_for(t1, t0, 100) == []


def test_stitched_tiles_are_cut_to_the_window() -> None:
    tiles = [Tile(3, 10), Tile(3, 11)]
    answers = [np.ones((2, TILE_BINS), dtype=np.int64), 2 * np.ones((2, TILE_BINS), dtype=np.int64)]
    counts, first, width = stitch(tiles, answers, tiles[0].t0 + 80, tiles[1].t0 + 16)
    assert width == 8 and first == tiles[0].t0 + 80
    assert counts.shape == (2, TILE_BINS - 10 + 2)
    assert counts[0, -1] == 2 and counts[0, 0] == 1


def test_the_pyramid_answers_aligned_tiles_exactly(engine: EngineSource, lanes: LaneSpec) -> None:
    built = pyramid.build(engine, "fingerprint", lanes)
    for tile in (Tile(16, 22), Tile(21, 0), Tile(14, 5000)):  # z 16 and 14 are levels; 21 sums level 20
        answer = built.density(tile.request(lanes))
        assert answer.exact
        assert answer.counts.tolist() == engine.density(tile.request(lanes)).tolist()
    built.load_small()
    assert built.resident
    assert built.density(Tile(16, 22).request(lanes)).counts.tolist() == engine.density(
        Tile(16, 22).request(lanes)).tolist()


def test_the_coarse_levels_come_first_and_agree_with_the_whole_pyramid(engine: EngineSource, lanes: LaneSpec
                                                                      ) -> None:
    early: list[pyramid.Pyramid] = []
    seen: list[float] = []
    built = pyramid.build(engine, "coarse-first", lanes, progress=lambda f, _w: seen.append(f),
                          on_coarse=early.append)
    assert len(early) == 1
    coarse = early[0]
    assert not coarse.complete and built.complete
    assert sorted(coarse.levels) == [z for z in pyramid.LEVELS if z >= pyramid.COARSE]
    assert coarse.resident.keys() == coarse.levels.keys()  # in memory: its files move when the build ends
    assert seen[-1] == 1.0 and seen == sorted(seen)
    span = engine.span()
    assert span is not None
    lo, hi = span[0].timestamp(), span[1].timestamp()
    for z in (pyramid.COARSE, pyramid.COARSE + 1, 22):  # a whole-span view's zooms
        width = TILE_BINS * 2.0 ** z
        for tile in [Tile(z, i) for i in range(int(lo // width), int(hi // width) + 1)]:
            request = tile.request(lanes)
            answer = coarse.density(request)
            assert answer.exact
            counts = answer.counts.tolist()
            assert counts == built.density(request).counts.tolist() == engine.density(request).tolist()
    whole = DensityRequest(Tile(22, int(lo // (TILE_BINS * 2.0 ** 22))).t0, hi, 64, lanes)
    assert coarse.density(whole).counts.sum() == engine.count() > 0
    assert not coarse.density(Tile(pyramid.COARSE - 2, 22).request(lanes)).exact  # finer: the build answers


def test_every_level_counts_each_event_in_a_lane_once(engine: EngineSource, lanes: LaneSpec) -> None:
    # the finest level is counted in stretches of time (the first open below, the last above), the
    # coarse one in a single scan with no filter: neither may lose or repeat an event at a boundary
    built = pyramid.build(engine, "every-event-once", lanes)
    in_lanes = int(pq.read_table(built.levels[pyramid.COARSE])["count"].to_numpy().sum())
    assert in_lanes == engine.count() > 0  # category lanes: one lane per event
    for z, path in built.levels.items():
        assert int(pq.read_table(path)["count"].to_numpy().sum()) == in_lanes, z


def test_a_window_off_the_grid_is_an_estimate(engine: EngineSource, lanes: LaneSpec) -> None:
    built = pyramid.build(engine, "fingerprint", lanes)
    request = DensityRequest(1.0e9 + 12345.5, 1.0e9 + 3 * YEAR, 300, lanes)
    answer = built.density(request)
    assert not answer.exact
    exact = engine.density(request)
    assert abs(int(answer.counts.sum()) - int(exact.sum())) <= 0.01 * exact.sum()


def test_a_built_pyramid_is_found_again_and_a_changed_source_misses(engine: EngineSource, lanes: LaneSpec,
                                                                    generated: Path, tmp_path: Path) -> None:
    seen: list[float] = []
    first = pyramid.build(engine, "fp-one", lanes, progress=lambda f, _w: seen.append(f))
    assert seen[-1] == 1.0 and seen == sorted(seen)
    assert pyramid.Pyramid.find("fp-one", lanes) == first
    assert pyramid.Pyramid.find("fp-two", lanes) is None
    assert pyramid.Pyramid.find("fp-one", LaneSpec("none", ("all",))) is None
    copy = tmp_path / "copy.parquet"
    copy.write_bytes((generated / "events.parquet").read_bytes())
    before = locate(copy).fingerprint()
    with copy.open("ab") as handle:
        handle.write(b"\0")
    assert locate(copy).fingerprint() != before


def test_a_superseded_build_stops_and_leaves_nothing(engine: EngineSource, lanes: LaneSpec, private_cache: Path
                                                     ) -> None:
    generation = Generation()
    token = generation.next()

    def move_on(fraction: float, _what: str) -> None:
        if fraction > 0.2:
            generation.next()  # the user went elsewhere

    with pytest.raises(Cancelled):
        pyramid.build(engine, "cancelled", lanes, progress=move_on, token=token)
    assert pyramid.Pyramid.find("cancelled", lanes) is None
    assert not list((private_cache / "entente" / "pyramids" / "cancelled").glob("*"))


def test_the_service_refines_a_first_answer_and_drops_stale_requests(engine: EngineSource, lanes: LaneSpec
                                                                     ) -> None:
    service = TileService(engine, pyramid.build(engine, "svc", lanes))
    tile = Tile(15, 1000)
    assert service.first(tile.request(lanes)) is None  # nothing in memory yet: no file read on the UI thread
    service.warm()
    first = service.first(tile.request(lanes))
    assert first is not None and first.level.startswith("pyramid")
    exact = service.density(tile.request(lanes))
    assert exact.exact and service.first(tile.request(lanes)).level == "cache"  # type: ignore[union-attr]
    generation = Generation()
    stale = generation.next()
    generation.next()
    with pytest.raises(Cancelled):
        service.density(Tile(9, 1).request(lanes), stale)


def test_filters_and_fine_tiles_go_to_the_engine(engine: EngineSource, lanes: LaneSpec,
                                                 generated_dataset: object) -> None:
    from viewer.model.filters import Filters
    service = TileService(engine, pyramid.build(engine, "fine", lanes))
    memory = MemorySource(generated_dataset)  # type: ignore[arg-type]
    for request in (Tile(8, 5_000_000 // 8).request(lanes), Tile(18, 3).request(lanes, Filters(text="london"))):
        answer = service.density(request)
        assert answer.level == "engine"
        assert answer.counts.tolist() == memory.density(request).tolist()


def test_row_group_statistics_give_a_lane_less_first_picture(tmp_path: Path) -> None:
    import pandas as pd
    starts = pd.date_range("2000-01-01", periods=10_000, freq="h", tz="UTC")
    pd.DataFrame({"id": [str(i) for i in range(10_000)], "start": starts}).to_parquet(
        tmp_path / "e.parquet", row_group_size=1000)
    estimate = stats.estimate((tmp_path / "e.parquet",), bins=100)
    assert estimate is not None and not estimate.exact and not estimate.per_lane
    assert estimate.counts.shape == (1, 100)
    assert abs(int(estimate.counts.sum()) - 10_000) <= 100
    service = TileService(MemorySource.__new__(MemorySource), stats=estimate)
    half = service.first(DensityRequest(starts[0].timestamp(), starts[5000].timestamp(), 10))
    assert half is not None and abs(int(half.counts.sum()) - 5000) <= 100


def test_text_dates_have_no_statistics(generated: Path) -> None:
    assert stats.estimate((generated / "events.parquet",)) is None


def test_old_pyramids_are_pruned_least_recently_used_first(engine: EngineSource, lanes: LaneSpec,
                                                           private_cache: Path) -> None:
    for name in ("old", "used", "new"):
        pyramid.build(engine, f"prune-{name}", lanes)
    base = private_cache / "entente" / "pyramids"
    for age, name in ((300, "old"), (200, "used"), (100, "new")):  # built in that order, minutes ago
        marker = next((base / f"prune-{name}").glob("*/pyramid.json"))
        os.utime(marker, (time.time() - age * 60, time.time() - age * 60))
    assert pyramid.Pyramid.find("prune-used", lanes) is not None  # a use makes it the most recent
    leftover = base / "prune-new" / ".interrupted.new-1234"
    leftover.mkdir()
    os.utime(leftover, (time.time() - 7200, time.time() - 7200))
    pyramid.prune(max_pyramids=2)
    assert pyramid.Pyramid.find("prune-old", lanes) is None and not (base / "prune-old").exists()
    assert pyramid.Pyramid.find("prune-used", lanes) is not None
    assert pyramid.Pyramid.find("prune-new", lanes) is not None
    assert not leftover.exists()  # a build killed an hour ago left this behind
