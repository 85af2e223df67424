"""The parsed-dataset cache: hits, misses on change, damaged entries, atomic writes, the off switch."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pandas as pd
import pytest

from viewer.io import cache

CSV = "id,date,title,actors\nA1,2019-12-29,First,x\nA2,2020-01-05T10:00:00Z,Second,x;y\nA3,2021,Third,y\n"


@pytest.fixture
def cache_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private cache folder, with every input large enough to be cached."""
    monkeypatch.setattr("viewer.paths.cache_dir", lambda: tmp_path / "cache")
    monkeypatch.setattr(cache, "MIN_BYTES", 0)
    monkeypatch.delenv("ENTENTE_NO_CACHE", raising=False)
    return tmp_path / "cache" / "datasets"


@pytest.fixture
def table(tmp_path: Path) -> Path:
    path = tmp_path / "events.csv"
    path.write_text(CSV, encoding="utf-8")
    return path


def _entries(root: Path) -> list[Path]:
    return sorted(p for p in root.iterdir() if not p.name.startswith(".")) if root.exists() else []


def test_a_second_load_of_an_unchanged_file_is_answered_from_the_cache(cache_root: Path, table: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    first = cache.load_cached(table)
    assert len(_entries(cache_root)) == 1
    monkeypatch.setattr("viewer.io.load", lambda *a, **k: pytest.fail("the file was read again"))
    again = cache.load_cached(table)
    pd.testing.assert_frame_equal(first.events, again.events)
    pd.testing.assert_frame_equal(first.entities, again.entities)
    pd.testing.assert_frame_equal(first.relations, again.relations)
    assert again.meta == first.meta and again.problems == first.problems


def test_a_changed_mtime_misses_the_cache_and_reads_the_file(cache_root: Path, table: Path) -> None:
    cache.load_cached(table)
    stat = table.stat()
    table.write_text(CSV.replace("First", "Premier"), encoding="utf-8")
    os.utime(table, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    assert "Premier" in set(cache.load_cached(table).events["title"])
    assert len(_entries(cache_root)) == 2


def test_other_options_are_another_entry(cache_root: Path, table: Path) -> None:
    cache.load_cached(table)
    cache.load_cached(table, title="title")
    assert len(_entries(cache_root)) == 2


def test_a_damaged_entry_is_removed_rebuilt_and_logged(cache_root: Path, table: Path,
                                                       caplog: pytest.LogCaptureFixture) -> None:
    cache.load_cached(table)
    (entry,) = _entries(cache_root)
    (entry / "events.parquet").write_bytes(b"not parquet at all")
    with caplog.at_level(logging.WARNING, logger="viewer.io.cache"):
        dataset = cache.load_cached(table)
    assert len(dataset.events) == 3
    assert any("damaged" in r.message for r in caplog.records)
    assert pd.read_parquet(entry / "events.parquet").shape[0] == 3  # rebuilt in place


def test_a_write_that_fails_half_way_leaves_no_entry_behind(cache_root: Path, table: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(self: pd.DataFrame, path: Path, **_kw: object) -> None:
        Path(path).write_bytes(b"half")
        raise OSError("disk full")

    monkeypatch.setattr(pd.DataFrame, "to_parquet", broken)
    assert len(cache.load_cached(table).events) == 3  # the load itself still succeeds
    assert not cache_root.exists() or not list(cache_root.iterdir())


def test_with_later_the_entry_is_written_when_the_caller_runs_it(cache_root: Path, table: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """The window is handed a file read for the first time before its entry is written; a second open reads the
    entry, not the file."""
    later: cache.Later = []
    first = cache.load_cached(table, later=later)
    assert len(first.events) == 3
    assert len(later) == 1 and not _entries(cache_root)
    later[0]()
    assert len(_entries(cache_root)) == 1
    monkeypatch.setattr("viewer.io.load", lambda *a, **k: pytest.fail("the file was read again"))
    again: cache.Later = []
    pd.testing.assert_frame_equal(cache.load_cached(table, later=again).events, first.events)
    assert again == []  # an entry read: nothing to write


def test_a_put_off_write_that_fails_is_logged_not_raised(cache_root: Path, table: Path,
                                                         monkeypatch: pytest.MonkeyPatch,
                                                         caplog: pytest.LogCaptureFixture) -> None:
    later: cache.Later = []
    cache.load_cached(table, later=later)
    monkeypatch.setattr(cache, "write_entry", lambda *a: (_ for _ in ()).throw(OSError("disk full")))
    with caplog.at_level(logging.WARNING, logger="viewer.io.cache"):
        later[0]()
    assert any("could not cache" in r.message and "disk full" in r.message for r in caplog.records)
    assert not _entries(cache_root)


def test_several_files_put_off_each_entry(cache_root: Path, table: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.csv"
    other.write_text(CSV.replace("First", "Premier"), encoding="utf-8")
    later: cache.Later = []
    both = cache.load_cached_many([table, other], later=later)
    assert len(both.events) == 6 and len(later) == 2 and not _entries(cache_root)
    for work in later:
        work()
    assert len(_entries(cache_root)) == 2


def test_entries_are_complete_when_they_appear(cache_root: Path, table: Path) -> None:
    cache.load_cached(table)
    (entry,) = _entries(cache_root)
    assert sorted(p.name for p in entry.iterdir()) == ["entities.parquet", "entry.json", "events.parquet",
                                                        "positions.parquet", "relations.parquet"]


def test_the_cache_is_off_when_entente_no_cache_is_set(cache_root: Path, table: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ENTENTE_NO_CACHE", "1")
    assert len(cache.load_cached(table).events) == 3
    assert not cache_root.exists()


def test_small_files_are_not_cached_by_default(cache_root: Path, table: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "MIN_BYTES", 5 * 2**20)
    cache.load_cached(table)
    assert not cache_root.exists()


def test_only_the_most_recently_used_entries_are_kept(cache_root: Path, tmp_path: Path) -> None:
    for i in range(4):
        path = tmp_path / f"t{i}.csv"
        path.write_text(CSV, encoding="utf-8")
        cache.load_cached(path)
    cache.prune(max_entries=2)
    assert len(_entries(cache_root)) == 2


def test_a_folder_dataset_is_cached_with_its_metadata(cache_root: Path) -> None:
    from viewer.paths import bundled_dataset
    first = cache.load_cached(bundled_dataset())
    again = cache.load_cached(bundled_dataset())
    assert again.meta == first.meta
    assert again.meta.default_start == first.meta.default_start
    pd.testing.assert_frame_equal(first.relations, again.relations)


def test_a_default_window_outside_years_1_to_9999_survives_the_cache(tmp_path: Path) -> None:
    import numpy as np

    from viewer.model.dataset import DatasetMeta
    from viewer.model.dates import PartialDate
    stamps = [pd.Timestamp(np.datetime64(t, "us")).tz_localize("UTC") for t in ("-0473-03-15T10:00:00.5", "12000-01")]
    dataset = cache.load_cached(None)
    meta = DatasetMeta(title="Deep", default_start=PartialDate(stamps[0], "time"),
                       default_end=PartialDate(stamps[1], "month"))
    dataset = type(dataset)(dataset.events, dataset.entities, dataset.relations, meta=meta)
    cache.write_entry(dataset, tmp_path / "entry")
    assert cache.read_entry(tmp_path / "entry").meta == meta
def test_graph_positions_are_computed_while_loading_and_kept_in_the_entry(
        cache_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from viewer.paths import bundled_dataset
    first = cache.load_cached(bundled_dataset())
    assert first.has_positions()
    monkeypatch.setattr("viewer.model.graph_positions.dataset_layout",
                        lambda *a: pytest.fail("the positions were computed again"))
    again = cache.load_cached(bundled_dataset())
    assert again.has_positions() and dict(again.positions) == dict(first.positions)


def test_an_entry_written_without_positions_gains_them_when_a_layout_is_asked_for(cache_root: Path) -> None:
    from viewer.paths import bundled_dataset
    assert not cache.load_cached(bundled_dataset(), layout=False).has_positions()
    laid_out = cache.load_cached(bundled_dataset())
    assert laid_out.has_positions()
    (entry,) = _entries(cache_root)
    assert (entry / cache.POSITIONS).exists()
    assert dict(cache.read_entry(entry).positions) == dict(laid_out.positions)


def test_positions_of_an_older_layout_are_not_used(cache_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from viewer.paths import bundled_dataset
    cache.load_cached(bundled_dataset())
    monkeypatch.setattr(cache, "LAYOUT_VERSION", cache.LAYOUT_VERSION + 1)
    (entry,) = _entries(cache_root)
    assert not cache.read_entry(entry).has_positions()
