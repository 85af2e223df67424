"""The one shared view state: what every panel shows, where the cursor is, what is selected.

Panels take the state in ``__init__``, subscribe to the signals they need and never talk to each
other. Every value is immutable; setting an equal value emits nothing, so panels cannot ping-pong.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
from PySide6.QtCore import QObject, Signal

from viewer.model.dataset import Dataset
from viewer.model.dates import parse_date
from viewer.model.filters import Filters
from viewer.model.navigation import default_cursor, default_window
from viewer.model.window import TimeWindow


@dataclass(frozen=True)
class Selection:
    """What the user picked: events, entities and relations by id (any may be empty)."""

    events: frozenset[str] = field(default_factory=frozenset)
    entities: frozenset[str] = field(default_factory=frozenset)
    relations: frozenset[str] = field(default_factory=frozenset)

    @property
    def empty(self) -> bool:
        """True when nothing is selected."""
        return not (self.events or self.entities or self.relations)


class ViewState(QObject):
    """What the panels share. Signals carry the new value; setters ignore equal values."""

    dataset_changed = Signal(object)  # Dataset
    window_changed = Signal(object)  # TimeWindow
    cursor_moved = Signal(object)  # pd.Timestamp (UTC): the "as of" instant
    selection_changed = Signal(object)  # Selection
    hover_changed = Signal(object)  # event id or None
    filters_changed = Signal(object)  # Filters

    def __init__(self, dataset: Dataset, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._dataset = dataset
        self._window, self._cursor = _defaults(dataset)
        self._selection = Selection()
        self._hover: str | None = None
        self._filters = Filters()

    @property
    def dataset(self) -> Dataset:
        """The open dataset."""
        return self._dataset

    @property
    def window(self) -> TimeWindow:
        """The visible time window."""
        return self._window

    @property
    def cursor(self) -> pd.Timestamp:
        """The instant the relationship panel shows ("as of")."""
        return self._cursor

    @property
    def selection(self) -> Selection:
        """The current selection."""
        return self._selection

    @property
    def filters(self) -> Filters:
        """The active filters (an empty Filters when none)."""
        return self._filters

    def set_filters(self, filters: Filters) -> None:
        """Replace the filters; every panel applies them to its own data."""
        if filters != self._filters:
            self._filters = filters
            self.filters_changed.emit(filters)

    @property
    def hover(self) -> str | None:
        """The event under the mouse, if any."""
        return self._hover

    def set_dataset(self, dataset: Dataset) -> None:
        """Show another dataset: window, cursor and selection return to its defaults."""
        self._dataset = dataset
        self._window, self._cursor = _defaults(dataset)
        self._selection = Selection()
        self._filters = Filters()
        self.dataset_changed.emit(dataset)
        self.window_changed.emit(self._window)
        self.cursor_moved.emit(self._cursor)
        self.selection_changed.emit(self._selection)
        self.filters_changed.emit(self._filters)

    def set_window(self, window: TimeWindow) -> None:
        """Show another stretch of time."""
        if window != self._window:
            self._window = window
            self.window_changed.emit(window)

    def move_cursor(self, when: object) -> None:
        """Move the as-of instant (a Timestamp or any date :func:`parse_date` reads)."""
        t = when if isinstance(when, pd.Timestamp) and when.tzinfo is not None else parse_date(when).start
        if t != self._cursor:
            self._cursor = t
            self.cursor_moved.emit(t)

    def select(self, selection: Selection) -> None:
        """Replace the selection."""
        if selection != self._selection:
            self._selection = selection
            self.selection_changed.emit(selection)

    def select_event(self, event_id: str | None, *, move_cursor: bool = True) -> None:
        """Select one event (None clears) and, by default, move the cursor to its start."""
        if event_id is None:
            self.select(Selection())
            return
        self.select(Selection(events=frozenset({event_id})))
        if move_cursor:
            match = self._dataset.events.loc[self._dataset.events["id"] == event_id, "start"]
            if len(match):
                self.move_cursor(match.iloc[0])

    def set_hover(self, event_id: str | None) -> None:
        """The event under the mouse (None when none)."""
        if event_id != self._hover:
            self._hover = event_id
            self.hover_changed.emit(event_id)


def _defaults(dataset: Dataset) -> tuple[TimeWindow, pd.Timestamp]:
    window = default_window(dataset)
    return window, default_cursor(dataset, window)
