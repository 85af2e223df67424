"""Compare two dates on a random graph: switching to the mode and stepping the cursor through the events.

The graph is made here with a fixed seed, as the tester's ``random2000``: 2,000 entities (a fifth of them people)
and 4,000 ties between random pairs (equity stakes of 1–60 %, partnerships, joint ventures, leaderships), each
from a month of 2000–2020, two in five ending one to eight years later; 200 events over 2000–2020. A folder given
as the argument is opened instead.

In the shown window (1600x900, offscreen), Compare two dates is clicked (``switch_ms``), then the timeline takes
the keys and ``Right`` is pressed 20 times from ``Home`` and ``Left`` 20 times from the default cursor, each press
then ``processEvents()`` (``steps_*``: median, p95 and max in milliseconds, on the clock and, ``*_cpu``, of the
process's CPU, which a busy machine does not stretch). ``as_of_cursor_*`` steps the same way in the default mode,
the graph as of the cursor, for what a step costs that is not the comparison's. Each run of steps is measured five
times over, in fresh windows, and the medians of those runs reported.

Run with ``make bench-compare``; prints JSON. ``PYTHONPATH`` another checkout to measure its code.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

import viewer
from viewer.model.dataset import Dataset, DatasetMeta, Tables, build_dataset
from viewer.ui.shared.state import ViewState
from viewer.ui.shell.main_window import MainWindow
from viewer.ui.shell.settings import Settings

ENTITIES, TIES, EVENTS, STEPS, RUNS = 2_000, 4_000, 200, 20, 5


def random_graph(seed: int = 1) -> Dataset:
    """Ties between random pairs of entities, each from a month of 2000–2020, two in five ending later."""
    rng = np.random.default_rng(seed)
    entities = pd.DataFrame({"id": [f"e{i}" for i in range(ENTITIES)], "name": [f"Entity {i}" for i in range(ENTITIES)],
                             "kind": rng.choice(["company", "company", "person", "government", "fund"], ENTITIES)})
    a, b = rng.integers(0, ENTITIES, TIES), rng.integers(0, ENTITIES, TIES)
    a, b = a[a != b], b[a != b]
    kinds = rng.choice(["equity_stake", "partnership", "joint_venture", "leadership"], len(a))
    years, months = rng.integers(2000, 2021, len(a)), rng.integers(1, 13, len(a))
    ends = np.where(rng.random(len(a)) < 0.6, "", (years + rng.integers(1, 9, len(a))).astype(str))
    relations = pd.DataFrame({
        "id": [f"R{j}" for j in range(len(a))], "source": [f"e{i}" for i in a], "target": [f"e{i}" for i in b],
        "kind": kinds, "value": np.where(kinds == "equity_stake", rng.integers(1, 61, len(a)).astype(str), ""),
        "valid_from": [f"{y}-{m:02d}-01" for y, m in zip(years, months, strict=True)], "valid_to": ends})
    events = pd.DataFrame({
        "id": [f"E{i}" for i in range(EVENTS)],
        "start": [f"{2000 + i * 20 // EVENTS}-{1 + i % 12:02d}-{1 + i % 28:02d}" for i in range(EVENTS)],
        "title": [f"Event {i}" for i in range(EVENTS)],
        "actors": [f"e{i % ENTITIES};e{(i * 7) % ENTITIES}" for i in range(EVENTS)]})
    return build_dataset(Tables(events, entities, relations), DatasetMeta())


def _window(dataset: Dataset) -> MainWindow:
    window = MainWindow(ViewState(dataset), Settings(Path(tempfile.mkdtemp()) / "entente.ini"))
    window.resize(1600, 900)
    window.show()
    QTest.qWaitForWindowExposed(window)
    QApplication.processEvents()
    return window


def _compare(window: MainWindow) -> float:
    """Click Compare two dates: milliseconds until the window has shown it."""
    began = time.perf_counter()
    QTest.mouseClick(window.relations.header.mode_buttons["diff"], Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    return (time.perf_counter() - began) * 1000


def _steps(window: MainWindow, key: Qt.Key, start: Qt.Key | None) -> tuple[list[float], list[float]]:
    """Milliseconds of each step, on the clock and of the process's CPU (a busy machine stretches the first)."""
    plot = window.timeline.plot
    window.activateWindow()
    plot.setFocus()
    if start is not None:
        QTest.keyClick(plot, start)
        QApplication.processEvents()
    wall, cpu = [], []
    for _ in range(STEPS):
        began, used = time.perf_counter(), time.process_time()
        QTest.keyClick(plot, key)
        QApplication.processEvents()
        wall.append((time.perf_counter() - began) * 1000)
        cpu.append((time.process_time() - used) * 1000)
    return wall, cpu


def _figures(runs: list[tuple[list[float], list[float]]]) -> dict[str, float]:
    """Median, p95 and max of each run's steps, the median of the runs; the same of the CPU's milliseconds."""
    out = {}
    for clock, suffix in ((0, ""), (1, "_cpu")):
        for name, f in (("median", np.median), ("p95", lambda a: np.percentile(a, 95)), ("max", np.max)):
            out[name + suffix] = round(statistics.median(float(f(np.array(run[clock]))) for run in runs), 1)
    return out


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    QApplication.instance() or QApplication([])
    dataset = viewer.load(sys.argv[1]) if len(sys.argv) > 1 else random_graph()
    switch: list[float] = []
    right: list[tuple[list[float], list[float]]] = []
    left: list[tuple[list[float], list[float]]] = []
    cursor: list[tuple[list[float], list[float]]] = []
    for _ in range(RUNS):
        for steps, key, start in ((right, Qt.Key.Key_Right, Qt.Key.Key_Home), (left, Qt.Key.Key_Left, None),
                                  (cursor, Qt.Key.Key_Left, None)):
            window = _window(dataset)
            if steps is not cursor:
                switch.append(_compare(window))
            steps.append(_steps(window, key, start))
            window.close()
            window.deleteLater()
            QApplication.processEvents()
    print(json.dumps({"data": sys.argv[1] if len(sys.argv) > 1 else f"random graph, {ENTITIES} entities, {TIES} ties",
                      "relations": len(dataset.relations), "runs": RUNS,
                      "switch_ms": round(statistics.median(switch), 1), "switch_ms_first": round(switch[0], 1),
                      "steps_right_from_home": _figures(right), "steps_left_from_cursor": _figures(left),
                      "as_of_cursor_left_from_cursor": _figures(cursor)}, indent=1))


if __name__ == "__main__":
    main()
