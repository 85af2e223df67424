"""Columns typed by the program that wrote them, opened from a fresh window with Ctrl+O and walked with the keys.

A Spark-style part file (Parquet, no suffix): its times before the year 1 and after 9999, a column of records
and a map. Before, the far times crashed the open (pandas cannot write them as text), a column of records as the
start crashed it too, and the file without a suffix was read as a CSV of its bytes.

A SQLite database's column of dates as text beside Unix seconds as integers, one date impossible: before, the
column switched to years and each date was drawn at its year's number of seconds after 1970.

A Parquet file as pandas, DuckDB or Spark write one (a DATE, times, a categorical, decimal years): read as the same
values written as text would be, at the speed of text (a million DATE cells took 1.4 s more, decimal years 10 s)."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from contextlib import closing
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from pyarrow import feather, orc
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from viewer.ui.shell import dialogs
from viewer.ui.shell.main_window import MainWindow

from ..window_reading import details_after, open_by_hand, problems_typed

MARCH_4_2019_10H = 1_551_693_600


def _database(path: Path, create: str, insert: str, rows: list[tuple[object, ...]]) -> Path:
    with closing(sqlite3.connect(path)) as con:
        con.execute(create)
        con.executemany(insert, rows)
        con.commit()
    return path


def _part_file(folder: Path) -> Path:
    path = folder / "part-00000-7f3a"
    when = pa.array([-10**17, 1_552_348_800_000_000, 10**17], pa.timestamp("us", tz="UTC"))
    pq.write_table(pa.table({
        "date": when,
        "title": ["Bronze age hoard", "Board meets", "Time capsule opens"],
        "place": pa.array([{"city": "Uruk", "site": "E-anna"}, {"city": "Paris", "site": None}, None]),
        "terms": pa.array([None, [("seats", 9)], None], pa.map_(pa.string(), pa.int64())),
    }), path)
    return path


def test_a_part_file_with_far_times_and_records_opens_and_walks(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    assert open_by_hand(qtbot, window, monkeypatch, _part_file(tmp_path)) == []
    ds = window.state.dataset
    assert ds.event_count == 3 and not [p for p in ds.problems if p.level == "error"]
    first = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Bronze age hoard" in first and "15 Feb -1199" in first and "Uruk" in first and "E-anna" in first
    board = details_after(qtbot, window, Qt.Key.Key_Right)
    assert "Board meets" in board and "12 Mar 2019" in board and "seats" in board
    last = details_after(qtbot, window, Qt.Key.Key_End)
    assert "Time capsule opens" in last and "5138" in last
    window.timeline.setFocus()
    qtbot.keyClick(window.timeline, Qt.Key.Key_Minus)  # zoomed out over 6,000 years: the axis and marks draw
    qtbot.wait(50)
    assert window.timeline.grab().width() > 0


def test_dates_beside_unix_seconds_stay_dates_in_the_window(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    path = _database(tmp_path / "log.db", "CREATE TABLE events (date, what)", "INSERT INTO events VALUES (?, ?)",
                     [("2019-03-04", "Written as text"), ("2019-02-30", "Impossible"),
                      (MARCH_4_2019_10H, "Logged in seconds")])
    assert open_by_hand(qtbot, window, monkeypatch, path) == []
    first = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Written as text" in first and "4 Mar 2019" in first
    second = details_after(qtbot, window, Qt.Key.Key_Right)
    assert "Logged in seconds" in second and "4 Mar 2019 10:00" in second
    assert len(problems_typed(qtbot, window, "2019-02-30")) == 1


def test_a_feed_with_holes_opens_and_names_the_rows_without_a_time(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """GeoJSON features, one without a time and one whose properties are null: before, the file was refused as
    "JSON that Entente does not recognise"."""
    features: list[dict[str, Any]] = [
        {"type": "Feature", "properties": {"time": f"2019-07-0{i + 1}T03:30:00Z", "title": f"Quake {i}"},
         "geometry": {"type": "Point", "coordinates": [-117.5, 35.7]}} for i in range(5)]
    features[1]["properties"]["time"] = None
    features.append({"type": "Feature", "properties": None, "geometry": None})
    path = tmp_path / "quakes.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    assert open_by_hand(qtbot, window, monkeypatch, path) == []
    assert "Quake 0" in details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Quake 2" in details_after(qtbot, window, Qt.Key.Key_Right)
    assert len(problems_typed(qtbot, window, "no start")) == 1


def test_a_sql_export_with_nulls_opens_typed_and_says_so_once(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """NULL where a database had no value: the cases open with their amounts as numbers (lanes and filters by
    value), and Problems holds one note for the missing ends, not a warning per row."""
    from ...io.test_table_shapes import SQL_EXPORT

    asked = open_by_hand(qtbot, window, monkeypatch, tmp_path / "cases.csv", lambda _: QDialog.DialogCode.Accepted,
                         SQL_EXPORT)
    assert len(asked) == 1  # two columns of dates: the window asks which is which, and its guess is taken
    assert "Case 0" in details_after(qtbot, window, Qt.Key.Key_Home)
    last = details_after(qtbot, window, Qt.Key.Key_End)
    assert "Closed" in last and "amount" in last and "NULL" not in last
    assert len(problems_typed(qtbot, window, "missing value")) == 1
    assert {a.name: a.type for a in window.state.dataset.attributes}["amount"] == "number"


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


def test_times_in_a_zone_unknown_here_open_in_utc_and_say_so(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Arrow names a zone pandas cannot find (a typo, another planet's) and holds its tensors as lists: the open
    raised out of the worker; the file opens, its times in UTC, and Problems says so."""
    path = tmp_path / "rover.feather"
    tensors = pa.FixedShapeTensorArray.from_numpy_ndarray(np.arange(8, dtype=np.float64).reshape(2, 2, 2))
    feather.write_feather(pa.table({
        "start": pa.array([MARCH_4_2019_10H, MARCH_4_2019_10H + 86_400], pa.timestamp("s", tz="Mars/Olympus")),
        "title": ["Landing", "Survey"], "grid": tensors}), path)
    assert _open(qtbot, window, path, monkeypatch) == []
    first = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Landing" in first and "4 Mar 2019 10:00" in first and "0;1;2;3" in first
    assert len(problems_typed(qtbot, window, "Mars/Olympus")) == 1


