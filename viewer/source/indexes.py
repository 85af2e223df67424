"""The long-events index, and the background work that readies a big source for the timeline.

A window's events are found by their start, which the Parquet statistics answer, except for long
ranges that began well before the window. Those are copied once, with every field, into the cache
folder, one file per duration class ``k`` (length in ``[2**k, 2**(k+1))`` days), ``long-{k}.parquet``,
each sorted by start, so that class ``k`` is looked for only among events that started at most
``2**(k+1)`` days before the window: a few row groups per class instead of years. (One file sorted by
class then start read the same rows, but every class's query paid for the footer's 870 row groups at
100M events: 60–100 ms a class.)
"""

from __future__ import annotations

import json
import shutil
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import ibis
import pyarrow as pa

from viewer.source import exprs, pyramid
from viewer.source.base import EVENT_FIELDS, NEVER, CancelToken, LaneSpec, to_stamp
from viewer.source.engine import EngineSource
from viewer.source.facts import READING

SHORTEST = 86400.0  # events longer than a day go into the index
VERSION = 2  # 1 was one file, long.parquet


@dataclass(frozen=True)
class LongIndex:
    """The stored index: its folder, and the duration classes present (one file each)."""

    folder: Path
    shortest: float
    classes: tuple[int, ...]

    def path(self, k: int) -> Path:
        """The file of duration class ``k``."""
        return self.folder / f"long-{k}.parquet"

    @classmethod
    def find(cls, fingerprint: str) -> LongIndex | None:
        """The index stored for this source, or None."""
        folder = pyramid.root() / fingerprint
        try:
            document = json.loads((folder / "long.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if document.get("version") != VERSION or document.get("reading") != READING:
            return None
        found = cls(folder, float(document["shortest"]), tuple(int(k) for k in document["classes"]))
        return found if all(found.path(k).is_file() for k in found.classes) else None

    def _bounds(self, k: int, lo_seconds: float) -> tuple[float, float]:
        """Where class ``k``'s events still running at ``lo_seconds`` can start: [earliest, latest)."""
        return lo_seconds - 2.0 ** (k + 1) * self.shortest, lo_seconds - self.shortest

    def before(self, con: Any, like: Any, lo: Any, lo_seconds: float) -> Any:
        """Indexed events that started more than ``shortest`` before ``lo`` and still run at ``lo``,
        as a table with the columns (and types) of ``like``."""
        parts = []
        want = like.schema()
        for k in self.classes:
            table = con.read_parquet(str(self.path(k)))
            earliest, latest = self._bounds(k, lo_seconds)
            part = table.filter(table.span_start >= exprs.stamp(_stamp(earliest)),
                                table.span_start < exprs.stamp(_stamp(latest)), table.span_end > lo)
            parts.append(part.select(**{c: part[c] if part[c].type() == want[c] else part[c].cast(want[c])
                                        for c in want.names}))
        return ibis.union(*parts) if parts else None

    def first(self, con: Any, lo_seconds: float, hi_seconds: float | None, limit: int) -> pa.Table | None:
        """The ``limit`` earliest (by start, then id) of the events ``before`` finds that start before
        ``hi_seconds``, every field, in two steps on DuckDB's own connection: the keys (start, id, row
        number) of the earliest across classes, then only those rows. (Reading every field of every
        candidate, years of long ranges at 100M events, took three times as long as both steps.)
        None when the index holds no class."""
        if not self.classes:
            return None
        db = con.con  # the DuckDB connection under ibis: plain SQL over the index's own files
        hi = "" if hi_seconds is None else f" AND span_start < {_sql_stamp(hi_seconds)}"
        keys_sql = " UNION ALL ".join(
            f"SELECT span_start, id, {k} AS k, file_row_number AS r FROM {_scan(self.path(k))} "
            f"WHERE span_start >= {_sql_stamp(a)} AND span_start < {_sql_stamp(b)} "
            f"AND span_end > {_sql_stamp(lo_seconds)}{hi}"
            for k in self.classes for a, b in [self._bounds(k, lo_seconds)])
        keys = db.execute(f"SELECT k, r FROM ({keys_sql}) ORDER BY span_start, id LIMIT {max(0, int(limit))}"
                          ).fetchnumpy()
        fields = ", ".join(f'"{c}"' for c in EVENT_FIELDS)
        rows_sql = " UNION ALL ".join(
            f"SELECT {fields} FROM {_scan(self.path(k))} WHERE file_row_number IN ({', '.join(map(str, rows))})"
            for k in self.classes for rows in [sorted(int(r) for r in keys["r"][keys["k"] == k])] if rows)
        if not rows_sql:
            rows_sql = f"SELECT {fields} FROM {_scan(self.path(self.classes[0]))} LIMIT 0"
        return db.execute(f"SELECT * FROM ({rows_sql}) ORDER BY span_start, id").to_arrow_table()


def _scan(path: Path) -> str:
    return f"read_parquet({_quoted(path)}, file_row_number = true)"


def _quoted(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def _copy(con: Any, expr: Any, path: Path, row_group_size: int | None = None) -> None:
    """Write a query's rows to Parquet with DuckDB's COPY (ibis's ``to_parquet`` leaves a quote in the
    path unescaped: a home folder such as ``/home/o'brien`` broke the index)."""
    options = ", ROW_GROUP_SIZE " + str(int(row_group_size)) if row_group_size else ""
    con.raw_sql(f"COPY ({con.compile(expr)}) TO {_quoted(path)} (FORMAT parquet, COMPRESSION zstd{options})").fetchall()


def _sql_stamp(seconds: float) -> str:
    return f"TIMESTAMPTZ '{to_stamp(seconds).isoformat()}'"


def _stamp(seconds: float) -> Any:
    return to_stamp(seconds)


def build_long_index(source: EngineSource, fingerprint: str, shortest: float = SHORTEST,
                     token: CancelToken = NEVER) -> LongIndex | None:
    """Copy the events longer than ``shortest`` seconds into the cache (DuckDB sources only: the
    index is read back by the same embedded engine). None for other engines."""
    if source.backend.name != "duckdb":
        return None
    found = LongIndex.find(fingerprint)
    if found is not None:
        return found
    token.check()
    v = source.view
    length = exprs.micros(v.span_end, "duckdb") - exprs.micros(v.span_start, "duckdb")
    rows = v.filter(length > shortest * 1e6).mutate(k=(length / (shortest * 1e6)).log2().floor().cast("int32"))
    folder = pyramid.root() / fingerprint
    folder.mkdir(parents=True, exist_ok=True)
    tag = uuid.uuid4().hex[:8]
    work = folder / f".long.{tag}.parquet"
    written: list[Path] = []
    try:
        con = source.backend
        _copy(con, rows.select(*EVENT_FIELDS, "k"), work)  # one pass over the source
        every = con.read_parquet(str(work))
        classes = sorted(int(k) for k in every.select("k").distinct().execute()["k"])
        for k in classes:  # then one sorted file per class, from the (much smaller) copy
            token.check()
            part = every.filter(every.k == k).select(*EVENT_FIELDS).order_by(["span_start", "id"])
            written.append(folder / f".long-{k}.{tag}.parquet")
            _copy(con, part, written[-1], row_group_size=32_768)
        (folder / "long.parquet").unlink(missing_ok=True)  # the first version's single file
        for k, path in zip(classes, written, strict=True):
            path.replace(folder / f"long-{k}.parquet")
        (folder / "long.json").write_text(json.dumps({"version": VERSION, "reading": READING,
                                                      "shortest": shortest, "classes": classes}), encoding="utf-8")
    finally:
        for path in (work, *written):
            path.unlink(missing_ok=True)
    return LongIndex.find(fingerprint)


def prepare(source: EngineSource, fingerprint: str, lanes: LaneSpec,
            progress: Callable[[float, str], None] | None = None, token: CancelToken = NEVER,
            on_pyramid: Callable[[pyramid.Pyramid], None] | None = None) -> pyramid.Pyramid:
    """Everything a big source needs for a fluid timeline, for a background worker: the facts, the
    pyramid for these lanes and the long-events index (each kept in the cache, reused next time).
    ``on_pyramid`` gets the pyramid's coarse levels as soon as they are counted (``complete`` False),
    then the whole pyramid as soon as it is stored, before the (longer) index is made."""
    report = progress or (lambda _f, _w: None)
    for fact in (source.count, source.span):  # from the footers when they tell; the pyramid needs the span
        token.check()
        fact()
    report(0.02, "facts")
    built = pyramid.build(source, fingerprint, lanes, lambda f, w: report(0.02 + 0.73 * f, w), token,
                          on_coarse=on_pyramid)
    if on_pyramid is not None:
        on_pyramid(built)
    token.check()
    source.longest()  # a scan of every span: after the pyramid, which does not need it
    report(0.8, "longest")
    source.long_index = build_long_index(source, fingerprint, token=token)
    report(1.0, "done")
    return built


def remove(fingerprint: str) -> None:
    """Forget everything kept for a source (its facts, pyramids and index)."""
    shutil.rmtree(pyramid.root() / fingerprint, ignore_errors=True)
