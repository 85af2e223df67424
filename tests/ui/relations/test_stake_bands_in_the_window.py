"""Stakes written as bands and bounds, as ownership registers write them, opened from a fresh window with Ctrl+O:
each tie keeps its stake, drawn and listed as written ("25–50%", ">75%", ">50%"), and the number used is said in
its note, which the relations table's filter finds. Before, each such value was left empty ("expected a number")
and the tie was drawn with no stake at all."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow

from ..window_reading import open_by_hand

STAKES = {"a": "25-50%", "b": "more than 75%", "c": "majority", "d": "43.4"}


def _register(folder: Path) -> Path:
    folder.mkdir()
    (folder / "dataset.json").write_text(json.dumps({"title": "Register", "default_window": {
        "start": "2019-01-01", "end": "2021-12-31", "cursor": "2020-06-01"}}), encoding="utf-8")
    (folder / "events.csv").write_text("id,start,title,actors\ne1,2020-03-01,Filing,owner\n", encoding="utf-8")
    (folder / "entities.csv").write_text("id,name,kind\nowner,Owner Holdings,company\na,Alpha,company\n"
                                         "b,Beta,company\nc,Gamma,company\nd,Delta,company\n", encoding="utf-8")
    rows = "".join(f"R{i},owner,{target},equity_stake,{value},2019-01-01\n"
                   for i, (target, value) in enumerate(STAKES.items()))
    (folder / "relations.csv").write_text("id,source,target,kind,value,valid_from\n" + rows, encoding="utf-8")
    return folder / "dataset.json"


def test_bands_and_bounds_are_drawn_and_listed_as_written(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    assert open_by_hand(qtbot, window, monkeypatch, _register(tmp_path / "register")) == []
    ds = window.state.dataset
    assert ds.relations.set_index("target")["value"].to_dict() == {"a": 37.5, "b": 75.0, "c": 50.0, "d": 43.4}
    assert not [p for p in ds.problems if p.level != "info"]
    panel = window.relations
    qtbot.waitUntil(lambda: len(panel.edge_labels()) == 4, timeout=3000)
    drawn = {target: text for (_, target, _), text in panel.edge_labels().items()}
    assert drawn == {"a": "25–50%", "b": ">75%", "c": ">50%", "d": "43.4%"}
    table = window.relation_tools.table
    view = table.view
    model = view.model()
    names = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    header = view.horizontalHeader()
    column = names.index("Value")
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(column) + 5, header.height() // 2))
    listed = [model.index(r, column).data() for r in range(model.rowCount())]
    assert sorted([listed, listed[::-1]])[0] == ["25–50%", "43.4%", ">50%", ">75%"]  # by the numbers used
    qtbot.keyClicks(table.filter, "midpoint")
    assert table.visible_ids() == ["R0"]


def test_prices_with_separators_currencies_and_magnitudes_are_listed_as_written(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """"$5.4bn" was left empty and "1,250" read as 1.25: now 5.4 billion, shown as written, and 1,250."""
    path = _register(tmp_path / "deals")
    (path.parent / "relations.csv").write_text(
        "id,source,target,kind,value,valid_from\nR0,owner,a,acquisition_price,$5.4bn,2019-01-01\n"
        "R1,owner,b,acquisition_price,\"1,250\",2019-01-01\nR2,owner,c,equity_stake,\"43,4\",2019-01-01\n",
        encoding="utf-8")
    assert open_by_hand(qtbot, window, monkeypatch, path) == []
    assert window.state.dataset.relations.set_index("id")["value"].to_dict() == {"R0": 5.4e9, "R1": 1250.0,
                                                                                 "R2": 43.4}
    table = window.relation_tools.table
    model = table.view.model()
    names = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    listed = {model.index(r, names.index("Target")).data(): model.index(r, names.index("Value")).data()
              for r in range(model.rowCount())}
    assert listed == {"Alpha": "$5.4bn", "Beta": "1,250", "Gamma": "43.4%"}


def test_a_stake_raised_from_a_band_to_a_bound_is_compared_as_written(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Compare two dates (a click on the mode, the dates typed): "25–50% → >75%", not "37.5% → 75%"."""
    path = _register(tmp_path / "raised")
    (path.parent / "relations.csv").write_text(
        "id,source,target,kind,value,valid_from,valid_to\nR0,owner,a,equity_stake,25-50%,2019-01-01,2020-06-30\n"
        "R1,owner,a,equity_stake,>75%,2020-07-01,\n", encoding="utf-8")
    assert open_by_hand(qtbot, window, monkeypatch, path) == []
    panel = window.relations
    qtbot.mouseClick(panel.header.mode_buttons["diff"], Qt.MouseButton.LeftButton)
    for edit, date in ((panel.diff_view.before_edit, "2019-06-01"), (panel.diff_view.after_edit, "2021-06-01")):
        edit.selectAll()
        qtbot.keyClicks(edit, date)
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert [row[2] for row in panel.diff_view.rows()] == ["25–50% → >75%"]
    assert list(panel.edge_labels().values()) == ["25–50% → >75%"]
