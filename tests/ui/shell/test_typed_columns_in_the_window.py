"""A Parquet file as pandas, DuckDB or Spark write one, its columns typed by the file (a DATE, times, a categorical,
numbers, decimal years), opened from a fresh window with File → Open (Ctrl+O): read as the same values written as text
would be, at the speed of text (a million DATE cells took 1.4 s more, decimal years 10 s)."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from viewer.ui.shell import dialogs
from viewer.ui.shell.main_window import MainWindow

from ..window_reading import details_after, open_by_hand


def _open(qtbot: QtBot, window: MainWindow, path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """``path`` opened with File → Open; the errors and column questions it met."""
    refused: list[str] = []
    monkeypatch.setattr(dialogs, "error", lambda _parent, _title, message, _details="": refused.append(message))
    return refused + open_by_hand(qtbot, window, monkeypatch, path)


def test_dates_times_and_categories_typed_by_the_file_open_as_written(qtbot: QtBot, window: MainWindow,
                                                                      tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "board.parquet"
    pq.write_table(pa.table({
        "start": pa.array([date(2019, 3, 4), date(2020, 1, 2)], pa.date32()),
        "end": pa.array([datetime(2019, 3, 8, 17, 30, tzinfo=UTC), None], pa.timestamp("us", tz="UTC")),
        "title": pa.array(["Board meeting", "Deal closed"]).dictionary_encode(),
        "desk": pa.array(["Paris", "Tokyo"]).dictionary_encode(),
        "signed": pa.array([date(1850, 3, 4), None], pa.date32()),
    }), path)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert _open(qtbot, window, path, monkeypatch) == []
    ds = window.state.dataset
    assert ds.event_count == 2 and not ds.problems
    first = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Board meeting" in first and "4 Mar 2019 – 8 Mar 2019 17:30 UTC" in first  # (a DATE is a day, not
    assert "1850-03-04" in first and "Paris" in first and "00:00" not in first  # midnight)
    second = details_after(qtbot, window, Qt.Key.Key_Right)
    assert "Deal closed" in second and "2 Jan 2020" in second and "Tokyo" in second
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest


def test_decimal_years_typed_by_the_file_open_on_the_years_clock(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "eras.parquet"
    pq.write_table(pa.table({"year": [2019.5, -473.25, 1850.75], "title": ["Now", "Then", "Between"]}), path)
    assert _open(qtbot, window, path, monkeypatch) == []
    ds = window.state.dataset
    assert ds.event_count == 3 and ds.meta.clock == "years"
    assert "Then" in details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Between" in details_after(qtbot, window, Qt.Key.Key_Right)
