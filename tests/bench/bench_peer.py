"""vis-timeline against Entente's window on the identical data, in one run; prints ONE JSON object.

Run: ``make bench-peer`` (or ``QT_QPA_PLATFORM=offscreen .venv/bin/python tests/bench/bench_peer.py [run.sh]``).
First the peer: ``../shared/bench/peer-vis/run.sh`` (headless Chromium, one JSON line per size on its
stdout; its progress passes through on stderr). Then Entente's main window (1600×900, offscreen) on the
same items (:mod:`peer_data`, a port of the page's generator), with bench.js's protocol:

- first frame: from the events table in memory (vis: the plain JS array) to the first painted frame:
  ``build_dataset``, ``state.set_dataset`` with the window 2018–2023 in one batch, ``processEvents``
  (the window is shown, offscreen: processing its events paints every widget that changed, once, as
  a screen would; a ``grab()`` on top would paint it all a second time, which no user waits for);
- zoom: step *i* sets the window to the *i*-th tenth of the span, then back to the whole span; each is
  ``state.set_window``, ``processEvents``, timed on its own;
- pan: from the first tenth (not timed), ten moves of half a window to the right.

Sizes: ``ENTENTE_PEER_SIZES`` (default ``1000,10000,30000``); steps: ``ENTENTE_PEER_STEPS`` (default 10).
Ratios are vis / Entente: above 1, Entente is faster. Not a unit test. See tests/bench/README.md.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
import peer_data

RUN_SH = Path(__file__).resolve().parents[3] / "shared" / "bench" / "peer-vis" / "run.sh"
GOALS = {"zoom_and_pan_median_at_least": 3.0, "first_frame_at_10000_at_least": 50.0}


def _log(message: str) -> None:
    print(f"[bench-peer {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def _r(ms: float) -> float:
    return round(ms, 1)


def _stats(samples: list[float]) -> dict[str, float]:
    return {"median": _r(float(np.median(samples))), "p95": _r(float(np.percentile(samples, 95)))}


def run_vis(run_sh: Path, sizes: list[int], steps: int) -> dict[int, dict[str, Any]]:
    """The peer's JSON per size, as run.sh printed it (a failed run gives ``{"status": "error", ...}``)."""
    command = [str(run_sh), f"--sizes={','.join(map(str, sizes))}", f"--steps={steps}"]
    _log(f"vis-timeline: {' '.join(command)}")
    done = subprocess.run(command, stdout=subprocess.PIPE, text=True, check=False)
    out: dict[int, dict[str, Any]] = {}
    for line in done.stdout.splitlines():
        if line.strip():
            result = json.loads(line)
            out[int(result["n"])] = result
    for n in sizes:
        out.setdefault(n, {"status": "error", "error": f"run.sh exited with {done.returncode} before N={n}"})
    return out


