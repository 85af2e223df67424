"""Sources are told apart by their form, and bad ones are refused with the file and what was expected."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import pytest

from viewer.model.problems import LoadError
from viewer.source.connect import is_engine_url, locate
from viewer.source.engine import EngineSource
from viewer.source.memory import MemorySource
from viewer.source.opening import open_dataset, wants_engine


def _events(n: int = 30) -> pd.DataFrame:
    return pd.DataFrame({"id": [f"e{i}" for i in range(n)],
                         "start": pd.date_range("2020-01-01", periods=n, freq="D", tz="UTC"),
                         "title": [f"Event {i}" for i in range(n)], "actors": ["a;b"] * n})


def test_urls_are_told_from_paths() -> None:
    assert is_engine_url("spark://host:7077") and is_engine_url("duckdb://x.duckdb")
    assert not is_engine_url("C:\\data\\events.parquet") and not is_engine_url("events.parquet")


def test_an_engine_url_needs_a_table() -> None:
    with pytest.raises(LoadError, match="--table"):
        locate("trino://host/catalog")
    assert locate("spark://host:7077", "events").kind == "url"


def test_a_small_parquet_file_is_loaded_and_a_big_one_queried(tmp_path: Path) -> None:
    _events().to_parquet(tmp_path / "events.parquet")
    assert not wants_engine(locate(tmp_path / "events.parquet"))
    assert wants_engine(locate(tmp_path / "events.parquet"), threshold=10)
    assert isinstance(open_dataset(tmp_path / "events.parquet").source, MemorySource)
    assert isinstance(open_dataset(tmp_path / "events.parquet", threshold=10).source, EngineSource)


def test_a_partitioned_folder_is_queried_with_its_partitions(tmp_path: Path) -> None:
    for year in (2020, 2021):
        part = tmp_path / "events" / f"year={year}"
        part.mkdir(parents=True)
        frame = _events()
        frame["start"] = frame["start"] + pd.DateOffset(years=year - 2020)
        frame.to_parquet(part / "p.parquet")
    (tmp_path / "dataset.json").write_text('{"title": "Parts", "principal": ["b"]}')
    spec = locate(tmp_path)
    assert spec.folder == tmp_path and len(spec.files) == 2 and wants_engine(spec)
    ds = open_dataset(tmp_path)
    assert len(ds) == 60 and ds.title == "Parts" and ds.meta.principal == ("b",)
    assert len(open_dataset(str(tmp_path / "events" / "*" / "*.parquet"))) == 60


def test_a_duckdb_table_is_queried_with_its_side_tables(tmp_path: Path) -> None:
    db = tmp_path / "events.duckdb"
    con = duckdb.connect(str(db))
    frame = _events()  # noqa: F841 - read by DuckDB's replacement scan below
    con.execute("CREATE TABLE happenings AS SELECT * FROM frame")
    con.execute("CREATE TABLE relations AS SELECT 'a' AS source, 'b' AS target, 'partnership' AS kind, "
                "'2020' AS valid_from")
    con.close()
    ds = open_dataset(f"duckdb://{db}", table="happenings")
    assert len(ds) == 30
    assert len(ds.relations_at("2021")) == 1
    with pytest.raises(LoadError, match="no table 'events'"):
        open_dataset(db)


def test_a_connection_file_never_holds_a_password(tmp_path: Path) -> None:
    file = tmp_path / "cluster.toml"
    file.write_text('url = "trino://me:secret@host/cat"\ntable = "events"\n')
    with pytest.raises(LoadError, match="password_env"):
        locate(file)
    file.write_text('url = "trino://me@host/cat"\ntable = "events"\npassword_env = "TRINO_PASSWORD"\n')
    spec = locate(file)
    assert spec.table == "events" and spec.options["password_env"] == "TRINO_PASSWORD"
    file.write_text("url = 3\n")
    with pytest.raises(LoadError, match="field 'url'"):
        locate(file)


def test_missing_and_unsuitable_sources_are_named(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="no such file or folder"):
        locate(tmp_path / "nothing")
    (tmp_path / "empty").mkdir()
    with pytest.raises(LoadError, match=r"no events\.parquet"):
        locate(tmp_path / "empty")
    with pytest.raises(LoadError, match="no Parquet files match"):
        locate(str(tmp_path / "*.parquet"))
    pd.DataFrame({"label": ["2020"], "what": ["x"]}).to_parquet(tmp_path / "other.parquet")
    with pytest.raises(LoadError, match=r"other\.parquet: no 'start' column"):  # (no column named as a date either)
        open_dataset(tmp_path / "other.parquet", threshold=0)
    (tmp_path / "bad.parquet").write_bytes(b"PAR1 not really")
    with pytest.raises(LoadError, match=r"bad\.parquet: not a readable Parquet file"):
        open_dataset(tmp_path / "bad.parquet")


@pytest.mark.parametrize("name", ["events.csv", "events.jsonl", "part-0"])
def test_one_file_of_another_format_is_loaded_as_load_loads_it(tmp_path: Path, name: str) -> None:
    """viewer.open("events.csv") said "not a readable Parquet file"; the API gives what viewer.load gives."""
    path = tmp_path / name
    if name.endswith(".jsonl"):
        path.write_text('{"date": "2019-03-04", "title": "Signed"}\n{"date": "2020-01-02", "title": "Ended"}\n')
    else:
        path.write_text("date,title\n2019-03-04,Signed\n2020-01-02,Ended\n", encoding="utf-8")
    opened = open_dataset(path, threshold=0)
    assert isinstance(opened.source, MemorySource) and opened.count() == 2
    assert (opened.span() or (None,))[0] == pd.Timestamp("2019-03-04", tz="UTC")


def test_footers_give_the_count_and_span_the_engine_would(tmp_path: Path) -> None:
    from viewer.source.stats import footer_facts
    frame = _events(500)
    frame["end"] = frame["start"] + pd.to_timedelta([3 if i % 3 == 0 else -1 for i in range(500)], unit="D")
    frame.loc[frame.index % 3 == 1, "end"] = pd.NaT
    frame.loc[7, "start"] = pd.NaT
    # dates at midnight (read as days: the span runs to the next midnight), times, and a mix of the two
    for shift, told in ((pd.Timedelta(0), True), (pd.Timedelta(hours=9), True), (None, False)):
        moved = frame.assign(start=frame["start"] + shift, end=frame["end"] + shift) if shift is not None else \
            frame.assign(end=frame["end"] + pd.Timedelta(hours=9))
        moved.to_parquet(tmp_path / "events.parquet", row_group_size=64)
        opened = open_dataset(tmp_path, threshold=0).source
        assert isinstance(opened, EngineSource)
        assert opened.facts.known("span") == told  # from the footers, no scan, when they tell exactly
        fresh = EngineSource(opened.raw)
        assert (opened.count(), *opened.span()) == (fresh.count(), *fresh.span())  # type: ignore[misc]
        if shift is not None and shift:
            assert footer_facts((tmp_path / "events.parquet",)) == (fresh.count(), *fresh.span())  # type: ignore[misc]
    frame.assign(precision="day").to_parquet(tmp_path / "events.parquet")
    assert footer_facts((tmp_path / "events.parquet",)) is None
