"""A survey export of 2,000 question columns opened from a fresh window and walked with keys, the mouse and a
hover. Before, opening 5,000 such columns took ten minutes (each sorted column popped from a frame whose block
index is rebuilt at every pop), and each click on an event spent seconds cutting out and formatting its row."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QToolTip
from pytestqt.qtbot import QtBot

from viewer.ui.shell import details
from viewer.ui.shell.main_window import MainWindow

from ..window_reading import open_written

QUESTIONS = 2_000


def _survey(rows: int) -> str:
    rng = random.Random(7)
    header = ["date", "title", *(f"q{i}" for i in range(QUESTIONS))]
    lines = [",".join(header)]
    for j in range(rows):
        answers = [rng.choice(["yes", "no", "maybe"]) if i % 3 == 0 else str(rng.randint(0, 9)) if i % 3 == 1
                   else f"w{rng.randint(0, 999)}" for i in range(QUESTIONS)]
        lines.append(",".join([f"2020-03-{j % 28 + 1:02d}", f"Response {j}", *answers]))
    return "\n".join(lines) + "\n"


def test_a_survey_of_two_thousand_columns_opens_and_its_responses_are_shown(qtbot: QtBot, hand: Any,
                                                                            window: MainWindow, tmp_path: Path) -> None:
    ds = open_written(qtbot, window, tmp_path / "survey.csv", _survey(40))
    assert ds.event_count == 40 and len(ds.attributes) == QUESTIONS  # no column dropped
    kinds = {a.name: a.type for a in ds.attributes}
    assert (kinds["q0"], kinds["q1"], kinds["q2"]) == ("category", "number", "text")
    window.timeline.setFocus()
    qtbot.keyClick(window.timeline, Qt.Key.Key_End)
    text = window.details.html()
    assert "Response" in text and "q0" in text
    assert f"{QUESTIONS - details.SHOWN_ATTRIBUTES:,} more attributes not shown" in text
    qtbot.keyClick(window.timeline, Qt.Key.Key_Home)
    assert "Response 0" in window.details.html()
    qtbot.keyClick(window.timeline, Qt.Key.Key_Right)
    assert window.state.selection.events
    chosen = next(iter(window.state.selection.events))
    scene = window.timeline.event_scene_pos(chosen)
    assert scene is not None
    point = window.timeline.plot.mapFromScene(scene)
    view = window.timeline.plot.viewport()
    hand.move(view, point)  # the hover's tooltip is cut from the row's core columns, not all 2,000
    assert window.state.hover == chosen and "Response" in QToolTip.text()
    QTest.mouseClick(view, Qt.MouseButton.LeftButton, pos=point)
    assert window.state.selection.events == frozenset({chosen})
