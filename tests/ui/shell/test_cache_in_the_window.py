"""A file opened for the first time is shown before its cache entry is written (the entry's writing took 0.42 s of a
million-event file's 0.94 s first open, and the window waited for it), and the entry, written in the loading worker
afterwards, answers the next open: File → Open (Ctrl+O) in a fresh window, the cache's write held back until the
window shows the file."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from viewer.io import cache
from viewer.model.dataset import Dataset
from viewer.ui.shell.main_window import MainWindow

from ..window_reading import open_by_hand

CSV = "id,date,title,actors\nA1,2019-12-29,First,x\nA2,2020-01-05T10:00:00Z,Second,x;y\nA3,2021,Third,y\n"


def test_a_first_open_is_shown_before_its_entry_is_written_and_the_entry_answers_the_next(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("viewer.paths.cache_dir", lambda: tmp_path / "cache")
    monkeypatch.setattr(cache, "MIN_BYTES", 0)
    monkeypatch.delenv("ENTENTE_NO_CACHE", raising=False)
    release, written = threading.Event(), threading.Event()
    write = cache.write_entry

    def held(dataset: Dataset, entry: Path) -> None:  # the worker's write waits for the test's word
        assert release.wait(20), "the entry was never let through"
        write(dataset, entry)
        written.set()

    monkeypatch.setattr(cache, "write_entry", held)
    path = tmp_path / "events.csv"
    open_by_hand(qtbot, window, monkeypatch, path, text=CSV)
    assert window.state.dataset.event_count == 3  # shown while its entry waits to be written
    root = tmp_path / "cache" / "datasets"
    assert not root.exists() or not [p for p in root.iterdir() if not p.name.startswith(".")]
    release.set()
    qtbot.waitUntil(written.is_set, timeout=20_000)
    assert len([p for p in root.iterdir() if not p.name.startswith(".")]) == 1

    monkeypatch.setattr("viewer.io.cache.load", lambda *a, **k: pytest.fail("the file was read again"))
    open_by_hand(qtbot, window, monkeypatch, path)
    assert sorted(window.state.dataset.events["title"]) == ["First", "Second", "Third"]
