"""Density tiles and detail rows for a timeline that never waits on the engine.

The timeline asks for tiles on a fixed grid, as a map does: at zoom ``z`` a bin is ``2**z`` seconds
and a tile is :data:`TILE_BINS` bins starting at a multiple of its width, so the same tile is asked
again (and cached) as the view pans, and a pyramid level answers it exactly. :class:`TileService`
gives a cheap first answer at once (:meth:`TileService.first`) and the exact one from a worker
(:meth:`TileService.density`); a stale request is dropped through its :class:`CancelToken`.
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict
from dataclasses import InitVar, dataclass, field

import numpy as np
import pandas as pd

from viewer.model.filters import Filters
from viewer.source.base import NEVER, NO_FILTERS, CancelToken, Density, DensityRequest, EventSource, LaneSpec
from viewer.source.pyramid import Pyramid

TILE_BINS = 256
MIN_ZOOM, MAX_ZOOM = 0, 40


@dataclass(frozen=True)
class Tile:
    """One tile of the grid: zoom ``z`` (bins of ``2**z`` s) and its index along time."""

    z: int
    index: int

    @property
    def t0(self) -> float:
        """Where the tile starts (Unix seconds)."""
        return float(self.index * TILE_BINS * 2.0 ** self.z)

    @property
    def t1(self) -> float:
        """Where the next tile starts."""
        return float((self.index + 1) * TILE_BINS * 2.0 ** self.z)

    def request(self, lanes: LaneSpec, filters: Filters = NO_FILTERS) -> DensityRequest:
        """The density request this tile stands for."""
        return DensityRequest(self.t0, self.t1, TILE_BINS, lanes, filters)


def tiles_for(t0: float, t1: float, pixels: int) -> list[Tile]:
    """The tiles covering ``[t0, t1)`` with bins no wider than a pixel (left to right)."""
    if not (t1 > t0) or pixels < 1:
        return []
    z = int(min(max(math.floor(math.log2((t1 - t0) / pixels)), MIN_ZOOM), MAX_ZOOM))
    width = TILE_BINS * 2.0 ** z
    return [Tile(z, i) for i in range(math.floor(t0 / width), math.ceil(t1 / width))]


def stitch(tiles: list[Tile], answers: list[np.ndarray], t0: float, t1: float) -> tuple[np.ndarray, float, float]:
    """Tiles' counts side by side, cut to ``[t0, t1)``: (counts, first bin start, bin width)."""
    if not tiles:
        return np.zeros((0, 0), dtype=np.int64), t0, t1 - t0
    width = 2.0 ** tiles[0].z
    counts = np.concatenate(answers, axis=1)
    first = max(0, math.floor((t0 - tiles[0].t0) / width))
    last = min(counts.shape[1], math.ceil((t1 - tiles[0].t0) / width))
    return counts[:, first:last], tiles[0].t0 + first * width, width


