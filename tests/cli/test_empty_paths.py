"""An empty path ("" from a script's unset variable: ``entente info "$FILE"``) is refused as one. ``Path("")`` is the
working folder, which every entry point read whole, unasked: the command line as a partitioned dataset of every
Parquet file beneath it, the window and the API as a folder of tables."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import viewer
from viewer import cli
from viewer.model.problems import LoadError


@pytest.fixture
def busy_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder holding a table that an empty path would have opened."""
    pd.DataFrame({"start": ["2019-01-01", "2020-01-01"], "title": ["a", "b"]}).to_parquet(tmp_path / "t.parquet")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("blank", ["", "  "])
@pytest.mark.parametrize("command", ["info", "events", "validate"])
def test_a_command_refuses_an_empty_path(run, busy_folder: Path, command: str, blank: str) -> None:
    code, out, err = run(command, blank)
    assert (code, out) == (2, "")
    assert f"an empty path {blank!r}; expected a file or a folder" in err


def test_the_window_refuses_an_empty_path_before_qt(busy_folder: Path, window: list[list[str]],
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main([""]) == 2
    assert "an empty path ''" in capsys.readouterr().err and window == []


def test_the_api_refuses_an_empty_path(busy_folder: Path) -> None:
    with pytest.raises(LoadError, match="an empty path ''"):
        viewer.load("")


def test_a_dataset_is_written_in_one_line(busy_folder: Path) -> None:
    shown = repr(viewer.load(busy_folder / "t.parquet"))
    assert shown == "Dataset('t': 2 events, 0 entities, 0 relations, 0 problems)"
