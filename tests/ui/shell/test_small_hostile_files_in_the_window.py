"""Small hostile files opened from a fresh window as a user opens them: JSON lines each led by a byte order mark
(all read; before, every line after the first was skipped), a dataset folder whose events.csv is empty (refused,
naming it; before, it opened as an empty dataset with nothing said), and a PDF saved as .csv (read as the PDF it
is, no question about its columns; before, the window asked which of its lines of PDF syntax held the dates)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from viewer.ui.shell import dialogs
from viewer.ui.shell.main_window import MainWindow

from ..window_reading import details_after, menu_named, open_by_hand, problems_typed

FIXTURES = Path(__file__).resolve().parents[2] / "io" / "fixtures"


def test_json_lines_each_led_by_a_mark_open_whole(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    text = ('\ufeff{"date": "2019-01-05", "title": "Board meeting"}\n'
            '\ufeff{"date": "2019-03-01", "title": "Plant opens"}\n')
    asked = open_by_hand(qtbot, window, monkeypatch, tmp_path / "joined.jsonl", text=text)
    assert asked == [] and window.state.dataset.event_count == 2
    assert "Board meeting" in details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Plant opens" in details_after(qtbot, window, Qt.Key.Key_Right)
    assert len(problems_typed(qtbot, window, "BOM")) == 0


def test_a_folder_whose_events_table_is_empty_is_refused_by_name(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "cut_short"
    folder.mkdir()
    (folder / "dataset.json").write_text('{"title": "Cut short"}', encoding="utf-8")
    (folder / "events.csv").write_bytes(b"")
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "error", lambda parent, title, message, details="": shown.append(message))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    before = window.state.dataset
    window.activateWindow()
    with qtbot.waitSignal(window.loader.failed, timeout=30_000):
        next(a for a in menu_named(window, "&File").actions() if a.text() == "Open &folder…").trigger()
    assert window.state.dataset is before
    assert len(shown) == 1 and f"{folder / 'events.csv'}: the file is empty" in shown[0]


def test_a_pdf_saved_as_csv_opens_as_the_pdf(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "statement.csv"
    path.write_bytes((FIXTURES / "chronology.pdf").read_bytes())
    asked = open_by_hand(qtbot, window, monkeypatch, path)
    assert asked == [] and window.state.dataset.event_count == 5
    assert "Ghosn" in details_after(qtbot, window, Qt.Key.Key_Home)
