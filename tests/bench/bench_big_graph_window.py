"""The whole window on a big graph of no events: cursor steps, with the relations table following them.

3,000 entities and 6,000 ties starting a month apart over 2019 (as a GEXF export of a network would give them),
the window at 1600×900 and the cursor moved across the year in 25 steps: each step that changes the ties rebuilds
the graph's focused view and the table of the relations at the cursor, on the UI thread. Reported in ms: p50, p95
and max of the steps, and the window's first build. The heap is settled once the window is shown, as the app does.
Run with ``make bench-big-graph``; prints JSON.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd
from PySide6.QtWidgets import QApplication

from viewer.model.dataset import Dataset, Tables, build_dataset
from viewer.ui.shared import heap
from viewer.ui.shared.state import ViewState
from viewer.ui.shell.main_window import MainWindow
from viewer.ui.shell.settings import Settings

NODES, EDGES, STEPS = 3000, 6000, 25


def _graph(seed: int = 3) -> Tables:
    rng = np.random.default_rng(seed)
    entities = pd.DataFrame({"id": [str(i) for i in range(NODES)], "name": [f"Org {i}" for i in range(NODES)]})
    relations = pd.DataFrame({"id": [f"e{i}" for i in range(EDGES)],
                              "source": rng.integers(0, NODES, EDGES).astype(str),
                              "target": rng.integers(0, NODES, EDGES).astype(str), "kind": "edge",
                              "valid_from": [f"2019-{1 + i % 12:02d}-01" for i in range(EDGES)]})
    return Tables(pd.DataFrame({"id": [], "start": []}), entities, relations)


def cursor_steps(app: QApplication, dataset: Dataset, dates: pd.DatetimeIndex, digits: int = 1
                 ) -> tuple[MainWindow, float, dict[str, float]]:
    """The whole window at 1600×900 on ``dataset`` (built in seconds) and the cursor moved to each date: ms, p50,
    p95 and max. The heap is settled once the window is shown, as the app does."""
    began = time.perf_counter()
    window = MainWindow(ViewState(dataset), Settings(Path(tempfile.mkdtemp()) / "bench.ini"))
    window.resize(1600, 900)
    window.show()
    for _ in range(5):
        app.processEvents()
    built = time.perf_counter() - began
    heap.settle()
    steps = []
    for when in dates:
        began = time.perf_counter()
        window.state.move_cursor(when)
        app.processEvents()
        steps.append((time.perf_counter() - began) * 1000)
    p50, p95, most = np.percentile(steps, [50, 95, 100])
    return window, built, {"p50": round(p50, digits), "p95": round(p95, digits), "max": round(most, digits)}


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    window, built, steps = cursor_steps(app, build_dataset(_graph()),
                                        pd.date_range("2019-01-01", "2019-12-31", periods=STEPS, tz="UTC"))
    print(json.dumps({"entities": NODES, "relations": EDGES, "window_build_s": round(built, 3), "cursor_ms": steps},
                     indent=1))
    window.close()


if __name__ == "__main__":
    main()
