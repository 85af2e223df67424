"""The relation-kind legend wraps, in a fresh 1280×720 window: a folder of twenty relation kinds opened by hand
(File → Open folder…) keeps the window its size and the timeline its room, its kinds on two rows and the rest behind
"+N more", and a click on an entry, or on a kind in the "+N more" menu, still hides that kind's ties. Compare two
dates keeps the graph its height there.

Before, every kind stood in one row as wide as all of them: with twenty kinds the graph dock asked 2,054 px, the
window grew to 2,128 px at every size and the timeline was 68 px wide; the bundled dataset's five kinds held the
dock at 592 px, and Compare two dates left the graph 161 px of the panel's 382."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot

from viewer.ui.relations.legend import KindLegend
from viewer.ui.shared.state import ViewState
from viewer.ui.shell.main_window import MainWindow

from ..window_reading import open_folder_by_hand

WORDS = ("alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet", "kilo", "lima",
         "mike", "november", "oscar", "papa", "quebec", "romeo", "sierra", "tango")
SMALL = (1280, 720)


def _twenty_kinds(folder: Path) -> Path:
    """Forty organisations tied by twenty kinds of relation from 2005, and twenty events."""
    folder.mkdir()
    (folder / "events.csv").write_text("id,start,title\n" + "".join(
        f"e{i},{2000 + i}-{1 + i % 12:02d}-01,Event {i}\n" for i in range(20)), encoding="utf-8")
    (folder / "entities.csv").write_text("id,name,kind\n" + "".join(
        f"c{i},Org {i},{('company', 'person', 'government', 'trust')[i % 4]}\n" for i in range(40)), encoding="utf-8")
    (folder / "relations.csv").write_text("id,source,target,kind,value,valid_from,valid_to\n" + "".join(
        f"r{i},c{i % 40},c{(i * 7 + 3) % 40},kind_{WORDS[i % 20]},,2005-01-01,\n" for i in range(60)),
        encoding="utf-8")
    return folder


def _shown(legend: KindLegend) -> dict[str, QToolButton]:
    return {kind: button for kind, button in legend.buttons.items() if button.isVisible()}


def _drawn_kinds(window: MainWindow) -> set[str]:
    return {kind for _source, _target, kind in window.relations.edge_labels()}


def test_twenty_kinds_wrap_and_the_window_keeps_its_size(qtbot: QtBot, make_window: Callable[..., MainWindow],
                                                         state: ViewState, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window(state, SMALL)
    assert open_folder_by_hand(qtbot, window, monkeypatch, _twenty_kinds(tmp_path / "kinds")) == []
    legend = window.relations.legend
    qtbot.waitUntil(lambda: len(legend.buttons) == 20)
    qtbot.wait(100)
    assert (window.width(), window.height()) == SMALL
    assert window.timeline.width() >= 500, window.timeline.width()
    assert window.relations.minimumSizeHint().width() <= 450
    shown = _shown(legend)
    rows = {button.geometry().center().y() for button in shown.values()}
    assert 2 <= len(rows) <= 3, rows  # wrapped, and bounded to a few rows
    assert all(legend.rect().contains(button.geometry()) for button in shown.values())  # none cut off
    assert legend.more.text() == f"+{20 - len(shown)} more"
    assert legend.folded() == [kind for kind in legend.buttons if kind not in shown]

    kind = next(kind for kind in shown if kind in _drawn_kinds(window))
    QTest.mouseClick(shown[kind], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: kind not in _drawn_kinds(window))
    assert window.relations.hidden_kinds() == {kind}
    QTest.mouseClick(shown[kind], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: kind in _drawn_kinds(window))

    folded = next(kind for kind in legend.folded() if kind in _drawn_kinds(window))
    picked: list[str] = []

    def in_the_menu() -> None:
        menu = legend.more.menu()
        action = next(action for action in menu.actions() if action.text() == folded.replace("_", " "))
        picked.append(action.text())
        QTest.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())

    QTimer.singleShot(300, in_the_menu)
    QTest.mouseClick(legend.more, Qt.MouseButton.LeftButton)  # the menu runs its own loop until clicked
    assert picked == [folded.replace("_", " ")]
    qtbot.waitUntil(lambda: folded not in _drawn_kinds(window))
    assert window.relations.hidden_kinds() == {folded}
    assert legend.more.text().endswith("· 1 off")
    assert (window.width(), window.height()) == SMALL


def test_each_mode_keeps_the_graph_its_room_at_1280x720(qtbot: QtBot, make_window: Callable[..., MainWindow],
                                                        state: ViewState) -> None:
    window = make_window(state, SMALL)
    panel = window.relations
    qtbot.wait(100)
    assert panel.minimumSizeHint().width() <= 450  # the dock narrows as far as its header allows
    assert not panel.legend.more.isVisible()  # five kinds, two rows: all shown
    for mode in ("cursor", "window", "diff"):
        QTest.mouseClick(panel.header.mode_buttons[mode], Qt.MouseButton.LeftButton)
        qtbot.wait(100)
        assert (window.width(), window.height()) == SMALL
        assert window.timeline.width() >= 600, (mode, window.timeline.width())
        assert panel.canvas.height() >= (0.45 if mode == "diff" else 0.65) * panel.height(), (
            mode, panel.canvas.height(), panel.height())
    # comparing, the colours of changes lead the kinds' one row, the other kinds behind "+N more"
    legend, changes = panel.legend, panel.change_legend
    assert changes.isVisible() and legend.rect().contains(changes.geometry())
    assert legend.more.isVisible() and legend.height() <= legend.more.height() + 2


def test_the_alliance_graph_names_its_companies_at_1280x720(qtbot: QtBot, make_window: Callable[..., MainWindow],
                                                             state: ViewState) -> None:
    """The narrower legend let the graph's dock open at a third of the window (435 px at 1280), where Renault Group's
    name had no room among the alliance's ties: it opens at 560 px (at most 46% of the window)."""
    window = make_window(state, SMALL)
    panel = window.relations
    qtbot.wait(100)
    window.grab()  # (a paint places the names)
    assert panel.width() >= 540 and window.timeline.width() >= 600
    placement, ids = panel.canvas.labels_item.placement, panel.canvas.drawn[0].ids
    assert placement is not None
    named = {key for key, shown in zip(ids, placement.node_shown, strict=True) if shown}
    assert {"renault", "nissan", "mitsubishi", "french_state"} <= named, sorted(set(ids) - named)
