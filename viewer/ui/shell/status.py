"""The status bar: counts and the as-of date on the right; a busy bar and Cancel while a file opens."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSizeGrip,
    QStatusBar,
    QStyle,
    QStyleOption,
    QWidget,
)

from viewer.model.clock import format_instant
from viewer.model.wording import counted, problems_and_notes
from viewer.ui.shared.state import ViewState
from viewer.ui.shared.steady_label import SteadyLabel
from viewer.ui.shell.loading import Loader

GAP = "M"  # between a message and the widgets on its right, as wide as this text
MESSAGE_ALIGN = Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextSingleLine


class StatusBar(QStatusBar):
    """Qt's status bar, whose message, when longer than its room, ends in an ellipsis a letter's width short of the
    widgets on its right: Qt cut it mid-letter two pixels from them ("…is read-o69 events" in a narrow window)."""

    def paintEvent(self, event: QPaintEvent) -> None:
        """Qt's drawing (the panel, a frame around each widget shown), the message elided to its room."""
        message = self.currentMessage()
        if not message:
            super().paintEvent(event)
            return
        painter, style = QPainter(self), self.style()
        option = QStyleOption()
        option.initFrom(self)
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelStatusBar, option, painter, self)
        shown = [w for w in self.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
                 if w.isVisible() and not isinstance(w, QSizeGrip)]  # (Qt hides the others under a message)
        for widget in shown:
            frame = QStyleOption()
            frame.rect, frame.palette = widget.geometry().adjusted(-2, -1, 2, 1), self.palette()
            style.drawPrimitive(QStyle.PrimitiveElement.PE_FrameStatusBarItem, frame, painter, widget)
        room = self.message_room(shown)
        painter.setPen(self.palette().windowText().color())
        painter.drawText(room, MESSAGE_ALIGN, self.fontMetrics().elidedText(message, Qt.TextElideMode.ElideRight,
                                                                            room.width()))

    def message_room(self, shown: list[QWidget]) -> QRect:
        """Where a message is drawn: from Qt's margins to a gap before the widgets shown (after them, right to
        left)."""
        gap = self.fontMetrics().horizontalAdvance(GAP)
        left, right = 6, self.width() - 12
        for widget in shown:
            if self.isRightToLeft():
                left = max(left, widget.geometry().right() + 1 + gap)
            else:
                right = min(right, widget.x() - gap)
        return QRect(left, 0, max(0, right - left), self.height())


class StatusLine:
    """What the window says about the open dataset and a load under way."""

    def __init__(self, window: QMainWindow, state: ViewState, loader: Loader) -> None:
        self.window, self.state = window, state
        window.setStatusBar(StatusBar(window))
        self.text = SteadyLabel(window)
        self.progress = QProgressBar(window)
        self.progress.setRange(0, 0)  # parsing reports no steps: an honest busy indicator
        self.progress.setMaximumWidth(160)
        self.cancel_button = QPushButton("Cancel", window)
        self.cancel_button.clicked.connect(loader.cancel)
        # beside the counts, as Qt's permanent widgets: its normal ones are hidden while a message shows, and
        # "Opening …" is one (the busy bar and Cancel never showed)
        for widget in (self.progress, self.cancel_button):
            widget.hide()
            window.statusBar().addPermanentWidget(widget)
        window.statusBar().addPermanentWidget(self.text)
        state.changed.connect(lambda fields: self.update() if fields & {"dataset", "cursor"} else None)
        self.update()

    def update(self) -> None:
        """Counts, problems and the as-of date."""
        ds = self.state.dataset
        levels = [p.level for p in ds.problems]
        problems = f" · {problems_and_notes(levels, 'loading problem', 'loading note')}" if levels else ""
        as_of = format_instant(self.state.cursor, "day", ds.meta.clock)
        queried = " (queried in place)" if ds.source is not None else ""
        self.text.setText(f"{counted(ds.event_count, 'event')}{queried} · "
                          f"{counted(len(ds.entities), 'entity', 'entities')} · "
                          f"{counted(len(ds.relations), 'relation')}{problems} · as of {as_of}")

    def busy(self, on: bool, what: str = "") -> None:
        """Show (or hide) the busy bar and Cancel."""
        self.progress.setVisible(on)
        self.cancel_button.setVisible(on)
        if on:
            self.window.statusBar().showMessage(f"Opening {what}…")
        else:
            self.window.statusBar().clearMessage()