class EntenteSide:
    """One main window per size, fed the peer's items; every step timed until the window is painted."""

    def __init__(self, steps: int) -> None:
        from PySide6.QtWidgets import QApplication

        from viewer.model.window import TimeWindow
        self.app = QApplication.instance() or QApplication([])
        self.steps = steps
        self.full = TimeWindow.between("2018", "2023")  # 2018-01-01 to 2024-01-01, as the page's start/end
        assert (self.full.start * 1000, self.full.end * 1000) == (peer_data.SPAN_START, peer_data.SPAN_END)
        self.tenth = self.full.span / 10
        self.windows_ok = True
        self.grabs: list[float] = []  # per step, the time after the change returned: reacting and painting

    def _painted(self, window: Any, change: Callable[[], None]) -> tuple[float, float]:
        """Milliseconds from ``change`` to the painted window (its events processed: the shown window
        repaints there), and of those the share after the change returned (reacting and painting)."""
        self.app.processEvents()  # start from a quiet loop, as the page starts on a fresh frame
        began = time.perf_counter()
        change()
        changed = time.perf_counter()
        self.app.processEvents()
        done = time.perf_counter()
        return (done - began) * 1000, (done - changed) * 1000

    def _to(self, window: Any, target: Any) -> float:
        ms, grab_ms = self._painted(window, lambda: window.state.set_window(target))
        self.grabs.append(grab_ms)
        now = window.state.window
        self.windows_ok &= abs(now.start - target.start) <= 0.001 and abs(now.end - target.end) <= 0.001
        return ms

    def run(self, n: int) -> dict[str, Any]:
        """First frame, zoom and pan at ``n`` items."""
        import pandas as pd

        from viewer.model.dataset import DatasetMeta, Tables, build_dataset
        from viewer.model.window import TimeWindow
        from viewer.ui.shared import heap
        from viewer.ui.shared.state import ViewState
        from viewer.ui.shell.main_window import MainWindow
        self.windows_ok = True
        began = time.perf_counter()
        empty = build_dataset(Tables(events=pd.DataFrame({"start": pd.Series([], dtype="datetime64[ms, UTC]")})))
        window = MainWindow(ViewState(empty), None)
        window.resize(1600, 900)
        window.show()
        self.app.processEvents()
        window.grab()
        window_start_ms = (time.perf_counter() - began) * 1000
        events, entities = peer_data.events(n), peer_data.entities()  # the data in memory, not timed
        meta = DatasetMeta(title=f"vis-timeline peer data, {n:,} items", principal=tuple(entities["id"]))
        built: list[float] = []

        def show() -> None:
            began = time.perf_counter()
            dataset = build_dataset(Tables(events, entities), meta)
            built.append((time.perf_counter() - began) * 1000)
            with window.state.session.batch():  # one announcement: the dataset and the page's window
                window.state.set_dataset(dataset)
                window.state.set_window(self.full)

        first, first_grab = self._painted(window, show)
        parts = {"build_dataset_ms": _r(built[0]), "set_dataset_and_events_ms": _r(first - built[0] - first_grab),
                 "events_and_paint_ms": _r(first_grab)}
        self.grabs.clear()
        began = time.perf_counter()
        heap.settle()  # as the window does after a load
        settle_ms = (time.perf_counter() - began) * 1000
        _log(f"Entente N={n}: first frame {first:.0f} ms")
        zoom_in, zoom_out = [], []
        for i in range(self.steps):
            start = self.full.start + i * self.tenth
            zoom_in.append(self._to(window, TimeWindow(start, start + self.tenth)))
            zoom_out.append(self._to(window, self.full))
        zoom_grabs = self.grabs[:]
        base = TimeWindow(self.full.start, self.full.start + self.tenth)
        self._to(window, base)  # pan setup, not timed
        self.grabs.clear()
        pan = [self._to(window, base.pan(self.tenth / 2 * (i + 1))) for i in range(self.steps)]
        share = {"zoom_step": float(np.median(zoom_grabs) / np.median(zoom_in + zoom_out)),
                 "pan": float(np.median(self.grabs) / np.median(pan))}
        lanes = len(window.timeline.lane_labels())
        window.close()
        window.deleteLater()
        self.app.processEvents()
        return {"n": n, "first_frame_ms": _r(first), "first_frame_parts": parts, "lanes": lanes,
                "zoom_in_ms": _stats(zoom_in), "zoom_out_ms": _stats(zoom_out),
                "zoom_step_ms": _stats(zoom_in + zoom_out),
                "pan_ms": _stats(pan), "zoom_in_samples_ms": [_r(x) for x in zoom_in],
                "zoom_out_samples_ms": [_r(x) for x in zoom_out], "pan_samples_ms": [_r(x) for x in pan],
                "events_and_paint_share_of_median": {k: round(v, 2) for k, v in share.items()},
                "windows_as_requested": self.windows_ok, "window_start_ms": _r(window_start_ms),
                "heap_settle_ms": _r(settle_ms)}


