"""`make bench-big`: 100M events as partitioned Parquet, queried through DuckDB; prints one JSON object.

Each measurement runs in a fresh process with an empty Entente cache (and, when the machine lets us,
an empty OS page cache), so figures are what a user sees on first open. Stages:

- ``info``: ``entente info FOLDER`` wall time (cold, then with the remembered facts);
- ``first``: open the source and draw the whole span at 1500 px from row-group statistics (no pyramid
  yet), and from the pyramid's levels once it is built;
- ``pyramid``: the background work (facts, every pyramid level, the long-events index, lanes);
- ``zoom``: exact tiles for windows of a year, a month, a week and a day at 1500 px (pyramid or engine);
- ``rows``: the events of a narrow window (a day, an hour), up to 2000;
- ``commands``: the filter bar's value counts, Left / Right steps, a day's events exported to CSV;
- ``window``: the main window itself (``big_window.py``): first painted frame, the UI thread's stalls,
  exact density and rows during a scripted zoom/pan sequence, while the pyramid builds and after;
- peak RSS (VmHWM) of every process.

``bench_big.py N --only window`` runs one stage (on a fresh cache of its own).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
PIXELS = 1500
DAY = 86400.0


def peak_mb() -> float:
    """This process's peak resident memory (VmHWM) in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return float("nan")


def drop_os_cache() -> bool:
    """Empty the page cache (root on Linux only); False when not allowed."""
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return True
    except OSError:
        return False


def _opened(folder: str) -> tuple[object, object, object, object, float]:
    """(spec, lazy dataset, lanes of the first frame, start time, seconds to open)."""
    started = time.perf_counter()
    from viewer.model.lane_packing import OTHER
    from viewer.source.base import LaneSpec
    from viewer.source.connect import locate
    from viewer.source.opening import open_engine
    spec = locate(folder)
    ds = open_engine(spec)
    lanes = LaneSpec("actor", (*ds.meta.principal, OTHER))  # the first frame trusts dataset.json's lanes
    return spec, ds, lanes, started, time.perf_counter() - started


def _first(service: Any, lo: float, hi: float, lanes: Any) -> str:
    from viewer.source.tiles import tiles_for
    answers = [service.first(t.request(lanes)) for t in tiles_for(lo, hi, PIXELS)]
    return str(answers[0].level) if answers and answers[0] else "none"


def stage_first(folder: str) -> dict[str, object]:
    """Open and draw the whole span from row-group statistics (no pyramid yet)."""
    spec, ds, lanes, started, opened = _opened(folder)
    from viewer.source import stats
    from viewer.source.tiles import TileService
    estimate = stats.estimate(spec.files)  # type: ignore[attr-defined]
    assert estimate is not None, "the benchmark data has timestamp statistics"
    level = _first(TileService(ds.source, stats=estimate), estimate.request.t0, estimate.request.t1, lanes)
    return {"open_s": round(opened, 3), "first_answer_s": round(time.perf_counter() - started, 3),
            "first_answer_level": level}


def stage_pyramid(folder: str) -> dict[str, object]:
    """The background work: facts, every pyramid level, the long-events index, the checked lanes."""
    spec, ds, lanes, started, opened = _opened(folder)
    from viewer.source import indexes
    source = ds.source  # type: ignore[attr-defined]
    steps: dict[str, float] = {}
    indexes.prepare(source, spec.fingerprint(), lanes,  # type: ignore[attr-defined]
                    progress=lambda f, what: steps.setdefault(what.split(":")[0], time.perf_counter() - started),
                    on_pyramid=lambda p: steps.setdefault("pyramid in hand" if p.complete else "coarse levels in hand",
                                                          time.perf_counter() - started))
    out: dict[str, object] = {"open_s": round(opened, 3), "prepare_s": round(time.perf_counter() - started, 3),
                              "steps_s": {k: round(v, 1) for k, v in steps.items()}}
    t = time.perf_counter()
    source.lane_keys("actor", ds.meta.principal)
    out["lane_keys_s"] = round(time.perf_counter() - t, 3)
    return out


