"""The loader opens a source too big to load in place, and refuses to add files to one."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from viewer.model.problems import LoadError
from viewer.source.windowed import open_for_window
from viewer.ui.shell.loading import load_dataset


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
