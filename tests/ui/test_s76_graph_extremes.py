"""Datasets nobody here wrote, opened from a fresh window with File → Open folder… and read in the relationship panel
as a user reads it: names and kinds that look like HTML (``<b>x</b>``, ``<img src=x>``, ``R&D``) were taken for it
by the graph's tooltips, the legend and the relation history's title (a bold "x", a broken picture, "RD"); and a
pair tied 1,000 times over the years froze the window for a second on a click of its edge, the history chart making
a label for every step where some forty find room."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta
from pathlib import Path

import pyqtgraph as pg
import pytest
from PySide6 import QtGui
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QTextDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow

from .window_reading import open_folder_by_hand


def _csv(rows: list[list[str]]) -> str:
    text = io.StringIO()
    csv.writer(text, lineterminator="\n").writerows(rows)
    return text.getvalue()


def _dataset(folder: Path, entities: list[list[str]], relations: list[list[str]]) -> Path:
    folder.mkdir()
    (folder / "dataset.json").write_text(json.dumps({"title": folder.name, "default_window": {
        "start": "2019-01-01", "end": "2021-12-31", "cursor": "2020-06-01"}}), encoding="utf-8")
    (folder / "events.csv").write_text("id,start,title\ne1,2019-03-01,Deal\ne2,2020-03-01,Other\n", encoding="utf-8")
    (folder / "entities.csv").write_text(_csv([["id", "name", "kind"], *entities]), encoding="utf-8")
    (folder / "relations.csv").write_text(_csv([["id", "source", "target", "kind", "value", "valid_from",
                                                 "valid_to"], *relations]), encoding="utf-8")
    return folder


def _as_qt_shows(text: str) -> str:
    """A tooltip's text as Qt shows it: read as HTML where Qt takes it for HTML, else as it is."""
    document = QTextDocument()
    if QtGui.Qt.mightBeRichText(text):
        document.setHtml(text)
    else:
        document.setPlainText(text)
    return document.toPlainText()


def _label_shows(label: QLabel) -> str:
    """A label's text as Qt draws it: as written when plain, else read as HTML (as a tooltip's, by Qt's own rule)."""
    if label.textFormat() == Qt.TextFormat.PlainText:
        return label.text()
    return _as_qt_shows(label.text()) if label.textFormat() == Qt.TextFormat.AutoText else label.text()