def _vis_stats(vis: dict[str, Any]) -> dict[str, dict[str, float]]:
    """vis' medians and p95 from its samples (run.sh prints medians only)."""
    zin, zout, pan = (vis.get(k) or [] for k in ("zoom_in_samples_ms", "zoom_out_samples_ms", "pan_samples_ms"))
    return {kind: _stats(samples) for kind, samples in (("zoom_in_ms", zin), ("zoom_out_ms", zout),
                                                        ("zoom_step_ms", zin + zout), ("pan_ms", pan)) if samples}


def compare(vis: dict[str, Any], ours: dict[str, Any]) -> dict[str, Any]:
    """For each figure: vis' ms, Entente's ms and vis / Entente (None where vis has no figure)."""
    rows: dict[str, Any] = {}
    visual = _vis_stats(vis)

    def row(name: str, theirs: Any, mine: float) -> None:
        ratio = round(theirs / mine, 2) if isinstance(theirs, int | float) and mine > 0 else None
        rows[name] = {"vis_ms": theirs, "entente_ms": mine, "vis_over_entente": ratio}

    row("first_frame", vis.get("first_frame_ms"), ours["first_frame_ms"])
    for kind in ("zoom_step_ms", "zoom_in_ms", "zoom_out_ms", "pan_ms"):
        for stat in ("median", "p95"):
            row(f"{kind.removesuffix('_ms')}_{stat}", visual.get(kind, {}).get(stat), ours[kind][stat])
    # vis' less quantised reading (rendering done, not the next frame), against the same Entente medians
    for name, kind in (("zoom_step", "zoom_step"), ("pan", "pan")):
        row(f"{name}_median_vs_vis_render_done", vis.get(f"{kind}_render_done_median_ms"), ours[f"{kind}_ms"]["median"])
    return rows


def goals(sizes: dict[int, dict[str, Any]]) -> dict[str, Any]:
    """The issue's targets, met or not, from this run's ratios."""
    wanted = [(n, kind, GOALS["zoom_and_pan_median_at_least"]) for n in (10_000, 30_000)
              for kind in ("zoom_step_median", "pan_median")]
    wanted.append((10_000, "first_frame", GOALS["first_frame_at_10000_at_least"]))
    out: dict[str, Any] = {}
    for n, kind, least in wanted:
        if n in sizes:
            ratio = sizes[n]["ratio"][kind]["vis_over_entente"]
            out[f"{kind}_{n}"] = {"ratio": ratio, "goal": f">= {least}", "met": ratio is not None and ratio >= least}
    return out


def main() -> None:
    """Run the peer, then Entente, then print one JSON object."""
    run_sh = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else RUN_SH
    if not run_sh.exists():
        sys.exit(f"{run_sh}: the vis-timeline peer benchmark is not there (make bench-peer PEER_VIS=path/to/run.sh)")
    sizes = [int(s) for s in os.environ.get("ENTENTE_PEER_SIZES", "1000,10000,30000").split(",") if s.strip()]
    steps = int(os.environ.get("ENTENTE_PEER_STEPS", "10"))
    machine: dict[str, Any] = {"cpus": os.cpu_count(), "load_average_start": [round(x, 2) for x in os.getloadavg()],
                               "python": platform.python_version()}
    vis = run_vis(run_sh, sizes, steps)
    machine["load_average_after_vis"] = [round(x, 2) for x in os.getloadavg()]
    side = EntenteSide(steps)
    import pyqtgraph
    import PySide6
    machine.update(pyside6=PySide6.__version__, pyqtgraph=pyqtgraph.__version__)
    ours = {n: side.run(n) for n in sizes}
    machine["load_average_end"] = [round(x, 2) for x in os.getloadavg()]
    by_size = {n: {"vis": vis[n], "entente": ours[n], "ratio": compare(vis[n], ours[n])} for n in sizes}
    out = {"sizes": {str(n): v for n, v in by_size.items()}, "machine": machine, "goals": goals(by_size),
           "protocol": {"entente_step": "state.set_window + processEvents (the shown 1600x900 window repaints what"
                                         " changed, once)",
                        "entente_first_frame": "build_dataset + set_dataset/set_window in one batch + processEvents",
                        "steps": steps, "run_sh": str(run_sh)}}
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
