"""A fund holding stakes in hundreds of companies, picked with the mouse in a fresh window: Details lists its first
ties and says how many more there are (a hub of 5,000 held the window 50 s: each tie's two names looked up by
indexing the whole entity table again, then all 5,000 laid out as rich text), and Compare two dates lists every
change at once."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from viewer.ui.shell import details
from viewer.ui.shell.main_window import MainWindow

HELD = 300


@pytest.fixture
def fund(write_dataset: Callable[..., Path]) -> Path:
    """A fund holding stakes in ``HELD`` companies, taken between 2010 and 2019."""
    return write_dataset(
        "id,start,title,actors\nE1,2000-01-01,Founded,hub\nE2,2021-01-01,Report,hub\n",
        "id,name,kind\nhub,The Hub Fund,company\n" + "".join(f"s{i},Subsidiary {i},company\n" for i in range(HELD)),
        "id,source,target,kind,value,valid_from\n" + "".join(f"H{i},hub,s{i},equity_stake,{10 + i % 80},"
                                                               f"20{10 + i % 10}-01-01\n" for i in range(HELD)),
        json.dumps({"title": "A fund", "default_window": {"start": "2000-01-01", "end": "2021-01-01",
                                                          "cursor": "2020-06-01"}}))


def test_a_hub_clicked_lists_its_first_ties_and_counts_the_rest(qtbot: QtBot, window: MainWindow, fund: Path) -> None:
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        window.open_path(str(fund))
    panel = window.relations
    qtbot.waitUntil(lambda: "hub" in panel.node_ids())
    QTest.mouseClick(panel.canvas.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     panel.node_pos("hub"))
    qtbot.waitUntil(lambda: "The Hub Fund" in window.details.html())
    text = window.details.html()
    assert f"{HELD} ties as of 1 Jun 2020" in text or f"{HELD} ties as of 2020-06-01" in text, text[:300]
    assert text.count("The Hub Fund →") == details.SHOWN_TIES
    assert f"and {HELD - details.SHOWN_TIES} more: the dock Relations at the cursor lists them all" in text


def test_compare_two_dates_lists_every_change_of_a_hub(qtbot: QtBot, window: MainWindow, fund: Path) -> None:
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        window.open_path(str(fund))
    QTest.mouseClick(window.relations.header.mode_buttons["diff"], Qt.MouseButton.LeftButton)  # Compare two dates
    view = window.relations.diff_view
    view.before_edit.setText("2009")
    view.after_edit.setText("2020")
    QTest.keyClick(view.after_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(view.rows()) == HELD)
    assert {change for change, *_ in view.rows()} == {"added"}
    assert ("added", "The Hub Fund → Subsidiary 7", "17%", "") in view.rows()
