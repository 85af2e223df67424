"""The big benchmark's data: events as hive-partitioned Parquet, generated once by DuckDB SQL.

``n`` events over 2000–2024 among 50 actors (30 % name two), 10 categories; 30 % are ranges with
heavy-tailed lengths (Lomax, shape 1.1, capped at 10 years); titles of about 40 characters; one
folder per year (``events/year=YYYY/``) sorted by start, with ``entities.parquet``,
``relations.parquet`` and ``dataset.json`` (the 50 actors as principal entities, so 50 lanes) beside.
Values come from ``hash(i, salt)``, so the data is the same on every machine and every run.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

import duckdb

N_ACTORS = 50
YEARS = range(2000, 2025)
VERSION = 1


def data_root() -> Path:
    """``$ENTENTE_BENCH_DIR`` or the user cache folder's ``bench-data``."""
    given = os.environ.get("ENTENTE_BENCH_DIR", "").strip()
    if given:
        return Path(given).absolute()
    from viewer.paths import cache_dir
    return cache_dir() / "bench-data"


def _uniform(i: str, salt: int) -> str:
    return f"(hash({i}, {salt}) % 1000000007) / 1000000007.0"


def _year_sql(year: int, first: int, count: int) -> str:
    i = f"(range + {first})"
    offset = f"CAST(floor({_uniform(i, 1)} * 365 * 86400) AS BIGINT)"
    start = f"TIMESTAMPTZ '{year}-01-01 00:00:00+00' + to_seconds({offset})"
    lomax = f"(pow(1.0 - {_uniform(i, 3)}, -1.0 / 1.1) - 1.0)"
    length = f"to_seconds(CAST(least({lomax} * 20.0, 3650.0) * 86400 + 3600 AS BIGINT))"
    a1 = f"CAST(hash({i}, 4) % {N_ACTORS} AS INTEGER)"
    a2 = f"CAST(hash({i}, 5) % {N_ACTORS} AS INTEGER)"
    name1 = f"'a' || lpad(CAST({a1} AS VARCHAR), 2, '0')"
    name2 = f"'a' || lpad(CAST({a2} AS VARCHAR), 2, '0')"
    actors = f"CASE WHEN {_uniform(i, 6)} < 0.3 AND {a1} <> {a2} THEN {name1} || ';' || {name2} ELSE {name1} END"
    categories = "['legal','capital','product','strategy','people','finance','market','supply','research','policy']"
    return f"""
        SELECT 'E' || CAST({i} AS VARCHAR) AS id, start,
               CASE WHEN {_uniform(i, 2)} < 0.3 THEN start + {length} END AS "end",
               'Synthetic event ' || lpad(CAST({i} AS VARCHAR), 9, '0') || ' about ' || {name1} || ' deal' AS title,
               {actors} AS actors,
               {categories}[CAST(hash({i}, 7) % 10 AS INTEGER) + 1] AS category
        FROM (SELECT range, {start} AS start FROM range({count}))
        ORDER BY start
    """


def generate(n: int, root: Path | None = None) -> Path:
    """The dataset folder for ``n`` events (made once; a complete folder is reused)."""
    folder = (root or data_root()) / f"big-{n}-v{VERSION}"
    if (folder / "dataset.json").is_file():
        return folder
    events = folder / "events"
    events.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect()
    con.execute("SET TimeZone = 'UTC'")
    con.execute("SET memory_limit = '4GB'")
    per_year = n // len(YEARS)
    for k, year in enumerate(YEARS):
        part = events / f"year={year}"
        done = part / "part-0.parquet"
        if done.is_file():
            continue
        part.mkdir(exist_ok=True)
        count = per_year + (n - per_year * len(YEARS) if year == YEARS[-1] else 0)
        tmp = part / ".part-0.parquet.tmp"
        con.execute(f"COPY ({_year_sql(year, k * per_year, count)}) TO '{tmp}' "
                    "(FORMAT parquet, ROW_GROUP_SIZE 122880, COMPRESSION zstd)")
        tmp.rename(done)
        print(f"  {year}: {count:,} events", file=sys.stderr)
    actors = [f"a{i:02d}" for i in range(N_ACTORS)]
    con.execute(f"""COPY (SELECT 'a' || lpad(CAST(range AS VARCHAR), 2, '0') AS id,
                     'Actor number ' || CAST(range AS VARCHAR) AS name, 'company' AS kind FROM range({N_ACTORS}))
                   TO '{folder / "entities.parquet"}' (FORMAT parquet)""")
    con.execute(f"""COPY (SELECT 'R' || CAST(range AS VARCHAR) AS id,
                     'a' || lpad(CAST(hash(range, 8) % {N_ACTORS} AS VARCHAR), 2, '0') AS source,
                     'a' || lpad(CAST((hash(range, 8) + 1 + hash(range, 9) % {N_ACTORS - 1}) % {N_ACTORS} AS VARCHAR),
                                 2, '0') AS target,
                     ['equity_stake','partnership','joint_venture'][CAST(hash(range, 10) % 3 AS INTEGER) + 1] AS kind,
                     CAST(round(1 + (hash(range, 11) % 590) / 10.0, 1) AS VARCHAR) AS value,
                     CAST(2000 + hash(range, 12) % 24 AS VARCHAR) AS valid_from,
                     CASE WHEN hash(range, 13) % 2 = 0 THEN CAST(2003 + hash(range, 12) % 24 AS VARCHAR) ELSE '' END
                       AS valid_to FROM range(300))
                   TO '{folder / "relations.parquet"}' (FORMAT parquet)""")
    con.close()
    (folder / "dataset.json").write_text(json.dumps({"title": f"Synthetic {n:,} events", "principal": actors}))
    return folder


if __name__ == "__main__":
    started = time.perf_counter()
    where = generate(int(float(sys.argv[1])) if len(sys.argv) > 1 else 100_000_000)
    print(f"{where} in {time.perf_counter() - started:.0f} s")
