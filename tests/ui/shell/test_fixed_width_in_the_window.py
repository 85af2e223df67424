"""A report lined up with spaces (Excel's .prn, a table copied from a PDF), opened from a fresh window with
Ctrl+O: each line is an event with its columns, the keys walk them, Problems says how it was read and names the
line whose text ran into the next column (it was refused: no date in one column of whole lines)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from viewer import io
from viewer.ui.shell.main_window import MainWindow

from ...io.test_boxed_tables import DUCKDB
from ...io.test_fixed_width import SQLCMD
from ..window_reading import details_after, open_by_hand, problems_typed

TITLE = "Alliance events, as printed by the ledger system\n\nDate          Amount  Party        Title\n"
FIRST = "2018-11-19     1,500  Nissan       Arrest of the chairman"
ROWS = [f"2019-{month:02d}-01     {month:>5}  Renault      Board meeting {month}" for month in range(1, 13)]
LAST = "2023-02-06       7.5  Renault-Nissan-Mitsubishi: the London event"  # its party runs into the title
REPORT = TITLE + "\n".join([FIRST, *ROWS, LAST]) + "\n"


def test_a_report_lined_up_with_spaces_opens_in_its_columns(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    assert ".prn" in io.supported_suffixes()  # (the Open dialog offers it among the datasets)
    asked = open_by_hand(qtbot, window, monkeypatch, tmp_path / "ledger.prn", text=REPORT)
    assert asked == []  # its date column found without a question
    assert window.state.dataset.event_count == 14
    first = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Arrest of the chairman" in first and "Nissan" in first and "1,500" in first
    walked = details_after(qtbot, window, Qt.Key.Key_Right)
    assert "Board meeting 1" in walked and "Renault" in walked
    last = details_after(qtbot, window, Qt.Key.Key_End)
    assert "\nthe London event" in "\n" + last and "Renault-Nissan-Mitsubishi:" in last  # cut after its word
    assert not problems_typed(qtbot, window, "fixed width").empty
    window.problems.filter.clear()
    crossing = problems_typed(qtbot, window, "runs across the edge")
    assert crossing["row"].astype(int).tolist() == [17]


def test_notes_led_by_dates_and_two_spaces_open_without_a_question(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    notes = "2018-11-19  Arrest of Carlos Ghosn\n2019-03-12  Board meeting\n2019-12-29  Ghosn flees Japan\n"
    assert open_by_hand(qtbot, window, monkeypatch, tmp_path / "notes.txt", text=notes) == []
    assert "Board meeting" in details_after(qtbot, window, Qt.Key.Key_Home, Qt.Key.Key_Right)


def test_a_query_result_saved_from_sqlcmd_opens_and_walks(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    assert open_by_hand(qtbot, window, monkeypatch, tmp_path / "result.txt", text=SQLCMD) == []
    assert window.state.dataset.event_count == 3  # (its rule of dashes and "(3 rows affected)" no rows)
    assert "Escape" in details_after(qtbot, window, Qt.Key.Key_End)


def test_a_result_drawn_in_a_box_opens_and_walks(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """DuckDB's command line draws its result in a box, its types under the names: refused before."""
    assert open_by_hand(qtbot, window, monkeypatch, tmp_path / "result.txt", text=DUCKDB) == []
    assert window.state.dataset.event_count == 2
    assert "Board meeting" in details_after(qtbot, window, Qt.Key.Key_End)
    assert not problems_typed(qtbot, window, "drawn in a box").empty
