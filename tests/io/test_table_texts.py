"""A long table's text columns are cleaned on a second thread: the dataset is the one the single thread reads."""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import viewer
from viewer.io import table_texts
from viewer.model.problems import LoadError


def _write(path: Path, count: int) -> Path:
    rng = np.random.default_rng(8)
    days = pd.Timestamp("2020-01-01") + pd.to_timedelta(rng.integers(0, 2000, count), unit="D")
    frame = pd.DataFrame({
        "id": [f" E{i} " if i % 7 == 0 else ("" if i % 11 == 0 else f"E{i}") for i in range(count)],
        "start": days.strftime("%Y-%m-%d"),
        "title": ["" if i % 13 == 0 else f"title\u00a0{i}" for i in range(count)],
        "actors": rng.choice(["a1", "a2 ; a3", " b", ""], count),
        "category": rng.choice(["deal", "court", " vote "], count),
        "note": rng.choice(["x", "y"], count),
    })
    frame.to_csv(path, index=False)
    return path


def test_threaded_and_single_thread_reads_are_alike(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path / "long.csv", table_texts.THREADED_FROM + 100)
    threads: set[str] = set()
    clean = table_texts.column

    def spy(frame: pd.DataFrame, name: str | None) -> pd.Series:
        threads.add(threading.current_thread().name)
        return clean(frame, name)

    monkeypatch.setattr(table_texts, "column", spy)
    threaded = viewer.load(path)
    assert any(name.startswith("entente-texts") for name in threads)
    monkeypatch.setattr(table_texts, "THREADED_FROM", 10**9)
    threads.clear()
    single = viewer.load(path)
    assert threads == {threading.current_thread().name}
    pd.testing.assert_frame_equal(threaded.events, single.events)
    assert [str(p) for p in threaded.problems] == [str(p) for p in single.problems]
    events = threaded.events
    assert not events["title"].str.contains("\u00a0").any() and not events["id"].str.contains(" ").any()
    assert set(events["category"].cat.categories) == {"deal", "court", "vote"}


def test_a_failure_on_the_second_thread_reaches_the_caller(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path / "long.csv", table_texts.THREADED_FROM + 10)

    def broken(frame: pd.DataFrame, name: str | None) -> pd.Series:
        raise LoadError(f"{path}: column {name!r} could not be read")

    monkeypatch.setattr(table_texts, "column", broken)
    with pytest.raises(LoadError, match="could not be read"):
        viewer.load(path)


def _ids_table(path: Path, ids: list[str]) -> Path:
    days = pd.Timestamp("2020-01-01") + pd.to_timedelta(np.arange(len(ids)) % 900, unit="D")
    pd.DataFrame({"id": ids, "start": days.strftime("%Y-%m-%d"), "title": [f"t{i}" for i in range(len(ids))]}
                 ).to_csv(path, index=False)
    return path


def _checked_by_model(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the model's own id checks (it skips them when the loader found the ids distinct)."""
    from viewer.model import table_build
    calls: list[int] = []
    check = table_build.unique_ids  # type: ignore[attr-defined]

    def counted(ids: pd.Series, *args: object) -> pd.Series:
        if len(ids):  # entities and relations: none in these files
            calls.append(len(ids))
        return check(ids, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(table_build, "unique_ids", counted)
    return calls


def test_distinct_ids_are_checked_once_while_the_dates_parse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    count = table_texts.THREADED_FROM + 10
    calls = _checked_by_model(monkeypatch)
    ds = viewer.load(_ids_table(tmp_path / "ids.csv", [f" E{i}" for i in range(count)]))
    assert calls == []  # the second thread found them distinct
    assert ds.events["id"].is_unique and ds.events["id"].str.match(r"^E\d+$").all()
    assert not [p for p in ds.problems if p.field == "id"]
    no_ids = tmp_path / "no_ids.csv"
    pd.read_csv(tmp_path / "ids.csv").drop(columns="id").to_csv(no_ids, index=False)
    ds = viewer.load(no_ids)  # every id made from its row number
    assert calls == [] and ds.events["id"].is_unique and ds.events["id"].str.match(r"^row\d+$").all()


@pytest.mark.parametrize("threaded", [True, False])
def test_a_repeated_or_blank_id_in_a_long_table_is_still_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                  threaded: bool) -> None:
    ids = [f"E{i}" for i in range(table_texts.THREADED_FROM + 10)]
    if not threaded:
        monkeypatch.setattr(table_texts, "THREADED_FROM", 10**9)
    ids[500], ids[40_000] = "E7", " E7 "  # the same id twice more, once with spaces around it
    ids[9] = ""
    calls = _checked_by_model(monkeypatch)
    from viewer.model import table_build
    aside: list[int] = []
    monkeypatch.setattr(table_build, "_checked_aside", lambda values: aside.append(len(values)))
    ds = viewer.load(_ids_table(tmp_path / "ids.csv", ids))
    assert calls and not aside  # the model names them, in the file's order, without checking them again first
    events = ds.events.set_index("row")
    assert events.loc[9, "id"] == "E7" and events.loc[502, "id"] == "E7#2" and events.loc[40_002, "id"] == "E7#3"
    assert events.loc[11, "id"] == "row10"  # the tenth row (line 11)
    assert ds.events["id"].is_unique
    assert [p.row for p in ds.problems if p.field == "id"] == [502, 40_002]
