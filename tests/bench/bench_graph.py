"""Graph benchmark: layout, label placement and a relations export at scale; prints ONE JSON object.

Run: ``make bench-graph`` (or ``QT_QPA_PLATFORM=offscreen .venv/bin/python tests/bench/bench_graph.py``).
Layouts are :func:`viewer.model.graph.layout` with people included, on graphs from :mod:`graph_data`:
a scale-free graph (about 3 ties per node) and an ownership register (a tree of stakes, a quarter
people) of 100, 1,000 and 10,000 nodes, and the bundled 37-entity alliance. Label placement is
:func:`viewer.model.graph_labels.place_labels` on a laid-out scale-free graph with about 1,000 edges
(labels 25–110 px wide). The export is ``entente export --view relations`` of a generated
5,000-entity register, in a fresh process with the dataset cache off (so it includes the load and
the layout). Each figure has its median and 95th percentile over the repetitions. Not a unit test.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

import graph_data
import numpy as np

import viewer
from viewer.model import graph
from viewer.model.graph_labels import place_labels

SIZES = (100, 1_000, 10_000)
REPEATS = {100: 7, 1_000: 5, 10_000: 3}


def _stats(call: Callable[[], Any], repeat: int) -> dict[str, float]:
    """Median and 95th percentile of ``repeat`` timed calls, in seconds."""
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        call()
        times.append(time.perf_counter() - began)
    return {"median": round(float(np.median(times)), 4), "p95": round(float(np.percentile(times, 95)), 4),
            "runs": repeat}


def _layouts() -> dict[str, Any]:
    out: dict[str, Any] = {}
    for n in SIZES:
        for name, build in (("scale_free", graph_data.scale_free), ("ownership", graph_data.ownership)):
            entities, relations = build(n)
            out[f"layout_s_{name}_{n}"] = _stats(
                lambda e=entities, r=relations: graph.layout(e, r, include_people=True, principal=("c0",)),
                REPEATS[n])
            out[f"edges_{name}_{n}"] = len(relations)
    alliance = viewer.load()
    out["layout_s_alliance"] = _stats(lambda: graph.positions_for(viewer.load()), 7)
    out["alliance_entities"] = len(alliance.entities)
    return out


def _labels() -> dict[str, Any]:
    entities, relations = graph_data.scale_free(340)
    positions = graph.layout(entities, relations)
    ids = {key: i for i, key in enumerate(positions)}
    xy = np.array(list(positions.values())) * (50 / graph.MIN_DISTANCE)  # MIN_DISTANCE ≈ 50 px, as in the panel
    sources, targets = relations["source"].map(ids).to_numpy(), relations["target"].map(ids).to_numpy()
    rng = np.random.default_rng(0)
    node_size = np.stack([rng.uniform(30, 110, len(xy)), np.full(len(xy), 14.0)], axis=1)
    edge_size = np.stack([rng.uniform(25, 45, len(sources)), np.full(len(sources), 12.0)], axis=1)
    radius = np.full(len(xy), 6.0)
    placed = place_labels(xy, radius, node_size, sources, targets, edge_size)
    stats = _stats(lambda: place_labels(xy, radius, node_size, sources, targets, edge_size), 15)
    return {"labels_ms_1000_edges": {k: round(v * 1000, 2) if k != "runs" else v for k, v in stats.items()},
            "labels_edges": len(sources), "labels_nodes": len(xy),
            "labels_shown_share": round(float(np.concatenate([placed.node_shown, placed.edge_shown]).mean()), 3)}


def _export(n: int = 5_000) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = graph_data.write_ownership(Path(tmp) / "register", n)
        out = Path(tmp) / "relations.png"
        command = [sys.executable, "-m", "viewer", "export", str(folder), "--view", "relations", "--out", str(out)]
        env = {**os.environ, "ENTENTE_NO_CACHE": "1", "QT_QPA_PLATFORM": "offscreen"}
        stats = _stats(lambda: subprocess.run(command, check=True, capture_output=True, env=env), 2)
        dataset = viewer.load(folder)
        at = _stats(lambda: graph.graph_at(dataset, "2024-06-01", include_people=True), 3)
    return {f"export_relations_s_{n}": stats, f"graph_at_s_{n}": at}


def main() -> None:
    """Run every stage and print the figures as one JSON object."""
    result: dict[str, Any] = {"cpus": os.cpu_count(), "load_average": os.getloadavg()[0]}
    result |= _layouts()
    result |= _labels()
    result |= _export()
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