def test_julian_days_in_a_database_open_as_their_dates(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """A date kept as SQLite's julianday() keeps it, a REAL: drawn in one minute of 1970 on a numeric axis before."""
    path = _database(tmp_path / "app.db", "CREATE TABLE events (created REAL, title TEXT)",
                     "INSERT INTO events VALUES (julianday(?), ?)", [("2019-03-04 10:00", "Signed"),
                                                                     ("2020-01-02", "Closed")])
    assert _open(qtbot, window, path, monkeypatch) == []
    assert window.state.dataset.meta.clock == "calendar"
    assert "4 Mar 2019 10:00" in details_after(qtbot, window, Qt.Key.Key_Home)
    assert "2 Jan 2020" in details_after(qtbot, window, Qt.Key.Key_Right)


def test_an_orc_part_file_opens_walks_and_says_what_it_left_out(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Hive's 000000_0, an ORC file without a suffix: it was "a binary file, not a text data". A lease to 9999
    in nanoseconds is more than Arrow's ORC reader holds: that column is left out, said, and the rest opens."""
    path = tmp_path / "000000_0"
    orc.write_table(pa.table({
        "date": pa.array([date(1500, 5, 1), date(2019, 3, 4)], pa.date32()),
        "expires": pa.array([datetime(9999, 12, 31), datetime(2030, 1, 1)], pa.timestamp("us")),
        "title": ["Lease of the mill", "Alliance signed"],
        "parties": pa.array([["Miller"], ["Renault", "Nissan"]], pa.list_(pa.string()))}), str(path))
    assert _open(qtbot, window, path, monkeypatch) == []
    first = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Lease of the mill" in first and "1 May 1500" in first
    second = details_after(qtbot, window, Qt.Key.Key_Right)
    assert "Alliance signed" in second and "4 Mar 2019" in second and "Nissan" in second
    assert len(problems_typed(qtbot, window, "ORC reader")) == 1


def test_a_number_past_the_largest_is_said_in_problems(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """``1e309`` in an amount column opened with Ctrl+O: read as infinity, and Problems says so by its column and
    row (it was kept without a word)."""
    assert open_by_hand(qtbot, window, monkeypatch, tmp_path / "payments.csv",
                        text="date,title,amount\n2020-01-01,Fee,5\n2020-01-02,Overflow,1e309\n") == []
    said = problems_typed(qtbot, window, "largest number")
    assert len(said) == 1 and said["field"].iloc[0] == "amount" and int(said["row"].iloc[0]) == 3
    assert "Overflow" in details_after(qtbot, window, Qt.Key.Key_End)
