"""The whole window under a cursor dragged across its graph's dates: the bundled dataset and two crowded graphs.

Each step is ``state.move_cursor`` then ``processEvents()`` in the shown window (1600x900, offscreen): the timeline,
the relationship panel, the relations table and the status bar follow it and paint, with the fades' frames that
fall due while the steps go on. Three drags of 60 steps across the default window; the median, p95 and max step
and the seconds of all 180. The crowded graphs are made here, with a fixed seed:

- ``hairball``: 300 companies and 5,000 stakes that all start on 2019-01-01, the window from 2018-06 to 2019-06
  (the cursor crosses the day they start once a drag);
- ``turnover``: 300 companies and 3,000 stakes each held a year, starting over 2000-2008 (the ties change at
  nearly every step).

Run with ``make bench-graph-cursor``; prints JSON. ``PYTHONPATH`` another checkout to measure its code.
"""

from __future__ import annotations

import json
import os
import time

import numpy as np
import pandas as pd
from PySide6.QtWidgets import QApplication

import viewer
from viewer.model.dataset import Dataset, DatasetMeta, Tables, build_dataset
from viewer.model.dates import from_seconds
from viewer.ui.shared.state import ViewState
from viewer.ui.shell.main_window import MainWindow

NODES, DRAGS, STEPS = 300, 3, 60


def _companies() -> pd.DataFrame:
    return pd.DataFrame({"id": [f"n{i}" for i in range(NODES)], "name": [f"Company {i}" for i in range(NODES)],
                         "kind": "company"})


def hairball(ties: int = 5_000) -> Dataset:
    """Ties between random companies, all from one day."""
    rng = np.random.default_rng(3)
    relations = pd.DataFrame({"id": [f"r{i}" for i in range(ties)],
                              "source": [f"n{k}" for k in rng.integers(0, NODES, ties)],
                              "target": [f"n{k}" for k in rng.integers(0, NODES, ties)],
                              "kind": rng.choice(["equity_stake", "partnership", "joint_venture"], ties),
                              "value": rng.integers(1, 101, ties).astype(str), "valid_from": "2019-01-01"})
    events = pd.DataFrame({"id": ["e1", "e2"], "title": ["Before", "After"], "start": ["2018-06-01", "2019-06-01"],
                           "actors": ["n1", "n2;n3"]})
    return build_dataset(Tables(events, _companies(), relations), DatasetMeta())


def turnover(ties: int = 3_000) -> Dataset:
    """Ties each held a year, one starting every day or so over nine years."""
    days = pd.Timestamp("2000-01-01") + pd.to_timedelta(np.arange(ties) * 365 * 9 // ties, unit="D")
    relations = pd.DataFrame({"id": [f"r{i}" for i in range(ties)],
                              "source": [f"n{i % NODES}" for i in range(ties)],
                              "target": [f"n{(i * 7 + 1) % NODES}" for i in range(ties)],
                              "kind": "equity_stake", "value": [str(i % 100 + 1) for i in range(ties)],
                              "valid_from": days.strftime("%Y-%m-%d"),
                              "valid_to": (days + pd.Timedelta(days=365)).strftime("%Y-%m-%d")})
    events = pd.DataFrame({"id": ["e1", "e2"], "title": ["Start", "End"], "start": ["2000-01-01", "2009-01-01"]})
    return build_dataset(Tables(events, _companies(), relations), DatasetMeta())


def drag(dataset: Dataset) -> dict[str, float]:
    """Milliseconds per cursor step over :data:`DRAGS` drags of :data:`STEPS` steps across the default window."""
    app = QApplication.instance() or QApplication([])
    window = MainWindow(ViewState(dataset))
    window.resize(1600, 900)
    window.show()
    app.processEvents()
    shown = window.state.window
    times = []
    for _ in range(DRAGS):
        for i in range(STEPS):
            began = time.perf_counter()
            window.state.move_cursor(from_seconds(shown.start + shown.span * (i + 0.5) / STEPS))
            app.processEvents()
            times.append((time.perf_counter() - began) * 1000)
    window.close()
    window.deleteLater()
    app.processEvents()
    steps = np.array(times)
    return {"median": round(float(np.median(steps)), 2), "p95": round(float(np.percentile(steps, 95)), 2),
            "max": round(float(steps.max()), 2), "total_s": round(float(steps.sum()) / 1000, 2)}


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    QApplication.instance() or QApplication([])
    out = {"steps": f"{DRAGS} drags of {STEPS} cursor steps in the window, 1600x900",
           "alliance": drag(viewer.load()), "hairball": drag(hairball()), "turnover": drag(turnover())}
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
