"""Where events come from: a Parquet file, folder or glob, a DuckDB table, or an engine URL + table.

:func:`locate` reads a source description without touching the data; :func:`connect` opens the
engine table (DuckDB for files, embedded, no server; Spark or any ibis URL otherwise). Credentials
come only from the environment: a connection file names the variable that holds a password.
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pyarrow.parquet as pq

from viewer.io import parquet
from viewer.io.reading import local_path
from viewer.io.sqlite import is_sqlite
from viewer.model.problems import LoadError

ROW_THRESHOLD = 2_000_000  # Parquet sources with more rows than this are queried, not loaded
THRESHOLD_ENV = "ENTENTE_ENGINE_ROWS"  # overrides ROW_THRESHOLD (tests and small machines lower it)
DB_SUFFIXES = (".duckdb", ".ddb", ".db")
SPARK_CONF = {"spark.sql.session.timeZone": "UTC", "spark.ui.enabled": "false",
              "spark.sql.shuffle.partitions": "4"}


@dataclass(frozen=True)
class SourceSpec:
    """A located source: ``kind`` is parquet, duckdb or url (queried), sqlite (loaded as a table) or native (a
    dataset folder of CSV tables, loaded);
    ``files`` the Parquet files it reads."""

    kind: str
    target: str  # a Parquet path or glob, a DuckDB file, or an engine URL
    table: str = "events"
    folder: Path | None = None  # where dataset.json / entities / relations live, when on disk
    files: tuple[Path, ...] = ()
    options: dict[str, str] = field(default_factory=dict)

    def fingerprint(self) -> str:
        """A key that changes when the data does: paths, sizes, mtimes (files), or URL + table."""
        if self.kind == "parquet":
            parts: list[object] = [(str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in self.files]
        elif self.kind == "duckdb":
            db = Path(self.target)
            parts = [str(db.absolute()), db.stat().st_size, db.stat().st_mtime_ns, self.table]
        else:
            parts = [self.target, self.table]
        return hashlib.sha256(json.dumps(parts, default=str).encode()).hexdigest()[:32]

    def rows_from_metadata(self) -> int:
        """How many rows the Parquet files hold, from their footers (no data read)."""
        total = 0
        for path in self.files:
            try:
                total += pq.read_metadata(path).num_rows
            except Exception as exc:  # pyarrow raises several types for a damaged footer
                raise parquet.unreadable(path, exc) from exc
        return total


def row_threshold() -> int:
    """Rows above which a Parquet source is queried in place: ``ENTENTE_ENGINE_ROWS``, else 2,000,000."""
    value = os.environ.get(THRESHOLD_ENV, "").strip().replace("_", "")
    if not value:
        return ROW_THRESHOLD
    if not value.isdigit():
        raise LoadError(f"{THRESHOLD_ENV}: expected a whole number of rows such as 2000000, got {value!r}")
    return int(value)


def is_engine_url(text: str) -> bool:
    """True for ``spark://…``, ``duckdb://…`` and other ibis connection URLs (not Windows drives)."""
    scheme = urlsplit(text).scheme
    return len(scheme) > 1 and "://" in text


def locate(source: str | Path, table: str | None = None) -> SourceSpec:
    """What a path, glob, URL or connection file describes; LoadError when it names nothing usable."""
    text = local_path(str(source))  # (a file:// address as its path; a web address refused)
    if is_engine_url(text):
        kind = "duckdb" if text.startswith("duckdb://") else "url"
        target = text.removeprefix("duckdb://") if kind == "duckdb" else text
        if kind == "url" and not table:
            raise LoadError(f"{text}: an engine URL needs the events table (--table NAME)")
        return SourceSpec(kind, target, table or "events")
    return _locate_path(Path(text), table)


def _locate_path(path: Path, table: str | None) -> SourceSpec:
    text = str(path)
    if path.suffix == ".toml" and path.is_file():
        return _connection_file(path, table)
    if path.is_file() and is_sqlite(path):  # read as a table (viewer.io.sqlite), not by the engine
        return SourceSpec("sqlite", str(path), table or "", folder=path.parent, files=(path,))
    if path.suffix in DB_SUFFIXES and path.is_file():
        return SourceSpec("duckdb", str(path), table or "events", folder=path.parent)
    if any(ch in text for ch in "*?["):
        return _locate_glob(text)
    if path.is_file():
        return SourceSpec("parquet", str(path), folder=path.parent, files=(path,))
    if path.is_dir():
        return _locate_folder(path)
    raise LoadError(f"{text}: no such file or folder")


