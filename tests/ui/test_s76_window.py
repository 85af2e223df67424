"""What a user met in the window, from a fresh one: the column-mapping dialog's problems cut at its right edge (and
a column named by 300 letters made it wider than the screen), a saved cursor and view far outside the data restored
as they were (an empty view, the cursor nowhere near an event), and View's Zoom in pivoting on the middle where the
timeline's + pivots on the cursor."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from PySide6.QtCore import QLocale, QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QStyle
from pytestqt.qtbot import QtBot

from viewer.model import navigation
from viewer.model.dataset import Dataset
from viewer.model.dates import to_seconds
from viewer.ui.shared.state import ViewState
from viewer.ui.shell.main_window import MainWindow
from viewer.ui.shell.mapping_dialog import MappingDialog
from viewer.ui.shell.settings import Settings

from .window_reading import menu_named, open_by_hand, press

SCREEN = (1280, 720)
LONG = "X" * 300  # a column named by 300 letters, no space among them


def _seconds(text: str) -> float:
    return float(pd.Timestamp(text, tz="UTC").timestamp())


def _unread_lines(dialog: MappingDialog) -> list[str]:
    """The problem lines the list does not show whole: wider than the list, or taller wrapped than their row."""
    listed, viewport = dialog.problems, dialog.problems.viewport()
    margin = 2 * (listed.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, listed) + 1)
    metrics = QFontMetrics(listed.font())
    cut = []
    for i in range(listed.count()):
        item = listed.item(i)
        row = listed.visualItemRect(item)
        shown = listed.itemDelegate().displayText(item.text(), QLocale())  # type: ignore[attr-defined]
        needs = metrics.boundingRect(QRect(0, 0, row.width() - margin, 10**6), Qt.TextFlag.TextWordWrap, shown)
        if row.width() > viewport.width() or needs.height() > row.height():
            cut.append(item.text()[:60])
    return cut


def test_the_mapping_dialogs_problems_are_read_whole_and_it_stays_on_the_screen(
        qtbot: QtBot, make_window: Callable[..., MainWindow], state: ViewState, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A table whose date column is named by 300 letters and one of whose dates does not read, Title chosen on the
    same column by keyboard: every warning and error is wrapped to the list's width (they ran past its right edge,
    behind a scroll bar), and the dialog stays narrower than a 1280 px screen (it was 3,500 px wide)."""
    window = make_window(state, SCREEN)
    seen: dict[str, object] = {}
    window.activateWindow()  # (Ctrl+O reaches the active window only)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)

    def answer(dialog: MappingDialog) -> QDialog.DialogCode:
        dialog.show()
        dialog.activateWindow()  # (as exec makes it: the keys go to its combos, not to the window's shortcuts)
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
        title = dialog.combos["title"]
        title.setFocus()
        QTest.keyClick(title, Qt.Key.Key_Home)  # (none)
        QTest.keyClick(title, Qt.Key.Key_Down)  # the first column: the dates' own
        dialog.combos["start"].setFocus()
        QTest.keyClick(dialog.combos["start"], Qt.Key.Key_Home)
        QTest.keyClick(dialog.combos["start"], Qt.Key.Key_Down)
        QApplication.processEvents()
        seen["said"] = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
        seen["cut"], seen["width"] = _unread_lines(dialog), dialog.frameGeometry().width()
        seen["sideways"] = dialog.problems.horizontalScrollBar().maximum()
        seen["offer"] = dialog.graph.text()
        qtbot.mouseClick(dialog.graph, Qt.MouseButton.LeftButton)  # events only, no ties
        dialog.hide()
        return QDialog.DialogCode.Accepted

    text = (f"{LONG};Title;Acquired institution {LONG};Acquiring institution\n03/04/2021;Board;Acme Holdings;Acme Ltd\n"
            "not a date at all;Deal;Big Trust;Small Co\n05/06/2021;Deal;Big Trust;Small Co\n")
    assert len(open_by_hand(qtbot, window, monkeypatch, tmp_path / "holdings.csv", answer, text)) == 1
    said = seen["said"]
    assert isinstance(said, list) and any("expected a date" in s for s in said) and any("is chosen for" in s
                                                                                        for s in said)
    assert seen["cut"] == [] and seen["sideways"] == 0
    assert isinstance(seen["width"], int) and seen["width"] <= SCREEN[0]
    assert str(seen["offer"]).startswith("Make entities and relations: Title → Acquired institution XXX")
    assert list(window.state.dataset.events["title"]) == ["03/04/2021", "05/06/2021"]


