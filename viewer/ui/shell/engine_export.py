"""Exporting the events in the window of a source queried in place: streamed from the engine to the file.

The window may hold millions of events, so the rows are never gathered: a thread of its own opens the
source over its own connection (connections are not shared, and the timeline's worker keeps answering
the view meanwhile), asks for the window's events in time order and writes them chunk by chunk into a
temporary file that replaces the target only when complete. The status bar counts the rows; closing the
window stops the export and leaves the old file as it was.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from viewer.io.table_export import write_chunks
from viewer.source.base import Cancelled
from viewer.ui.shared.engine import interrupt

log = logging.getLogger(__name__)


class EngineExport(QObject):
    """One export under way; ``finished`` carries the number of rows written, or the error."""

    progress = Signal(int)  # rows written so far
    finished = Signal(object)  # int, or the exception that stopped it

    def __init__(self, source: Any, bounds: tuple[float, float], columns: list[str], path: Path) -> None:
        super().__init__()
        self.source, self.bounds, self.columns, self.path = source, bounds, columns, path
        self._stop = threading.Event()
        self._twin: Any = None  # the source over the export's own connection, once open
        self._thread = threading.Thread(target=self._run, name="entente-export")

    def start(self) -> None:
        """Begin writing, in the export's thread."""
        self._thread.start()

    def stop(self, wait: float = 10.0) -> None:
        """Stop after the chunk being written (the target keeps its old content) and wait a while for the
        thread; nothing is reported any more (the window is closing)."""
        self.blockSignals(True)
        self._stop.set()
        if self._twin is not None:
            interrupt(self._twin)  # a query still sorting the first chunk stops now (DuckDB can)
        if self._thread.is_alive():
            self._thread.join(wait)

    @property
    def running(self) -> bool:
        """True until the thread is done."""
        return self._thread.is_alive()

    def _chunks(self, twin: Any) -> Any:
        for chunk in twin.stream(*self.bounds):
            if self._stop.is_set():
                raise Cancelled("export stopped")
            yield chunk
        if self._stop.is_set():  # an interrupted query may end its stream early: never a short file
            raise Cancelled("export stopped")

    def _run(self) -> None:
        # in the export's thread
        try:
            from viewer.source.windowed import reopen  # noqa: PLC0415 - engine code loads with engine sources
            self._twin = reopen(self.source)
            result: object = write_chunks(self._chunks(self._twin), self.columns, self.path, self.progress.emit)
        except Exception as exc:  # reported to the user by the window, as any failed export
            result = Cancelled("export stopped") if self._stop.is_set() else exc
            if not isinstance(result, Cancelled):
                log.warning("export of %s failed: %s", self.path, exc)
        self.finished.emit(result)
