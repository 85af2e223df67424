"""A layout that puts its widgets in rows, wrapping onto as many rows as its width asks (Qt's Flow Layout example,
with height for width), or onto at most ``max_rows``: the widgets that do not fit are then hidden, and a "more"
widget (its text the owner's) stands after the last one shown. A "lead" widget, when shown, comes first and is
never hidden for want of room (diff mode's colours before the relation kinds)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QMargins, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget, QWidgetItem


class FlowLayout(QLayout):
    """Widgets left to right, a new row where the next one does not fit; each row as tall as its tallest widget,
    which the others are centred on. Its minimum width is its widest widget's, never the sum of them.

    The widgets are only ever taken out with :meth:`remove` or ``takeAt`` from Python: QLayout's ``removeWidget``
    deletes the item in C++ while Python still holds it."""

    def __init__(self, parent: QWidget | None = None, spacing: tuple[int, int] = (4, 2), max_rows: int = 0) -> None:
        super().__init__(parent)
        self.setContentsMargins(QMargins(0, 0, 0, 0))
        self.across, self.down = spacing
        self.max_rows = max_rows  # 0: as many rows as the widgets need
        self.items: list[QLayoutItem] = []
        self.more: QWidgetItem | None = None
        self.lead: QWidgetItem | None = None
        self.overflowed: list[QWidget] = []  # hidden by this layout for want of room (shown again when it comes)
        self.on_overflow: Callable[[int], None] | None = None  # told how many widgets are shown, when that changes
        self.shown = -1

    # QLayout's interface ------------------------------------------------------------------------

    def addItem(self, item: QLayoutItem) -> None:
        """Add an item after the others (``addWidget`` comes here)."""
        self.items.append(item)

    def _all(self) -> list[QLayoutItem]:
        return [*self.items, *(item for item in (self.more, self.lead) if item is not None)]

    def count(self) -> int:
        """The items, then the "more" and the lead widgets that there are."""
        return len(self._all())

    def itemAt(self, index: int) -> QLayoutItem | None:
        """The item at ``index`` (the "more" and the lead widgets after the others), or None."""
        every = self._all()
        return every[index] if 0 <= index < len(every) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        """Remove and return the item at ``index`` (or None)."""
        every = self._all()
        if not 0 <= index < len(every):
            return None
        item = every[index]
        if index < len(self.items):
            self.items.pop(index)
            if (widget := item.widget()) is not None and widget in self.overflowed:
                self.overflowed.remove(widget)
        elif item is self.more:
            self.more = None
        else:
            self.lead = None
        return item

    def expandingDirections(self) -> Qt.Orientation:
        """Neither way: the rows take the width they are given, and the height that width asks."""
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        """Yes: the narrower, the more rows."""
        return True

    def heightForWidth(self, width: int) -> int:
        """The height of the rows at this width."""
        return self._arrange(QRect(0, 0, width, 0), place=False)

    def minimumSize(self) -> QSize:
        """The widest widget (the "more" one included) and the tallest: a row of one."""
        size = QSize(0, 0)
        for widget in [*self._lead(), *self._wanted(), *self._more()]:
            size = size.expandedTo(widget.minimumSizeHint()).expandedTo(widget.sizeHint())
        return size.grownBy(self.contentsMargins())

    def sizeHint(self) -> QSize:
        """As little as the minimum: the width is the parent's to give, and the height follows it."""
        return self.minimumSize()

    def setGeometry(self, rect: QRect) -> None:
        """Place the widgets in ``rect``, hiding those past ``max_rows`` rows."""
        super().setGeometry(rect)
        self._arrange(rect, place=True)

    # the widgets ---------------------------------------------------------------------------------

    def remove(self, widget: QWidget) -> None:
        """Take ``widget`` out of the rows."""
        for index, item in enumerate(self.items):
            if item.widget() is widget:
                self.takeAt(index)
                self.invalidate()
                return

    def set_more(self, widget: QWidget) -> None:
        """The widget that stands after the last one shown when some do not fit (hidden when all do)."""
        self.addChildWidget(widget)
        self.more = QWidgetItem(widget)
        widget.hide()
        self.invalidate()

    def set_lead(self, widget: QWidget) -> None:
        """The widget that comes first whenever it is shown (its owner shows and hides it), never folded away."""
        self.addChildWidget(widget)
        self.lead = QWidgetItem(widget)
        self.invalidate()

    def row_size(self) -> QSize:
        """The size of every widget in one row (a preferred size, for a parent that could give it)."""
        sizes = [_size(widget, 16_777_215) for widget in [*self._lead(), *self._wanted()]]
        width = sum(size.width() for size in sizes) + self.across * max(len(sizes) - 1, 0)
        return QSize(width, max((size.height() for size in sizes), default=0)).grownBy(self.contentsMargins())

    def _wanted(self) -> list[QWidget]:
        """The widgets to show where there is room: all but those their owner hid."""
        widgets = [item.widget() for item in self.items]
        return [w for w in widgets if w is not None and (w in self.overflowed or _shown(w))]

    def _lead(self) -> list[QWidget]:
        widget = self.lead.widget() if self.lead is not None else None
        return [widget] if widget is not None and _shown(widget) else []

    def _more(self) -> list[QWidget]:
        widget = self.more.widget() if self.more is not None else None
        return [widget] if widget is not None else []

    # arranging ----------------------------------------------------------------------------------

    def _rows(self, widths: list[int], width: int) -> list[list[int]]:
        """The widgets' indices by row, each row as full as ``width`` allows (a widget wider than it, alone)."""
        rows: list[list[int]] = []
        used = width + 1
        for index, wide in enumerate(widths):
            if rows and used + self.across + wide <= width:
                rows[-1].append(index)
                used += self.across + wide
            else:
                rows.append([index])
                used = wide
        return rows

    def _arrange(self, rect: QRect, place: bool) -> int:
        """Lay the widgets out in ``rect`` (or only measure, with ``place`` False): the height they take."""
        area = rect.marginsRemoved(self.contentsMargins())
        width = max(area.width(), 1)
        lead, wanted = self._lead(), self._wanted()
        widgets = lead + wanted
        sizes = [_size(widget, width) for widget in widgets]
        rows = self._rows([size.width() for size in sizes], width)
        more = self._more()
        more_size = _size(more[0], width) if more else QSize()
        cut = bool(more) and self.max_rows > 0 and len(rows) > self.max_rows
        if cut:
            rows = rows[:self.max_rows]
            last = rows[-1]
            keep = len(lead) if len(rows) == 1 else 0
            while len(last) > keep and sum(sizes[i].width() + self.across for i in last) + more_size.width() > width:
                last.pop()  # room for the "more" widget at the end of the last row
        y = area.top()
        for number, row in enumerate(rows):
            closing = cut and number == len(rows) - 1
            tall = max([sizes[i].height() for i in row] + ([more_size.height()] if closing else []), default=0)
            if place:
                x = area.left()
                for i in row:
                    widgets[i].setGeometry(QRect(x, y + (tall - sizes[i].height()) // 2, sizes[i].width(),
                                                 sizes[i].height()))
                    x += sizes[i].width() + self.across
                if closing:
                    more[0].setGeometry(QRect(x, y + (tall - more_size.height()) // 2, more_size.width(),
                                              more_size.height()))
            y += tall + self.down
        if place:
            self._show(wanted, sum(len(row) for row in rows) - len(lead), more, cut)
        margins = self.contentsMargins()
        return max(y - self.down - area.top(), 0) + margins.top() + margins.bottom()

    def _show(self, widgets: list[QWidget], shown: int, more: list[QWidget], cut: bool) -> None:
        """Show the first ``shown`` widgets, hide the rest (and show the "more" widget when some are hidden)."""
        folded, self.overflowed = self.overflowed, widgets[shown:]
        for widget in widgets[:shown]:
            if widget.isHidden():
                widget.show()
        for widget in self.overflowed:
            if _shown(widget):  # (one added but not shown yet, too: its parent's show would show it)
                widget.hide()
        if more and more[0].isHidden() == cut:
            more[0].setVisible(cut)
        if shown != self.shown or folded != self.overflowed:  # (another dataset's kinds, as many shown)
            self.shown = shown
            if self.on_overflow is not None:
                self.on_overflow(shown)


def _shown(widget: QWidget) -> bool:
    """Not hidden by its owner: a child not shown yet is hidden too, but not by ``hide()``."""
    return not widget.isHidden() or not widget.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide)


def _size(widget: QWidget, width: int) -> QSize:
    """A widget's size in a row ``width`` wide: its size hint, narrowed to the row (and then as tall as it asks)."""
    hint = widget.sizeHint().expandedTo(widget.minimumSize()).boundedTo(widget.maximumSize())
    if hint.width() <= width:
        return hint
    return QSize(width, widget.heightForWidth(width) if widget.hasHeightForWidth() else hint.height())
