"""Many small files benchmark: a folder of exports (a file a month) opened; prints ONE JSON object.

Run: ``make bench-files`` (or ``QT_QPA_PLATFORM=offscreen .venv/bin/python tests/bench/bench_files.py [files]
[rows]``, 100 files of 50 rows by default). The files are CSVs of a date, a title and an actor, alike in their
columns, made once in the bench data folder (:func:`scale_data.data_root`). Three ways a user opens them:

- ``file_ms``: each file as the window's worker opens a file chosen alone (:func:`load_dataset` with ``ask``: its
  columns looked at for a mapping to ask about and a graph to suggest, then read), median, 95th percentile, max;
- ``folder_s``: the folder opened as one dataset (File → Open folder…, :func:`viewer.load` of the folder), median
  and best of three;
- ``window_s``: every file chosen together in File → Open…, from ``Opening.open_paths`` to the joined dataset
  shown in the window (1600×900, offscreen).

The cache lives in a private folder that starts empty. Not a unit test: the figures go in
``tests/bench/README.md``.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np
import pandas as pd
import scale_data

FOLDER_RUNS = 3


def _folder(files: int, rows: int) -> Path:
    """The folder of ``files`` CSVs of ``rows`` rows each, made on first use."""
    folder = scale_data.data_root() / f"files_{files}x{rows}"
    if not folder.exists():
        part = folder.with_suffix(".part")
        part.mkdir(parents=True, exist_ok=True)
        rng = np.random.default_rng(11)
        for number in range(files):
            days = np.sort(rng.integers(0, 28, rows))
            frame = pd.DataFrame({
                "date": (pd.Timestamp("2010-01-01") + pd.DateOffset(months=number)
                         + pd.to_timedelta(days, unit="D")).strftime("%Y-%m-%d"),
                "title": [f"Event {number}-{i}" for i in range(rows)],
                "actor": [f"A{k}" for k in rng.integers(0, 20, rows)]})
            frame.to_csv(part / f"f{number:03d}.csv", index=False)
        part.rename(folder)
    return folder


def _summary(times: list[float]) -> dict[str, float]:
    ordered = sorted(times)
    return {"median": round(statistics.median(ordered) * 1000, 1),
            "p95": round(ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))] * 1000, 1),
            "max": round(ordered[-1] * 1000, 1)}


def main() -> None:
    files, rows = (int(sys.argv[1]) if len(sys.argv) > 1 else 100), (int(sys.argv[2]) if len(sys.argv) > 2 else 50)
    folder = _folder(files, rows)
    paths = sorted(str(p) for p in folder.glob("*.csv"))
    with tempfile.TemporaryDirectory() as cache, tempfile.TemporaryDirectory() as window_cache:
        import viewer.paths
        viewer.paths.cache_dir = lambda: Path(cache)  # a private cache that starts empty
        from PySide6.QtCore import QEventLoop, QTimer
        from PySide6.QtWidgets import QApplication

        import viewer
        from viewer.ui.shared.state import ViewState
        from viewer.ui.shell.loading import load_dataset
        from viewer.ui.shell.main_window import MainWindow
        out: dict[str, object] = {"files": files, "rows_per_file": rows}
        load_dataset(paths[0], ask=True)  # (imports and first use paid once)
        each = []
        for path in paths[1:]:
            began = time.perf_counter()
            load_dataset(path, ask=True)
            each.append(time.perf_counter() - began)
        out["file_ms"] = _summary(each)
        whole = []
        for _ in range(FOLDER_RUNS):
            began = time.perf_counter()
            viewer.load(folder)
            whole.append(time.perf_counter() - began)
        out["folder_s"] = {"median": round(statistics.median(whole), 2), "best": round(min(whole), 2)}
        viewer.paths.cache_dir = lambda: Path(window_cache)  # (files over the cache's least size: read again)
        app = QApplication.instance() or QApplication([])
        window = MainWindow(ViewState(viewer.load()))
        window.resize(1600, 900)
        window.show()
        app.processEvents()
        loop = QEventLoop()
        window.state.changed.connect(lambda fields: loop.quit() if "dataset" in fields else None)
        QTimer.singleShot(600_000, loop.quit)
        began = time.perf_counter()
        window.opening.open_paths(paths)
        loop.exec()
        out["window_s"] = round(time.perf_counter() - began, 2)
        out["window_events"] = window.state.dataset.event_count
        window.close()
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
