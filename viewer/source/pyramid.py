"""The density pyramid: per-lane counts per time cell at several resolutions, kept as Parquet.

Level ``z`` counts (event, lane) pairs by the cell ``floor(s / 2**z)`` of their start ``s`` (Unix
seconds). A build comes in two passes, both computed by the engine in SQL. First one scan counts the
cells of level :data:`COARSE` (a few thousand per lane): the coarse levels follow from it and are handed
over at once (``on_coarse``), so a whole-span view is exact after seconds, not after the whole build.
Then the finest level, a stretch of time at a time (progress, cancel points), and the levels between.
Each coarser level comes from the one below it, also in SQL. The levels live in the cache folder under
the source's fingerprint and the lanes, written to a temporary folder and renamed into place, so a
reader sees a whole pyramid or none.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from viewer import paths
from viewer.io.atomic import replace_dir
from viewer.source.base import NEVER, CancelToken, Density, DensityRequest, LaneSpec, bin_index
from viewer.source.connect import duckdb_connection
from viewer.source.engine import EngineSource
from viewer.source.facts import READING

MAX_PYRAMIDS = 20  # kept per user; the least recently used go first
MAX_BYTES = 1 * 2**30
LEVELS = (12, 14, 16, 18, 20, 22, 24, 26)  # cells of 68 minutes … 2.1 years
COARSE = 16  # the first pass's level (18-hour cells): exact for views wider than about 3 years at 1500 px
VERSION = 1  # bump when what a level holds changes: old pyramids are then rebuilt
Progress = Callable[[float, str], None]


def root() -> Path:
    """Where pyramids are kept: one folder per source fingerprint and lane choice."""
    return paths.cache_dir() / "pyramids"


def folder_for(fingerprint: str, lanes: LaneSpec) -> Path:
    """The folder of one source's pyramid for one lane choice."""
    key = hashlib.sha256(json.dumps([VERSION, READING, lanes.group_by, list(lanes.keys)]).encode()).hexdigest()[:16]
    return root() / fingerprint / key


