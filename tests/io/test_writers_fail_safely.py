"""Every writer, interrupted at every step, leaves the old content byte for byte and no temporary behind."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

import viewer
from viewer.io import cache, native_write, table_export
from viewer.model.dataset import Dataset

if TYPE_CHECKING:
    from tests.conftest import Failures

FILE_STEPS = ("full disk", "fsync", "replace")
FOLDER_STEPS = ("full disk", "fsync", "rename aside", "rename in")

Writer = Callable[[Dataset, Path], None]


def _folder(ds: Dataset, target: Path) -> None:
    native_write.write(ds, target, overwrite=True)


def _cache_entry(ds: Dataset, target: Path) -> None:
    cache.write_entry(ds, target)


def _table(ds: Dataset, target: Path) -> None:
    table_export.write_table(ds.events, ["id", "start", "title"], target)


def _streamed(ds: Dataset, target: Path) -> None:
    chunks = (ds.events.iloc[i:i + 2] for i in range(0, len(ds.events), 2))  # as an engine answers
    table_export.write_chunks(chunks, ["id", "start", "title"], target)


FILE_WRITERS: dict[str, tuple[str, Writer]] = {
    "native single file": ("copy.json", _folder),
    "table export (CSV)": ("events.csv", _table),
    "table export (JSON)": ("events.json", _table),
    "streamed export (CSV)": ("events.csv", _streamed),
    "streamed export (JSON)": ("events.json", _streamed),
}
FOLDER_WRITERS: dict[str, tuple[str, Writer]] = {
    "native folder": ("copy", _folder),
    "cache entry": ("cache/0123abcd", _cache_entry),
}


@pytest.fixture(scope="module")
def old_and_new() -> tuple[Dataset, Dataset]:
    """Two different datasets: the one on disk, and the one a failed write tries to put in its place."""
    old = viewer.load()
    events = old.events.iloc[:5].reset_index(drop=True)
    return old, Dataset(events, old.entities, old.relations.iloc[:3], meta=old.meta)


def _check(failures: Failures, tmp_path: Path, name: str, writer: Writer, step: str,
           datasets: tuple[Dataset, Dataset]) -> None:
    target = tmp_path / name
    target.parent.mkdir(parents=True, exist_ok=True)
    old, new = datasets
    writer(old, target)
    before = failures.snapshot(tmp_path)
    failures.inject(step)
    with pytest.raises(OSError):
        writer(new, target)
    assert failures.snapshot(tmp_path) == before


@pytest.mark.parametrize("step", FILE_STEPS)
@pytest.mark.parametrize("writer", FILE_WRITERS)
def test_an_interrupted_file_writer_leaves_the_old_file_intact(failures: Failures, tmp_path: Path, writer: str,
                                                               step: str, old_and_new: tuple[Dataset, Dataset]
                                                               ) -> None:
    _check(failures, tmp_path, *FILE_WRITERS[writer], step, old_and_new)


@pytest.mark.parametrize("step", FOLDER_STEPS)
@pytest.mark.parametrize("writer", FOLDER_WRITERS)
def test_an_interrupted_folder_writer_leaves_the_old_folder_intact(failures: Failures, tmp_path: Path,
                                                                   writer: str, step: str,
                                                                   old_and_new: tuple[Dataset, Dataset]) -> None:
    _check(failures, tmp_path, *FOLDER_WRITERS[writer], step, old_and_new)


@pytest.mark.parametrize("writer", [*FILE_WRITERS, *FOLDER_WRITERS])
def test_an_uninterrupted_writer_replaces_the_old_content_and_leaves_no_temporary(
        tmp_path: Path, writer: str, old_and_new: tuple[Dataset, Dataset]) -> None:
    name, write = {**FILE_WRITERS, **FOLDER_WRITERS}[writer]
    target = tmp_path / name
    target.parent.mkdir(parents=True, exist_ok=True)
    old, new = old_and_new
    write(old, target)
    write(new, target)
    assert not [p for p in target.parent.iterdir() if p.name.startswith(".")]
    if writer.startswith("native"):
        assert len(viewer.load(target).events) == len(new.events)
    elif writer == "cache entry":
        assert len(cache.read_entry(target).events) == len(new.events)


def test_a_cache_write_that_fails_leaves_no_temporary_and_the_load_still_answers(
        failures: Failures, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("viewer.paths.cache_dir", lambda: tmp_path / "cache")
    monkeypatch.setattr(cache, "MIN_BYTES", 0)
    monkeypatch.delenv("ENTENTE_NO_CACHE", raising=False)
    source = tmp_path / "events.csv"
    source.write_text("date,title\n2020-01-02,A\n", encoding="utf-8")
    failures.inject("full disk")
    assert len(cache.load_cached(source).events) == 1
    root = tmp_path / "cache" / "datasets"
    assert not root.exists() or not list(root.iterdir())


def test_a_dataset_folder_survives_when_the_new_one_cannot_be_moved_into_place(
        failures: Failures, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        old_and_new: tuple[Dataset, Dataset]) -> None:
    import os
    target = tmp_path / "copy"
    old, new = old_and_new
    native_write.write(old, target)
    before = failures.snapshot(tmp_path)

    refused: list[object] = []

    def refuse(real: Callable[..., None]) -> Callable[..., None]:
        def move(src: object, dst: object, *args: object) -> None:
            if Path(str(dst)) == target and not refused:  # the new folder cannot take the name (a held file …)
                refused.append(src)
                raise PermissionError(13, "Permission denied", str(dst))
            real(src, dst, *args)
        return move

    monkeypatch.setattr(os, "rename", refuse(os.rename))
    monkeypatch.setattr(os, "replace", refuse(os.replace))
    with pytest.raises(OSError):
        native_write.write(new, target, overwrite=True)
    assert failures.snapshot(tmp_path) == before


@pytest.mark.parametrize("name", ["events.csv", "events.json"])
@pytest.mark.parametrize("rows", [0, 1, 69])
def test_a_streamed_export_writes_the_bytes_the_whole_table_writes(tmp_path: Path, name: str, rows: int) -> None:
    events = viewer.load().events.iloc[:rows]
    columns = ["id", "start", "end", "precision", "title", "actors", "category", "tags"]
    (tmp_path / "whole").mkdir()
    table_export.write_table(events, columns, tmp_path / "whole" / name)
    chunks = [events.iloc[i:i + 7] for i in range(0, len(events), 7)] or [events]  # an empty answer: one empty chunk
    assert table_export.write_chunks(iter(chunks), columns, tmp_path / name) == rows
    assert (tmp_path / name).read_bytes() == (tmp_path / "whole" / name).read_bytes()
    assert table_export.write_chunks(iter([]), columns, tmp_path / name) == 0  # no chunk at all
    assert (tmp_path / name).read_bytes() == table_export.table_text(events.iloc[:0], columns,
                                                                      name.rsplit(".", 1)[1]).encode()