def _hover(widget: QWidget, pos: QPoint) -> None:
    event = QMouseEvent(QEvent.Type.MouseMove, QPointF(pos), QPointF(widget.mapToGlobal(pos)),
                        Qt.MouseButton.NoButton, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


def test_names_and_kinds_that_look_like_html_are_shown_as_written(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Hovering a node named ``<b>x</b>`` showed a bold "x" with its kind on the same line, ``<img src=x>`` a broken
    picture; the node legend showed the kind ``<b>firm</b>`` as a bold "firm", the legend's button of ``R&D`` ties
    read "RD", and the history of the edge, clicked, was titled with a bold "x". All are read as written now."""
    folder = _dataset(tmp_path / "markup", [["bold", "<b>x</b>", "<b>firm</b>"], ["img", "<img src=x>", "company"],
                                            ["plain", "Plain Co", "company"]],
                      [["R1", "plain", "bold", "R&D", "", "2019-01-01", ""],
                       ["R2", "plain", "img", "equity_stake", "30", "2019-01-01", ""]])
    open_folder_by_hand(qtbot, window, monkeypatch, folder)
    panel = window.relations
    viewport = panel.canvas.viewport()
    qtbot.waitUntil(lambda: {"bold", "img", "plain"} <= panel.node_ids(), timeout=3000)
    window.grab()
    _hover(viewport, panel.node_pos("bold"))
    assert _as_qt_shows(panel.canvas.toolTip()) == "\u2068<b>x</b>\u2069\n<b>firm</b>"
    _hover(viewport, panel.node_pos("img"))
    assert _as_qt_shows(panel.canvas.toolTip()).startswith("\u2068<img src=x>\u2069\n")
    _hover(viewport, panel.edge_midpoint("R2"))
    assert _as_qt_shows(panel.canvas.toolTip()).startswith("\u2068Plain Co\u2069 → \u2068<img src=x>\u2069 30%")
    assert "<b>firm</b>" in [_label_shows(label) for label in panel.node_legend.labels]
    button = panel.legend.buttons["r&d"]  # (kinds are read in lower case)
    assert button.text() == "r&&d"  # shown "r&d" ("&" alone marks a shortcut: "rd")
    assert _as_qt_shows(button.toolTip()) == "Show or hide r&d ties"
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=panel.edge_midpoint("R1"))
    assert window.state.selection.relations == frozenset({"R1"})
    title = _label_shows(window.relation_tools.history.title)
    assert title.startswith("\u2068Plain Co\u2069 → \u2068<b>x</b>\u2069 · r&d")


def test_a_date_that_looks_like_html_typed_into_compare_is_quoted_as_typed(qtbot: QtBot, window: MainWindow,
                                                                          tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Compare two dates, ``<b>2019</b>`` typed into From and Return pressed: the note under the boxes quoted it as a
    bold "2019"; it quotes what was typed."""
    open_folder_by_hand(qtbot, window, monkeypatch, _dataset(tmp_path / "typed", [["a", "Alpha", "company"],
                                                                                    ["b", "Beta", "company"]],
                                                         [["R1", "a", "b", "equity_stake", "30", "2019-06-01", ""]]))
    panel = window.relations
    qtbot.mouseClick(panel.header.mode_buttons["diff"], Qt.MouseButton.LeftButton)
    box = panel.diff_view.before_edit
    box.setFocus()
    box.selectAll()
    QTest.keyClicks(box, "<b>2019</b>")
    QTest.keyClick(box, Qt.Key.Key_Return)
    said = _label_shows(panel.diff_view.summary)
    assert said.startswith("From: ") and "<b>2019</b>" in said


def test_the_history_of_a_pair_tied_a_thousand_times_labels_only_what_it_shows(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """1,000 stakes of Alpha in Beta, one a day: a click on the edge made 1,000 value labels in the history chart
    (about 40 find room; the window froze for a second). The chart makes the labels it shows, and still says every
    value in its list; panning it shows others."""
    days = [(date(2018, 1, 1) + timedelta(days=i)).isoformat() for i in range(1001)]
    ties = [[f"R{i}", "a", "b", "equity_stake", str(i % 100), days[i], days[i + 1]] for i in range(1000)]
    open_folder_by_hand(qtbot, window, monkeypatch, _dataset(tmp_path / "daily", [["a", "Alpha", "company"],
                                                                                    ["b", "Beta", "company"]], ties))
    panel = window.relations
    held = [tie[0] for tie in ties if tie[5] <= "2020-06-01" < tie[6]]
    assert len(held) == 1 and panel.edge_labels()[("a", "b", "equity_stake")]
    window.relation_tools.history_dock.raise_()
    qtbot.mouseClick(panel.canvas.viewport(), Qt.MouseButton.LeftButton, pos=panel.edge_midpoint(held[0]))
    history = window.relation_tools.history
    assert window.state.selection.relations == frozenset(held) and len(history.values()) == 1000
    assert history.list.topLevelItemCount() == 1000
    made = [item for item in history.plot.getViewBox().addedItems if isinstance(item, pg.TextItem)]
    shown = history.drawn_labels()
    assert 0 < len(shown) <= len(made) < 300, (len(shown), len(made))


def test_a_source_address_with_a_tag_in_it_is_shown_as_written_in_the_history(qtbot: QtBot, window: MainWindow,
                                                                              tmp_path: Path,
                                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """The relation history's link tooltip read an address holding a tag as HTML (a bold "x" in it): as written now."""
    folder = tmp_path / "linked"
    _dataset(folder, [["a", "Alpha", "company"], ["b", "Beta", "company"]], [])
    url = "https://example.org/<b>x</b>"
    (folder / "relations.csv").write_text(_csv([["id", "source", "target", "kind", "value", "valid_from", "valid_to",
                                                 "source_url"], ["R1", "a", "b", "equity_stake", "30", "2019-01-01", "",
                                                                 url]]), encoding="utf-8")
    open_folder_by_hand(qtbot, window, monkeypatch, folder)
    panel = window.relations
    qtbot.waitUntil(lambda: {"a", "b"} <= panel.node_ids(), timeout=3000)
    window.grab()
    qtbot.mouseClick(panel.canvas.viewport(), Qt.MouseButton.LeftButton, pos=panel.edge_midpoint("R1"))
    assert window.state.selection.relations == frozenset({"R1"})
    history = window.relation_tools.history
    qtbot.waitUntil(lambda: history.list.topLevelItemCount() == 1, timeout=3000)
    item = history.list.topLevelItem(0)
    assert item is not None
    tip = item.toolTip(3)  # (the Source column)
    assert _as_qt_shows(tip) == f"Open in your browser: {url}"
