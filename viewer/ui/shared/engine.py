"""One worker thread per engine source: panels ask it questions and get answers by queued signal.

The UI thread never runs an engine query. A question carries a :class:`CancelToken`; when the
panel has moved on (a newer token from the same :class:`Generation`), the worker skips it before it
starts, the engine checks it between steps, and a late answer is dropped here. Engine connections
are not shared between threads, so every question about one source goes to its one thread.

The source's pyramid is built beside it, in a second thread with a connection of its own, so tiles
and rows keep coming while it is computed; when done, the tile service answers from it.
"""

from __future__ import annotations

import contextlib
import logging
import weakref
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import pandas as pd
from PySide6.QtCore import QObject, QTimer, Signal

from viewer.source.base import NEVER, Cancelled, CancelToken, EventSource, Generation, LaneSpec
from viewer.source.pyramid import Pyramid
from viewer.source.tiles import TileService

log = logging.getLogger(__name__)
KNOWN_FRAMES = 8  # recent answers of rows kept, so a click's details need no query


class SourceWorker(QObject):
    """Runs questions about one source in its own thread; answers arrive on the UI thread."""

    busy_changed = Signal(bool)  # True while questions are out
    failed = Signal(str)  # an engine error, for a quiet note (the panel keeps what it drew)
    preparing = Signal(float)  # how far the background build is (0 to 1)
    prepared = Signal(object)  # the LaneSpec whose pyramid the tiles now come from
    _done = Signal(object, object, object)  # deliver, token, result or exception
    _progress = Signal(object, float)  # token, fraction
    _ready = Signal(object, object)  # token, pyramid (warm)
    _built = Signal(object, object)  # token, long-events index or exception
    _aside_done = Signal(object, object, object)  # deliver, token, result or exception

    def __init__(self, source: EventSource) -> None:
        super().__init__()
        self.source = source
        self.tiles = TileService(source, stats=getattr(source, "estimate", None))
        for pyramid in getattr(source, "pyramids", ()):  # found in the cache when opened, already warm
            self.tiles.use(pyramid)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="entente-engine")
        self._out = 0
        self._shut = False
        self._running: CancelToken | None = None  # the question the worker thread is answering now
        self._known: list[pd.DataFrame] = []
        self._done.connect(self._deliver)
        self._builder = ThreadPoolExecutor(max_workers=1, thread_name_prefix="entente-prepare")
        self._builds = Generation()
        self._building: LaneSpec | None = None
        self._build: Future[Any] | None = None
        self._twin: Any = None  # the source over the builder's own connection (made and used in its thread)
        self._progress.connect(self._on_progress)
        self._ready.connect(self._on_ready)
        self._built.connect(self._on_built)
        self._aside = ThreadPoolExecutor(max_workers=1, thread_name_prefix="entente-aside")
        self._aside_twin: Any = None  # the source over the aside thread's own connection
        self._aside_done.connect(self._deliver_aside)

    @property
    def busy(self) -> bool:
        """True while a question is out."""
        return self._out > 0

    def ask(self, work: Callable[[CancelToken], Any], deliver: Callable[[Any], None],
            token: CancelToken = NEVER) -> None:
        """Run ``work(token)`` in the worker; ``deliver(result)`` on the UI thread unless the token is stale
        (a worker shut down, its source closed, answers nothing)."""
        if self._shut:
            return
        self._out += 1
        if self._out == 1:
            self.busy_changed.emit(True)
        running = self._running
        if running is not None and running.cancelled:  # the view moved on: stop the stale query mid-way
            interrupt(self.source)
        future = self._pool.submit(self._run, work, token)
        future.add_done_callback(lambda f: self._finish(f, deliver, token))

    def aside(self, work: Callable[[Any, CancelToken], Any], deliver: Callable[[Any], None],
              token: CancelToken = NEVER) -> None:
        """Run ``work(source, token)`` in a third thread on a connection of its own, so a long scan (the
        filter bar's value counts, a count of matches) never holds up the view's questions; ``deliver`` as
        for :meth:`ask`, without counting as busy. A source that cannot be opened twice asks in the queue."""
        if self._shut:
            return
        if getattr(self.source, "spec", None) is None:
            self.ask(lambda t: work(self.source, t), deliver, token)
            return
        future = self._aside.submit(self._run_aside, work, token)
        future.add_done_callback(lambda f: self._aside_done.emit(deliver, token, _outcome(f)))

    def _run_aside(self, work: Callable[[Any, CancelToken], Any], token: CancelToken) -> Any:
        # in the aside thread
        token.check()
        if self._aside_twin is None:
            from viewer.source.windowed import reopen  # noqa: PLC0415 - loaded already, with the source
            self._aside_twin = reopen(self.source)  # type: ignore[arg-type]  # has a spec: an EngineSource
        return work(self._aside_twin, token)

    def _deliver_aside(self, deliver: Callable[[Any], None], token: CancelToken, result: Any) -> None:
        if isinstance(result, Cancelled) or token.cancelled or self._shut:
            return
        if isinstance(result, Exception):
            log.warning("engine query failed: %s", result)
            self.failed.emit(_first_line(result))
            return
        deliver(result)

    def _run(self, work: Callable[[CancelToken], Any], token: CancelToken) -> Any:
        # in the worker thread
        self._running = token
        try:
            try:
                return _checked(work, token)
            except Exception as exc:
                if token.cancelled or not _interrupted(exc):
                    raise
                # an interrupt meant for the stale question before this one landed here: ask again
                return _checked(work, token)
        finally:
            self._running = None

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
        if isinstance(result, Cancelled) or token.cancelled or self._shut:
            return  # superseded, or the source closed (its panels may be gone): nobody to tell
        if isinstance(result, Exception):
            log.warning("engine query failed: %s", result)
            self.failed.emit(_first_line(result))
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

    @property
    def building(self) -> bool:
        """True while a pyramid is being built (or a cancelled build is winding down)."""
        return self._build is not None and not self._build.done()

    @property
    def pyramid_pending(self) -> bool:
        """True while a pyramid is being built and not yet whole: scans that can wait (the overview's
        exact totals, the filter bar's value counts) ask after it rather than slow it down."""
        if self._building is None or not self.building:
            return False
        pyramid = self.tiles.pyramid_for(self._building)
        return pyramid is None or not pyramid.complete

    def when_free(self, context: QObject, run: Callable[[], None], token: CancelToken, every_ms: int,
                  pyramid: bool = True) -> None:
        """Call ``run`` on the UI thread once no question is out and (with ``pyramid``) no pyramid is pending,
        looking every ``every_ms``: scans that can wait let the view's questions and the build go first.
        Nothing happens once ``token`` is stale or ``context`` (the asking widget) is gone."""
        def look() -> None:
            if token.cancelled:
                return
            if self.busy or (pyramid and self.pyramid_pending):
                QTimer.singleShot(every_ms, context, look)
                return
            run()

        QTimer.singleShot(every_ms, context, look)

    def building_for(self, lanes: LaneSpec, z: int) -> bool:
        """True while the pyramid of these lanes is being built and will answer tiles of zoom ``z``, which
        the levels in hand (the coarse ones come first) do not yet; False once the whole pyramid is handed
        over, though the build goes on with the long-events index."""
        if self._building != lanes or not self.pyramid_pending:
            return False
        pyramid = self.tiles.pyramid_for(lanes)
        return pyramid is None or z < min(pyramid.levels)

    def prepare(self, lanes: LaneSpec) -> None:
        """See that these lanes' tiles come from a pyramid: the one kept in the cache, else one built in
        the background (``preparing`` reports progress, ``prepared`` the end); a build for other lanes
        stops. Nothing happens for a source without a cache key (the cache is off, or not an engine)."""
        pyramid = self.tiles.pyramid_for(lanes)
        if self._shut or (pyramid is not None and pyramid.complete) or lanes == self._building \
                or getattr(self.source, "fingerprint", None) is None:
            return
        self._stop_build()
        token = self._builds.next()
        self._building = lanes
        self._build = self._builder.submit(self._make, lanes, token)
        self._build.add_done_callback(lambda f: self._built.emit(token, _outcome(f)))

    def _make(self, lanes: LaneSpec, token: CancelToken) -> Any:
        # in the builder thread, with a connection of its own; returns the long-events index
        from viewer.source import indexes  # noqa: PLC0415 - the build's modules load when one starts
        from viewer.source.windowed import reopen  # noqa: PLC0415 - as above
        token.check()
        if self._twin is None:
            self._twin = reopen(self.source)  # type: ignore[arg-type]  # has a fingerprint: an EngineSource

        def ready(built: Pyramid) -> None:
            built.load_small()  # here, not on the UI thread
            token.check()
            self._ready.emit(token, built)

        indexes.prepare(self._twin, self._twin.fingerprint, lanes,
                        lambda fraction, _what: self._progress.emit(token, fraction), token, ready)
        return self._twin.long_index

    def _on_progress(self, token: CancelToken, fraction: float) -> None:
        if not token.cancelled:
            self.preparing.emit(fraction)

    def _on_ready(self, token: CancelToken, built: Pyramid) -> None:
        if not token.cancelled:
            self.tiles.use(built)  # swaps a reference: the worker sees the old pyramids or the new
            self.prepared.emit(built.lanes)

    def _on_built(self, token: CancelToken, outcome: Any) -> None:
        if token.cancelled:
            return
        self._building = None
        self.preparing.emit(1.0)  # over, whichever way
        if isinstance(outcome, Cancelled):
            return
        if isinstance(outcome, Exception):
            log.warning("preparing the timeline failed: %s", outcome)
            self.failed.emit(f"Preparing the timeline failed: {_first_line(outcome)}")
        elif getattr(self.source, "long_index", True) is None:
            self.source.long_index = outcome  # type: ignore[attr-defined]  # an EngineSource; a reference swap

    def _stop_build(self) -> None:
        """Cancel the build under way; an engine that can be interrupted stops mid-query."""
        self._builds.next()
        self._building = None
        if self.building and self._twin is not None:
            interrupt(self._twin)

    def shutdown(self) -> None:
        """Drop queued questions and stop the build (the source is closed); a question under way finishes
        in the background, and its answer is dropped."""
        self._shut = True
        self._stop_build()
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._builder.shutdown(wait=False, cancel_futures=True)
        self._aside.shutdown(wait=False, cancel_futures=True)
        if self._aside_twin is not None:
            interrupt(self._aside_twin)


