"""What the shell asks of a source queried in place: the previous or next event, and the window's events
exported. The in-memory commands read the dataset's event table; an engine source has none, so the
same commands become questions to the source's worker (a step) or a streamed export of their own."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import pandas as pd

from viewer.model import navigation
from viewer.model.dates import to_seconds
from viewer.source.base import Cancelled, CancelToken, Generation
from viewer.ui.shared.engine import worker_for
from viewer.ui.shell import dialogs
from viewer.ui.shell.engine_export import EngineExport

if TYPE_CHECKING:
    from viewer.source.engine import EngineSource
    from viewer.ui.shell.main_window import MainWindow

_steps = Generation()  # a newer step supersedes one not yet answered


def step_event(window: MainWindow, current: str | None, direction: int) -> None:
    """Ask the source for the event before (-1) or after (+1) the selected one (or the cursor), then
    select it and move the cursor to its start, as the in-memory step does."""
    from viewer.source import stepping  # noqa: PLC0415 - engine code loads only for engine sources
    state = window.state
    source = cast("EngineSource", state.dataset.source)
    worker = worker_for(source)
    at: tuple[float, str] | None = None
    if current is not None:
        known = worker.known(current)
        at = None if known is None else (float(to_seconds(known["start"])), current)
    cursor, filters = float(to_seconds(state.cursor)), state.filters

    def work(token: CancelToken) -> pd.Series | None:
        here = at
        if here is None and current is not None:  # selected but never drawn here: where is it?
            row = source.event(current)
            here = None if row is None else (float(to_seconds(row["start"])), current)
        return stepping.step(source, cursor, direction, here, filters, token)

    def deliver(row: pd.Series | None) -> None:
        if row is None or state.dataset.source is not source:
            return  # at either end, as in memory: nothing to step onto
        worker.remember(row.to_frame().T)
        with state.session.batch():
            state.select_event(str(row["id"]), move_cursor=False)
            state.move_cursor(row["start"])

    worker.ask(work, deliver, _steps.next())


def boundary_event(window: MainWindow, last: bool) -> None:
    """Home / End: ask the source for its first (last) event matching the filters, then select it, move the
    cursor to it and show it, as the in-memory keys do."""
    from viewer.source import stepping  # noqa: PLC0415 - engine code loads only for engine sources
    state = window.state
    source = cast("EngineSource", state.dataset.source)
    worker = worker_for(source)
    filters = state.filters

    def work(token: CancelToken) -> pd.Series | None:
        span = source.span()
        if span is None:
            return None
        lo, hi = (stamp.timestamp() for stamp in span)
        return stepping.step(source, hi + 1.0 if last else lo - 1.0, -1 if last else 1, None, filters, token)

    def deliver(row: pd.Series | None) -> None:
        if row is None or state.dataset.source is not source:
            return
        worker.remember(row.to_frame().T)
        end = row["span_end"] if row["span_end"] == row["span_end"] else row["span_start"]
        with state.session.batch():
            state.select_event(str(row["id"]), move_cursor=False)
            state.move_cursor(row["start"])
            state.set_window(navigation.reveal(state.window, float(to_seconds(row["span_start"])),
                                               float(to_seconds(end))))

    worker.ask(work, deliver, _steps.next())


def export_events(window: MainWindow, source: Any, bounds: tuple[float, float], columns: list[str],
                  path: Path) -> EngineExport:
    """Stream the events of ``bounds`` (seconds) to ``path``; the status bar counts the rows."""
    job = EngineExport(source, bounds, columns, path)
    bar = window.statusBar()
    job.progress.connect(lambda n: bar.showMessage(f"Exporting events to {path.name}… {n:,} rows"))
    job.finished.connect(lambda result: _exported(window, job, path, result))
    window.exports.append(job)
    bar.showMessage(f"Exporting events to {path.name}…")
    job.start()
    return job


def _exported(window: MainWindow, job: EngineExport, path: Path, result: object) -> None:
    if job in window.exports:
        window.exports.remove(job)
    if isinstance(result, Cancelled):
        window.statusBar().clearMessage()
    elif isinstance(result, Exception):
        window.statusBar().clearMessage()
        reason = result.strerror if isinstance(result, OSError) and result.strerror else str(result).splitlines()[0]
        dialogs.error(window, "Export failed", f"Could not write {path}: {reason}")
    else:
        window.statusBar().showMessage(f"Exported {result:,} events to {path}", 10_000)