def stage_session(folder: str) -> dict[str, object]:
    """First frame from the pyramid, zooms to exact tiles, narrow windows' rows."""
    spec, ds, lanes, started, opened = _opened(folder)
    from viewer.source import pyramid
    from viewer.source.tiles import TileService, tiles_for
    source = ds.source  # type: ignore[attr-defined]
    service = TileService(source, pyramid.Pyramid.find(spec.fingerprint(), lanes))  # type: ignore[attr-defined]
    service.warm()  # the worker reads the small levels once
    span = source.span()
    lo, hi = span[0].timestamp(), span[1].timestamp()
    out: dict[str, object] = {"open_s": round(opened, 3), "first_answer_level": _first(service, lo, hi, lanes),
                              "first_answer_s": round(time.perf_counter() - started, 3)}
    centre = lo + (hi - lo) * 0.55
    for name, width in (("year", 365 * DAY), ("month", 30 * DAY), ("week", 7 * DAY), ("day", DAY)):
        tiles = tiles_for(centre - width / 2, centre + width / 2, PIXELS)
        t = time.perf_counter()
        slowest = 0.0
        for tile in tiles:  # what the UI thread does: cache or pyramid, never the engine
            s = time.perf_counter()
            service.first(tile.request(lanes))
            slowest = max(slowest, time.perf_counter() - s)
        exact = service.tiles(tiles, lanes)
        out[f"zoom_{name}_exact_s"] = round(time.perf_counter() - t, 3)
        out[f"zoom_{name}_first_max_ms"] = round(slowest * 1000, 1)
        out[f"zoom_{name}_from"] = sorted({a.level for a in exact})
    for name, width in (("day", DAY), ("hour", 3600.0)):
        t = time.perf_counter()
        rows = service.rows(centre, centre + width, limit=2000)
        out[f"rows_{name}_s"] = round(time.perf_counter() - t, 3)
        out[f"rows_{name}_n"] = len(rows)
    return out


def stage_info(folder: str) -> dict[str, object]:
    """``entente info FOLDER`` in this process."""
    from viewer import cli
    started = time.perf_counter()
    cli.run(["info", folder])
    return {"info_s": round(time.perf_counter() - started, 3)}


def stage_window(folder: str) -> dict[str, object]:
    """The main window on the source (offscreen), from File → Open through a scripted zoom/pan sequence."""
    from big_window import run
    return run(folder)


def stage_commands(folder: str) -> dict[str, object]:
    """What the window's commands ask of the source: the filter bar's value counts, Left / Right steps
    from the cursor and then from each event reached, and a day's events exported to a CSV file."""
    import statistics
    _spec, ds, _lanes, _started, _opened_s = _opened(folder)
    from viewer.io.table_export import write_chunks
    from viewer.source.stepping import step
    from viewer.ui.shell.commands import EVENT_COLUMNS
    source = ds.source  # type: ignore[attr-defined]
    out: dict[str, object] = {}
    for field in ("actors", "category", "tags"):
        t = time.perf_counter()
        values = source.facets(field)
        out[f"facets_{field}_s"] = round(time.perf_counter() - t, 3)
        out[f"facets_{field}_n"] = len(values)
    lo, hi = (stamp.timestamp() for stamp in source.span())
    centre = lo + (hi - lo) * 0.55
    for direction, name in ((1, "next"), (-1, "previous")):
        times, current = [], None
        for _ in range(20):
            t = time.perf_counter()
            row = step(source, centre, direction, current)
            times.append((time.perf_counter() - t) * 1000)
            if row is None:
                break
            current = (row["start"].timestamp(), str(row["id"]))
        ordered = sorted(times)
        out[f"step_{name}_ms"] = {"p50": round(statistics.median(times), 1),
                                  "p95": round(ordered[int(0.95 * (len(ordered) - 1))], 1),
                                  "max": round(ordered[-1], 1), "first": round(times[0], 1)}
    with tempfile.TemporaryDirectory(prefix="entente-bench-export-") as scratch:
        t = time.perf_counter()
        rows = write_chunks(source.stream(centre, centre + DAY), EVENT_COLUMNS, Path(scratch) / "day.csv")
        took = time.perf_counter() - t
    out["export_day_rows"], out["export_day_s"] = rows, round(took, 3)
    out["export_rows_per_s"] = round(rows / took) if took else None
    return out


