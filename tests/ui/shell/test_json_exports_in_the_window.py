"""Tables exported as JSON from a fresh window write numbers as JSON's own: an amount of 1250.5 was written as the
text "1250.5" and a stake of 28.4% as "28.4", so a reader of the file had to convert every value back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMenu
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow

from ..window_reading import menu_named, open_by_hand

CASES = """id,date,title,amount,count,urgent
c1,2021-03-04,First case,1250.5,3,true
c2,2021-05-06,Second case,,12,false
c3,2021-07-08,Third case,0.1,,true
"""


def _export(window: MainWindow, monkeypatch: pytest.MonkeyPatch, target: Path, text: str) -> None:
    """File → Export → ``text``, the save dialog answering ``target``, as a user picks it from the menu."""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    export = next(a.menu() for a in menu_named(window, "&File").actions() if a.text() == "&Export")
    assert isinstance(export, QMenu)
    next(a for a in export.actions() if a.text() == text).trigger()


def test_the_events_table_as_json_keeps_its_numbers_numbers(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    assert open_by_hand(qtbot, window, monkeypatch, tmp_path / "cases.csv", text=CASES) == []
    window.timeline.setFocus()
    qtbot.keyClick(window.timeline, Qt.Key.Key_Home)
    kinds = {a.name: a.type for a in window.state.dataset.attributes}
    assert kinds["amount"] == kinds["count"] == "number" and kinds["urgent"] == "category"
    target = tmp_path / "out.json"
    _export(window, monkeypatch, target, "Events in the window (CSV/JSON)…")
    rows = {r["id"]: r for r in json.loads(target.read_text(encoding="utf-8"))}
    assert rows["c1"]["amount"] == 1250.5 and rows["c3"]["amount"] == 0.1 and rows["c2"]["amount"] is None
    assert rows["c1"]["count"] == 3 and rows["c2"]["count"] == 12
    assert rows["c1"]["start"] == "2021-03-04" and rows["c1"]["urgent"] == "true"  # (a category: its text)
    csv = tmp_path / "out.csv"
    _export(window, monkeypatch, csv, "Events in the window (CSV/JSON)…")
    assert "c1,2021-03-04" in csv.read_text(encoding="utf-8") and ",1250.5," in csv.read_text(encoding="utf-8")


def test_the_relations_at_the_cursor_as_json_write_stakes_as_numbers(qtbot: QtBot, window: MainWindow,
                                                                      tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    window.timeline.setFocus()
    qtbot.keyClick(window.timeline, Qt.Key.Key_End)  # the last event: the cursor moves to it
    target = tmp_path / "ties.json"
    _export(window, monkeypatch, target, "Relations at the cursor (CSV/JSON)…")
    stakes = [r["value"] for r in json.loads(target.read_text(encoding="utf-8")) if r["kind"] == "equity_stake"]
    assert stakes and all(isinstance(v, (int, float)) for v in stakes)
