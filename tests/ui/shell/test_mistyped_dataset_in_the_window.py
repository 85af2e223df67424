"""A dataset folder whose entities.csv has one mistyped line (a colour written with unquoted commas), opened from a
fresh window by picking its dataset.json with Ctrl+O: the dataset opens (it was refused whole, "not a readable CSV
table"), the line is said in Problems by its number, and the events and ties are there."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow

from ..window_reading import details_after, open_by_hand, open_folder_by_hand, problems_typed


def test_one_mistyped_line_does_not_lose_the_dataset(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "edited"
    folder.mkdir()
    (folder / "dataset.json").write_text(json.dumps({"title": "Edited by hand"}), encoding="utf-8")
    (folder / "events.csv").write_text("id,start,title,actors\ne1,2020-01-02,Merger talks,a;c\n", encoding="utf-8")
    (folder / "entities.csv").write_text("id,name,kind,color\na,Alpha,company,#ff0000\nb,Beta,company,rgb(0,128,0)\n"
                                         "c,Gamma,company,\n", encoding="utf-8")
    (folder / "relations.csv").write_text("source,target,kind,value,valid_from\na,c,equity_stake,5,2019\n",
                                          encoding="utf-8")
    assert open_by_hand(qtbot, window, monkeypatch, folder / "dataset.json") == []
    ds = window.state.dataset
    assert ds.title == "Edited by hand" and ds.event_count == 1 and len(ds.relations) == 1
    assert "Merger talks" in details_after(qtbot, window, Qt.Key.Key_Home)
    window.show_problems()
    qtbot.keyClicks(window.problems.filter, "row skipped")
    shown = window.problems.visible_frame()
    cells = [str(cell) for cell in shown.iloc[0].tolist()] if len(shown) == 1 else []
    assert "3" in cells and any(cell.endswith("entities.csv") for cell in cells)  # the file and its line


def _events_only(tmp_path: Path, events: str) -> Path:
    """A dataset folder of a dataset.json and this events.csv."""
    folder = tmp_path / "typed"
    folder.mkdir()
    (folder / "dataset.json").write_text(json.dumps({"title": "Typed"}), encoding="utf-8")
    (folder / "events.csv").write_text(events, encoding="utf-8")
    return folder


def test_a_dataset_saved_again_by_a_spreadsheet_opens_whole(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """Its events.csv came back from Excel with day-first dates: every event was skipped ("expected a date like
    2019 …"); now they open, walked with the keys, and Problems says how they were read."""
    folder = _events_only(tmp_path, "id,start,title\ne1,19/11/2018,Arrest in Tokyo\ne2,06/02/2023,London\n")
    assert open_by_hand(qtbot, window, monkeypatch, folder / "dataset.json") == []
    assert window.state.dataset.event_count == 2
    arrest = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Arrest in Tokyo" in arrest and "19 Nov 2018" in arrest
    london = details_after(qtbot, window, Qt.Key.Key_Right)
    assert "London" in london and "6 Feb 2023" in london
    assert len(problems_typed(qtbot, window, "not written as this format writes dates")) == 1


def test_a_week_typed_as_a_start_is_the_week(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """``2020-W53`` typed into events.csv was its Monday alone, said to be no ISO 8601: it is the week."""
    folder = _events_only(tmp_path, "id,start,title\ne1,2020-W53,Audit week\ne2,2021-01-15,Report\n")
    assert open_by_hand(qtbot, window, monkeypatch, folder / "dataset.json") == []
    audit = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Audit week" in audit and "28 Dec 2020" in audit and "3 Jan 2021" in audit
    assert window.state.dataset.events["end"].notna().sum() == 1


def test_a_window_typed_the_wrong_way_round_opens_on_its_span(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """A dataset.json whose default window ends before it starts opened on an empty, inverted view, said nowhere:
    it opens on the span the two dates draw, and Problems says so."""
    folder = _events_only(tmp_path, "id,start,title\ne1,2019-03-01,Inside\ne2,2024-06-01,Outside\n")
    (folder / "dataset.json").write_text(json.dumps({"title": "Typed", "default_window": {
        "start": "2023-02-06", "end": "2018-11-19"}}), encoding="utf-8")
    assert open_by_hand(qtbot, window, monkeypatch, folder / "dataset.json") == []
    shown = window.state.window
    assert shown.start_time.year == 2018 and shown.end > shown.start and shown.end_time.year == 2023
    assert len(problems_typed(qtbot, window, "read the other way round")) == 1


def test_a_folder_holding_its_events_twice_opens_the_newer(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """events.csv beside a newer events.parquet, the folder chosen with File → Open folder…: the newer opens, and
    Problems says which was left unread."""
    folder = _events_only(tmp_path, "id,start,title\ne1,2020-01-01,Old export\n")
    pd.DataFrame({"id": ["e1"], "start": ["2021-01-01"], "title": ["Fresh export"]}).to_parquet(
        folder / "events.parquet")
    written = (folder / "events.csv").stat().st_mtime + 60
    os.utime(folder / "events.parquet", (written, written))
    open_folder_by_hand(qtbot, window, monkeypatch, folder)
    assert "Fresh export" in details_after(qtbot, window, Qt.Key.Key_Home)
    assert len(problems_typed(qtbot, window, "events.csv left unread")) == 1
