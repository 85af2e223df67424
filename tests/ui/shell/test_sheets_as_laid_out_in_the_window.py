"""Workbooks as reports lay them out, opened from a fresh window with Ctrl+O: a header under a row of group names
opens (it was refused in a dialog), a table placed at C3 shows no empty "column1" in Details, and a sheet ending
in a blank row and its total has no error in Problems."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow

from ...io.test_sheets_as_laid_out import begun_lower_down, grouped_header, table_at_c3
from ..window_reading import details_after, open_by_hand, problems_typed


def test_a_grouped_header_opens_and_a_table_at_c3_has_no_empty_columns(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert open_by_hand(qtbot, window, monkeypatch, grouped_header(tmp_path / "plan.xlsx")) == []
    assert "Restructuring" in details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Ampere" in details_after(qtbot, window, Qt.Key.Key_Right)
    assert open_by_hand(qtbot, window, monkeypatch, table_at_c3(tmp_path / "ledger.xlsx")) == []
    shown = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Payment" in shown and "Amount" in shown and "column1" not in shown


def test_a_sheet_ending_in_a_blank_row_and_its_total_has_no_error(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "report.xlsx"
    rows = [[1, "1999-03-27", "Alliance signed"], [2, "2002-03-01", "Nissan takes 15%"],
            [3, "2016-10-20", "Mitsubishi joins"], [None, None, None], ["Total", None, "3 events"]]
    pd.DataFrame(rows, columns=["No.", "Date", "Headline"]).to_excel(path, index=False)
    open_by_hand(qtbot, window, monkeypatch, path)
    assert window.state.dataset.event_count == 3
    said = problems_typed(qtbot, window, "below the table")
    assert len(said) == 1 and "Total 3 events" in said.to_string()
    assert not [p for p in window.state.dataset.problems if p.level == "error"]


def test_a_workbook_with_an_empty_cover_sheet_opens_on_its_table(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Its first sheet empty, its table three rows down the second: refused in a dialog as "no rows" before."""
    assert open_by_hand(qtbot, window, monkeypatch, begun_lower_down(tmp_path / "papers.xlsx")) == []
    assert "Chicago Tribune" in details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Chicago Reader" in details_after(qtbot, window, Qt.Key.Key_End)
    assert len(problems_typed(qtbot, window, "first sheet holds nothing")) == 1
