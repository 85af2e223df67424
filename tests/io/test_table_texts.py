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
