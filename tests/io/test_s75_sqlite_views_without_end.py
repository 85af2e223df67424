"""A SQLite view that answers rows without end (``WITH RECURSIVE`` and no bound) took every byte of memory until
the system killed the app; one that never answers ran for ever. Reading is watched and stopped, said by name.

Each case runs in a process of its own, under a limit on its memory and a time limit, so that a reader without the
watch fails the test instead of taking the machine's memory or the test run's time."""

from __future__ import annotations

import os
import resource
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import viewer

ENDLESS = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c)"
OPEN = """
import sys
from viewer.io import sqlite
sqlite.MOST_SECONDS = float(sys.argv[2])
import viewer
from viewer.model.problems import LoadError
try:
    viewer.load(sys.argv[1])
except LoadError as exc:
    print(exc)
"""


def _database(tmp_path: Path, view: str) -> Path:
    path = tmp_path / "endless.sqlite"
    with sqlite3.connect(path) as con:
        con.execute(f"CREATE VIEW events AS {view}")
    con.close()
    return path


def _opened(path: Path, seconds: float, free: int) -> str:
    def limited() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (3_000_000_000, 3_000_000_000))
    env = {**os.environ, "ENTENTE_FREE_MEMORY": str(free), "ENTENTE_NO_CACHE": "1"}
    try:
        done = subprocess.run([sys.executable, "-c", OPEN, str(path), str(seconds)], capture_output=True, text=True,
                              env=env, timeout=60, preexec_fn=limited, check=False)
    except subprocess.TimeoutExpired:
        pytest.fail("the database was read for more than a minute")
    return done.stdout + done.stderr


def test_a_view_of_rows_without_end_is_stopped_by_the_memory_it_takes(tmp_path: Path) -> None:
    path = _database(tmp_path, f"{ENDLESS} SELECT date('2020-01-01', '+' || (x % 900) || ' days') AS date, "
                               "'event ' || x AS title FROM c")
    said = _opened(path, 600, 150_000_000)
    assert f"{path}: reading stopped" in said and "of memory before all were read" in said, said


def test_a_view_that_never_answers_is_stopped_in_time(tmp_path: Path) -> None:
    path = _database(tmp_path, f"{ENDLESS} SELECT x AS date, 'e' AS title FROM c WHERE x < 0")
    said = _opened(path, 1.0, 150_000_000)
    assert f"{path}: reading stopped" in said and "no end of rows in 1 seconds" in said, said


def test_a_view_of_some_rows_is_read_as_before(tmp_path: Path) -> None:
    path = _database(tmp_path, "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 50) "
                               "SELECT date('2020-01-01', '+' || x || ' days') AS date, 'event ' || x AS title FROM c")
    ds = viewer.load(path)
    assert len(ds.events) == 50 and not [p for p in ds.problems if p.level == "error"]
