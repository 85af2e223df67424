"""Relationship panel benchmark: the redraw of a cursor move with 1,000 visible edges against the alliance.

A redraw is what a cursor move costs the UI thread: the graph at the new date, the arrays, and one
paint of the canvas (edges, nodes, label placement). The heap is settled as the window settles it
after a load (``viewer.ui.shared.heap``). Run with ``make bench-panel``; prints JSON.
"""

from __future__ import annotations

import json
import os
import time
from typing import Any

import graph_data
import numpy as np
import pandas as pd
from PySide6.QtWidgets import QApplication

import viewer
from viewer.model.dataset import Dataset, Tables, build_dataset
from viewer.ui.relations.panel import RelationshipPanel
from viewer.ui.shared import heap
from viewer.ui.shared.state import ViewState

DAYS = ("2022-12-31", "2023-11-09")


def _redraws(dataset: Dataset, repeat: int = 21) -> dict[str, Any]:
    state = ViewState(dataset)
    panel = RelationshipPanel(state)
    panel.resize(900, 700)
    panel.show()
    QApplication.processEvents()
    heap.settle()
    times = []
    for run in range(repeat):
        start = time.perf_counter()
        state.move_cursor(DAYS[run % 2])
        panel.canvas.grab()  # one full paint: edges, nodes and the label placement
        times.append(time.perf_counter() - start)
        QApplication.processEvents()
        if run == 0:
            edges_before = len(panel.canvas.edges.ids)
    edges = min(len(panel.canvas.edges.ids), edges_before)
    panel.close()
    ms = np.array(times[1:]) * 1000  # the first run warms caches (text sizes, styles)
    return {"edges_at_least": edges, "nodes": len(panel.node_ids()), "median_ms": round(float(np.median(ms)), 1),
            "p95_ms": round(float(np.percentile(ms, 95)), 1), "runs": len(ms)}


def main() -> None:
    """Measure both graphs and print the figures as one JSON object."""
    QApplication.instance() or QApplication([])
    entities, relations = graph_data.scale_free(282, ties=4)
    # one tie in ten starts between the two days, so each cursor move changes the graph (as in the alliance)
    relations["valid_from"] = np.where(np.arange(len(relations)) % 10 == 0, "2023-06-01", "")
    big = build_dataset(Tables(pd.DataFrame({"start": ["2000"]}), entities, relations))
    result: dict[str, Any] = {"cpus": os.cpu_count(), "load_average": os.getloadavg()[0]}
    result["alliance"] = _redraws(viewer.load())
    result["scale_free_1000_edges"] = _redraws(big)
    result["ratio_median"] = round(result["scale_free_1000_edges"]["median_ms"] / result["alliance"]["median_ms"], 2)
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
