"""Loading datasets off the UI thread: the work is a plain function, the result arrives by signal.

Parsing cannot be interrupted half-way, so Cancel abandons the request: the window stays responsive
and on the current dataset, and a late result of a cancelled request is dropped.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from viewer.io import sqlite
from viewer.io.cache import Later, load_cached
from viewer.io.combine import combine
from viewer.io.import_spec import ImportSpec
from viewer.io.json_route import UndatedRecords
from viewer.io.table import Preview
from viewer.io.table import preview as table_preview
from viewer.model.dataset import Dataset
from viewer.model.graph_positions import prepare
from viewer.model.problems import LoadError
from viewer.ui.shell.mapping_dialog import needs_mapping

__all__ = ["Loader", "MappingNeeded", "load_dataset", "needs_mapping"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class MappingNeeded:
    """A table whose columns could not be mapped with certainty: ask the user, then load with their choice."""

    path: str
    preview: Preview
    add_to: Dataset | None
    suggestion: ImportSpec | None = None  # columns that name parties: the graph the file could make
    convert_to: str | None = None  # a table too big for memory, written there as Parquet with the user's choice


def load_dataset(path: str | None, options: dict[str, Any] | None = None, add_to: Dataset | None = None,
                 ask: bool = False, table: str | None = None, convert_to: str | None = None, *,
                 later: Later | None = None) -> Dataset | MappingNeeded:
    """The work done in the worker thread (module-level and Qt-free, so it is testable alone).

    With ``ask``, a table whose mapping is uncertain is not read whole: its preview comes back instead.
    With ``add_to``, the file's events, entities and relations join that dataset. A source too big to
    load (an engine URL or DuckDB ``table``, a partitioned folder, a Parquet file over the threshold)
    opens in place: the Dataset's ``source`` answers for its events. With ``convert_to``, a table too big for
    memory is first written there as Parquet, out of core (:mod:`viewer.source.csv_parquet`), and that opens.
    With ``later``, a file read for the first time is kept in the cache after it is shown, not before
    (:func:`~viewer.io.cache.load_cached`).
    """
    if path is not None and convert_to is not None:
        from viewer.source import csv_parquet  # noqa: PLC0415 - DuckDB loads only for a table too big to load
        from viewer.source.windowed import open_for_window  # noqa: PLC0415 - as above
        if ask and not (preview := table_preview(path)).mapping.certain:  # its columns asked about first
            return MappingNeeded(path, preview, None, None, convert_to)
        done = csv_parquet.convert(Path(path), Path(convert_to), options=options)
        converted = open_for_window(str(done.folder), None)
        converted.problems.extend(done.problems)  # records DuckDB could not read: said in Problems
        return converted
    if add_to is not None and add_to.source is not None:
        raise LoadError(f"{add_to.meta.path}: its events are queried in place, so no file can be added to it; "
                        "open the file on its own")
    if path is not None and not options and add_to is None:
        from viewer.source.opening import queried  # noqa: PLC0415 - engine code loads only for engine sources
        if queried(path, table):
            from viewer.source.windowed import open_for_window  # noqa: PLC0415 - as above
            return open_for_window(path, table)
        if table is not None and sqlite.is_sqlite(Path(path)):  # the table named on the command line
            options, ask = {"sheet": table}, False
    if ask and path is not None:
        asked = needs_mapping(path)
        if asked is not None:
            return MappingNeeded(path, asked[0], add_to, asked[1])
    try:
        dataset = load_cached(path, later=later, **(options or {}))
    except UndatedRecords:
        if not ask or path is None:
            raise
        return MappingNeeded(path, table_preview(path), add_to, None)  # which field holds the dates: the user says
    return prepare(combine([add_to, dataset])) if add_to is not None else dataset  # laid out here, off the UI


class Loader(QObject):
    """Runs :func:`load_dataset` in one worker thread; emits ``loaded`` or ``failed`` on the UI thread."""

    started = Signal(str)  # what is being opened
    loaded = Signal(object)  # Dataset
    mapping_needed = Signal(object)  # MappingNeeded: the UI asks the user, then calls load() with options
    failed = Signal(str, str)  # message, details
    cancelled = Signal()
    _done = Signal(int, object, object)  # request number, Dataset or None, (message, details) or None

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="entente-load")
        self._request = 0
        self._busy = False
        self._closed = False  # set at shutdown: a load that finishes later has nobody to tell
        self._done.connect(self._deliver)

    @property
    def busy(self) -> bool:
        """True while a load is under way."""
        return self._busy

    def load(self, path: str | None, options: dict[str, Any] | None = None, add_to: Dataset | None = None,
             *, ask: bool = False, table: str | None = None, convert_to: str | None = None) -> None:
        """Start opening ``path`` (None: the bundled dataset); a newer request supersedes an older one.

        With ``ask``, an uncertain table's preview is made in the worker and comes back as ``mapping_needed``.
        """
        self._request += 1
        request = self._request
        self._busy = True
        self.started.emit(path or "the bundled dataset")
        later: Later = []  # a file read for the first time: its cache entry is written once it is handed over
        self._pool.submit(self._work, request, partial(load_dataset, path, options, add_to, ask, table, convert_to,
                                                       later=later), later)

    def combine(self, parts: list[Dataset]) -> None:
        """Join datasets opened one by one into one (files opened together), laid out, in the worker: it arrives as
        ``loaded``, as a load does, and supersedes any load under way."""
        self._request += 1
        self._busy = True
        self.started.emit(f"{len(parts):,} files as one dataset")  # ("Opening 12 files as one dataset…")
        self._pool.submit(self._work, self._request, partial(_joined, list(parts)), [])

    def keep_later(self, later: Later) -> None:
        """Run work put off until a dataset was shown (its cache entry's writing) in the worker, after any load."""
        if later and not self._closed:
            self._pool.submit(_run, later)

    def cancel(self) -> None:
        """Abandon the load under way; the current dataset stays open."""
        if self._busy:
            self._request += 1
            self._busy = False
            self.cancelled.emit()

    def shutdown(self) -> None:
        """Stop accepting work (at exit); a load under way finishes in the background, and quietly."""
        self._closed = True
        self._pool.shutdown(wait=False, cancel_futures=True)

    def _work(self, request: int, work: Callable[[], Dataset | MappingNeeded], later: Later) -> None:
        """The worker thread's job: load, hand the result over to the UI thread through a queued signal, then write
        the cache entry (here, never on the UI thread; the next load waits for it, as the pool has one thread)."""
        if self._closed:
            return  # outlived by the window that asked: nobody waits for it, and it is no error
        try:
            result, error = work(), None
        except LoadError as exc:
            result, error = None, (str(exc), "\n".join(str(p) for p in exc.problems))
        except Exception as exc:  # a loader bug must not take the window down: report it
            log.exception("loading failed")
            result, error = None, (f"Unexpected error while reading: {exc}", traceback.format_exc())
        if self._closed:
            return
        try:
            self._done.emit(request, result, error)
        except RuntimeError:  # the loader itself was deleted after the check above (the window closed)
            if not self._closed:  # (deleted without its shutdown: said, as nothing reads this thread's result)
                log.exception("a loaded dataset had no window to go to")
            return
        if not self._closed:  # (a window closing meanwhile does not wait for the entry)
            _run(later)

    def _deliver(self, request: int, dataset: Dataset | MappingNeeded | None, error: tuple[str, str] | None) -> None:
        if request != self._request:
            return  # cancelled or superseded
        self._busy = False
        if isinstance(dataset, MappingNeeded):
            self.mapping_needed.emit(dataset)
        elif dataset is not None:
            self.loaded.emit(dataset)
        elif error is not None:
            self.failed.emit(*error)


def _joined(parts: list[Dataset]) -> Dataset:
    return prepare(combine(parts))  # laid out here, off the UI


def _run(later: Later) -> None:
    """Run put-off work in turn; each piece logs its own failures (a cache entry not written is no error)."""
    for work in later:
        work()
