"""The World Bank's indicator CSV, opened from a fresh window with Ctrl+O: it was refused in a dialog ("no date
column among column1, column2 …"); it opens as a value a year for each country, walked with the keys."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow

from ...io.test_wide_years import TURNOUT, WORLD_BANK
from ..window_reading import accepting, details_after, open_by_hand


def test_an_indicator_by_year_opens_and_walks(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "API_NY.GDP.MKTP.CD_DS2_en_csv_v2.csv"
    open_by_hand(qtbot, window, monkeypatch, path, accepting([]), text=WORLD_BANK)
    assert window.state.dataset.event_count == 6
    first = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Japan · GDP (current US$): 44,307,342,950" in first and "1960" in first
    assert "Japan · GDP (current US$): 5,005,536,641,113" in details_after(qtbot, window, Qt.Key.Key_End)


def test_votes_by_year_open_and_walk(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """538's turnout by county: columns "2023 votes", "2021 votes" …, refused before as having no date column."""
    open_by_hand(qtbot, window, monkeypatch, tmp_path / "New_Jersey_turnout_2023.csv", accepting([]), text=TURNOUT)
    assert window.state.dataset.event_count == 12
    first = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "2019" in first and "County, New Jersey" in first
    last = details_after(qtbot, window, Qt.Key.Key_End)
    assert "2023" in last and ("votes" in last or "cvap_turnout" in last)
