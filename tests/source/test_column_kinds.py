"""Columns as other tools write them read alike in memory and through the engine: lists of actors or
tags (Spark, DuckDB and pandas write list<string>), integer dates (GDELT's 20190321, 201903, 1990),
date-typed starts and timestamps all at midnight; and a window's events come back from either path,
never a traceback."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import viewer
from viewer.model.filters import Filters
from viewer.model.problems import LoadError
from viewer.source import facts
from viewer.source.engine import EngineSource
from viewer.source.memory import MemorySource
from viewer.source.opening import open_dataset

STARTS = {  # the starts, their precision, and how many are dates (30 February and month 13 are not)
    "yyyymmdd": (pa.array([20190105, 20190320, 20191231, 20190230, 20200101], pa.int64()), "day", 4),
    "yyyymm": (pa.array([201901, 201903, 201912, 201913, 202001], pa.int32()), "month", 4),
    "year": (pa.array([1990, 1991, 1995, 1999, 2000], pa.int64()), "year", 5),
    "dates": (pa.array([dt.date(2019, 1, 5), dt.date(2019, 3, 20), dt.date(2019, 12, 31), None,
                        dt.date(2020, 1, 1)], pa.date32()), "day", 4),
    # timestamps all at 00:00 (pandas writes dates so) are dates to both paths; one time of day makes times
    "midnights": (pa.array([dt.datetime(2019, 1, 5), dt.datetime(2019, 3, 20), dt.datetime(2019, 12, 31), None,
                            dt.datetime(2020, 1, 1)], pa.timestamp("us", tz="UTC")), "day", 4),
    "times": (pa.array([dt.datetime(2019, 1, 5), dt.datetime(2019, 3, 20, 9, 30), dt.datetime(2019, 12, 31), None,
                        dt.datetime(2020, 1, 1)], pa.timestamp("us", tz="UTC")), "time", 4),
    # whole numbers stored as decimals, and text stored as bytes (both written by some warehouses' exports)
    "decimal": (pa.array([Decimal(v) for v in (20190105, 20190320, 20191231, 20190230, 20200101)],
                         pa.decimal128(10, 0)), "day", 4),
    "bytes": (pa.array([b"2019-01-05", b"2019-03-20", b"2019-12-31", b"", b"2020-01-01"], pa.binary()), "day", 4),
}


def _write(path: Path, starts: pa.Array) -> Path:
    table = pa.table({"id": [f"e{i}" for i in range(5)], "start": starts, "title": [f"Event {i}" for i in range(5)],
                      "actors": pa.array([["acme", "globex"], ["acme"], [], None, ["initech", None, "acme"]]),
                      "tags": pa.array([[1, 2], [3], [], [4], None], pa.list_(pa.int64()))})
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(table, path)
    return path


@pytest.mark.parametrize("form", list(STARTS))
def test_lists_and_integer_or_date_starts_read_alike_in_memory_and_through_the_engine(tmp_path: Path,
                                                                                       form: str) -> None:
    starts, precision, dated = STARTS[form]
    file = _write(tmp_path / "events" / "part=1" / "p.parquet", starts)
    memory = MemorySource(viewer.load(file))
    engine = open_dataset(tmp_path / "events", threshold=0).source
    assert isinstance(engine, EngineSource)
    mine, theirs = engine.events(limit=10), memory.events(limit=10)
    assert list(mine["id"]) == list(theirs["id"]) and len(mine) == dated  # a start that is no date is skipped
    assert list(mine["start"]) == list(theirs["start"])
    assert set(mine["precision"]) == set(theirs["precision"]) == {precision}
    assert list(mine["actors"]) == list(theirs["actors"])
    assert list(mine["tags"]) == list(theirs["tags"])
    assert "acme;globex" in list(mine["actors"]) and "1;2" in list(mine["tags"])
    said = {(p.level, p.field, p.message) for p in open_dataset(tmp_path / "events", threshold=0).problems}
    loader = {(p.level, p.field, p.message) for p in viewer.load(file).problems}
    assert {n for n in said if n[0] == "info"} == {n for n in loader if n[0] == "info"}  # how they were read
    lo, hi = mine["span_start"].iloc[0].timestamp(), mine["span_end"].iloc[-1].timestamp()
    window = list(engine.events(lo, hi, Filters(actors=frozenset({"acme"})), limit=10)["id"])
    assert window == list(memory.events(lo, hi, Filters(actors=frozenset({"acme"})), limit=10)["id"]) and window


def test_a_list_column_names_its_entities_one_by_one(tmp_path: Path) -> None:
    ds = viewer.load(_write(tmp_path / "events.parquet", STARTS["yyyymmdd"][0]))
    assert {"acme", "globex", "initech"} <= set(ds.entities["id"])
    assert not any("[" in a for a in ds.events["actors"])


def test_an_integer_start_is_read_as_seconds_when_it_is_no_compact_date(tmp_path: Path) -> None:
    seconds = pa.array([1546300800, 1553040000, 1577750400, 1577836800, 1580515200], pa.int64())
    _write(tmp_path / "events" / "part=1" / "p.parquet", seconds)
    engine = open_dataset(tmp_path / "events", threshold=0).source
    assert isinstance(engine, EngineSource)
    rows = engine.events(1546300800.0, 1546387200.0, limit=5)
    assert list(rows["id"]) == ["e0"] and rows["start"].iloc[0] == pd.Timestamp("2019-01-01", tz="UTC")
    notes = [p.message for p in open_dataset(tmp_path / "events", threshold=0).problems if p.field == "start"]
    assert "large numbers read as Unix time in seconds" in notes


def test_a_start_of_plain_numbers_with_fractions_is_refused_with_what_the_engine_reads(tmp_path: Path) -> None:
    _write(tmp_path / "events" / "part=1" / "p.parquet", pa.array([1990.5, 1991.25, 1992.0, 1993.5, 1994.0]))
    assert viewer.load(tmp_path / "events" / "part=1" / "p.parquet").meta.clock == "number"  # in memory: numbers
    with pytest.raises(LoadError, match=r"the 'start' column holds float64 values; a source queried in place "
                                        r"reads dates, timestamps, ISO 8601 text and whole numbers"):
        open_dataset(tmp_path / "events", threshold=0)


def test_what_was_remembered_of_a_source_under_another_reading_is_asked_again(tmp_path: Path,
                                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("ENTENTE_NO_CACHE", "0")  # facts are remembered in the cache folder
    starts = STARTS["decimal"][0]
    _write(tmp_path / "events" / "part=1" / "p.parquet", starts)
    first = open_dataset(tmp_path / "events", threshold=0).source
    assert isinstance(first, EngineSource) and first.span() is not None and first.facts.folder is not None
    remembered = first.facts.folder / "facts.json"
    stale = json.loads(remembered.read_text(encoding="utf-8"))
    assert stale["reading"] == facts.READING
    stale |= {"reading": facts.READING - 1, "span": ["1970-08-22T00:00:00+00:00", "1970-08-23T00:00:00+00:00"]}
    remembered.write_text(json.dumps(stale), encoding="utf-8")  # as an older version read the decimals
    again = open_dataset(tmp_path / "events", threshold=0).source
    assert again is not None and again.span() == (pd.Timestamp("2019-01-05", tz="UTC"),
                                                   pd.Timestamp("2020-01-02", tz="UTC"))
