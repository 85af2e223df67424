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


@pytest.mark.parametrize("damage", ["footer", "pages", "no database"])
def test_a_source_the_engine_cannot_read_is_named_without_a_traceback(
        run: Callable[..., tuple[int, str, str]], partitioned: Path, damage: str) -> None:
    target, named = str(partitioned), "year=2020"
    part = partitioned / "events" / "year=2020" / "part.parquet"
    data = bytearray(part.read_bytes())
    if damage == "footer":
        part.write_bytes(b"PAR1" + b"\0" * 200)
    elif damage == "pages":  # the footer still reads; the engine finds the damage when it reads the rows
        data[4:len(data) // 2] = b"\xff" * (len(data) // 2 - 4)
        part.write_bytes(bytes(data))
    else:
        target, named = str(partitioned / "events.duckdb"), "events.duckdb"
        (partitioned / "events.duckdb").write_bytes(b"not a database " * 300)
    for command in (["info", target], ["events", target, "--from", "2020-01-01"]):
        code, _, err = run(*command)
        assert code == 1 and "Traceback" not in err, err
        assert named in err and ("engine" in err or "Parquet" in err), err


def test_an_engine_failing_mid_command_is_one_line_and_other_errors_still_raise(
        run: Callable[..., tuple[int, str, str]], partitioned: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import duckdb

    def lost(_args: argparse.Namespace) -> int:
        raise duckdb.IOException("IO Error: Cannot open file \"part.parquet\": No such file or directory\n\nLINE 1")

    monkeypatch.setitem(cli_engine.HANDLERS, "info", lost)
    code, _, err = run("info", str(partitioned))
    assert code == 1 and err.strip() == (f"entente: {partitioned}: the query engine stopped: IO Error: Cannot open "
                                         "file \"part.parquet\": No such file or directory")

    def bug(_args: argparse.Namespace) -> int:
        raise ZeroDivisionError("a bug of ours")

    monkeypatch.setitem(cli_engine.HANDLERS, "info", bug)
    with pytest.raises(ZeroDivisionError):
        run("info", str(partitioned))


@pytest.mark.parametrize("kind", ["timestamps", "text"])
def test_rows_without_a_readable_start_are_counted_as_a_problem(run: Callable[..., tuple[int, str, str]],
                                                                 tmp_path: Path, kind: str) -> None:
    for year in (2019, 2020):
        part = tmp_path / "events" / f"year={year}"
        part.mkdir(parents=True)
        start: pd.Series = pd.Series(pd.date_range(f"{year}-01-01", periods=5, freq="D", tz="UTC"))
        if kind == "text":
            start = start.dt.strftime("%Y-%m-%d")
        start[2] = None if kind == "timestamps" or year == 2019 else "the day after"
        pd.DataFrame({"id": [f"{year}-{i}" for i in range(5)], "start": start, "title": ["t"] * 5}
                     ).to_parquet(part / "part.parquet")
    code, out, _ = run("info", str(tmp_path / "events"))
    assert "Events:    8" in out
    assert "Events:    8" in out and code == 1
    if kind == "timestamps":  # nothing written: only empty cells
        assert "2 rows have no start that reads as a date (empty, or not a date); skipped" in out
    else:  # the text that is no date is shown, with what the engine reads
        assert ("2 rows have no start that reads as a date; skipped. Expected an ISO 8601 date (2020-01-31, "
                "2020-01 or 2020, or with a time) or a timestamp, got 'the day after' among them") in out
