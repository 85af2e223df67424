"""A source queried in place under its makers' own column names (a Spark job's ``event_date``, ``headline``,
``actor1``): its columns are read by their names, as the loader reads a table's, renamed in the query, and said.
Before, it was refused ("no 'start' column; expected the native columns"): only data written by Entente could be
queried in place."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pytest

import viewer


def spark_folder(root: Path, with_start: bool = False) -> Path:
    """Events partitioned by year as Spark writes them, under their own names (or the native ``start``)."""
    for year in (2019, 2020):
        part = root / f"year={year}"
        part.mkdir(parents=True)
        pd.DataFrame({"event_date" if not with_start else "start": [f"{year}-03-0{d}" for d in (1, 2, 3)],
                      "headline": [f"Story {year}-{d}" for d in (1, 2, 3)],
                      "actor1": ["Renault", "Nissan", "Renault"], "event_type": ["deal", "court", "deal"],
                      "fatalities": [0, 1, 2]}).to_parquet(part / "part-0.parquet", index=False)
    return root


def test_a_partitioned_folder_under_its_own_names_is_queried(tmp_path: Path) -> None:
    ds = viewer.open(str(spark_folder(tmp_path / "acled")))
    assert ds.meta.title == "acled" and len(ds) == 6
    rows = ds.events_between("2020-01-01", "2020-12-31")
    assert rows["title"].tolist() == ["Story 2020-1", "Story 2020-2", "Story 2020-3"]
    assert rows["actors"].tolist() == ["Renault", "Nissan", "Renault"]
    assert rows["category"].tolist() == ["deal", "court", "deal"]
    assert len(ds.events_between("2019-01-01", "2020-12-31", actors=["Nissan"])) == 2
    ids = ds.events_between("2019-01-01", "2020-12-31")["id"]  # written without ids: one of its own for each row
    again = viewer.open(str(tmp_path / "acled")).events_between(None, None)["id"]
    assert ids.is_unique and ids.tolist() == again.tolist()
    note, = [p.message for p in ds.problems if "read by their names" in p.message]
    assert "start from 'event_date'" in note and "title from 'headline'" in note and "actors from 'actor1'" in note


def test_the_command_line_answers_the_same(tmp_path: Path) -> None:
    folder = spark_folder(tmp_path / "acled")
    done = subprocess.run([sys.executable, "-m", "viewer", "events", str(folder), "--from", "2019-03-02", "--to",
                           "2019-03-02", "--format", "csv"], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert "Story 2019-2" in done.stdout and "Story 2019-1" not in done.stdout


def test_a_duckdb_table_under_its_own_names_is_queried(tmp_path: Path) -> None:
    database = tmp_path / "news.duckdb"
    with duckdb.connect(str(database)) as con:
        con.execute("CREATE TABLE events AS SELECT * FROM (VALUES (TIMESTAMP '2019-11-19 17:00:00', 'Arrest', "
                    "'Nissan'), (TIMESTAMP '2023-02-06 09:00:00', 'London', 'Renault')) t(published_at, title, "
                    "company)")
    ds = viewer.open(str(database))
    assert ds.events_between("2019-01-01", "2019-12-31")["title"].tolist() == ["Arrest"]


def test_native_names_stay_native_and_no_date_column_is_refused_by_name(tmp_path: Path) -> None:
    ds = viewer.open(str(spark_folder(tmp_path / "native", with_start=True)))
    assert not [p for p in ds.problems if "read by their names" in p.message] and len(ds) == 6
    folder = tmp_path / "dateless" / "region=north"
    folder.mkdir(parents=True)
    pd.DataFrame({"name": ["a"], "value": [1]}).to_parquet(folder / "part-0.parquet", index=False)
    with pytest.raises(viewer.LoadError, match=r"no 'start' column; expected the native columns .* got name, value"):
        viewer.open(str(tmp_path / "dateless"))
