"""Redraw times of the timeline on a synthetic dataset: 100,000 events, 50 actors, 30 % ranges.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python tests/bench/bench_timeline.py [n_events]``. Each step
sets the window through the shared state, processes events and grabs the panel (a full paint), and
prints the median and worst milliseconds for 20 zoom steps and 20 pan steps. Not a unit test.
"""

from __future__ import annotations

import os
import statistics
import sys
import time

import numpy as np
import pandas as pd

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from viewer.model.dataset import Dataset, Tables, build_dataset
from viewer.model.window import TimeWindow


def synthetic(n: int, n_actors: int = 50, range_share: float = 0.3, seed: int = 1) -> Dataset:
    """``n`` events over 2000–2025 among ``n_actors`` actors; ``range_share`` of them ranges, heavy-tailed."""
    rng = np.random.default_rng(seed)
    start = pd.Timestamp("2000-01-01", tz="UTC") + pd.to_timedelta(rng.uniform(0, 25 * 365.25, n), unit="D")
    is_range = rng.random(n) < range_share
    length = pd.to_timedelta(np.minimum(rng.pareto(1.1, n) * 20, 3650), unit="D")
    end = pd.Series(start + length).where(is_range)
    actors = [f"a{i:02d}" for i in range(n_actors)]
    first = rng.integers(0, n_actors, n)
    second = rng.integers(0, n_actors, n)
    both = rng.random(n) < 0.3
    actor_text = [f"{actors[a]};{actors[b]}" if two and a != b else actors[a]
                  for a, b, two in zip(first.tolist(), second.tolist(), both.tolist(), strict=True)]
    events = pd.DataFrame({
        "id": [f"S{i}" for i in range(n)], "start": start.strftime("%Y-%m-%d"),
        "end": end.dt.strftime("%Y-%m-%d").fillna(""), "title": [f"Synthetic event number {i}" for i in range(n)],
        "actors": actor_text, "category": rng.choice(["legal", "capital", "product", "strategy"], n),
    })
    entities = pd.DataFrame({"id": actors, "name": [f"Actor {i}" for i in range(n_actors)], "kind": "company"})
    return build_dataset(Tables(events, entities))


def timed(app: QApplication, panel: object, state: object, windows: list[TimeWindow]) -> list[float]:
    """Milliseconds per window: set it, process events, grab the panel."""
    out = []
    for window in windows:
        began = time.perf_counter()
        state.set_window(window)  # type: ignore[attr-defined]
        app.processEvents()
        panel.grab()  # type: ignore[attr-defined]
        out.append((time.perf_counter() - began) * 1000)
    return out


def main() -> None:
    """Build the dataset, open the timeline at 1400x700 and report zoom and pan redraw times."""
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    app = QApplication.instance() or QApplication([])
    from viewer.ui.shared.state import ViewState
    from viewer.ui.timeline.panel import TimelinePanel

    began = time.perf_counter()
    ds = synthetic(n)
    built = time.perf_counter() - began
    state = ViewState(ds)
    began = time.perf_counter()
    panel = TimelinePanel(state)
    panel.resize(1400, 700)
    panel.show()
    app.processEvents()
    panel.grab()
    opened = time.perf_counter() - began
    lanes = len(panel.lane_labels())
    print(f"{n:,} events, {lanes} lanes; dataset built in {built:.2f} s, panel shown in {opened:.2f} s")
    whole = TimeWindow.between("2000", "2025")
    zooms = [whole.zoom(0.6**i, whole.start + whole.span * 0.4) for i in range(20)]  # 25 years down to ~12 hours
    zoom_ms = timed(app, panel, state, zooms)
    for label, base in (("wide (5 years)", TimeWindow.between("2010", "2014")),
                        ("narrow (2 weeks)", TimeWindow.between("2012-03-01", "2012-03-14"))):
        state.set_window(base)
        app.processEvents()
        pan_ms = timed(app, panel, state, [base.pan(base.span * 0.05 * (i + 1)) for i in range(20)])
        print(f"pan {label}: median {statistics.median(pan_ms):.1f} ms, worst {max(pan_ms):.1f} ms "
              f"({'density' if panel.items.density_mode else 'shapes'})")
    print(f"zoom (25 y → 12 h): median {statistics.median(zoom_ms):.1f} ms, worst {max(zoom_ms):.1f} ms")
    print("zoom steps ms:", " ".join(f"{ms:.0f}" for ms in zoom_ms))


if __name__ == "__main__":
    main()