@dataclass(frozen=True)
class Pyramid:
    """A built pyramid: ``levels`` maps z to its Parquet file (columns lane, cell, count)."""

    folder: Path
    lanes: LaneSpec
    levels: dict[int, Path]
    # levels read into memory (lane, cell, count arrays): the UI thread may only use these
    resident: dict[int, tuple[np.ndarray, np.ndarray, np.ndarray]] = field(default_factory=dict, compare=False)
    complete: bool = field(default=True, compare=False)  # False: the coarse levels of a build under way

    def load_small(self, max_rows: int = 1_000_000) -> None:
        """Read the levels of at most ``max_rows`` cells into memory (in a worker; a few MB each)."""
        for z, path in sorted(self.levels.items(), reverse=True):
            if z not in self.resident and pq.read_metadata(path).num_rows <= max_rows:
                table = pq.read_table(path)
                self.resident[z] = (table["lane"].to_numpy(), table["cell"].to_numpy(), table["count"].to_numpy())

    @classmethod
    def find(cls, fingerprint: str, lanes: LaneSpec) -> Pyramid | None:
        """The stored pyramid for this source and lanes, or None (not built, or from another version)."""
        folder = folder_for(fingerprint, lanes)
        try:
            document = json.loads((folder / "pyramid.json").read_text(encoding="utf-8"))
            os.utime(folder / "pyramid.json")  # recently used: pruned last
        except (OSError, ValueError):
            return None
        levels = {int(z): folder / f"level_{int(z)}.parquet" for z in document.get("levels", [])}
        if document.get("version") != VERSION or not all(p.is_file() for p in levels.values()) or not levels:
            return None
        return cls(folder, lanes, levels)

    def level_for(self, bin_seconds: float, finer: bool = True) -> int:
        """The level whose cells fit a bin: the coarsest no wider than it (``finer``), else the finest
        no narrower than it; the nearest level when none qualifies."""
        fitting = [z for z in self.levels if (2.0 ** z <= bin_seconds) == finer]
        if fitting:
            return max(fitting) if finer else min(fitting)
        return min(self.levels) if finer else max(self.levels)

    def cells(self, z: int, t0: float, t1: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(lane, cell, count) of level ``z`` for cells starting in ``[t0, t1)`` (from memory, else
        from the file, reading only the row groups that hold them)."""
        width = 2.0 ** z
        lo, hi = int(np.floor(t0 / width)), int(np.ceil(t1 / width))
        if z in self.resident:
            lane, cell, count = self.resident[z]
            a, b = np.searchsorted(cell, [lo, hi])  # the level is sorted by cell
            return lane[a:b], cell[a:b], count[a:b]
        table = pq.read_table(self.levels[z], filters=[("cell", ">=", lo), ("cell", "<", hi)])
        return table["lane"].to_numpy(), table["cell"].to_numpy(), table["count"].to_numpy()

    def density(self, request: DensityRequest, z: int | None = None) -> Density:
        """Counts from one level; exact when every bin edge falls on a cell edge of that level."""
        bin_seconds = (request.t1 - request.t0) / request.bins
        z = self.level_for(bin_seconds) if z is None else z
        width = 2.0 ** z
        lane, cell, count = self.cells(z, request.t0, request.t1)
        out = np.zeros((len(self.lanes.keys), request.bins), dtype=np.int64)
        bins = bin_index(cell * width, request.t0, request.t1, request.bins)
        inside = bins >= 0
        np.add.at(out, (lane[inside], bins[inside]), count[inside])
        exact = request.t0 % width == 0 and bin_seconds % width == 0 and not request.filters.active
        return Density(request, out, exact=exact, level=f"pyramid z={z}")


def build(source: EngineSource, fingerprint: str, lanes: LaneSpec, progress: Progress | None = None,
          token: CancelToken = NEVER, chunks: int = 8, on_coarse: Callable[[Pyramid], None] | None = None
          ) -> Pyramid:
    """Compute every level with the engine and store it; returns the stored pyramid.

    ``on_coarse`` gets the levels from :data:`COARSE` up, in memory (``complete`` False), as soon as
    the first scan has counted them. The finest level is asked in ``chunks`` stretches of time so that
    ``progress(fraction, what)`` moves and a stale ``token`` stops the work between stretches (raising
    ``Cancelled``).
    """
    found = Pyramid.find(fingerprint, lanes)
    if found is not None:
        return found
    report = progress or (lambda _f, _w: None)
    final = folder_for(fingerprint, lanes)
    final.parent.mkdir(parents=True, exist_ok=True)
    coarse = [z for z in sorted(LEVELS) if z >= COARSE]
    fine = [z for z in sorted(LEVELS) if z < COARSE]

    def fill(work: Path) -> None:
        levels = {coarse[0]: _scan(source, lanes, coarse[0], work, lambda f: report(0.2 * f, "coarse levels"),
                                   token, 1)}
        for z in coarse[1:]:
            token.check()
            levels[z] = _coarser(levels[max(levels)], max(levels), z, work)
        if on_coarse is not None and fine:
            early = Pyramid(work, lanes, dict(levels), complete=False)
            early.load_small()  # read now: the files move when the build ends
            if early.resident:  # the levels small enough to hold (the rest come with the whole pyramid)
                on_coarse(replace(early, levels={z: levels[z] for z in early.resident}))
        if fine:
            levels[fine[0]] = _scan(source, lanes, fine[0], work,
                                    lambda f: report(0.2 + 0.7 * f, f"level {fine[0]}"), token, chunks)
        for z in fine[1:]:
            token.check()
            levels[z] = _coarser(levels[fine[0]], fine[0], z, work)
            report(0.9 + 0.1 * (z - fine[0]) / (COARSE - fine[0]), f"level {z}")
        document = {"version": VERSION, "group_by": lanes.group_by, "keys": list(lanes.keys),
                    "levels": sorted(levels), "source": source.label}
        (work / "pyramid.json").write_text(json.dumps(document), encoding="utf-8")

    replace_dir(final, fill)  # a cancelled or failed build leaves no half-written pyramid behind
    prune()
    report(1.0, "done")
    pyramid = Pyramid.find(fingerprint, lanes)
    if pyramid is None:
        raise OSError(f"{final}: the pyramid was written but cannot be read back")
    return pyramid


def prune(max_pyramids: int = MAX_PYRAMIDS, max_bytes: int = MAX_BYTES) -> None:
    """Drop the least recently used pyramids beyond the limits, and the leftovers of interrupted builds."""
    base = root()
    if not base.is_dir():
        return
    found: list[tuple[float, Path]] = []
    for marker in base.glob("*/*/pyramid.json"):
        try:
            found.append((marker.stat().st_mtime, marker.parent))
        except OSError:
            continue
    for leftover in base.glob("*/.*"):  # a build that was killed before it could clean up
        try:
            if time.time() - leftover.stat().st_mtime > 3600:
                shutil.rmtree(leftover, ignore_errors=True)
        except OSError:
            continue
    total = 0
    for rank, (_used, folder) in enumerate(sorted(found, reverse=True)):
        total += sum(f.stat().st_size for f in folder.iterdir() if f.is_file())
        if rank >= max_pyramids or total > max_bytes:
            shutil.rmtree(folder, ignore_errors=True)
            with contextlib.suppress(OSError):
                folder.parent.rmdir()  # the source's folder, once it holds no pyramid


def _scan(source: EngineSource, lanes: LaneSpec, z: int, work: Path, report: Callable[[float], None],
          token: CancelToken, chunks: int) -> Path:
    """Level ``z`` counted by the engine over the whole span, in ``chunks`` stretches of time."""
    span = source.span()
    parts: list[pa.Table] = []
    if span is not None:
        lo, hi = span[0].timestamp(), span[1].timestamp() + 1
        edges = np.linspace(np.floor(lo), np.ceil(hi), chunks + 1)
        for i in range(chunks):
            token.check()
            # the first stretch is open below, the last above: they hold every event once all the same,
            # and a whole-span scan filters nothing (the filter cost a third of the coarse scan at 100M)
            lower = float(edges[i]) if i > 0 else None
            upper = float(edges[i + 1]) if i < chunks - 1 else None
            view = source.prune(source.view, lower, upper)
            if lower is not None:
                view = view.filter(view.s >= lower)
            if upper is not None:
                view = view.filter(view.s < upper)
            pairs = source.with_lanes(view, lanes.group_by, lanes.keys)
            cells = pairs.mutate(cell=(pairs.s / 2.0 ** z).floor().cast("int64"))
            table = cells.group_by(["lane", "cell"]).aggregate(count=cells.count()).to_pyarrow()
            parts.append(pa.table({"lane": pc.cast(table["lane"], pa.int32()),
                                   "cell": pc.cast(table["cell"], pa.int64()),
                                   "count": pc.cast(table["count"], pa.int64())}))
            report((i + 1) / chunks)
    empty = pa.table({"lane": pa.array([], pa.int32()), "cell": pa.array([], pa.int64()),
                      "count": pa.array([], pa.int64())})
    return _write(pa.concat_tables([empty, *parts]), work / f"level_{z}.parquet")


def _coarser(finer: Path, z_from: int, z: int, work: Path) -> Path:
    """A coarser level from a finer one, by SQL on the finer level's Parquet (embedded DuckDB)."""
    con = duckdb_connection()
    try:
        table = con.read_parquet(str(finer))
        grouped = table.mutate(cell=(table.cell / 2.0 ** (z - z_from)).floor().cast("int64"))
        result = grouped.group_by(["lane", "cell"]).aggregate(count=grouped["count"].sum()).to_pyarrow()
    finally:
        con.disconnect()
    return _write(result.cast(pa.schema([("lane", pa.int32()), ("cell", pa.int64()), ("count", pa.int64())])),
                  work / f"level_{z}.parquet")


def _write(table: pa.Table, path: Path) -> Path:
    # sorted by cell, in row groups: a window reads only the groups its cells are in
    ordered = table.sort_by([("cell", "ascending"), ("lane", "ascending")])
    pq.write_table(ordered, path, row_group_size=64_000, compression="zstd")
    return path
