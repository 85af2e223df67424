"""A first start on a short screen (no layout saved) gives the graph room: the window opens maximised, and its bottom
row (Details, the relation tables) took 28% of it or 170 px, whichever was more, and the graph's legend of lines two
rows. On a 13" 1080p laptop at 200% (960×540 logical pixels) the graph was left 120 px, and at 1280×720 comparing two
dates left it 548×190 px, where none of the alliance's three companies was named. The bottom row keeps three table
rows, and a tall screen's layout is as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from viewer.ui.shared.state import ViewState
from viewer.ui.shell.main_window import MainWindow
from viewer.ui.shell.persistence import bottom_height, first_geometry
from viewer.ui.shell.settings import Settings

GRAPH_LEAST = 135  # px of graph at 960×540, as of the cursor (it was 120)
TABLE_ROWS = 3  # whole rows the relation table shows at least
COMPANIES = {"renault", "nissan", "mitsubishi"}


def first_start(qtbot: QtBot, state: ViewState, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                screen: tuple[int, int]) -> MainWindow:
    """The window as the app opens it the first time on a screen of this size: placed by ``first_geometry`` (its
    docks sized for the un-maximised size), then maximised to the screen's area."""
    area = QRect(0, 0, *screen)
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _self: area)
    window = MainWindow(state, Settings(tmp_path / "config" / "entente.ini"))
    qtbot.addWidget(window)
    assert first_geometry(window)  # maximised: the screen has no room for 1600×900 and a frame
    window.setWindowState(Qt.WindowState.WindowNoState)  # (offscreen, maximising takes its own 800×600 screen)
    window.show()
    qtbot.waitExposed(window)
    window.resize(area.size())  # maximised
    qtbot.waitUntil(lambda: window.height() == area.height())
    qtbot.wait(100)
    window.grab()  # (a paint places the names)
    return window


def rows_in_sight(table: QTableView) -> int:
    """How many of the table's rows show in its viewport, whole or for want of their last 2 px (their grid line)."""
    viewport = table.viewport().rect()
    rects = [table.visualRect(table.model().index(row, 0)) for row in range(table.model().rowCount())]
    return sum(viewport.intersected(rect).height() >= rect.height() - 2 for rect in rects if rect.height() > 0)


def named(window: MainWindow) -> set[str]:
    """The entity ids whose names the graph draws now."""
    canvas = window.relations.canvas
    placement = canvas.labels_item.placement
    assert placement is not None
    return {key for key, shown in zip(canvas.drawn[0].ids, placement.node_shown, strict=True) if shown}


def test_a_960x540_screen_leaves_the_graph_room_and_the_table_three_rows(
        qtbot: QtBot, state: ViewState, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As of the cursor, the legend of lines keeps to one row in the short panel ("+N more" holds the rest), so the
    graph is at least 135 px tall; the timeline and the relation table keep their room."""
    window = first_start(qtbot, state, tmp_path, monkeypatch, (960, 540))
    panel = window.relations
    assert panel.canvas.height() >= GRAPH_LEAST, (panel.canvas.size(), panel.size())
    assert panel.legend.more.isVisible() and panel.legend.height() <= panel.legend.more.height() + 2
    assert window.timeline.width() >= 500 and window.timeline.height() >= 170, window.timeline.size()
    tables = [t for t in window.relation_tools.table.findChildren(QTableView) if t.isVisible()]
    assert tables and rows_in_sight(tables[0]) >= TABLE_ROWS, [rows_in_sight(t) for t in tables]


def test_comparing_two_dates_at_1280x720_names_the_alliance(
        qtbot: QtBot, state: ViewState, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Compare two dates on a 1280×720 screen: the bottom row gives the graph the pixels it has beyond three table
    rows, and the graph names Nissan among the alliance's companies (it named none at 190 px)."""
    window = first_start(qtbot, state, tmp_path, monkeypatch, (1280, 720))
    panel = window.relations
    panel.set_mode("diff")
    qtbot.wait(100)
    window.grab()
    assert panel.canvas.height() >= 200, (panel.canvas.size(), panel.size())
    assert "nissan" in named(window), sorted(COMPANIES & named(window))
    assert window.timeline.height() >= 340, window.timeline.size()


@pytest.mark.parametrize(("height", "bottom"), [(476, 170), (656, 170), (704, 170), (836, 234), (900, 252),
                                                (1200, 290)])
def test_the_bottom_row_gives_way_on_a_short_window_only(height: int, bottom: int) -> None:
    """The first bottom row: three table rows' height on a short window, rising to its 28% share by a 1600×900
    screen's window (836 px), where it is as it was."""
    assert bottom_height(height) == bottom