def _locate_glob(text: str) -> SourceSpec:
    files = tuple(Path(p) for p in sorted(glob.glob(text, recursive=True)) if Path(p).is_file())
    if not files:
        raise LoadError(f"{text}: no Parquet files match this pattern")
    return SourceSpec("parquet", text, folder=glob_folder(text), files=files)


NATIVE_EVENTS = ("events.csv",)  # a native dataset folder: loaded whole, as viewer.load loads it
SIDE_TABLES = ("entities.parquet", "relations.parquet")
PART_DEPTH = 6  # partition folders below events/ (year=/month=/day=/…) looked into at most this deep


def _locate_folder(path: Path) -> SourceSpec:
    """A native dataset folder (``events.parquet``, or ``events.csv`` …: loaded as ``viewer.load`` loads it), a
    folder with an ``events/`` folder of Parquet parts, or a folder of parts (``part-0.parquet``, ``year=2020/…``).

    Only ``events/`` and partition folders (``key=value``) are walked, and only :data:`PART_DEPTH` deep: an
    ``archive/`` beside a native dataset's tables is not its events, and ``/`` is never walked."""
    native = any((path / name).is_file() for name in NATIVE_EVENTS)
    if (path / "events.parquet").is_file() and not native:
        return SourceSpec("parquet", str(path / "events.parquet"), folder=path, files=(path / "events.parquet",))
    if native:  # (with an events.parquet beside: the loader reads the newer, the other when it cannot)
        return SourceSpec("native", str(path), folder=path)
    if (path / "events").is_dir():
        files = _parts(path / "events", PART_DEPTH)
        if not files:
            raise LoadError(f"{path / 'events'}: no Parquet files in the folder; expected the events as Parquet "
                            "parts (events/part-0.parquet, events/year=2020/part-0.parquet …)")
        return SourceSpec("parquet", str(path / "events" / "**" / "*.parquet"), folder=path, files=files)
    files = _parts(path, PART_DEPTH, partitions_only=True)
    if not files:
        raise LoadError(f"{path}: no events.parquet or events.csv (a dataset folder), no events/ folder of Parquet "
                        "parts and no Parquet parts (part-0.parquet, year=2020/…) in the folder")
    if any((path / name).is_file() for name in SIDE_TABLES):
        raise LoadError(f"{path}: Parquet parts beside entities or relations; move the event parts into an "
                        "events/ folder (events/part-0.parquet …)")
    return SourceSpec("parquet", str(path / "**" / "*.parquet"), folder=path.parent, files=files)


def _parts(folder: Path, depth: int, partitions_only: bool = False) -> tuple[Path, ...]:
    """The Parquet files in ``folder`` and its subfolders down to ``depth`` (only ``key=value`` partition
    folders when ``partitions_only``), sorted."""
    found: list[Path] = []
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return ()
    for entry in entries:
        if entry.suffix.lower() == ".parquet" and entry.is_file():
            found.append(entry)
        elif depth > 0 and (not partitions_only or "=" in entry.name) and entry.is_dir():
            found.extend(_parts(entry, depth - 1))
    return tuple(sorted(found))


def glob_folder(pattern: str) -> Path:
    """The folder a pattern's fixed part names (``data/**/*.parquet`` → ``data``)."""
    fixed = re.split(r"[*?\[]", pattern, maxsplit=1)[0]
    return Path(fixed) if fixed.endswith(("/", os.sep)) else Path(fixed).parent


def _connection_file(path: Path, table: str | None) -> SourceSpec:
    """A small TOML file: ``url``, ``table``, optionally ``password_env`` (never a password itself)."""
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise LoadError(f"{path}: not a readable connection file ({exc}); expected TOML with url and table") from exc
    section = document.get("source", document)
    url = section.get("url")
    if not isinstance(url, str) or not url:
        raise LoadError(f"{path}: field 'url': expected an engine URL such as spark://host:7077 or duckdb://file")
    if urlsplit(url).password:
        raise LoadError(f"{path}: field 'url': holds a password; name an environment variable in "
                        "'password_env' instead")
    options = {k: str(v) for k, v in section.items() if k in ("password_env", "entities", "relations")}
    spec = locate(url, table or section.get("table"))
    return SourceSpec(spec.kind, spec.target, spec.table, folder=path.parent, options=options)