def _outcome(future: Future[Any]) -> Any:
    """A finished future's result or exception (a cancelled one: Cancelled)."""
    if future.cancelled():
        return Cancelled()
    error = future.exception()
    return error if error is not None else future.result()


def _first_line(error: Exception) -> str:
    return str(error).splitlines()[0] if str(error) else type(error).__name__


def interrupt(source: Any) -> None:
    """Stop the query a source's engine is running, when the engine can (DuckDB can; the rest finish)."""
    stop = getattr(getattr(getattr(source, "backend", None), "con", None), "interrupt", None)
    if callable(stop):
        try:
            stop()
        except Exception as exc:  # the query may have ended meanwhile: nothing to stop
            log.debug("interrupt: %s", exc)


def _interrupted(error: BaseException) -> bool:
    """True for the error an engine raises when its query was interrupted."""
    return any(kind.__name__ == "InterruptException" for kind in type(error).__mro__) \
        or "interrupt" in str(error).lower()


def _checked(work: Callable[[CancelToken], Any], token: CancelToken) -> Any:
    token.check()  # superseded while queued: no query at all
    return work(token)


_current: list[SourceWorker] = []  # the worker of the source the window shows (one at a time)
_retired: weakref.WeakKeyDictionary[Any, SourceWorker] = weakref.WeakKeyDictionary()  # source → its shut worker


def worker_for(source: EventSource) -> SourceWorker:
    """The one worker of a source; asking for another source's worker retires the previous one. A source
    already retired keeps its shut worker (which answers nothing): a panel of a closed window that still
    follows the theme must not retire the worker of the source shown now."""
    if _current and _current[0].source is source:
        return _current[0]
    shut = _retired.get(source)
    if shut is not None:
        return shut
    retire()
    _current[:] = [SourceWorker(source)]
    return _current[0]


def retire() -> None:
    """Stop the current source's worker and its build (another dataset opened, or the window closed)."""
    for old in _current:
        old.shutdown()
        with contextlib.suppress(TypeError):  # a source that cannot be weakly referred to is just forgotten
            _retired[old.source] = old
    _current.clear()