@dataclass
class TileService:
    """Answers density and detail requests for one source; keeps recent exact tiles.

    Call :meth:`first` on the UI thread (milliseconds: the cache, a pyramid level, or nothing) and
    :meth:`density` / :meth:`rows` in a worker thread with a token from a shared ``Generation``.
    One worker per source: engine connections are not shared between threads.
    """

    source: EventSource
    pyramid: InitVar[Pyramid | None] = None  # the first pyramid; :meth:`use` adds more, one per lane choice
    stats: Density | None = None  # a lane-less estimate over the whole span (row-group statistics)
    capacity: int = 2048
    _cache: OrderedDict[DensityRequest, np.ndarray] = field(default_factory=OrderedDict)
    # the UI thread reads the cache while the worker fills it: an eviction between a read and its
    # move_to_end would raise
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)
    # replaced whole, never changed in place: a reader in another thread sees the old dict or the new
    _pyramids: dict[LaneSpec, Pyramid] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self, pyramid: Pyramid | None) -> None:
        if pyramid is not None:
            self._pyramids = {pyramid.lanes: pyramid}

    def use(self, pyramid: Pyramid) -> None:
        """Answer requests for the pyramid's lanes from it from now on (warm it first: off the UI thread)."""
        self._pyramids = {**self._pyramids, pyramid.lanes: pyramid}

    def pyramid_for(self, lanes: LaneSpec) -> Pyramid | None:
        """The pyramid of these lanes, or None."""
        return self._pyramids.get(lanes)

    def warm(self) -> None:
        """Read the pyramids' small levels into memory (call from a worker, never the UI thread)."""
        for pyramid in self._pyramids.values():
            pyramid.load_small()

    def cached(self, request: DensityRequest) -> np.ndarray | None:
        """The exact counts of a request answered before, or None."""
        with self._lock:
            counts = self._cache.get(request)
            if counts is not None:
                self._cache.move_to_end(request)
            return counts

    def first(self, request: DensityRequest) -> Density | None:
        """The cheapest honest answer: cached exact counts, else the pyramid level nearest the bins
        (``exact`` False unless aligned), else row-group statistics (totals only), else None."""
        counts = self.cached(request)
        if counts is not None:
            return Density(request, counts, level="cache")
        pyramid = self.pyramid_for(request.lanes)
        if pyramid is not None and pyramid.resident and not request.filters.active:
            # only levels already in memory: the UI thread never waits on a file or the engine
            bin_seconds = (request.t1 - request.t0) / request.bins
            fitting = [z for z in pyramid.resident if 2.0 ** z >= bin_seconds]
            z = min(fitting) if fitting else max(pyramid.resident)
            return pyramid.density(request, z)
        if self.stats is not None:
            return spread(self.stats, request)
        return None

    def density(self, request: DensityRequest, token: CancelToken = NEVER) -> Density:
        """The exact counts: from an aligned pyramid level when there is one, else one engine query."""
        token.check()
        counts = self.cached(request)
        if counts is not None:
            return Density(request, counts, level="cache")
        answer = None
        pyramid = self.pyramid_for(request.lanes)
        if pyramid is not None and not request.filters.active:
            answer = pyramid.density(request)
        if answer is None or not answer.exact:
            answer = Density(request, self.source.density(request, token))
        token.check()
        self.remember(request, answer.counts)
        return answer

    def tiles(self, tiles: list[Tile], lanes: LaneSpec, filters: Filters = NO_FILTERS,
              token: CancelToken = NEVER) -> list[Density]:
        """Exact answers for neighbouring tiles of one zoom: what the cache and pyramid cannot give
        exactly is asked of the engine as one query per run of adjacent tiles, then cut apart."""
        answers: dict[Tile, Density] = {}
        missing: list[Tile] = []
        pyramid = self.pyramid_for(lanes)
        for tile in tiles:
            request = tile.request(lanes, filters)
            counts = self.cached(request)
            level = "cache"
            if counts is None and pyramid is not None and not filters.active:
                found = pyramid.density(request)
                counts, level = (found.counts, found.level) if found.exact else (None, level)
            if counts is None:
                missing.append(tile)
            else:
                answers[tile] = Density(request, counts, level=level)
        for run in _runs(missing):
            token.check()
            joined = DensityRequest(run[0].t0, run[-1].t1, TILE_BINS * len(run), lanes, filters)
            counts = self.source.density(joined, token)
            for i, tile in enumerate(run):
                answers[tile] = Density(tile.request(lanes, filters), counts[:, i * TILE_BINS:(i + 1) * TILE_BINS])
        token.check()
        for answer in answers.values():
            self.remember(answer.request, answer.counts)
        return [answers[tile] for tile in tiles]

    def remember(self, request: DensityRequest, counts: np.ndarray) -> None:
        """Keep exact counts (asked here, or elsewhere on another connection) for the next :meth:`cached`."""
        with self._lock:
            self._cache[request] = counts
            self._cache.move_to_end(request)
            while len(self._cache) > self.capacity:
                self._cache.popitem(last=False)

    def rows(self, t0: float, t1: float, filters: Filters = NO_FILTERS, limit: int = 2000,
             token: CancelToken = NEVER) -> pd.DataFrame:
        """The events overlapping a (narrow) window, by start then id, at most ``limit``."""
        return self.source.events(t0, t1, filters, limit, token)


def _runs(tiles: list[Tile]) -> list[list[Tile]]:
    """Tiles grouped into runs of adjacent indices."""
    runs: list[list[Tile]] = []
    for tile in sorted(tiles, key=lambda t: t.index):
        if runs and runs[-1][-1].index + 1 == tile.index:
            runs[-1].append(tile)
        else:
            runs.append([tile])
    return runs


def spread(stats: Density, request: DensityRequest) -> Density:
    """A lane-less estimate: each statistics bin's count spread evenly over the request's bins."""
    src = stats.request
    edges = np.linspace(src.t0, src.t1, src.bins + 1)
    cumulative = np.concatenate([[0.0], np.cumsum(stats.counts.sum(axis=0).astype(np.float64))])
    want = np.linspace(request.t0, request.t1, request.bins + 1)
    totals = np.diff(np.interp(want, edges, cumulative))
    return Density(request, np.rint(totals).astype(np.int64)[None, :], exact=False, per_lane=False,
                   level="statistics")
