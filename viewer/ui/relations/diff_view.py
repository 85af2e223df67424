"""Diff mode's controls and list: two dates to compare, and every change between them with its cause.

The relationship panel draws the union graph; this widget owns the two dates and lists the changes. The dates
follow the view until the user types one: by default the window's first day and the cursor ("Cursor vs. window
start"), or with "Window" the window's first day and its end. A date typed stays in its box: a From later than its
To is compared the other way round (earlier → later), and the summary says so. Clicking a change selects its
relation; clicking its event selects the event.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QVBoxLayout, QWidget

from viewer.model.clock import CALENDAR, format_instant, iso_instant, numeric, parse_instant, snap
from viewer.model.columns import entity_names
from viewer.model.graph_diff import DiffGraph
from viewer.ui.relations.change_list import (
    CHANGE_ROLE,
    EVENT,
    ID_ROLE,
    RELATION,
    VALUE,
    ChangesModel,
    changes_view,
    fit_values,
)
from viewer.ui.shared.date_box import add_calendar, set_clock
from viewer.ui.shared.state import Selection, ViewState
from viewer.ui.shared.theme import Theme, current

__all__ = ["CHANGE_ROLE", "EVENT", "ID_ROLE", "RELATION", "VALUE", "DiffView"]
FOLLOW_WINDOW = "window"  # the compare choice that follows the window's start and end
Pair = tuple[pd.Timestamp, pd.Timestamp]


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
        self._typed: Pair | None = None  # the dates as typed, From then To (perhaps the later first)
        self._shown: Pair | None = None  # the dates the boxes show, From then To
        self.before_edit, self.after_edit = QLineEdit(self), QLineEdit(self)
        for edit, tip in ((self.before_edit, "From"), (self.after_edit, "To")):
            edit.setPlaceholderText("2019, 2019-12 or 2019-12-29")
            edit.setToolTip(f"{tip}: a year, a month or a day")
            edit.setAccessibleName(f"{tip} date")
            edit.editingFinished.connect(self._on_edited)
            edit.setFixedWidth(edit.fontMetrics().horizontalAdvance("2019-12-29") + 40)
            add_calendar(edit)
        self.window_button = self._preset("Window", "Compare the timeline window's first day with its end, following "
                                          "the window as it moves", self.use_window)
        self.cursor_button = self._preset("Cursor vs. window start", "Compare the timeline window's first day with "
                                          "the time cursor, following both as they move (with the cursor out of "
                                          "the window, its end)", self.use_cursor)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)  # (it may quote what was typed: "<b>2019" is no HTML)
        self.model = ChangesModel(self)
        self.changes = changes_view(self.model, self)
        self.changes.clicked.connect(self._on_clicked)
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

    def _preset(self, text: str, tip: str, use: Callable[[], None]) -> QToolButton:
        """A button that makes the dates follow the view one way; it shows pressed while they do."""
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setCheckable(True)
        button.clicked.connect(use)
        return button

    def set_theme(self, theme: Theme) -> None:
        """Re-colour the summary, a flagged date and the listed changes (icons and event links)."""
        self.theme = theme
        self.summary.setStyleSheet(f"color: {theme.axis_text};")
        accent = QColor(theme.accent)
        tint = f"rgba({accent.red()}, {accent.green()}, {accent.blue()}, 60)"
        style = (f"QToolButton {{ padding: 1px 6px; border: 1px solid {theme.grid}; border-radius: 3px; }}"
                 f"QToolButton:checked {{ background: {tint}; border-color: {theme.accent}; }}")
        for button in (self.window_button, self.cursor_button):  # the preset followed reads as on, in either theme
            button.setStyleSheet(style)
        for edit in (self.before_edit, self.after_edit):
            self._flag(edit, bool(edit.property("invalid")))
        self.model.set_theme(theme)

    def _flag(self, edit: QLineEdit, bad: bool) -> None:
        """Frame a date that cannot be read in the theme's error colour."""
        sheet = f"QLineEdit {{ border: 1px solid {self.theme.error}; }}" if bad else ""
        edit.setProperty("invalid", bad)
        if edit.styleSheet() != sheet:  # a style sheet set again, even the same, re-polishes the box
            edit.setStyleSheet(sheet)

    # the two dates ------------------------------------------------------------------------------

    def dates(self) -> Pair:
        """The two dates compared, earlier first: the chosen ones; else the window's first day and, following the
        window ("Window"), its end, or by default the cursor when it is in view (what changed up to the moment looked
        at), else the window's end."""
        chosen = self.state.view.compare
        if isinstance(chosen, tuple):
            return chosen
        window, cursor = self.state.window, self.state.cursor
        start = self._window_start()
        inside = chosen != FOLLOW_WINDOW and window.start_time <= cursor <= window.end_time
        return (start, cursor) if inside else (start, window.end_time)

    def reversed(self) -> bool:
        """Whether the boxes hold a From later than its To (compared the other way round)."""
        return self._shown is not None and self._shown[0] > self._shown[1]

    def _window_start(self) -> pd.Timestamp:
        """The window's first day, or its start to the grain of its span when the times are numbers."""
        window = self.state.window
        if numeric(self.state.dataset.meta.clock):
            return snap(window.start, window.span)
        return window.start_time.floor("D")

    def set_dates(self, before: object, after: object) -> None:
        """Compare two dates (anything :func:`parse_date` reads, or numbers), as if typed into From and To: the
        earlier is compared with the later; the window and the cursor are no longer followed."""
        on = self.state.dataset.meta.clock
        self._choose((parse_instant(before, on).start, parse_instant(after, on).start))

    def use_window(self) -> None:
        """Compare the window's first day with its end, and follow the window from now on."""
        self._follow(FOLLOW_WINDOW)

    def use_cursor(self) -> None:
        """Compare the window's first day with the cursor, and follow both from now on (the default)."""
        self._follow(None)

    def _follow(self, how: str | None) -> None:
        self._typed = None
        self.state.set_view(compare=how)
        self._show_dates()  # (the same choice again announces nothing: the button pressed must still show it)

    def _choose(self, typed: Pair) -> None:
        """Compare the dates typed (From, To), earlier first; the boxes keep them as typed."""
        self._typed = typed
        for edit in (self.before_edit, self.after_edit):
            edit.setModified(False)  # (typed and taken: the boxes show it at its day from now on)
        ordered = typed if typed[0] <= typed[1] else (typed[1], typed[0])
        if self.state.view.compare != ordered:
            self.state.set_view(compare=ordered)
        self._show_dates()  # (the same pair the other way round: the boxes and the note change, not the view)
        self._say()

    def _on_changed(self, fields: frozenset[str]) -> None:
        if "dataset" in fields:
            self._typed = None
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
        on, dates = self.state.dataset.meta.clock, self.dates()
        typed = self._typed
        if typed is None or (min(typed), max(typed)) != dates or not isinstance(self.state.view.compare, tuple):
            self._typed = typed = None
        self._shown = typed or dates
        for edit, stamp in zip((self.before_edit, self.after_edit), self._shown, strict=True):
            set_clock(edit, on, "2019, 2019-12 or 2019-12-29")
            text = _day(stamp, on)
            if edit.hasFocus() and edit.isModified():  # (not over what is being typed)
                continue
            if edit.text() != text:
                edit.setText(text)
            self._flag(edit, False)
        chosen = self.state.view.compare
        self.window_button.setChecked(chosen == FOLLOW_WINDOW)
        self.cursor_button.setChecked(chosen is None)

    def _on_edited(self) -> None:
        """A box left or Return pressed: compare what the boxes hold (one only tabbed through changes nothing)."""
        boxes, shown = (self.before_edit, self.after_edit), self._shown or self.dates()
        on = self.state.dataset.meta.clock
        if all(edit.text().strip() == _day(stamp, on) for edit, stamp in zip(boxes, shown, strict=True)):
            return
        typed = []
        for edit, stamp in zip(boxes, shown, strict=True):
            text = edit.text().strip()
            if text == _day(stamp, on):  # as shown: the date shown, to its instant (the cursor's, not its midnight)
                typed.append(stamp)
                continue
            try:
                typed.append(parse_instant(text, on).start)
            except ValueError as exc:  # said, not only framed: a red box alone told nothing of what it wants
                self._flag(edit, True)
                self.summary.setText(f"{'From' if edit is self.before_edit else 'To'}: {exc}; still comparing "
                                     "the dates before")
                return
            self._flag(edit, False)
        self._choose((typed[0], typed[1]))

    # the list -----------------------------------------------------------------------------------

    def show_diff(self, diff: DiffGraph) -> None:
        """List the changes of ``diff`` (the panel computes it with its own options)."""
        ds = self.state.dataset
        scrolled = self.changes.verticalScrollBar().value()  # (a cursor step keeps the list where it was read)
        self.model.show(diff.listed(), entity_names(ds.entities), ds.events)
        self.changes.verticalScrollBar().setValue(scrolled)
        fit_values(self.changes, self.model)
        self._say()
        self._on_selection(self.state.selection)

    def _say(self) -> None:
        """The summary: how many changes of each kind, and that a From after its To is compared the other way."""
        counts = self.model.counts()
        said = " · ".join(f"{counts[c]:,} {c}" for c in ("changed", "added", "removed", "renewed") if c in counts)
        said = said or "No change between these dates"
        if self.reversed():
            on = self.state.dataset.meta.clock
            earlier, later = (format_instant(t, "day", on) for t in self.dates())
            said = f"From is after To: compared the other way round, {earlier} → {later} · {said}"
        self.summary.setText(said)

    def rows(self) -> list[tuple[str, str, str, str]]:
        """What the list shows: (change, relation, value, event title) per row, as read (the isolates around names,
        which show nothing, left out), for tests."""
        return [(change, relation.replace("\u2068", "").replace("\u2069", ""), value, event)
                for change, relation, value, event in self.model.rows()]

    def _on_clicked(self, index: QModelIndex) -> None:
        event = self.model.event_of(index.row())
        if index.column() == EVENT and event:
            self.state.select_event(event)
        else:
            self.state.select(Selection(relations=frozenset({self.model.edge_of(index.row())})))

    def _on_selection(self, selection: Selection) -> None:
        chosen = QItemSelection()
        for row in self.model.rows_of(selection.relations).tolist():
            chosen.select(self.model.index(row, 0), self.model.index(row, self.model.columnCount() - 1))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.changes.selectionModel().select(chosen, flags)
