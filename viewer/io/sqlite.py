"""SQLite databases (``.sqlite``, ``.db`` …, known by their first bytes) read as tables: one table or view
of the database is the events table, as one sheet of a workbook is.

The database is opened read-only (never written, no journal left beside it); a database whose journal
or write-ahead log cannot be read without writing is read as it stands on disk (``immutable``). The
columns keep SQLite's values: integers, reals and text as they are, binary values (BLOBs) as UTF-8 text
when they hold some, else as their size.

A query is watched as it runs (:class:`_Watch`): a view may answer rows without end (a recursive one, as
``WITH RECURSIVE``) or take for ever to answer none, and one took every byte of memory before the system killed the
app. Reading stops when the rows taken hold a third of the memory that was free, or after :data:`MOST_SECONDS`.
"""

from __future__ import annotations

import sqlite3
import time
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import psutil

from viewer.io import free_memory
from viewer.model.lists import distinct_names
from viewer.model.problems import LoadError, Problem

MAGIC = b"SQLite format 3\x00"
SUFFIXES = (".sqlite", ".sqlite3", ".db3", ".s3db", ".sl3")  # ".db" is SQLite or DuckDB: its first bytes say
PREFERRED = ("events", "event", "timeline", "incidents")  # read first when no table is named


def is_sqlite(path: Path) -> bool:
    """The file starts as every SQLite 3 database does."""
    try:
        with path.open("rb") as handle:
            return handle.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


MOST_SECONDS = 600.0  # a query still running after ten minutes is stopped (a view that never answers)
STEPS = 200_000  # SQLite's steps between two looks at the memory and the time


class _Watch:
    """SQLite's progress handler for one query: stops it (returns 1) when the memory the process holds has grown by
    more than a third of what was free when it began, or when it has run :data:`MOST_SECONDS`; ``why`` says which."""

    def __init__(self) -> None:
        self.began, self.held, self.free = time.monotonic(), _held(), free_memory.free_bytes()
        self.why = ""

    def __call__(self) -> int:
        grown = _held() - self.held
        if self.free is not None and grown * 3 > self.free:
            self.why = (f"its rows took {free_memory.size_text(grown)} of memory before all were read, and "
                        f"{free_memory.size_text(self.free)} was free")
        elif time.monotonic() - self.began > MOST_SECONDS:
            self.why = f"it answered no end of rows in {MOST_SECONDS:,.0f} seconds"
        return 1 if self.why else 0


def _held() -> int:
    """The memory the process holds (its resident set), 0 when that cannot be told."""
    try:
        return int(psutil.Process().memory_info().rss)
    except (OSError, psutil.Error):
        return 0


@dataclass
class _Answer:
    frame: pd.DataFrame
    as_on_disk: bool = False  # read without its journal or write-ahead log
    not_utf8: int = 0  # text values whose bytes are not UTF-8 (read with U+FFFD where a byte fails)


def _connect(path: Path, answer: _Answer, immutable: bool = False) -> sqlite3.Connection:
    uri = path.absolute().as_uri() + ("?immutable=1" if immutable else "?mode=ro")
    con = sqlite3.connect(uri, uri=True, check_same_thread=False)

    def text(data: bytes) -> str:
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            answer.not_utf8 += 1
            return data.decode("utf-8", errors="replace")

    con.text_factory = text
    return con


def _ask(path: Path, query: str, limit: int | None = None) -> _Answer:
    """The rows a query answers, read-only; as the file stands on disk when its journal or write-ahead log
    would need writing (a read-only folder, a journal left by a crash)."""
    sql = query + (f" LIMIT {int(limit)}" if limit is not None else "")
    failure: Exception | None = None
    for immutable in (False, True):
        answer, watch = _Answer(pd.DataFrame(), immutable), _Watch()
        try:
            with closing(_connect(path, answer, immutable)) as con:
                con.set_progress_handler(watch, STEPS)
                answer.frame = pd.read_sql_query(sql, con)
                return answer
        except (sqlite3.Error, pd.errors.DatabaseError) as exc:
            if watch.why:  # (stopped by the watch, not failed: the same query on disk would be stopped again)
                raise LoadError(f"{path}: reading stopped ({query[:80]}): {watch.why}; expected a table of rows "
                                "that fits in memory (a view that repeats without end?)") from None
            failure = failure or exc
        except UnicodeDecodeError as exc:  # a damaged name or message: sqlite3 decodes those strictly
            raise LoadError(f"{path}: not a readable SQLite database (a name in it is not UTF-8 text: "
                            f"{exc.object[:40]!r})") from exc
    raise LoadError(f"{path}: not a readable SQLite database ({_first_line(failure)}); expected a SQLite database "
                    "file with a table of events") from failure


def _first_line(exc: Exception | None) -> str:
    text = str(exc or "unknown error").strip().splitlines()
    return text[0].removeprefix("Execution failed on sql '").split("': ")[-1] if text else "unknown error"


def table_names(path: Path) -> list[str]:
    """The database's tables and views, in the order they were made (SQLite's own tables left out)."""
    found = _ask(path, "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
                       "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid")
    return [str(name) for name in found.frame["name"]]


def first_table(names: list[str]) -> str | None:
    """The table read when none is named: one called events (or event, timeline, incidents), else the first."""
    folded = {name.casefold(): name for name in names}
    return next((folded[p] for p in PREFERRED if p in folded), names[0] if names else None)


def quoted(name: str) -> str:
    """An identifier as SQL writes it, whatever characters it holds."""
    return '"' + name.replace('"', '""') + '"'


def read_table(path: Path, table: str | None, nrows: int | None = None) -> tuple[pd.DataFrame, list[Problem]]:
    """One table's rows (the named one, else :func:`first_table`) and what reading them said."""
    names = table_names(path)
    if not names:
        raise LoadError(f"{path}: a SQLite database with no tables; expected a table of events with a date column")
    chosen = table if table is not None else first_table(names)
    if chosen not in names:
        raise LoadError(f"{path}: no table {table!r} in this SQLite database; its tables are {', '.join(names)}")
    assert chosen is not None
    answer = _ask(path, f"SELECT * FROM {quoted(chosen)}", nrows)
    frame = answer.frame
    if not frame.columns.is_unique:  # a view may name two columns alike
        frame.columns = distinct_names([str(name) for name in frame.columns])
    problems: list[Problem] = []
    log = path.with_name(path.name + "-wal")
    if answer.as_on_disk and log.is_file() and log.stat().st_size:
        problems.append(Problem(str(path), f"read without the changes in {log.name} (the database could not be "
                                "opened with them read-only); copy the two files to a folder you can write to",
                                None, None, "warning"))
    if answer.not_utf8:
        problems.append(Problem(str(path), f"{answer.not_utf8:,} text values are not UTF-8; read with \ufffd where a "
                                "byte could not be read", None, None, "warning"))
    if len(names) > 1 and table is None:
        problems.append(Problem(str(path), f"read the table {chosen!r} (the database's tables: {', '.join(names)})",
                                None, None, "info"))
    for column in frame.columns[[dtype == "object" for dtype in frame.dtypes]]:
        binary = frame[column].map(lambda value: isinstance(value, bytes | bytearray | memoryview))
        if binary.any():
            frame[column] = frame[column].where(~binary, frame[column][binary].map(_blob_text))
            problems.append(Problem(str(path), f"column {column!r} holds binary values (BLOBs): read as text where "
                                    "they are UTF-8, else as their size", None, str(column), "info"))
    return frame, problems


def _blob_text(value: bytes | bytearray | memoryview) -> str:
    data = bytes(value)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return f"<{len(data):,} bytes>"
