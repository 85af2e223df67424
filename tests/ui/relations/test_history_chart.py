"""The history panel: the selected relation's steps, the cursor on them, each step's source a click away."""

from __future__ import annotations

import pandas as pd
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from pytestqt.qtbot import QtBot

from viewer.model.dates import to_seconds
from viewer.ui.relations.history_chart import SOURCE, HistoryPanel
from viewer.ui.shared.state import Selection, ViewState
from viewer.ui.shell.main_window import MainWindow


@pytest.fixture
def history(qtbot: QtBot, state: ViewState) -> HistoryPanel:
    widget = HistoryPanel(state)
    qtbot.addWidget(widget)
    widget.resize(600, 420)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_nothing_selected_shows_a_hint(history: HistoryPanel) -> None:
    assert history.values() == []
    assert "Select an edge" in history.title.text()


def test_selecting_renaults_stake_shows_its_four_steps(history: HistoryPanel, state: ViewState) -> None:
    state.select(Selection(relations=frozenset({"R04"})))
    assert history.values() == [36.8, 44.4, 43.4, 15.0]
    assert history.key == ("renault", "nissan", "equity_stake")
    assert history.list.topLevelItemCount() == 4
    last = history.list.topLevelItem(3)
    assert last is not None and last.isSelected()
    assert "4 steps" in history.title.text()


def test_the_cursor_line_follows_the_cursor(history: HistoryPanel, state: ViewState) -> None:
    state.move_cursor("2020-01-01")
    assert history.cursor_line.value() == pytest.approx(float(to_seconds(state.cursor)))


def test_fuzzy_bounds_are_hatched_spans(history: HistoryPanel, state: ViewState) -> None:
    state.select(Selection(relations=frozenset({"R02"})))
    assert len(history.steps.fuzzy) == 2
    assert len(history.fuzzy_item.opts["x0"]) == 2


def test_clicking_a_step_in_the_list_selects_that_relation(qtbot: QtBot, history: HistoryPanel,
                                                           state: ViewState) -> None:
    state.select(Selection(relations=frozenset({"R04"})))
    first = history.list.topLevelItem(0)
    assert first is not None
    rect = history.list.visualItemRect(first)
    qtbot.mouseClick(history.list.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(10, rect.center().y()))
    assert state.selection == Selection(relations=frozenset({"R01"}))
    assert history.values() == [36.8, 44.4, 43.4, 15.0]  # same relation, same chart


def test_clicking_a_source_opens_only_web_links(history: HistoryPanel, state: ViewState,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(QUrl(url).toString()))
    state.select(Selection(relations=frozenset({"R04"})))
    item = history.list.topLevelItem(3)
    assert item is not None
    history.list.itemClicked.emit(item, SOURCE)
    assert opened == ["https://www.nasdaq.com/articles/renault-cuts-nissan-stake-to-15-after-transferring-shares-to-trust"]
    item.setData(SOURCE, Qt.ItemDataRole.UserRole, "file:///etc/passwd")
    history.list.itemClicked.emit(item, SOURCE)
    assert len(opened) == 1


def test_clicking_a_step_in_the_chart_selects_it(qtbot: QtBot, history: HistoryPanel, state: ViewState) -> None:
    state.select(Selection(relations=frozenset({"R04"})))
    in_2008 = float(to_seconds(pd.Timestamp("2008-06-01", tz="UTC")))
    scene = history.plot.getViewBox().mapViewToScene(QPointF(in_2008, 44.4))
    qtbot.mouseClick(history.plot.viewport(), Qt.MouseButton.LeftButton, pos=history.plot.mapFromScene(scene))
    assert state.selection == Selection(relations=frozenset({"R02"}))


def test_clicking_the_renault_to_nissan_edge_in_the_window_shows_its_history(qtbot: QtBot, window: MainWindow,
                                                                            state: ViewState) -> None:
    tools = window.relation_tools
    state.move_cursor("2023-11-09")
    panel = window.relations
    with qtbot.waitSignal(state.selection_changed):
        qtbot.mouseClick(panel.canvas.viewport(), Qt.MouseButton.LeftButton, pos=panel.edge_midpoint("R04"))
    assert tools.history.values() == [36.8, 44.4, 43.4, 15.0]
    assert "15%" in window.details.html()
    assert tools.table.selected_ids() == {"R04"}
