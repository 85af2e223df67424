"""Diff mode's controls and list: two dates to compare, and every change between them with its cause.

The relationship panel draws the union graph; this widget owns the two dates (by default the
timeline window's start and end, following the window until the user types a date) and lists the
changes. Clicking a change selects its relation; clicking its event selects the event.
"""

from __future__ import annotations

import pandas as pd
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QIcon
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from viewer.model.clock import CALENDAR, iso_instant, numeric, parse_instant, snap
from viewer.model.columns import entity_names
from viewer.model.graph import short_name
from viewer.model.graph_diff import DiffGraph
from viewer.ui.relations.legend import swatch
from viewer.ui.shared.date_box import add_calendar, set_clock
from viewer.ui.shared.link_cell import style_link
from viewer.ui.shared.state import Selection, ViewState
from viewer.ui.shared.theme import Theme, current

RELATION, VALUE, EVENT = range(3)
ID_ROLE = Qt.ItemDataRole.UserRole
CHANGE_ROLE = Qt.ItemDataRole.UserRole + 1


def _change_icon(change: str, theme: Theme) -> QIcon:
    """A short line in the change's colour (dashed when removed, plain grey when renewed)."""
    style = Qt.PenStyle.DashLine if change == "removed" else Qt.PenStyle.SolidLine
    return QIcon(swatch(theme.changes.get(change, theme.axis_text), style, 3.0))


def _titles(events: pd.DataFrame, named: pd.Series) -> dict[str, str]:
    """The titles of the events the changes name (``;``-separated ids), by id: only those (a million events' titles
    put in a dict for every comparison)."""
    wanted = {e for ids in named.astype(str).tolist() for e in ids.split(";") if e}
    if not wanted or events.empty:
        return {}
    found = events[events["id"].isin(wanted)]
    return dict(zip(found["id"].astype(str).tolist(), found["title"].astype(str).tolist(), strict=True))


def _items(tree: QTreeWidget) -> list[QTreeWidgetItem]:
    """The top-level items of a tree, in order."""
    return [item for i in range(tree.topLevelItemCount()) if (item := tree.topLevelItem(i)) is not None]


def _day(stamp: pd.Timestamp, on: str = CALENDAR) -> str:
    """A compared date as people think of it: the day ("2019-06-01"), never a raw instant; or a number."""
    return iso_instant(stamp, "day", on)


