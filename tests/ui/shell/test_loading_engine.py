"""The loader opens a source too big to load in place, and refuses to add files to one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from pytestqt.qtbot import QtBot

from viewer.model.dataset import Dataset
from viewer.model.problems import LoadError
from viewer.source import windowed
from viewer.source.windowed import open_for_window
from viewer.ui.app import first_dataset, queried_source
from viewer.ui.shared.state import ViewState
from viewer.ui.shell.loading import load_dataset
from viewer.ui.shell.main_window import MainWindow


def _write(path: Path, n: int) -> Path:
    pd.DataFrame({"id": [f"e{i}" for i in range(n)], "start": pd.date_range("2020-01-01", periods=n, freq="h"),
                  "title": [f"Event {i}" for i in range(n)]}).to_parquet(path, index=False)
    return path


def test_a_big_parquet_file_is_opened_in_place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ENTENTE_ENGINE_ROWS", "10")
    ds = load_dataset(str(_write(tmp_path / "events.parquet", 40)), ask=True)
    assert not isinstance(ds, tuple) and getattr(ds, "source", None) is not None


def test_nothing_can_be_added_to_a_dataset_queried_in_place(tmp_path: Path) -> None:
    ds = open_for_window(_write(tmp_path / "events.parquet", 40))
    with pytest.raises(LoadError, match="queried in place"):
        load_dataset(str(tmp_path / "events.parquet"), add_to=ds)


def test_a_source_named_on_the_command_line_opens_after_the_window_is_up(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot,
        make_window: Callable[..., MainWindow]) -> None:
    monkeypatch.setenv("ENTENTE_ENGINE_ROWS", "10")
    path = str(_write(tmp_path / "events.parquet", 40))
    asked: list[str] = []

    def opening(*args: Any, **kwargs: Any) -> Dataset:
        asked.append("open")
        return open_for_window(*args, **kwargs)

    monkeypatch.setattr(windowed, "open_for_window", opening)
    dataset, error = first_dataset([path])
    assert error is None and dataset.source is None and not asked  # the bundled dataset: nothing asked yet
    assert queried_source([path]) == path
    window = make_window(ViewState(dataset))
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        window.opening.open_path(path)  # what main() does once the window is shown
    assert window.state.dataset.source is not None and window.state.dataset.event_count == 40
