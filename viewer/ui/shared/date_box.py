"""A calendar popup for a date entry box: the box takes partial dates as typed ("2019", "2019-12"), and a
calendar button inside it picks a day."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QMenu, QStyle, QWidgetAction

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
    return action
