"""Statistical tables opened from a fresh window with Ctrl+O: a month column of names beside the year ("March"),
and a year beside a quarter ("Q1"). Before, each event fell on 1 January of its year, silently."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow

from ..window_reading import open_by_hand, walked


@pytest.mark.parametrize(("text", "first", "second"), [
    ("Year,Month,Title\n2019,March,Spring filing\n2019,Sept.,Autumn filing\n", ["Mar 2019"], ["Sep 2019"]),
    ("year,quarter,title\n2019,Q1,First quarter\n2019,3,Third quarter\n", ["Jan 2019", "Mar 2019"],
     ["Jul 2019", "Sep 2019"]),
])
def test_a_statistical_tables_parts_make_its_dates(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch, text: str, first: list[str],
                                                   second: list[str]) -> None:
    open_by_hand(qtbot, window, monkeypatch, tmp_path / "statistics.csv", text=text)
    assert window.state.dataset.event_count == 2
    seen = walked(qtbot, window, 1)
    assert all(date in seen[0] for date in first) and all(date in seen[1] for date in second)
