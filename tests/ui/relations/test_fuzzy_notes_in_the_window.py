"""A tie known to begin only in a month says so on its edge while the cursor is in that month, dragged there by hand
in a fresh window on the bundled dataset, and stops saying so when the cursor leaves it, there and back: the graph
of a cursor step is kept by which ties hold and which of their fuzzy bounds hold the cursor, never by the ties
alone (a kept view would carry the last month's note into the next)."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
from pytestqt.qtbot import QtBot

import viewer
from viewer.model import query
from viewer.ui.shared.state import ViewState
from viewer.ui.shell.main_window import MainWindow

from ..conftest import Hand
from ..window_reading import drag_cursor

QUALCOMM = ("qualcomm", "ampere", "partnership")  # since "2022-11": known to the month


def test_a_month_dated_tie_says_so_only_while_the_cursor_is_in_its_month(
        qtbot: QtBot, hand: Hand, make_window: Callable[..., MainWindow]) -> None:
    window = make_window(ViewState(viewer.load()))
    labels = window.relations.edge_labels
    seen = []
    for year in (2022.87, 2022.96, 2022.88, 2023.05, 2022.86):  # mid Nov, mid Dec, Nov, Jan, Nov
        drag_cursor(qtbot, hand, window, year)
        when = window.state.cursor
        in_november = pd.Timestamp("2022-11-01", tz="UTC") <= when < pd.Timestamp("2022-12-01", tz="UTC")
        assert QUALCOMM in labels(), when
        assert (labels()[QUALCOMM] == "partnership (from Nov 2022)") == in_november, (when, labels()[QUALCOMM])
        assert ("Nov 2022" in labels()[QUALCOMM]) == in_november, (when, labels()[QUALCOMM])
        rows = window.state.dataset.relations
        assert sorted(window.relation_tools.table.visible_ids()) == sorted(
            rows[query.valid_mask(rows, when)]["id"].astype(str)), when
        seen.append(in_november)
    assert seen == [True, False, True, False, True]
