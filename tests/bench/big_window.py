"""`make bench-big`'s ``window`` stage: the main window on the 100M source, as a user meets it.

The window is shown on the bundled dataset, then the source is opened as File → Open does (the
loader's thread), and the stage measures the first painted frame with density, then a scripted
sequence — wheel zooms from the whole span down to a day, pans across, a day and an hour (their
rows when they hold few enough events), zooms back out — first while the pyramid is being built (a
fresh cache), then again, on other places, once it is built. For each step: how long each
``processEvents`` call kept the UI thread (the stall), the time until the view's exact density is
cached, until the worker is idle, and for narrow windows until their rows are drawn. Run only through ``bench_big.py``.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from typing import Any

import numpy as np

DAY = 86400.0
WAIT_S = 120.0  # a step that takes longer is recorded as timed out, and the sequence goes on


class Clock:
    """Runs the event loop and keeps how long each pass of it took (the UI thread's stalls)."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.passes: list[float] = []

    def spin(self) -> float:
        """One pass of the event loop; its duration in seconds."""
        started = time.perf_counter()
        self.app.processEvents()
        took = time.perf_counter() - started
        self.passes.append(took)
        return took

    def until(self, done: Callable[[], bool], limit: float = WAIT_S) -> float | None:
        """Seconds until ``done()`` (spinning the loop meanwhile), None past ``limit``."""
        started = time.perf_counter()
        while not done():
            if time.perf_counter() - started > limit:
                return None
            self.spin()
            time.sleep(0.002)  # answers arrive from other threads: let them run
        return time.perf_counter() - started


def _ms(values: list[float]) -> dict[str, float]:
    if not values:
        return {}
    array = np.array(values) * 1000
    return {"p50_ms": round(float(np.percentile(array, 50)), 1), "p95_ms": round(float(np.percentile(array, 95)), 1),
            "max_ms": round(float(array.max()), 1), "n": len(values)}


def _busy(passes: list[float]) -> dict[str, float]:
    """Percentiles of the passes that did something (≥ 1 ms; most passes of a polling loop find nothing)."""
    return _ms([p for p in passes if p >= 0.001])


def run(folder: str) -> dict[str, object]:
    """The stage's figures (see the module docstring)."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication
    app = QApplication.instance() or QApplication([])
    import viewer
    from viewer.ui.shared.state import ViewState
    from viewer.ui.shell.main_window import MainWindow
    clock = Clock(app)
    window = MainWindow(ViewState(viewer.load()), None)
    window.resize(1600, 900)
    window.show()
    clock.until(window.isVisible)
    from viewer.ui.shared import heap
    heap.settle()  # as the app does once its window is shown
    for _ in range(20):
        clock.spin()
    clock.passes.clear()
    out: dict[str, object] = {"load_average_before": [round(v, 2) for v in os.getloadavg()]}
    started = time.perf_counter()
    window.opening.open_path(folder)
    arrived = clock.until(lambda: window.state.dataset.source is not None)
    arrival = _ms(clock.passes)  # the loader's thread opens the source; the last pass shows the dataset
    clock.passes.clear()
    engine = window.timeline.engine
    assert engine is not None and engine.worker is not None
    worker = engine.worker
    # when the lanes' pyramid was handed to the tile service: its coarse levels, then the whole of it
    ready: dict[str, float] = {}

    def handed(lanes: object) -> None:
        pyramid = worker.tiles.pyramid_for(lanes)  # type: ignore[arg-type]  # the LaneSpec signalled
        if pyramid is not None:
            ready.setdefault("whole" if pyramid.complete else "coarse", time.perf_counter() - started)

    worker.prepared.connect(handed)
    painted = _at(started, clock.until(lambda: engine.item._image.shape[1] > 1))
    (t0, t1), _ = window.timeline.view.viewRange()
    first = engine.picture(t0, t1, int(window.timeline.view.width()))
    out["open"] = {"dataset_s": _round(arrived), "first_frame_s": painted,
                   "first_frame_per_lane": bool(first is not None and first.per_lane),
                   "stall_until_shown": arrival, "stall_after": _busy(clock.passes)}
    source = window.state.dataset.source
    span = source.span()  # type: ignore[union-attr]  # remembered at open: no query
    lo, hi = span[0].timestamp(), span[1].timestamp()
    progress = engine.preparing
    # at once, as a user would: the first steps wait for the whole span's exact tiles still being asked
    out["while_building"] = _sequence(window, clock, lo + 0.55 * (hi - lo), settle=False)
    out["while_building"]["build_progress"] = [progress, engine.preparing]  # type: ignore[index]
    out["while_building"]["ended_s"] = round(time.perf_counter() - started, 3)  # type: ignore[index]
    clock.until(lambda: getattr(worker.tiles.pyramid_for(engine.spec), "complete", False), limit=900.0)
    out["coarse_levels_ready_s"] = _round(ready.get("coarse"))
    out["pyramid_ready_s"] = _round(ready.get("whole"))
    out["with_pyramid"] = _sequence(window, clock, lo + 0.3 * (hi - lo))
    out["load_average_after"] = [round(v, 2) for v in os.getloadavg()]
    window.close()
    return out


def _sequence(window: Any, clock: Clock, centre: float, settle: bool = True) -> dict[str, Any]:
    """30 steps around ``centre``: 16 double wheel notches in from the whole span, pans, narrow windows,
    out; ``settle`` first waits until the starting view's tiles are all in."""
    from PySide6.QtWidgets import QApplication

    from viewer.model.window import TimeWindow
    engine = window.timeline.engine
    state = window.state
    whole = state.dataset.source.span()
    half = (whole[1].timestamp() - whole[0].timestamp()) / 2
    state.set_window(TimeWindow(centre - half, centre + half))
    if settle:
        clock.until(lambda: _idle(window))
    clock.passes.clear()
    steps: list[dict[str, Any]] = []

    def step(name: str, act: Callable[[], None]) -> None:
        before = len(clock.passes)
        started = time.perf_counter()
        act()
        acted = time.perf_counter() - started
        clock.passes.append(acted)
        density = _at(started, clock.until(lambda: _exact(window)))
        idle = _at(started, clock.until(lambda: _idle(window)))  # the rows, when asked, come before idle
        (t0, t1), _ = window.timeline.view.viewRange()
        steps.append({"step": name, "span_days": round((t1 - t0) / DAY, 3), "action_ms": round(acted * 1000, 1),
                      "exact_density_s": density, "idle_s": idle,
                      "rows_s": idle if engine.rows_cover(t0, t1) else None,
                      "rows": len(window.timeline.visible_event_ids()),
                      "longest_pass_ms": round(max(clock.passes[before:], default=0.0) * 1000, 1)})

    for i in range(16):
        step(f"wheel in {i + 1}", lambda: _wheel(window, 2, QApplication))
    (t0, t1), _ = window.timeline.view.viewRange()
    width = t1 - t0
    for i in range(6):
        step(f"pan {i + 1}", lambda i=i: state.set_window(TimeWindow(t0 + (i + 1) * width / 2,
                                                                     t1 + (i + 1) * width / 2)))
    for name, span in (("a day", DAY), ("an hour", 3600.0)):
        step(f"rows of {name}", lambda span=span: state.set_window(TimeWindow(centre, centre + span)))
    for i in range(6):
        step(f"wheel out {i + 1}", lambda: _wheel(window, -6, QApplication))
    done = [s for s in steps if s["exact_density_s"] is not None]
    return {"steps": steps, "stall": _busy(clock.passes),
            "longest_pass_per_step": _ms([s["longest_pass_ms"] / 1000 for s in steps]),
            "exact_density": _ms([s["exact_density_s"] for s in done]),
            "exact_density_timed_out": len(steps) - len(done),
            "rows": {s["step"]: s["rows_s"] for s in steps if s["step"].startswith("rows")}}


def _wheel(window: Any, notches: int, app: Any) -> None:
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QWheelEvent
    viewport = window.timeline.plot.viewport()
    centre = QPointF(viewport.width() / 2, viewport.height() / 2)
    for _ in range(abs(notches)):
        event = QWheelEvent(centre, QPointF(viewport.mapToGlobal(centre.toPoint())), QPoint(0, 0),
                            QPoint(0, 120 if notches > 0 else -120), Qt.MouseButton.NoButton,
                            Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
        app.sendEvent(viewport, event)


def _exact(window: Any) -> bool:
    """True when every tile of the view's exact density is known (or its rows are drawn instead)."""
    from viewer.source.tiles import tiles_for
    engine = window.timeline.engine
    (t0, t1), _ = window.timeline.view.viewRange()
    if engine.rows_cover(t0, t1):
        return True
    key = (engine.spec, window.state.filters)
    tiles = tiles_for(t0, t1, max(int(window.timeline.view.width()), 50))
    return all(engine.worker.tiles.cached(t.request(*key)) is not None for t in tiles)


def _idle(window: Any) -> bool:
    engine = window.timeline.engine
    return not engine.worker.busy and not engine._soon.isActive()


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def _at(started: float, waited: float | None) -> float | None:
    """Seconds from ``started`` to now, or None when the wait timed out."""
    return None if waited is None else round(time.perf_counter() - started, 3)
