"""Names a dataset writes without a space, thousands of characters long, never widen the window past the screen: the
dataset's own name for its default window (a 3,000-character label made its toolbar button, and so the window,
20,000 pixels wide; it is cut short, its ampersands shown), a column offered as lanes, and a relation picked in the
relations table whose kind runs to 3,000 letters (the relation history's title wrapped nowhere and widened the
window to 24,000 pixels)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTabBar, QToolBar, QToolButton
from pytestqt.qtbot import QtBot

from viewer.model import navigation
from viewer.ui.relations.history_chart import HistoryPanel
from viewer.ui.shell.main_window import MainWindow

from .window_reading import open_by_hand, open_folder_by_hand

LONG = 5000


def _dataset(folder: Path, label: str) -> Path:
    folder.mkdir()
    (folder / "dataset.json").write_text(json.dumps({"title": "Long names", "default_window": {
        "start": "2019-01-01", "end": "2019-03-01", "label": label}}), encoding="utf-8")
    rows = {"entities.csv": [["id", "name", "kind"], ["a", "א" * LONG, "company"], ["b", "B" * LONG, "company"]],
            "relations.csv": [["id", "source", "target", "kind", "value", "valid_from"],
                              ["R1", "a", "b", "supplier_" + "K" * 3000, "40", "2019-01-01"]],
            "events.csv": [["id", "start", "title", "actors"], ["E1", "2019-01-01", "Stake taken", "a;b"]]}
    for name, table in rows.items():
        with (folder / name).open("w", newline="", encoding="utf-8") as out:
            csv.writer(out).writerows(table)
    return folder


def _tabs(bar: QTabBar) -> list[str]:
    return [bar.tabText(i) for i in range(bar.count())]


def _fits(qtbot: QtBot, window: MainWindow) -> None:
    window.resize(1280, 720)
    qtbot.wait(50)
    assert window.width() == 1280


def test_a_long_window_label_is_cut_short_on_its_button(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    open_folder_by_hand(qtbot, window, monkeypatch, _dataset(tmp_path / "long", "R&D " + "L" * 3000))
    _fits(qtbot, window)
    button = window.tools.presets["default"]
    assert button.text().startswith("R&&D LLL") and button.text().endswith("…") and len(button.text()) <= 41
    shown = next(w for bar in window.findChildren(QToolBar) if (w := bar.widgetForAction(button)) is not None)
    assert isinstance(shown, QToolButton) and shown.text().endswith("…")  # (Qt strips it from a text it derives)
    window.state.set_window(navigation.fit_all(window.state.dataset))
    button.trigger()  # still the dataset's window
    assert window.state.window == navigation.default_window(window.state.dataset)


def test_a_relation_of_a_long_kind_picked_in_the_table_keeps_the_window(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    open_folder_by_hand(qtbot, window, monkeypatch, _dataset(tmp_path / "long", "Opening"))
    table = window.relation_tools.table.view
    row = table.visualRect(table.model().index(0, 0)).center()
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=row)  # the one tie, as a user picks it
    qtbot.waitUntil(lambda: window.state.selection.relations == frozenset({"R1"}))
    bar = next(b for b in window.findChildren(QTabBar) if "Relation history" in _tabs(b))
    bar.setCurrentIndex(_tabs(bar).index("Relation history"))  # its tab clicked
    history = window.docks["relationHistoryDock"]
    qtbot.waitUntil(history.isVisible)
    chart = history.widget()
    assert isinstance(chart, HistoryPanel) and "supplier kkkk" in chart.title.text()
    _fits(qtbot, window)


def test_a_long_column_offered_as_lanes_is_cut_short(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    column = "S" * 3000
    text = f"date,title,{column}\n" + "".join(f"2019-01-0{1 + i % 9},E{i},v{i % 3}\n" for i in range(30))
    open_by_hand(qtbot, window, monkeypatch, tmp_path / "wide.csv", text=text)
    combo = window.tools.group_by
    offered = [combo.itemText(i) for i in range(combo.count())]
    assert any(item.startswith("Lanes by SSS") and item.endswith("…") and len(item) < 60 for item in offered)
