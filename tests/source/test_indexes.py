"""The long-events index finds the same window rows as a full look-back, and readies a source once."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from viewer.model.dataset import Dataset
from viewer.model.filters import Filters
from viewer.source import indexes, pyramid
from viewer.source.base import LaneSpec
from viewer.source.connect import locate
from viewer.source.engine import EngineSource
from viewer.source.memory import MemorySource
from viewer.source.opening import open_dataset

DAY = 86400.0


def test_windows_through_the_index_list_the_same_events(generated: Path, generated_dataset: Dataset) -> None:
    source = open_dataset(generated, threshold=0).source
    assert isinstance(source, EngineSource)
    index = indexes.build_long_index(source, "fp")
    assert index is not None and index.classes and min(index.classes) >= 0
    memory = MemorySource(generated_dataset)
    source.long_index = index
    for t0, width, filters in ((1.2e9, DAY, Filters()), (1.3e9, 3600.0, Filters()), (1.1e9, 40 * DAY, Filters()),
                               (1.25e9, 7 * DAY, Filters(actors=frozenset({"a01"}), text="event")),
                               (1.0e9, 365 * DAY, Filters(start="2002", end="2002-06"))):
        mine = list(source.events(t0, t0 + width, filters, limit=300)["id"])
        assert mine == list(memory.events(t0, t0 + width, filters, limit=300)["id"])
        assert len(mine) > 0
    assert list(source.events(1.2e9, None, limit=50)["id"]) == list(memory.events(1.2e9, None, limit=50)["id"])
    for limit in (0, 1, 7):  # the limit cuts across the near events and the index's classes
        for t0 in (1.05e9, 1.2e9, 1.35e9):
            mine = source.events(t0, t0 + DAY, limit=limit)
            assert list(mine["id"]) == list(memory.events(t0, t0 + DAY, limit=limit)["id"])
            assert list(mine.columns) == list(memory.events(t0, t0 + DAY, limit=limit).columns)
    streamed = pd.concat(list(source.stream(1.2e9, 1.2e9 + 40 * DAY, chunk=100)))  # an export's chunks
    assert list(streamed["id"]) == list(memory.events(1.2e9, 1.2e9 + 40 * DAY)["id"]) and len(streamed) > 100


def test_a_source_is_readied_once_and_found_again_on_reopening(generated: Path, monkeypatch: pytest.MonkeyPatch
                                                               ) -> None:
    monkeypatch.delenv("ENTENTE_NO_CACHE")
    source = open_dataset(generated, threshold=0).source
    assert isinstance(source, EngineSource) and source.long_index is None
    fingerprint = locate(generated).fingerprint()
    lanes = LaneSpec("none", ("all",))
    seen: list[float] = []
    built = indexes.prepare(source, fingerprint, lanes, progress=lambda f, _w: seen.append(f))
    assert seen[-1] == 1.0 and seen == sorted(seen)
    again = open_dataset(generated, threshold=0).source
    assert isinstance(again, EngineSource)
    assert again.long_index == source.long_index and again.long_index is not None
    assert pyramid.Pyramid.find(fingerprint, lanes) == built
    assert (pyramid.root() / fingerprint / "facts.json").is_file()
    indexes.remove(fingerprint)
    assert indexes.LongIndex.find(fingerprint) is None


def test_an_index_of_the_first_version_is_made_again_and_its_file_removed(generated: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ENTENTE_NO_CACHE")
    source = open_dataset(generated, threshold=0).source
    assert isinstance(source, EngineSource)
    folder = pyramid.root() / "old-index"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "long.parquet").write_bytes(b"PAR1 a whole index in one file")
    (folder / "long.json").write_text('{"version": 1, "shortest": 86400.0, "classes": [0, 1]}', encoding="utf-8")
    assert indexes.LongIndex.find("old-index") is None
    index = indexes.build_long_index(source, "old-index")
    assert index is not None and index.classes
    assert not (folder / "long.parquet").exists() and all(index.path(k).is_file() for k in index.classes)
    assert sorted(p.name for p in folder.iterdir()) == sorted(["long.json", *(f"long-{k}.parquet"
                                                                               for k in index.classes)])
    index.path(index.classes[0]).unlink()  # a class file lost: the index is not trusted
    assert indexes.LongIndex.find("old-index") is None
    indexes.remove("old-index")


def test_the_index_reads_from_a_cache_folder_whose_name_has_quotes(generated: Path, generated_dataset: Dataset,
                                                                   tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "O'Brien's \"cache\""))
    source = open_dataset(generated, threshold=0).source
    assert isinstance(source, EngineSource)
    source.long_index = indexes.build_long_index(source, "quoted")
    assert source.long_index is not None and "'" in str(source.long_index.folder)
    memory = MemorySource(generated_dataset)
    assert list(source.events(1.2e9, 1.2e9 + DAY, limit=40)["id"]) == list(memory.events(1.2e9, 1.2e9 + DAY,
                                                                                        limit=40)["id"])
