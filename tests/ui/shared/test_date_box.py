"""Date boxes take partial dates as typed and offer a calendar popup that picks a day."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QCalendarWidget
from pytestqt.qtbot import QtBot

from viewer.model.clock import parse_instant
from viewer.ui.shell.main_window import MainWindow


def test_the_compare_boxes_pick_a_day_on_a_calendar(qtbot: QtBot, window: MainWindow) -> None:
    window.relations.header.mode_buttons["diff"].click()
    box = window.relations.diff_view.before_edit
    calendar = box.property("calendar")
    assert isinstance(calendar, QCalendarWidget)
    box.actions()[-1].trigger()  # the calendar button inside the box
    calendar.clicked.emit(QDate(2019, 6, 1))
    assert box.text() == "2019-06-01"
    compared = window.state.view.compare
    assert isinstance(compared, tuple) and compared[0].date().isoformat() == "2019-06-01"


def test_the_filter_bar_date_range_takes_a_day_from_the_calendar(qtbot: QtBot, window: MainWindow) -> None:
    box = window.tools.filter_bar.start
    box.actions()[-1].trigger()
    box.property("calendar").clicked.emit(QDate(2020, 3, 15))
    assert box.text() == "2020-03-15" and window.state.filters.start == "2020-03-15"


def test_the_filter_bar_takes_dates_as_a_table_writes_them(qtbot: QtBot, window: MainWindow) -> None:
    """"44 BC", "AD 79" or "19/11/2018" typed into From were refused ("Not a date") where the file's own column held
    such dates; typed and confirmed with Return, each is the filter's start."""
    box = window.tools.filter_bar.start
    for typed, year in (("19 Nov 2018", 2018), ("44 BC", -43), ("AD 79", 79)):
        box.setFocus()
        box.selectAll()
        qtbot.keyClicks(box, typed)
        qtbot.keyClick(box, Qt.Key.Key_Return)
        assert box.property("invalid") is False, typed
        assert window.state.filters.start == typed
        assert parse_instant(typed).start.year == year
