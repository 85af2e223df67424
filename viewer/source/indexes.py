"""The long-events index, and the background work that readies a big source for the timeline.

A window's events are found by their start, which the Parquet statistics answer, except for long
ranges that began well before the window. Those are copied once, with every field, into
``long.parquet`` in the cache folder, sorted by duration class ``k`` (length in
``[2**k, 2**(k+1))`` days) and then start, so that class ``k`` is looked for only among events that
started at most ``2**(k+1)`` days before the window: a few row groups per class instead of years.
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

from viewer.source import exprs, pyramid
from viewer.source.base import EVENT_FIELDS, NEVER, CancelToken, LaneSpec, to_stamp
from viewer.source.engine import EngineSource

SHORTEST = 86400.0  # events longer than a day go into the index
VERSION = 1


@dataclass(frozen=True)
class LongIndex:
    """The stored index: its Parquet file and the duration classes present."""

    path: Path
    shortest: float
    classes: tuple[int, ...]

    @classmethod
    def find(cls, fingerprint: str) -> LongIndex | None:
        """The index stored for this source, or None."""
        folder = pyramid.root() / fingerprint
        try:
            document = json.loads((folder / "long.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        path = folder / "long.parquet"
        if document.get("version") != VERSION or not path.is_file():
            return None
        return cls(path, float(document["shortest"]), tuple(int(k) for k in document["classes"]))

    def before(self, con: Any, like: Any, lo: Any, lo_seconds: float) -> Any:
        """Indexed events that started more than ``shortest`` before ``lo`` and still run at ``lo``,
        as a table with the columns (and types) of ``like``."""
        table = con.read_parquet(str(self.path))
        parts = []
        for k in self.classes:
            earliest = exprs.stamp(_stamp(lo_seconds - 2.0 ** (k + 1) * self.shortest))
            latest = exprs.stamp(_stamp(lo_seconds - self.shortest))
            part = table.filter(table.k == k, table.span_start >= earliest, table.span_start < latest,
                                table.span_end > lo)
            parts.append(part.select(**{c: part[c].cast(like.schema()[c]) for c in like.schema().names}))
        return ibis.union(*parts) if parts else None


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
    rows = rows.select(*EVENT_FIELDS, "k").order_by(["k", "span_start", "id"])
    folder = pyramid.root() / fingerprint
    folder.mkdir(parents=True, exist_ok=True)
    work = folder / f".long.{uuid.uuid4().hex[:8]}.parquet"
    try:
        rows.to_parquet(str(work), row_group_size=32_768, compression="zstd")
        token.check()
        con = source.backend
        classes = sorted(int(k) for k in con.read_parquet(str(work)).select("k").distinct().execute()["k"])
        work.replace(folder / "long.parquet")
        (folder / "long.json").write_text(json.dumps({"version": VERSION, "shortest": shortest,
                                                      "classes": classes}), encoding="utf-8")
    finally:
        if work.exists():
            work.unlink()
    return LongIndex.find(fingerprint)


def prepare(source: EngineSource, fingerprint: str, lanes: LaneSpec,
            progress: Callable[[float, str], None] | None = None, token: CancelToken = NEVER,
            on_pyramid: Callable[[pyramid.Pyramid], None] | None = None) -> pyramid.Pyramid:
    """Everything a big source needs for a fluid timeline, for a background worker: the facts, the
    pyramid for these lanes and the long-events index (each kept in the cache, reused next time).
    ``on_pyramid`` gets the pyramid as soon as it is stored, before the (longer) index is made."""
    report = progress or (lambda _f, _w: None)
    for fact in (source.count, source.span, source.longest):
        token.check()
        fact()
    report(0.05, "facts")
    built = pyramid.build(source, fingerprint, lanes, lambda f, w: report(0.05 + 0.75 * f, w), token)
    if on_pyramid is not None:
        on_pyramid(built)
    source.long_index = build_long_index(source, fingerprint, token=token)
    report(1.0, "done")
    return built


def remove(fingerprint: str) -> None:
    """Forget everything kept for a source (its facts, pyramids and index)."""
    shutil.rmtree(pyramid.root() / fingerprint, ignore_errors=True)