@pytest.mark.parametrize(("start", "end", "cursor"), [("1700-01-01", "1701-01-01", "1700-06-01"),
                                                      ("2400-01-01", "2401-01-01", "2400-06-01")],
                         ids=["1700", "2400"])
def test_a_saved_view_far_outside_the_data_opens_on_the_datasets_own(
        qtbot: QtBot, make_window: Callable[..., MainWindow], alliance: Dataset, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, start: str, end: str, cursor: str) -> None:
    """The settings say 1700 (or 2400) for the bundled 1999–2025 dataset and for a table of 2019: the window opened on
    the empty margin before the data, the cursor at 1700 (the graph as of then: nothing). Now the dataset's default
    window, the cursor in it, at start and on opening the table by hand."""
    settings = Settings(tmp_path / "config" / "entente.ini")
    table = tmp_path / "board.csv"
    table.write_text("date,title,actors\n2019-01-05,Board meets,renault\n2019-02-05,Deal signed,nissan\n",
                     encoding="utf-8")
    saved = {"window": [_seconds(start), _seconds(end)], "cursor": cursor}
    settings.save_view_state(alliance.meta.key, saved)
    settings.save_view_state(str(table), saved)
    settings.sync()
    window = make_window(ViewState(alliance), SCREEN, settings=settings)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    for dataset in (alliance, None):
        if dataset is None:
            open_by_hand(qtbot, window, monkeypatch, table)
        shown, at = window.state.window, float(to_seconds(window.state.cursor))
        assert shown == navigation.default_window(window.state.dataset)
        assert shown.contains(at) and navigation.fit_all(window.state.dataset).contains(at)
    assert window.state.dataset.event_count == 2


def test_a_saved_view_that_meets_the_data_is_kept(make_window: Callable[..., MainWindow], alliance: Dataset,
                                                 tmp_path: Path) -> None:
    settings = Settings(tmp_path / "config" / "entente.ini")
    settings.save_view_state(alliance.meta.key, {"window": [_seconds("2019-01-01"), _seconds("2021-01-01")],
                                                 "cursor": "2020-06-01"})
    settings.sync()
    window = make_window(ViewState(alliance), SCREEN, settings=settings)
    assert (window.state.window.start, window.state.window.end) == (_seconds("2019-01-01"), _seconds("2021-01-01"))
    assert window.state.cursor == pd.Timestamp("2020-06-01", tz="UTC")


def _cursor_share(window: MainWindow) -> float:
    """Where the cursor stands across the timeline's window (0 its start, 1 its end)."""
    shown = window.state.window
    return (float(to_seconds(window.state.cursor)) - shown.start) / shown.span


def test_views_zoom_pivots_on_the_cursor_as_the_keys_do(qtbot: QtBot, window: MainWindow) -> None:
    """View → Zoom in and Zoom out kept the window's middle where + and - keep the cursor in place: the event
    looked at slid away under the menu's zoom. Now both zoom the same way, by the same factors."""
    for key in (Qt.Key.Key_Home, Qt.Key.Key_Right, Qt.Key.Key_Right):  # the cursor on the third event, in view
        press(qtbot, window, key)
    share, span = _cursor_share(window), window.state.window.span
    assert 0.0 < share < 1.0 and abs(share - 0.5) > 0.1  # (in view, off the middle: a zoom around the middle moves it)
    view = menu_named(window, "&View")
    zoom_in, zoom_out = (next(a for a in view.actions() if a.text() == text) for text in ("Zoom &in", "Zoom &out"))
    zoom_in.trigger()
    by_menu = window.state.window
    assert by_menu.span == pytest.approx(span * 0.8) and _cursor_share(window) == pytest.approx(share)
    zoom_out.trigger()
    assert window.state.window.span == pytest.approx(span) and _cursor_share(window) == pytest.approx(share)
    press(qtbot, window, Qt.Key.Key_Plus)
    assert (window.state.window.start, window.state.window.end) == pytest.approx((by_menu.start, by_menu.end))
