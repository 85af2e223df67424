"""Open any source as a LazyDataset: big Parquet and engine tables queried in place, the rest loaded."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pandas as pd

from viewer.io import native, parquet, reading
from viewer.io.cache import enabled, load_cached
from viewer.model.columns import id_names
from viewer.model.dataset import Dataset, DatasetMeta, Tables, build_dataset
from viewer.model.problems import LoadError, Problem
from viewer.source import naming
from viewer.source.base import engine_error
from viewer.source.connect import (
    DB_SUFFIXES,
    ROW_THRESHOLD,
    SourceSpec,
    connect,
    glob_folder,
    is_engine_url,
    locate,
    row_threshold,
)
from viewer.source.engine import EngineSource
from viewer.source.facts import Facts
from viewer.source.lazy import LazyDataset
from viewer.source.memory import MemorySource
from viewer.source.pyramid import root
from viewer.source.stats import footer_facts


def wants_engine(spec: SourceSpec, threshold: int | None = None) -> bool:
    """Engine URLs, DuckDB tables and partitioned folders are queried; one Parquet file only when big
    (over ``threshold`` rows; by default :func:`~viewer.source.connect.row_threshold`); one file of another
    format (a CSV, an ORC file, a calendar) never: it is loaded as ``viewer.load`` loads it."""
    if spec.kind in ("sqlite", "native"):
        return False
    if spec.kind != "parquet" or len(spec.files) != 1 or "*" in spec.target:
        return True
    file = spec.files[0]
    if file.suffix.lower() not in (".parquet", ".pq") and parquet.kind_of(file) != "parquet":
        return False  # (it was refused as "not a readable Parquet file")
    return spec.rows_from_metadata() > (row_threshold() if threshold is None else threshold)


def queried(source: str | Path, table: str | None = None) -> bool:
    """True when the window should query ``source`` in place rather than load it: an engine URL, a
    DuckDB file, a connection file, a partitioned folder or glob, or a Parquet file over the threshold.

    Anything else (CSV, JSON, a native folder of small tables …) is False: it loads as usual.
    """
    text = str(source)
    path = Path(text)
    candidate = is_engine_url(text) or any(ch in text for ch in "*?[") or path.is_dir() \
        or path.suffix.lower() in (".parquet", ".toml", *DB_SUFFIXES)
    if not candidate:
        return False
    threshold = row_threshold()  # a mistyped setting is reported, not taken for "load it"
    try:
        return wants_engine(locate(source, table), threshold)
    except LoadError:
        return table is not None or is_engine_url(text)  # opening it reports what is wrong


def open_dataset(source: str | Path, table: str | None = None, threshold: int = ROW_THRESHOLD) -> LazyDataset:
    """A lazy dataset over ``source`` (path, glob, ``duckdb://``/``spark://`` URL or connection file).

    A Parquet source of at most ``threshold`` rows (from its metadata) is loaded into memory as
    usual; bigger ones, and every engine table, are queried where they are.
    """
    spec = locate(source, table)
    if not wants_engine(spec, threshold):
        native = spec.folder and (spec.kind == "native" or (spec.folder / "events.parquet") in spec.files)
        path = spec.folder if native and spec.folder else spec.files[0]
        ds = load_cached(path, sheet=spec.table) if spec.kind == "sqlite" and spec.table else load_cached(path)
        return LazyDataset(MemorySource(ds), ds.entities, ds.relations, ds.meta, ds.problems)
    return open_engine(spec)


def load_whole(spec: SourceSpec) -> Dataset:
    """An engine source's events read whole through the engine and built as the loader builds a table's
    (for the commands that need every event: validate, convert, export); the caller checks it fits."""
    try:
        con, table = connect(spec)
        table, renamed = naming.native(table)
        meta, problems = _meta(spec)
        problems = [*naming.said(spec.target, renamed), *problems]
        events = parquet.as_pandas(table.to_pyarrow(), spec.target, problems)
    except Exception as exc:
        said = engine_error(exc)
        if said is None:
            raise
        raise LoadError(f"{spec.target}: the query engine could not read it: {said.rstrip('!.')}") from exc
    entities, entities_label = _side_table(spec, con, "entities")
    relations, relations_label = _side_table(spec, con, "relations")
    return build_dataset(Tables(events, entities, relations, spec.target, entities_label, relations_label),
                         replace(meta, path=spec.target), problems)


_EXPECTED = {"parquet": "Parquet files as Arrow, DuckDB or Spark write them",
             "duckdb": "a DuckDB database file (.duckdb, .db) with an events table",
             "url": "a database that answers, with an events table"}


def open_engine(spec: SourceSpec) -> LazyDataset:
    """Query the events where they are; read entities, relations and dataset.json beside them.

    What the engine cannot read (a damaged partition, a file that is no DuckDB database, a server that
    does not answer) is a LoadError naming the source and the engine's own first line."""
    try:
        return _open_engine(spec)
    except Exception as exc:
        said = engine_error(exc)
        if said is None:
            raise
        expected = _EXPECTED.get(spec.kind, "a table the engine reads (Parquet, CSV, DuckDB, SQLite)")
        raise LoadError(f"{spec.target}: the query engine could not read it: {said.rstrip('!.')}; "
                        f"expected {expected}") from exc


def _open_engine(spec: SourceSpec) -> LazyDataset:
    con, table = connect(spec)
    table, renamed = naming.native(table)
    facts = Facts(facts_folder(spec)) if spec.kind != "url" and enabled() else Facts()
    try:
        events = EngineSource(table, label=spec.target, facts=facts)
    except ValueError as exc:
        raise LoadError(f"{spec.target}: {exc}") from exc
    if spec.kind == "parquet":
        _facts_from_footers(spec, facts, events.midnight, "end" in events.raw.schema())
    meta, problems = _meta(spec)
    entities, entities_label = _side_table(spec, con, "entities")
    relations, relations_label = _side_table(spec, con, "relations")
    linked = sorted(set(relations["event"].astype(str)) - {""}) if relations is not None and "event" in relations \
        else []
    present = events.ids_present(linked)
    # only the linked events that exist, so build_dataset keeps exactly the links that resolve
    stand_in = pd.DataFrame({"id": sorted(present), "start": "1970"})
    built = build_dataset(Tables(stand_in, entities, relations, spec.target, entities_label, relations_label),
                          meta, problems)
    if spec.kind != "url" and enabled():
        from viewer.source.indexes import LongIndex  # noqa: PLC0415 - ibis loads only when this index is read
        events.long_index = LongIndex.find(spec.fingerprint())
    events.entity_names = id_names(built.entities)
    problems = [*naming.said(spec.target, renamed), *built.problems, *integer_starts(events, spec)]
    if events.facts.known("count"):  # known from the footers (or an earlier run): the check costs no scan
        problems = [*problems, *unreadable_starts(events, spec)]
    return LazyDataset(events, built.entities, built.relations, built.meta, problems)


COMPACT_NOTES = {  # what the loader says of the same integers (viewer/model/dates/columns.py)
    "yyyymmdd": "integers read as dates written YYYYMMDD (or YYYYMM)",
    "yyyymm": "integers read as dates written YYYYMMDD (or YYYYMM)",
    "seconds": "large numbers read as Unix time in seconds",
}


def integer_starts(events: EngineSource, spec: SourceSpec) -> list[Problem]:
    """A note when the starts are integers other than years, saying how they were read (the loader's
    words); the form comes from the column's smallest and largest value, as the events view reads it."""
    schema = events.raw.schema()
    kind = schema.get("start")
    if kind is None or not (kind.is_integer() or (kind.is_decimal() and kind.scale == 0)):
        return []
    from viewer.source.exprs import compact_form  # noqa: PLC0415 - ibis is loaded with the source already
    said = COMPACT_NOTES.get(compact_form(events.raw.start.cast("int64")))
    return [Problem(spec.target, said, None, "start", "info")] if said else []


def unreadable_starts(events: EngineSource, spec: SourceSpec) -> list[Problem]:
    """A problem when rows of the source have no start the engine can read (empty, or not a date):
    they are left out, as the loader leaves them out, and said so, with one such text. Asked of Parquet
    files and DuckDB tables only, where the engine counts the rows from metadata; the events' count may
    need a scan."""
    if spec.kind not in ("parquet", "duckdb"):
        return []
    skipped = int(events.raw.count().execute()) - events.count()
    if skipped <= 0:
        return []
    rows = "1 row has" if skipped == 1 else f"{skipped:,} rows have"
    from viewer.source.exprs import first_unreadable  # noqa: PLC0415 - ibis is loaded with the source already
    example = first_unreadable(events.raw)
    if example is None:
        return [Problem(spec.target, f"{rows} no start that reads as a date (empty, or not a date); skipped",
                        None, "start")]
    return [Problem(spec.target, f"{rows} no start that reads as a date; skipped. Expected an ISO 8601 date "
                    f"(2020-01-31, 2020-01 or 2020, or with a time) or a timestamp, got {example!r} among "
                    "them: a source queried in place reads no other form of date", None, "start")]


def _facts_from_footers(spec: SourceSpec, facts: Facts, midnight: frozenset[str], has_end: bool) -> None:
    """Count and span from the Parquet footers when they tell exactly (no scan of 100M rows). Columns of
    midnights are read as days, each running to the next midnight: the span ends a day after the largest
    value when every date column is such; when only one is, the footers cannot tell."""
    found = footer_facts(spec.files)
    days = "start" in midnight and (not has_end or "end" in midnight)
    if found is not None and (days or not midnight):
        rows, lo, hi = found
        hi = hi + pd.Timedelta(days=1) if days else hi
        facts.get("count", lambda: rows)
        facts.get("span", lambda: (lo, hi), lambda v: [v[0].isoformat(), v[1].isoformat()], lambda v: v)


def facts_folder(spec: SourceSpec) -> Path:
    """Where a file source's remembered facts and pyramids live: under its fingerprint."""
    return root() / spec.fingerprint()


def _title(spec: SourceSpec) -> str:
    """A source's title: its table's, a file's stem, or a pattern's folder (``data/events/**/*.parquet``: data)."""
    if spec.kind == "url":
        return spec.table
    if not any(ch in spec.target for ch in "*?["):
        return Path(spec.target).stem
    folder = glob_folder(spec.target).absolute()
    return (folder.parent if folder.name == "events" else folder).name


def _meta(spec: SourceSpec) -> tuple[DatasetMeta, list[Problem]]:
    title = _title(spec)
    file = spec.folder / native.META_FILE if spec.folder else None
    if file is None or not file.is_file():
        return DatasetMeta(title=title, path=spec.target), []
    try:
        document = reading.loads(file.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        return DatasetMeta(title=title, path=spec.target), [
            Problem(str(file), f"not readable JSON ({reading.json_error(exc)}); using defaults", level="warning")]
    if not isinstance(document, dict):
        return DatasetMeta(title=title, path=spec.target), [
            Problem(str(file), "expected a JSON object; using defaults", level="warning")]
    meta, problems = native.meta_from_json(document, str(file))
    return replace(meta, title=meta.title or title, path=spec.target), problems


def _side_table(spec: SourceSpec, con: Any, name: str) -> tuple[pd.DataFrame | None, str]:
    """``entities``/``relations``: a file named in the connection file, beside the events, or a table."""
    named = spec.options.get(name)
    if named and spec.folder is not None:
        path = spec.folder / named
        if not path.is_file():
            raise LoadError(f"{path}: no such file (named as '{name}' in the connection file)")
        return (native.read_csv_strings(path) if path.suffix == ".csv" else parquet.read_frame(path)), str(path)
    if spec.folder is not None and spec.kind != "url":
        for suffix in (".parquet", ".csv"):
            path = spec.folder / f"{name}{suffix}"
            if path.is_file():
                return (native.read_csv_strings(path) if suffix == ".csv" else parquet.read_frame(path)), str(path)
    if spec.kind != "parquet":
        try:
            if name in con.list_tables():
                return con.table(name).execute(), f"{spec.target} table {name}"
        except Exception:  # a backend that cannot list tables: the side table is simply absent
            return None, name
    return None, name
