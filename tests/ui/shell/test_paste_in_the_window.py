"""Ctrl+V in a fresh window opens what the clipboard holds: cells copied from a spreadsheet, a web page's table, or
files copied in a file manager; in a text field Ctrl+V still pastes into the field."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

pytest.importorskip("pytestqt")

from viewer.ui.shell.main_window import MainWindow

from ..window_reading import details_after, menu_named

CELLS = ("Date\tEvent\tWho\r\n2018-11-19\tGhosn arrested in Tokyo\tNissan\r\n"
         "2019-03-06\tGhosn released on bail\tNissan\r\n")


@pytest.fixture(autouse=True)
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path / "data" / "entente" / "pasted"


def _copy(text: str | None = None, html: str | None = None, urls: list[Path] | None = None) -> None:
    data = QMimeData()
    if text is not None:
        data.setText(text)
    if html is not None:
        data.setHtml(html)
    if urls:
        data.setUrls([QUrl.fromLocalFile(str(url)) for url in urls])
    QGuiApplication.clipboard().setMimeData(data)


def _paste_on_the_timeline(qtbot, window: MainWindow, title: str) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.timeline.plot)
    QTest.keySequence(window.timeline.plot, QKeySequence(QKeySequence.StandardKey.Paste))
    qtbot.waitUntil(lambda: title in list(window.state.dataset.events["title"]) and not window.loader.busy,
                    timeout=30_000)


def test_cells_copied_from_a_spreadsheet_open_with_ctrl_v(qtbot, window: MainWindow, data_home: Path) -> None:
    _copy(CELLS)
    _paste_on_the_timeline(qtbot, window, "Ghosn released on bail")
    kept = list(data_home.iterdir())
    assert len(kept) == 1 and kept[0].suffix == ".tsv"  # the cells outlive the clipboard
    assert window.windowTitle() == f"{kept[0].stem} — Entente"
    assert f"Cells kept in {kept[0]}" in window.statusBar().currentMessage()
    assert "Ghosn released on bail" in details_after(qtbot, window, Qt.Key.Key_End)
    assert window.settings is not None and window.settings.recent_files()[0] == str(kept[0])


def test_a_web_pages_table_opens_from_the_edit_menu(qtbot, window: MainWindow, data_home: Path) -> None:
    _copy("Date Event", "<table><tr><th>Date</th><th>Event</th></tr><tr><td>2019-01-02</td><td>Renault buys</td></tr>"
                        "<tr><td>2019-03-04</td><td>Nissan answers</td></tr></table>")
    action = next(a for a in menu_named(window, "&Edit").actions() if a.text() == "&Paste as dataset")
    action.trigger()
    qtbot.waitUntil(lambda: "Nissan answers" in list(window.state.dataset.events["title"]), timeout=30_000)
    assert [p.suffix for p in data_home.iterdir()] == [".html"]


def test_files_copied_in_a_file_manager_open_as_one(qtbot, window: MainWindow, tmp_path: Path) -> None:
    jan, feb = tmp_path / "jan.csv", tmp_path / "feb.csv"
    jan.write_text("date,title\n2021-01-03,Board meets\n", encoding="utf-8")
    feb.write_text("date,title\n2021-02-03,Deal closed\n", encoding="utf-8")
    _copy(text=f"{jan}\n{feb}", urls=[jan, feb])
    _paste_on_the_timeline(qtbot, window, "Deal closed")
    assert sorted(window.state.dataset.events["title"]) == ["Board meets", "Deal closed"]


def test_an_empty_clipboard_says_so_and_keeps_the_dataset(qtbot, window: MainWindow, data_home: Path) -> None:
    before = window.state.dataset
    _copy("  \n")
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.timeline.plot)
    QTest.keySequence(window.timeline.plot, QKeySequence(QKeySequence.StandardKey.Paste))
    qtbot.waitUntil(lambda: "clipboard holds no" in window.statusBar().currentMessage())
    assert window.state.dataset is before and not data_home.exists()


def test_ctrl_v_in_the_search_box_pastes_into_it(qtbot, window: MainWindow, data_home: Path) -> None:
    before = window.state.dataset
    _copy("Ghosn")
    search = window.tools.filter_bar.search
    window.activateWindow()
    search.setFocus()
    qtbot.waitUntil(search.hasFocus)
    QTest.keySequence(search, QKeySequence(QKeySequence.StandardKey.Paste))
    qtbot.waitUntil(lambda: search.text() == "Ghosn")
    qtbot.wait(50)
    assert window.state.dataset is before and not data_home.exists()


def _drop(window: MainWindow, data: QMimeData) -> bool:
    """Drag ``data`` from another application over the window and drop it; whether the window took the drag."""
    at = QPointF(400, 300)
    enter = QDragEnterEvent(at.toPoint(), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    window.dragEnterEvent(enter)  # (a drag from another application cannot be made offscreen: the handlers are called)
    if not enter.isAccepted():
        return False
    window.dropEvent(QDropEvent(at, Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                                Qt.KeyboardModifier.NoModifier))
    return True


def test_cells_dragged_from_a_spreadsheet_open_when_dropped(qtbot, window: MainWindow, data_home: Path) -> None:
    data = QMimeData()
    data.setText(CELLS)
    assert _drop(window, data)
    qtbot.waitUntil(lambda: "Ghosn released on bail" in list(window.state.dataset.events["title"]), timeout=30_000)
    assert [p.suffix for p in data_home.iterdir()] == [".tsv"]


def test_a_link_dragged_from_a_browser_is_not_fetched(qtbot, window: MainWindow, data_home: Path) -> None:
    before = window.state.dataset
    data = QMimeData()
    data.setUrls([QUrl("https://en.wikipedia.org/wiki/Renault%E2%80%93Nissan%E2%80%93Mitsubishi_Alliance")])
    data.setText(data.urls()[0].toString())
    assert _drop(window, data)
    qtbot.waitUntil(lambda: "never the web" in window.statusBar().currentMessage())
    assert window.state.dataset is before and not data_home.exists()
    QGuiApplication.clipboard().setMimeData(data)  # the same link copied and pasted
    window.opening.paste()
    assert "never the web" in window.statusBar().currentMessage() and not data_home.exists()


def test_cells_that_do_not_open_are_not_kept(qtbot, window: MainWindow, data_home: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """A header with no rows under it: said, and its kept copy removed (a failed paste left a file behind each time)."""
    from viewer.ui.shell import dialogs
    said: list[str] = []
    monkeypatch.setattr(dialogs, "error", lambda parent, title, message, details="": said.append(message))
    _copy("Date\tEvent\tWho\r\n")
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.timeline.plot)
    QTest.keySequence(window.timeline.plot, QKeySequence(QKeySequence.StandardKey.Paste))
    qtbot.waitUntil(lambda: bool(said), timeout=30_000)
    assert "no rows" in said[0]
    assert list(data_home.iterdir()) == []
    assert window.state.dataset.title.startswith("Renault")  # the dataset shown stays