def duckdb_connection(database: str = ":memory:", read_only: bool = False) -> Any:
    """An embedded DuckDB through ibis, in UTC, its memory bounded (``ENTENTE_DUCKDB_MEMORY``, default 800MB),
    that never installs an extension (which means a download)."""
    import ibis  # noqa: PLC0415 - ibis loads only when an engine source is connected
    # offline, always: DuckDB would otherwise download an extension it meets a need for (a SQLite file, https)
    con = ibis.duckdb.connect(database, read_only=read_only, autoinstall_known_extensions=False)
    con.raw_sql("SET TimeZone = 'UTC'").fetchall()
    con.raw_sql(f"SET memory_limit = '{_memory_limit()}'").fetchall()
    # keep Parquet footers between queries: a narrow window's query is otherwise mostly footer reading
    con.raw_sql("SET parquet_metadata_cache = true").fetchall()
    return con


def _memory_limit() -> str:
    # with Python's own ~300 MB this keeps a process under 1.5 GB; DuckDB spills to disk beyond
    value = os.environ.get("ENTENTE_DUCKDB_MEMORY", "800MB").strip()
    if not value.replace(".", "").rstrip("KMGTBkmgtib").isdigit():
        raise LoadError(f"ENTENTE_DUCKDB_MEMORY: expected a size such as 1GB, got {value!r}")
    return value


def spark_session(master: str) -> Any:
    """A Spark session for ``master`` (``local[2]``, ``spark://host:7077`` …), UTC, quiet."""
    try:
        from pyspark.sql import SparkSession  # noqa: PLC0415 - Spark is optional (entente[spark])
    except ImportError as exc:
        raise LoadError("Spark sources need pyspark: pip install 'entente[spark]' (and Java 17)") from exc
    builder = SparkSession.builder.master(master).appName("entente")
    for key, value in SPARK_CONF.items():
        builder = builder.config(key, value)
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    return session


def connect(spec: SourceSpec) -> tuple[Any, Any]:
    """The engine connection and the events table of a located source."""
    import ibis  # noqa: PLC0415 - ibis loads only when an engine source is connected
    if spec.kind == "parquet":
        con = duckdb_connection()
        hive = "**" in spec.target or any(p.parent.name.count("=") for p in spec.files[:1])
        return con, con.read_parquet(spec.target, hive_partitioning=hive)
    if spec.kind == "duckdb":
        con = duckdb_connection(spec.target, read_only=True)
        return con, _table(con, spec)
    if spec.target.startswith("spark://") or spec.target.startswith("local"):
        master = spec.target.removeprefix("spark://") if spec.target.startswith("spark://local") else spec.target
        con = ibis.pyspark.connect(spark_session(master))
        if spec.table.endswith(".parquet") or "/" in spec.table:
            return con, con.read_parquet(spec.table)
        return con, _table(con, spec)
    url = spec.target
    secret = os.environ.get(spec.options["password_env"]) if "password_env" in spec.options else None
    kwargs = {"password": secret} if secret else {}
    try:
        con = ibis.connect(url, **kwargs)
    except ImportError as exc:  # (ibis knows the engine; its driver is not installed)
        scheme = urlsplit(url).scheme
        raise LoadError(f"{url}: the {scheme} engine's driver is not installed; expected it installed, such as pip "
                        f"install 'ibis-framework[{scheme}]'") from exc
    except ValueError as exc:  # ("Don't know how to connect to …")
        raise LoadError(f"{url}: no query engine Entente knows answers at this address; expected a file, a folder, "
                        "duckdb:///file.duckdb, spark://host:7077 or another ibis URL (trino://, clickhouse://, "
                        "postgres:// …)") from exc
    return con, _table(con, spec)


def _table(con: Any, spec: SourceSpec) -> Any:
    try:
        return con.table(spec.table)
    except Exception as exc:  # each backend raises its own "no such table"
        raise LoadError(f"{spec.target}: no table {spec.table!r} ({str(exc).splitlines()[0]})") from exc
