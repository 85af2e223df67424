"""One worker thread per engine source: panels ask it questions and get answers by queued signal.

The UI thread never runs an engine query. A question carries a :class:`CancelToken`; when the
panel has moved on (a newer token from the same :class:`Generation`), the worker skips it before it
starts, the engine checks it between steps, and a late answer is dropped here. Engine connections
are not shared between threads, so every question about one source goes to its one thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import pandas as pd
from PySide6.QtCore import QObject, Signal

from viewer.source.base import NEVER, Cancelled, CancelToken, EventSource
from viewer.source.tiles import TileService

log = logging.getLogger(__name__)
KNOWN_FRAMES = 8  # recent answers of rows kept, so a click's details need no query


class SourceWorker(QObject):
    """Runs questions about one source in its own thread; answers arrive on the UI thread."""

    busy_changed = Signal(bool)  # True while questions are out
    failed = Signal(str)  # an engine error, for a quiet note (the panel keeps what it drew)
    _done = Signal(object, object, object)  # deliver, token, result or exception

    def __init__(self, source: EventSource) -> None:
        super().__init__()
        self.source = source
        self.tiles = TileService(source, stats=getattr(source, "estimate", None))
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="entente-engine")
        self._out = 0
        self._known: list[pd.DataFrame] = []
        self._done.connect(self._deliver)

    @property
    def busy(self) -> bool:
        """True while a question is out."""
        return self._out > 0

    def ask(self, work: Callable[[CancelToken], Any], deliver: Callable[[Any], None],
            token: CancelToken = NEVER) -> None:
        """Run ``work(token)`` in the worker; ``deliver(result)`` on the UI thread unless the token is stale."""
        self._out += 1
        if self._out == 1:
            self.busy_changed.emit(True)
        future = self._pool.submit(_checked, work, token)
        future.add_done_callback(lambda f: self._finish(f, deliver, token))

    def _finish(self, future: Future[Any], deliver: Callable[[Any], None], token: CancelToken) -> None:
        # in the worker thread: hand over through a queued signal
        if future.cancelled():
            return
        error = future.exception()
        self._done.emit(deliver, token, error if error is not None else future.result())

    def _deliver(self, deliver: Callable[[Any], None], token: CancelToken, result: Any) -> None:
        self._out -= 1
        if self._out == 0:
            self.busy_changed.emit(False)
        if isinstance(result, Cancelled) or token.cancelled:
            return
        if isinstance(result, Exception):
            log.warning("engine query failed: %s", result)
            self.failed.emit(str(result).splitlines()[0] if str(result) else type(result).__name__)
            return
        deliver(result)

    def remember(self, rows: pd.DataFrame) -> None:
        """Keep these rows (the last few answers), so details of what was drawn need no query."""
        self._known.append(rows)
        del self._known[:-KNOWN_FRAMES]

    def known(self, event_id: str) -> pd.Series | None:
        """A remembered event, or None."""
        for frame in reversed(self._known):
            hits = frame.index[frame["id"] == event_id]
            if len(hits):
                return frame.loc[hits[0]]
        return None

    def shutdown(self) -> None:
        """Drop queued questions (the source is closed); one under way finishes in the background."""
        self._pool.shutdown(wait=False, cancel_futures=True)


def _checked(work: Callable[[CancelToken], Any], token: CancelToken) -> Any:
    token.check()  # superseded while queued: no query at all
    return work(token)


_current: list[SourceWorker] = []  # the worker of the source the window shows (one at a time)


def worker_for(source: EventSource) -> SourceWorker:
    """The one worker of a source; asking for another source's worker retires the previous one."""
    if _current and _current[0].source is source:
        return _current[0]
    for old in _current:
        old.shutdown()
    _current[:] = [SourceWorker(source)]
    return _current[0]
