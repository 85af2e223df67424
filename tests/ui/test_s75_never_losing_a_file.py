"""Exports aimed, by a slip in the file dialog, at a file the open dataset was read from are refused by name, and the
file is kept: a chronology read from a PDF whose picture was saved over it (before, the PDF was replaced with
nothing said), the second of two files opened together as one (before, only the first was guarded: the events in
the window replaced it), and the Problems dock's list written over the table it lists (before, it replaced it). A
recent file deleted since is said by name when picked, and leaves Open recent (before, it stayed, to fail again)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu
from pytestqt.qtbot import QtBot

from viewer.ui.shell import dialogs
from viewer.ui.shell.main_window import MainWindow

from .window_reading import menu_named, open_by_hand, open_folder_by_hand

FIXTURES = Path(__file__).resolve().parents[1] / "io" / "fixtures"


def _entry(window: MainWindow, text: str) -> None:
    """Click File → (Export →) the entry named ``text``, as a menu does."""
    file_menu = menu_named(window, "&File")
    export_menu = next(a.menu() for a in file_menu.actions() if a.text() == "&Export")
    assert isinstance(export_menu, QMenu)
    action = next(a for a in (*file_menu.actions(), *export_menu.actions()) if a.text().startswith(text))
    action.trigger()


def _refusals(monkeypatch: pytest.MonkeyPatch, target: Path, kind: str) -> list[str]:
    """The save dialog answering ``target``; the error messages shown are listed in the list returned."""
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "error", lambda parent, title, message, details="": shown.append(message))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), kind))
    return shown


def _active(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def test_a_picture_is_not_saved_over_the_pdf_it_was_read_from(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    _active(qtbot, window)
    pdf = tmp_path / "chronology.pdf"
    shutil.copy(FIXTURES / "chronology.pdf", pdf)
    before = pdf.read_bytes()
    open_by_hand(qtbot, window, monkeypatch, pdf)
    shown = _refusals(monkeypatch, pdf, "PDF document (*.pdf)")
    _entry(window, "Image of the window")
    assert pdf.read_bytes() == before
    assert len(shown) == 1 and f"{pdf} is a file of the open dataset" in shown[0]


def test_the_events_are_not_exported_over_the_second_file_opened_with_the_first(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _active(qtbot, window)
    first, second = tmp_path / "january.csv", tmp_path / "march.csv"
    first.write_text("date,title\n2019-01-01,Board meets\n2019-01-02,Plant opens\n", encoding="utf-8")
    second.write_text("date,title\n2019-03-01,Strike\n2019-03-02,Deal signed\n", encoding="utf-8")
    before = second.read_bytes()
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(first), str(second)], ""))
    _entry(window, "&Open…")
    qtbot.waitUntil(lambda: window.state.dataset.event_count == 4, timeout=30_000)
    shown = _refusals(monkeypatch, second, "CSV (*.csv)")
    _entry(window, "Events in the window")
    assert second.read_bytes() == before
    assert len(shown) == 1 and f"{second} is a file of the open dataset" in shown[0]


def test_the_problems_are_not_exported_over_the_table_they_list(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    _active(qtbot, window)
    table = tmp_path / "log.csv"
    open_by_hand(qtbot, window, monkeypatch, table, text="date,title\n2019-01-01,Board meets\nsoon,Plant opens\n")
    before = table.read_bytes()
    assert len(window.state.dataset.problems) >= 1
    shown = _refusals(monkeypatch, table, "CSV (*.csv)")
    window.show_problems()
    window.problems.export_button.click()
    assert table.read_bytes() == before
    assert len(shown) == 1 and f"{table} is a file of the open dataset" in shown[0]


def test_a_recent_file_deleted_since_is_said_by_name_and_leaves_the_menu(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _active(qtbot, window)
    gone, kept = tmp_path / "gone.csv", tmp_path / "kept.csv"
    open_by_hand(qtbot, window, monkeypatch, gone, text="date,title\n2019-01-01,Board meets\n")
    open_by_hand(qtbot, window, monkeypatch, kept, text="date,title\n2019-03-01,Strike\n")
    gone.unlink()
    shown = _refusals(monkeypatch, tmp_path / "unused", "")
    assert window.recent_menu is not None
    entry = next(a for a in window.recent_menu.actions() if a.toolTip() == str(gone))
    with qtbot.waitSignal(window.loader.failed, timeout=30_000):
        entry.trigger()
    assert len(shown) == 1 and str(gone) in shown[0] and "no such file" in shown[0]
    assert window.state.dataset.meta.path == str(kept)  # the dataset shown stays
    assert [a.toolTip() for a in window.recent_menu.actions()] == [str(kept)]


TIMELINEJS = Path(__file__).resolve().parents[3] / "shared" / "realdata" / "timelinejs3_json" / "eras.json"


@pytest.mark.skipif(not TIMELINEJS.exists(), reason="needs ../shared/realdata")
def test_save_as_dataset_over_the_file_it_was_read_from_is_refused(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A TimelineJS file saved as itself (the dialog's "replace?" answered yes) became Entente's JSON, its media and
    HTML gone."""
    _active(qtbot, window)
    timeline = tmp_path / "eras.json"
    shutil.copy(TIMELINEJS, timeline)
    before = timeline.read_bytes()
    open_by_hand(qtbot, window, monkeypatch, timeline)
    shown = _refusals(monkeypatch, timeline, "Dataset in one file (*.json)")
    _entry(window, "&Save as dataset")
    assert timeline.read_bytes() == before
    assert len(shown) == 1 and f"Could not save the dataset as {timeline}" in shown[0] and "the input" in shown[0]


def test_a_dataset_folder_is_still_saved_over_itself(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    _active(qtbot, window)
    folder = tmp_path / "alliance"
    shutil.copytree(Path(__file__).resolve().parents[2] / "resources" / "datasets" / "alliance", folder)
    (folder / "notes.txt").write_text("mine")
    open_folder_by_hand(qtbot, window, monkeypatch, folder)
    shown = _refusals(monkeypatch, folder, "Dataset folder (*)")
    _entry(window, "&Save as dataset")
    assert shown == [] and (folder / "notes.txt").read_text() == "mine"
    assert "Saved 69 events" in window.statusBar().currentMessage()
