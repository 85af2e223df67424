"""`entente info/events/relations/diff` on a source too big to load run as engine queries."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from viewer import cli_engine


@pytest.fixture
def partitioned(tmp_path: Path) -> Path:
    """A dataset folder whose events are split by year (hive partitions), with side tables."""
    for year in (2019, 2020):
        part = tmp_path / "events" / f"year={year}"
        part.mkdir(parents=True)
        pd.DataFrame({
            "id": [f"{year}-{i}" for i in range(12)],
            "start": pd.date_range(f"{year}-01-15", periods=12, freq="MS", tz="UTC") + pd.Timedelta(days=14),
            "title": [f"Meeting {i}" for i in range(12)], "actors": ["acme;globex", "acme"] * 6,
            "category": ["deal", "talk"] * 6}).to_parquet(part / "part.parquet")
    pd.DataFrame({"id": ["acme", "globex"], "name": ["Acme Corp", "Globex"], "kind": ["company"] * 2}
                 ).to_parquet(tmp_path / "entities.parquet")
    pd.DataFrame({"source": ["acme"], "target": ["globex"], "kind": ["equity_stake"], "value": ["10"],
                  "valid_from": ["2019-06"], "event": ["2019-5"]}).to_parquet(tmp_path / "relations.parquet")
    (tmp_path / "dataset.json").write_text(json.dumps({"title": "Partitioned"}))
    return tmp_path


def test_info_counts_without_loading(run: Callable[..., tuple[int, str, str]], partitioned: Path) -> None:
    code, out, _ = run("info", str(partitioned))
    assert code == 0
    assert "Title:     Partitioned" in out and "Events:    24" in out and "Relations: 1" in out
    assert "Span:      15 Feb 2019 – 15 Jan 2021" in out


def test_events_are_streamed_in_order_up_to_the_limit(run: Callable[..., tuple[int, str, str]],
                                                      partitioned: Path, rows: Callable[[str], list[dict[str, str]]]
                                                      ) -> None:
    code, out, _ = run("events", str(partitioned), "--from", "2019-06", "--to", "2020-02", "--limit", "5",
                       "--format", "csv")
    assert code == 0
    found = rows(out)
    assert [r["id"] for r in found] == ["2019-4", "2019-5", "2019-6", "2019-7", "2019-8"]
    code, out, _ = run("events", str(partitioned), "--actor", "globex", "--search", "meeting 1", "--format", "json")
    assert code == 0
    assert [r["id"] for r in json.loads(out)] == ["2019-10", "2020-10"]
    code, out, _ = run("events", str(partitioned), "--from", "2030", "--format", "json")
    assert json.loads(out) == []
    code, out, _ = run("events", str(partitioned), "--limit", "3")
    assert out.strip().endswith("3 of 24 events")


def test_relations_and_diff_come_from_the_side_tables(run: Callable[..., tuple[int, str, str]],
                                                      partitioned: Path,
                                                      rows: Callable[[str], list[dict[str, str]]]) -> None:
    code, out, _ = run("relations", str(partitioned), "--at", "2020", "--format", "csv")
    assert code == 0 and rows(out) == [{"source": "acme", "target": "globex", "kind": "equity_stake",
                                        "value": "10", "valid_from": "2019-06", "valid_to": ""}]
    code, out, _ = run("diff", str(partitioned), "--from", "2019", "--to", "2020", "--format", "csv")
    assert code == 0 and rows(out)[0]["change"] == "added" and rows(out)[0]["events"] == "2019-5"


def test_a_small_parquet_file_still_takes_the_ordinary_path(run: Callable[..., tuple[int, str, str]],
                                                            tmp_path: Path) -> None:
    pd.DataFrame({"start": ["2020-01-01"], "title": ["x"]}).to_parquet(tmp_path / "small.parquet")
    args = argparse.Namespace(command="info", paths=[str(tmp_path / "small.parquet")], table=None)
    assert not cli_engine.wants_engine(args)
    code, out, _ = run("events", str(tmp_path / "small.parquet"), "--limit", "1", "--format", "csv")
    assert code == 0 and "x" in out


def test_a_missing_table_is_reported_not_raised(run: Callable[..., tuple[int, str, str]], tmp_path: Path) -> None:
    import duckdb
    duckdb.connect(str(tmp_path / "x.duckdb")).close()
    code, _, err = run("info", str(tmp_path / "x.duckdb"), "--table", "nope")
    assert code == 1 and "no table 'nope'" in err
    code, _, err = run("events", str(tmp_path), "--limit", "0")
    assert code == 2
