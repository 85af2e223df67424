"""Sources the query engine cannot read are refused with a message naming them, from File → Open as a user
opens them: a partitioned folder with one damaged partition, and a file named .duckdb that is none."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from viewer.ui.shell import dialogs
from viewer.ui.shell.main_window import MainWindow


def _partitions(folder: Path) -> Path:
    for year in (2019, 2020):
        part = folder / "events" / f"year={year}"
        part.mkdir(parents=True)
        pd.DataFrame({"id": [f"e{year}{i}" for i in range(30)], "title": [f"Event {i}" for i in range(30)],
                      "start": pd.date_range(f"{year}-01-01", periods=30, freq="D", tz="UTC")}
                     ).to_parquet(part / "part-0.parquet", index=False)
    return folder / "events"


@pytest.mark.parametrize("damage", ["a damaged partition", "no database"])
def test_a_source_the_engine_cannot_read_is_refused_and_the_dataset_stays(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: str) -> None:
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "error", lambda parent, title, message, details="": shown.append(message))
    if damage == "no database":
        target = tmp_path / "events.duckdb"
        target.write_bytes(b"not a database at all " * 200)
        named = "events.duckdb"
    else:
        target = _partitions(tmp_path)
        broken = target / "year=2020" / "part-0.parquet"
        broken.write_bytes(b"PAR1" + b"\0" * 300)
        named = "year=2020"
    before = len(window.state.dataset.events)
    with qtbot.waitSignal(window.loader.failed, timeout=30_000):
        window.opening.open_path(str(target))
    assert len(shown) == 1 and named in shown[0] and "Unexpected" not in shown[0], shown
    assert window.state.dataset.source is None and len(window.state.dataset.events) == before
    window.timeline.setFocus()
    qtbot.keyClick(window.timeline, Qt.Key.Key_Right)  # the window goes on as before
