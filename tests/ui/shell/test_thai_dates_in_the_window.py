"""A Thai table (its header, its dates with Thai months and Buddhist-era years, Thai digits in some), opened from a
fresh window with Ctrl+O: every row is an event in its Gregorian year (the file was refused: "no row has a date"),
the keys walk them in order, and Problems says how the years were read. Its Thai column names are no names Entente
knows, so the window asks which column is which, its date column found by its values; the user accepts."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow

from ..window_reading import details_after, open_by_hand, problems_typed


def test_a_thai_table_opens_in_its_gregorian_years(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    text = ("วันที่,เรื่อง,ผู้เกี่ยวข้อง\n"
            "5 มกราคม 2562,ประชุมคณะกรรมการ,กระทรวงการคลัง\n"
            "1 ก.พ. 2563,สัมมนาประจำปี,ธนาคารแห่งประเทศไทย\n"
            "๑๕ มีนาคม ๒๕๖๓,ลงนามบันทึกความเข้าใจ,กระทรวงการคลัง\n")
    asked = open_by_hand(qtbot, window, monkeypatch, tmp_path / "ประชุม.csv", text=text,
                         answer=lambda dialog: QDialog.DialogCode.Accepted)  # the columns as guessed, by their values
    assert len(asked) == 1
    assert window.state.dataset.event_count == 3
    first = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "ประชุมคณะกรรมการ" in first and "2019" in first and "2562" not in first
    assert "สัมมนาประจำปี" in details_after(qtbot, window, Qt.Key.Key_Right)
    last = details_after(qtbot, window, Qt.Key.Key_End)
    assert "ลงนามบันทึกความเข้าใจ" in last and "15 Mar 2020" in last
    shown = problems_typed(qtbot, window, "Buddhist")
    assert len(shown) == 1 and "3 Thai dates" in shown.iloc[0]["message"]
