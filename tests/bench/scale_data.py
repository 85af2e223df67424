"""Synthetic datasets for the scale benchmark, written once as CSV and Parquet and reused.

``n`` events over 2000–2025 among 50 actors and 10 categories; 30 % are ranges with heavy-tailed
lengths; titles of about 40 characters; dates are ISO date-times with ``Z``; a few hundred relations.
Each size gets a folder holding the plain event tables (``events.csv``, ``events.parquet``, opened
through the generic table loader) and two native dataset folders (``native_csv``, ``native_parquet``)
that share them through symbolic links and add entities, relations and ``dataset.json``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

N_ACTORS = 50
CATEGORIES = ("legal", "capital", "product", "strategy", "people", "finance", "market", "supply", "research",
              "policy")
VERSION = 1  # bump when the generator changes: the folders are rebuilt


def data_root() -> Path:
    """Where the datasets live: ``$ENTENTE_BENCH_DIR`` or the user cache folder."""
    given = os.environ.get("ENTENTE_BENCH_DIR", "").strip()
    if given:
        return Path(given).absolute()
    from viewer.paths import cache_dir
    return cache_dir() / "bench-data"


def events_table(n: int, seed: int = 1) -> pa.Table:
    """The events as an Arrow table of strings (as a user's file would hold them)."""
    rng = np.random.default_rng(seed)
    base = np.datetime64("2000-01-01T00:00:00", "s").astype(np.int64)
    start_s = base + rng.integers(0, int(25 * 365.25 * 86400), n)
    is_range = rng.random(n) < 0.3
    length_s = (np.minimum(rng.pareto(1.1, n) * 20, 3650) * 86400).astype(np.int64) + 3600
    fmt = "%Y-%m-%dT%H:%M:%SZ"
    start = pc.strftime(pa.array(start_s, pa.timestamp("s", tz="UTC")), format=fmt)
    end = pc.if_else(pa.array(is_range), pc.strftime(pa.array(start_s + length_s, pa.timestamp("s", tz="UTC")),
                                                     format=fmt), "")
    first, second = rng.integers(0, N_ACTORS, n), rng.integers(0, N_ACTORS, n)
    names = np.array([f"a{i:02d}" for i in range(N_ACTORS)], dtype=object)
    both = (rng.random(n) < 0.3) & (first != second)
    pairs = np.array([f"a{i:02d};a{j:02d}" for i in range(N_ACTORS) for j in range(N_ACTORS)], dtype=object)
    actors = np.where(both, pairs[first * N_ACTORS + second], names[first])
    ids = pc.binary_join_element_wise("E", pc.cast(pa.array(np.arange(n)), pa.string()), "")
    numbers = pc.utf8_lpad(pc.cast(pa.array(np.arange(n)), pa.string()), 8, "0")
    title = pc.binary_join_element_wise("Synthetic event ", numbers, " about ", pa.array(names[first]), "")
    category = pa.array(np.asarray(CATEGORIES, dtype=object)[rng.integers(0, len(CATEGORIES), n)], pa.string())
    return pa.table({"id": ids, "start": start, "end": end, "title": title,
                     "actors": pa.array(actors, pa.string()), "category": category})


def _entities() -> pa.Table:
    ids = [f"a{i:02d}" for i in range(N_ACTORS)]
    return pa.table({"id": ids, "name": [f"Actor number {i}" for i in range(N_ACTORS)],
                     "kind": ["company"] * N_ACTORS})


def _relations(seed: int = 2, n: int = 300) -> pa.Table:
    rng = np.random.default_rng(seed)
    source, target = rng.integers(0, N_ACTORS, n), rng.integers(0, N_ACTORS, n)
    target = np.where(source == target, (target + 1) % N_ACTORS, target)
    years = rng.integers(2000, 2024, n)
    return pa.table({"source": [f"a{i:02d}" for i in source], "target": [f"a{i:02d}" for i in target],
                     "kind": rng.choice(["equity_stake", "partnership", "joint_venture"], n).tolist(),
                     "value": np.round(rng.uniform(1, 60, n), 1).tolist(),
                     "valid_from": [str(y) for y in years.tolist()],
                     "valid_to": [str(y + 3) if rng.random() < 0.5 else "" for y in years.tolist()]})


def _link(target: Path, link: Path) -> None:
    if not link.exists():
        link.symlink_to(os.path.relpath(target, link.parent))


def ensure(n: int) -> Path:
    """The folder for ``n`` events, generated when missing (or made by an older generator)."""
    folder = data_root() / f"events_{n}"
    stamp = folder / "generated.json"
    if stamp.exists() and json.loads(stamp.read_text()).get("version") == VERSION:
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    table = events_table(n)
    pacsv.write_csv(table, folder / "events.csv")
    pq.write_table(table, folder / "events.parquet")
    for name, suffix in (("native_csv", ".csv"), ("native_parquet", ".parquet")):
        native = folder / name
        native.mkdir(exist_ok=True)
        _link(folder / f"events{suffix}", native / f"events{suffix}")
        pacsv.write_csv(_entities(), native / "entities.csv")
        pacsv.write_csv(_relations(), native / "relations.csv")
        (native / "dataset.json").write_text(json.dumps({"title": f"Synthetic {n:,} events",
                                                         "principal": []}))
    stamp.write_text(json.dumps({"version": VERSION, "events": n}))
    return folder
