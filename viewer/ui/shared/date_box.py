"""A calendar popup for a date entry box: the box takes partial dates as typed ("2019", "2019-12"), and a
calendar button inside it picks a day. On a dataset whose times are numbers the box takes numbers and the
calendar button is hidden (:func:`set_clock`)."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QMenu, QStyle, QWidgetAction

from viewer.model import clock
from viewer.model.dates import parse_date


def add_calendar(edit: QLineEdit) -> QAction:
    """Put a calendar button inside ``edit``: the chosen day is written ISO (``2019-06-01``) and committed."""
    icon = edit.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView)
    action = edit.addAction(icon, QLineEdit.ActionPosition.TrailingPosition)
    action.setToolTip("Pick a day on a calendar")
    menu = QMenu(edit)
    calendar = QCalendarWidget(menu)
    calendar.setGridVisible(True)
    holder = QWidgetAction(menu)
    holder.setDefaultWidget(calendar)
    menu.addAction(holder)

    def show() -> None:
        try:
            start = parse_date(edit.text().strip()).start
            calendar.setSelectedDate(QDate(start.year, start.month, start.day))
        except (ValueError, AttributeError):
            pass  # nothing readable typed: the calendar opens on its own date
        menu.popup(edit.mapToGlobal(edit.rect().bottomLeft()))

    def pick(day: QDate) -> None:
        menu.hide()
        edit.setText(day.toString("yyyy-MM-dd"))
        edit.editingFinished.emit()

    action.triggered.connect(show)
    calendar.clicked.connect(pick)
    edit.setProperty("calendar", calendar)  # tests reach it through the box
    edit.setProperty("calendar_action", action)
    return action


def set_clock(edit: QLineEdit, name: str, date_hint: str) -> None:
    """Let the box take dates (with its calendar button, ``date_hint`` as placeholder) or numbers (no calendar)."""
    numeric = clock.numeric(name)
    action = edit.property("calendar_action")
    if isinstance(action, QAction):
        action.setVisible(not numeric)
    edit.setPlaceholderText(clock.HINTS.get(name, date_hint))