class DiffView(QWidget):
    """Two editable dates, shortcuts to pick them, and the list of changes between them."""


    def __init__(self, state: ViewState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.theme = current()
        self._stale = False  # the window or cursor moved while hidden: the boxes show old dates
        self.before_edit, self.after_edit = QLineEdit(self), QLineEdit(self)
        for edit, tip in ((self.before_edit, "From"), (self.after_edit, "To")):
            edit.setPlaceholderText("2019, 2019-12 or 2019-12-29")
            edit.setToolTip(f"{tip}: a year, a month or a day")
            edit.setAccessibleName(f"{tip} date")
            edit.editingFinished.connect(self._on_edited)
            edit.setFixedWidth(edit.fontMetrics().horizontalAdvance("2019-12-29") + 40)
            add_calendar(edit)
        self.window_button = QToolButton(self)
        self.window_button.setText("Window")
        self.window_button.setToolTip("Compare the timeline window's start with its end")
        self.window_button.clicked.connect(self.use_window)
        self.cursor_button = QToolButton(self)
        self.cursor_button.setText("Cursor vs. window start")
        self.cursor_button.setToolTip("Compare the timeline window's start with the time cursor")
        self.cursor_button.clicked.connect(self.use_cursor)
        self.summary = QLabel(self)
        self.changes = QTreeWidget(self)
        self.changes.setHeaderLabels(["Relation", "Value", "Because of"])
        self.changes.setRootIsDecorated(False)
        self.changes.setUniformRowHeights(True)
        self.changes.setWordWrap(False)
        self.changes.setMouseTracking(True)
        header = self.changes.header()
        # names and event titles share what the values leave, elided; tooltips hold them whole
        header.setSectionResizeMode(RELATION, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(VALUE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(EVENT, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.changes.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.changes.itemClicked.connect(self._on_item_clicked)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        for widget in (QLabel("From"), self.before_edit, QLabel("to"), self.after_edit, self.window_button,
                       self.cursor_button):
            row.addWidget(widget)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.changes, 1)
        state.changed.connect(self._on_changed)
        state.selection_changed.connect(self._on_selection)
        self._show_dates()
        self.set_theme(self.theme)

    def set_theme(self, theme: Theme) -> None:
        """Re-colour the summary, a flagged date and the listed changes (icons and event links)."""
        self.theme = theme
        self.summary.setStyleSheet(f"color: {theme.axis_text};")
        for edit in (self.before_edit, self.after_edit):
            self._flag(edit, bool(edit.property("invalid")))
        for item in _items(self.changes):
            item.setIcon(RELATION, _change_icon(str(item.data(RELATION, CHANGE_ROLE)), theme))
            if item.data(EVENT, ID_ROLE):
                item.setForeground(EVENT, QBrush(QColor(theme.link)))

    def _flag(self, edit: QLineEdit, bad: bool) -> None:
        """Frame a date that cannot be read in the theme's error colour."""
        sheet = f"QLineEdit {{ border: 1px solid {self.theme.error}; }}" if bad else ""
        edit.setProperty("invalid", bad)
        if edit.styleSheet() != sheet:  # a style sheet set again, even the same, re-polishes the box
            edit.setStyleSheet(sheet)

    # the two dates ------------------------------------------------------------------------------

    def dates(self) -> tuple[pd.Timestamp, pd.Timestamp]:
        """The two dates compared (before, after): the chosen ones, else the window's first day and the
        cursor when it is in view (what changed up to the moment looked at), else the window's end."""
        chosen = self.state.view.compare
        if chosen is not None:
            return chosen
        window, cursor = self.state.window, self.state.cursor
        start = self._window_start()
        return (start, cursor) if window.start_time <= cursor <= window.end_time else (start, window.end_time)

    def _window_start(self) -> pd.Timestamp:
        """The window's first day, or its start to the grain of its span when the times are numbers."""
        window = self.state.window
        if numeric(self.state.dataset.meta.clock):
            return snap(window.start, window.span)
        return window.start_time.floor("D")

    def set_dates(self, before: object, after: object) -> None:
        """Compare two dates (anything :func:`parse_date` reads, or numbers); the window is no longer followed."""
        on = self.state.dataset.meta.clock
        self._choose(parse_instant(before, on).start, parse_instant(after, on).start)

    def use_window(self) -> None:
        """Compare the window's start with its end, and follow the window from now on."""
        self.state.set_view(compare=None)

    def use_cursor(self) -> None:
        """Compare the window's start with the cursor."""
        self._choose(self._window_start(), self.state.cursor)

    def _choose(self, before: pd.Timestamp, after: pd.Timestamp) -> None:
        self.state.set_view(compare=(before, after) if before <= after else (after, before))

    def _on_changed(self, fields: frozenset[str]) -> None:
        if fields & {"view", "dataset"} or (fields & {"window", "cursor"} and not self.isHidden()):
            self._show_dates()
        elif fields & {"window", "cursor"}:  # not comparing: a pan or a cursor step writes no hidden dates
            self._stale = True

    def setVisible(self, visible: bool) -> None:
        """Show or hide; shown again, the boxes catch up with what changed meanwhile."""
        super().setVisible(visible)
        if visible and self._stale:
            self._show_dates()

    def _show_dates(self) -> None:
        self._stale = False
        on = self.state.dataset.meta.clock
        for edit, stamp in zip((self.before_edit, self.after_edit), self.dates(), strict=True):
            set_clock(edit, on, "2019, 2019-12 or 2019-12-29")
            edit.setText(_day(stamp, on))
            self._flag(edit, False)

    def _on_edited(self) -> None:
        parsed = []
        for edit in (self.before_edit, self.after_edit):
            try:
                parsed.append(parse_instant(edit.text().strip(), self.state.dataset.meta.clock).start)
                self._flag(edit, False)
            except ValueError:
                self._flag(edit, True)
                return
        if (parsed[0], parsed[1]) != self.dates():
            self._choose(parsed[0], parsed[1])

    # the list -----------------------------------------------------------------------------------

    def show_diff(self, diff: DiffGraph) -> None:
        """List the changes of ``diff`` (the panel computes it with its own options)."""
        ds = self.state.dataset
        rows = diff.listed()
        counts = rows["change"].value_counts()
        self.summary.setText(" · ".join(f"{int(counts[c])} {c}" for c in ("changed", "added", "removed", "renewed")
                                        if c in counts) or "No change between these dates")
        titles = _titles(ds.events, rows["events"])
        names = entity_names(ds.entities)
        icons = {change: _change_icon(change, self.theme) for change in rows["change"].astype(str).unique()}
        items = []  # (each built once: 9,000 changes, each with its own name look-ups and icon, took 8 s)
        for source, target, change, label, kind, edge, events in zip(
                *(rows[c].astype(str).tolist() for c in ("source", "target", "change", "label", "kind", "edge",
                                                          "events")), strict=True):
            source_name, target_name = names.get(source, source), names.get(target, target)
            event = next((e for e in events.split(";") if e in titles), "")
            item = QTreeWidgetItem([f"{short_name(source_name)} → {short_name(target_name)}", label,
                                    titles.get(event, "")])
            item.setData(RELATION, ID_ROLE, edge)
            item.setData(RELATION, CHANGE_ROLE, change)
            item.setData(EVENT, ID_ROLE, event)
            item.setToolTip(RELATION, f"{change}: {source_name} → {target_name} ({kind.replace('_', ' ')})")
            item.setIcon(RELATION, icons[change])
            if event:
                style_link(item, EVENT, self.theme.link, f"Select the event: {titles[event]}")
            items.append(item)
        self.changes.clear()
        self.changes.addTopLevelItems(items)
        self._on_selection(self.state.selection)

    def rows(self) -> list[tuple[str, str, str, str]]:
        """What the list shows: (change, relation, value, event title) per row, for tests."""
        items = _items(self.changes)
        return [(str(i.data(RELATION, CHANGE_ROLE)), i.text(RELATION), i.text(VALUE), i.text(EVENT)) for i in items]

    def _on_item_clicked(self, item: QTreeWidgetItem, column: int) -> None:
        event = str(item.data(EVENT, ID_ROLE) or "")
        if column == EVENT and event:
            self.state.select_event(event)
        else:
            self.state.select(Selection(relations=frozenset({str(item.data(RELATION, ID_ROLE))})))

    def _on_selection(self, selection: Selection) -> None:
        self.changes.blockSignals(True)
        for item in _items(self.changes):
            item.setSelected(str(item.data(RELATION, ID_ROLE)) in selection.relations)
        self.changes.blockSignals(False)
