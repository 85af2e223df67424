"""A real file with hundreds of categories (Sacramento's crime log for January 2006, ../shared/realdata, its
crime descriptions as the category), in a fresh window: lanes by category chosen with the keyboard hold the
forty busiest and "Other", the category picker offers all of them, and one picked with a click filters."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

import viewer
from viewer.model import navigation
from viewer.model.lane_packing import CATEGORY_LANES, OTHER
from viewer.model.lists import natural
from viewer.ui.shared.state import ViewState
from viewer.ui.shell.main_window import MainWindow

from ..window_reading import pick

REALDATA = Path(__file__).resolve().parents[3].parent / "shared" / "realdata"
CRIMES = REALDATA / "csv" / "sacramento_crime_jan2006_pipe_7584.csv"


def test_hundreds_of_categories_get_forty_lanes_and_a_picker_of_all(
        qtbot: QtBot, hand: Any, make_window: Callable[..., MainWindow]) -> None:
    ds = viewer.load(CRIMES, category="crimedescr")
    window = make_window(ViewState(ds))
    counts = ds.events["category"].astype(str).value_counts()
    assert len(counts) > CATEGORY_LANES
    combo = window.tools.group_by
    assert combo.currentData() == "none"  # more kinds than lanes, and no actor: the crimes open in one lane
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):  # the arrow keys walk the choices, as a user's do
        if combo.currentData() == "category":
            break
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert window.state.view.group_by == "category"
    # busiest first, kinds of like counts as a person orders names ("459 PC" before "10851(A)VC")
    ranked = sorted(counts.items(), key=lambda item: (-item[1], natural(item[0])))
    busiest = [name for name, _ in ranked[:CATEGORY_LANES]]
    assert window.timeline.lane_keys() == [*busiest, OTHER]
    picker = window.tools.filter_bar.categories
    assert len(picker.offered()) == len(counts)
    rare = sorted(counts.items(), key=lambda item: (item[1], item[0]))[0][0]  # in "Other", yet offered
    qtbot.keyClicks(picker.search, rare.replace("_", " ")[:12])
    pick(picker, rare)
    assert window.state.filters.categories == frozenset({rare})
    assert int(navigation.matches(ds, window.state.filters).sum()) == counts[rare]
    viewport = window.timeline.plot.viewport()
    hand.wheel(viewport, viewport.rect().center(), 4)
    QApplication.processEvents()