STAGES = {"first": stage_first, "pyramid": stage_pyramid, "session": stage_session, "info": stage_info,
          "window": stage_window, "commands": stage_commands}


def child(stage: str, folder: str) -> dict[str, object]:
    """One measured stage, in this (fresh) process, with its peak memory."""
    out = STAGES[stage](folder)
    out["peak_rss_mb"] = peak_mb()
    return out


def run_child(stage: str, folder: Path, env: dict[str, str]) -> dict[str, object]:
    """A stage in a fresh interpreter: its own figures plus the wall time seen from outside."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, __file__, "--child", stage, str(folder)], env=env,
                          capture_output=True, text=True, check=True)
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    figures["wall_s"] = round(time.perf_counter() - started, 3)
    return figures


def fresh_env(cache: str) -> dict[str, str]:
    """The environment of a stage: its own cache folder (switched on), Qt offscreen."""
    env = {**os.environ, "XDG_CACHE_HOME": cache, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("ENTENTE_NO_CACHE", None)
    return env


def main(n: int, only: str | None = None) -> None:
    sys.path.insert(0, str(HERE))
    from big_data import generate
    started = time.perf_counter()
    folder = generate(n)
    generated_s = round(time.perf_counter() - started, 1)
    if only is not None:
        with tempfile.TemporaryDirectory(prefix="entente-bench-big-") as cache:
            drop_os_cache()
            print(json.dumps({"events": n, "folder": str(folder), only: run_child(only, folder, fresh_env(cache))},
                             indent=1))
        return
    with tempfile.TemporaryDirectory(prefix="entente-bench-big-") as cache:
        env = fresh_env(cache)
        cold = drop_os_cache()
        result: dict[str, object] = {"events": n, "folder": str(folder), "generate_s": generated_s,
                                     "os_cache_dropped": cold,
                                     "parquet_mb": round(sum(p.stat().st_size for p in folder.rglob("*.parquet"))
                                                         / 2**20, 1)}
        result["info_cold"] = run_child("info", folder, env)
        drop_os_cache()
        result["first_frame_no_pyramid"] = run_child("first", folder, env)
        result["pyramid"] = run_child("pyramid", folder, env)
        result["info_warm"] = run_child("info", folder, env)
        drop_os_cache()
        result["session"] = run_child("session", folder, env)
        drop_os_cache()
        result["commands"] = run_child("commands", folder, env)
    with tempfile.TemporaryDirectory(prefix="entente-bench-big-window-") as cache:
        drop_os_cache()
        result["window"] = run_child("window", folder, fresh_env(cache))  # a first open: no pyramid yet
    session = result["session"]
    assert isinstance(session, dict)
    info = result["info_cold"]
    assert isinstance(info, dict)
    first = result["first_frame_no_pyramid"]
    assert isinstance(first, dict)
    window: Any = result["window"]
    result["goals"] = {
        "first_frame_le_3s": [first["wall_s"], session["first_answer_s"]],
        "info_le_3s": info["wall_s"],
        "zoomed_density_le_1s": max(session[f"zoom_{k}_exact_s"] for k in ("year", "month", "week", "day")),
        "narrow_rows_le_300ms": session["rows_day_s"],
        "window_first_frame_le_3s": window["open"]["first_frame_s"],
        "window_ui_stall_max_ms_le_50": max(window[k]["stall"]["max_ms"] for k in ("while_building", "with_pyramid")),
        "window_rows_le_300ms": window["with_pyramid"]["rows"],
        "peak_rss_le_1536mb": max(v["peak_rss_mb"] for v in result.values() if isinstance(v, dict)
                                  and "peak_rss_mb" in v),
    }
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        import contextlib
        import io
        with contextlib.redirect_stdout(io.StringIO()):  # the command's own output is not the figure
            figures = child(sys.argv[2], sys.argv[3])
        print(json.dumps(figures))
    else:
        arguments = sys.argv[1:]
        stage = arguments[arguments.index("--only") + 1] if "--only" in arguments else None
        numbers = [a for a in arguments if a[:1].isdigit()]
        main(int(float(numbers[0])) if numbers else 100_000_000, stage)
