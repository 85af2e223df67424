"""The last event of a file sits at the right edge of the window it opens on: its label, with no room on the
right, goes to the left of its mark. When the label of the event before it already took that room, the label
was dropped and the last event had no title; now it is cut short to the room left between them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

import viewer
from viewer.ui.shared.state import ViewState
from viewer.ui.shell.main_window import MainWindow

from ..window_reading import open_by_hand, press

ROWS = ("id,date,title\nrome,753 BC,Romulus founds Rome\nrepublic,509 BC,The Republic is founded\n"
        "caesar,44 BC,Caesar\nvesuvius,79,Vesuvius erupts\n"
        "odoacer,476,Odoacer deposes Romulus Augustulus and sends the regalia to Constantinople\n")


def test_the_last_event_at_the_right_edge_keeps_a_label_left_of_its_mark(qtbot: QtBot, window: MainWindow,
                                                                          tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "rome.csv"
    path.write_text(ROWS, encoding="utf-8")
    window.resize(1280, 720)
    assert open_by_hand(qtbot, window, monkeypatch, path) == []
    timeline = window.timeline
    timeline.plot.grab()  # paint now
    mark = timeline.event_scene_pos("odoacer")
    assert mark is not None
    boxes = timeline.items.label_boxes
    own = [b for b in boxes if mark.x() - 20 < b.right() < mark.x() and abs(b.center().y() - mark.y()) < 2]
    assert len(own) == 1, "the last event has a label, left of its mark"
    others = [b for b in boxes if b is not own[0] and abs(b.center().y() - mark.y()) < 2]
    assert others and all(b.right() < own[0].left() for b in others if b.left() < own[0].left())
    assert not any(b.intersects(own[0]) for b in others)


def test_a_selected_range_running_to_the_right_edge_shows_its_title_on_its_bar(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A card from the window's first day to its last, selected with Home: its title went after its end, off the
    right edge ("Sigr" of "Sign"), as a selected label is never dropped. It now stands on its bar."""
    path = tmp_path / "plan.csv"
    path.write_text("start,end,title\n2020-07-20,2020-09-01,Sign the agreement\n2020-08-18,,Old idea\n",
                    encoding="utf-8")
    window.resize(1280, 720)
    assert open_by_hand(qtbot, window, monkeypatch, path) == []
    timeline = window.timeline
    timeline.setFocus()
    qtbot.keyClick(timeline, Qt.Key.Key_Home)
    timeline.plot.grab()  # paint now
    right = timeline.plot.viewport().width()
    mark = timeline.event_scene_pos("row1")
    assert mark is not None
    own = [b for b in timeline.items.label_boxes if abs(b.center().y() - mark.y()) < 2]
    assert own and all(b.right() <= right for b in own), (own, right)


def test_the_last_event_selected_with_end_shows_its_title_cut_to_the_room_left_of_its_mark(
        qtbot: QtBot, window: MainWindow) -> None:
    """The alliance's last event, selected with End at 1280×720: its title is longer than the room on either
    side of its mark, and it stayed after the mark, cut by the plot's edge to "Al". It now takes the wider
    room, left of its mark, cut short there with an ellipsis."""
    window.resize(1280, 720)
    timeline = window.timeline
    timeline.setFocus()
    qtbot.keyClick(timeline, Qt.Key.Key_End)
    (selected,) = window.state.selection.events
    timeline.plot.grab()  # paint now
    right = timeline.plot.viewport().width()
    mark = timeline.event_scene_pos(selected)
    assert mark is not None and mark.x() > right - 60, "the last event sits at the right edge"
    own = [b for b in timeline.items.label_boxes if abs(b.center().y() - mark.y()) < 2 and b.right() < mark.x()]
    assert own, "its title is left of its mark"
    assert all(b.width() >= 200 and b.right() <= right for b in own), own
    assert not [b for b in timeline.items.label_boxes if b.left() < right < b.right()], "no label runs off the edge"


def test_a_selected_range_whose_bar_is_too_short_for_its_label_keeps_it_inside_the_plot(
        qtbot: QtBot, make_window: Callable[..., MainWindow]) -> None:
    """ICIJ's Offshore Leaks fixture at 1280×720, its fourth event selected with the keys: a tie held 2006-2012, near
    the right edge, its bar too short to carry its long title. The label ran on past the plot's edge ("GRE" of the
    officer's name, cut by the panel); it is now cut to the wider room, left of the bar."""
    folder = Path(__file__).parents[2] / "io" / "fixtures" / "offshore_leaks"
    window = make_window(ViewState(viewer.load(folder)), (1280, 720))  # (its opening by hand: test_offshore_leaks…)
    for key in (Qt.Key.Key_Home, Qt.Key.Key_Right, Qt.Key.Key_Right, Qt.Key.Key_Right):
        press(qtbot, window, key)
    assert window.state.selection.events == frozenset({"tie:rel4"})
    timeline = window.timeline
    timeline.plot.grab()  # paint now
    plot = timeline.view.sceneBoundingRect()
    assert all(box.right() <= plot.right() + 1 for box in timeline.items.label_boxes)
    mark = timeline.event_scene_pos("tie:rel4")
    assert mark is not None
    # readable, left of the bar where the plot leaves it room, else on its bar (the graph's dock, 560 px wide at 1280
    # since the legend wraps, leaves the plot 478 px: the bar then starts left of the middle)
    own = [b for b in timeline.items.label_boxes if abs(b.center().y() - mark.y()) < 2]
    assert own and own[0].width() >= 64 and own[0].right() <= plot.right() + 1
