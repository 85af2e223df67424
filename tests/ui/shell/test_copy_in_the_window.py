"""Ctrl+C copies what the user picked: an event with its source's address, a tie, or a table's rows; with nothing
picked the status bar says what to do. Until now Ctrl+C did nothing outside the Problems dock."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

pytest.importorskip("pytestqt")

from viewer.ui.shell.copying import NOTHING, text_with_links
from viewer.ui.shell.main_window import MainWindow

from ..window_reading import menu_named


def _copy_on(qtbot, window: MainWindow, widget) -> str:
    window.activateWindow()
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)
    QGuiApplication.clipboard().clear()
    QTest.keySequence(widget, QKeySequence(QKeySequence.StandardKey.Copy))
    return QGuiApplication.clipboard().text()


def test_an_event_walked_to_is_copied_with_its_date_and_its_sources_address(qtbot, window: MainWindow) -> None:
    plot = window.timeline.plot
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is plot)
    QTest.keyClick(plot, Qt.Key.Key_End)
    qtbot.waitUntil(lambda: bool(window.state.selection.events))
    (event_id,) = window.state.selection.events
    row = window.state.dataset.events.set_index("id").loc[event_id]
    text = _copy_on(qtbot, window, plot)
    assert text.splitlines()[0] == row["title"]
    assert str(row["source_url"]) in text  # the link's address written out, not only its words
    rich = QGuiApplication.clipboard().mimeData().html()
    assert f'href="{row["source_url"]}"' in rich or f"href='{row['source_url']}'" in rich
    assert "with its sources" in window.statusBar().currentMessage()


def test_a_table_row_is_copied_under_its_column_names(qtbot, window: MainWindow) -> None:
    view = window.relation_tools.table.view
    rect = view.visualRect(view.model().index(0, 0))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
    lines = _copy_on(qtbot, window, view).splitlines()
    assert lines[0].split("\t")[:4] == ["Source", "Target", "Kind", "Value"]
    assert len(lines) == 2
    first = [str(view.model().index(0, c).data()) for c in range(4)]
    assert lines[1].split("\t")[:4] == first


def test_with_nothing_picked_the_status_bar_says_what_to_do(qtbot, window: MainWindow) -> None:
    assert _copy_on(qtbot, window, window.timeline.plot) == ""
    assert window.statusBar().currentMessage() == NOTHING


def test_copy_is_in_the_edit_menu_beside_paste(qtbot, window: MainWindow) -> None:
    texts = [a.text() for a in menu_named(window, "&Edit").actions() if not a.isSeparator()]
    assert texts == ["&Copy", "Copy &image of the window", "&Paste as dataset"]
    window.state.select_event(window.state.dataset.events["id"].iloc[0])
    next(a for a in menu_named(window, "&Edit").actions() if a.text() == "&Copy").trigger()
    assert window.state.dataset.events["title"].iloc[0] in QGuiApplication.clipboard().text()


def test_a_search_box_with_a_selection_copies_its_own_text(qtbot, window: MainWindow) -> None:
    search = window.tools.filter_bar.search
    search.setText("Ghosn arrest")
    window.activateWindow()
    search.setFocus()
    qtbot.waitUntil(search.hasFocus)
    search.selectAll()
    QTest.keySequence(search, QKeySequence(QKeySequence.StandardKey.Copy))
    assert QGuiApplication.clipboard().text() == "Ghosn arrest"


def test_links_are_spelled_out_once() -> None:
    shown = ("<p><b>Source:</b> <a href='https://example.org/a?b=1&amp;c=2'>Reuters</a> and "
             "<a href=\"https://x.org/\">https://x.org/</a></p>")
    assert text_with_links(shown) == "Source: Reuters <https://example.org/a?b=1&c=2> and https://x.org/\n"


def test_ctrl_shift_c_copies_a_picture_of_the_window(qtbot, window: MainWindow) -> None:
    QGuiApplication.clipboard().clear()
    window.activateWindow()
    QTest.keySequence(window.timeline.plot, QKeySequence("Ctrl+Shift+C"))
    image = QGuiApplication.clipboard().image()
    ratio = window.devicePixelRatioF()
    assert (image.width(), image.height()) == (round(window.width() * ratio), round(window.height() * ratio))
    assert len({image.pixel(x, image.height() // 3) for x in range(0, image.width(), 7)}) > 10  # drawn, not blank
    assert "Copied an image" in window.statusBar().currentMessage()


def test_pasting_back_what_was_copied_says_where_it_goes(qtbot, window: MainWindow) -> None:
    window.state.select_event(window.state.dataset.events["id"].iloc[0])
    before = window.state.dataset
    plot = window.timeline.plot
    assert _copy_on(qtbot, window, plot)
    QTest.keySequence(plot, QKeySequence(QKeySequence.StandardKey.Paste))
    assert "holds what Entente copied" in window.statusBar().currentMessage()
    assert not window.loader.busy and window.state.dataset is before
