"""The Qt bridge to the session: one signal per session field, and one ``changed`` per burst.

The session (:mod:`viewer.session`) holds the values and knows nothing of Qt; this object turns its
field events into signals so that panels can connect slots. A panel that draws from several fields
connects to ``changed`` (the set of fields that changed, once per batch) and so redraws once when a
dataset opens, not once per field.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from viewer.model.dataset import Dataset
from viewer.model.filters import Filters
from viewer.model.window import TimeWindow
from viewer.session import Selection, Session, ViewChoices

__all__ = ["Selection", "ViewState"]


class ViewState(QObject):
    """What the panels share, read from and written to one :class:`~viewer.session.Session`."""

    dataset_changed = Signal(object)  # Dataset
    window_changed = Signal(object)  # TimeWindow
    cursor_moved = Signal(object)  # pd.Timestamp (UTC): the "as of" instant
    selection_changed = Signal(object)  # Selection
    hover_changed = Signal(object)  # event id or None
    filters_changed = Signal(object)  # Filters
    view_changed = Signal(object)  # ViewChoices
    changed = Signal(object)  # frozenset of the field names that changed, once per batch

    def __init__(self, dataset: Dataset | Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = dataset if isinstance(dataset, Session) else Session(dataset)
        for name, signal in (("dataset", self.dataset_changed), ("window", self.window_changed),
                             ("cursor", self.cursor_moved), ("selection", self.selection_changed),
                             ("hover", self.hover_changed), ("filters", self.filters_changed),
                             ("view", self.view_changed)):
            self.session.on(name, signal.emit)
        self.session.subscribe(self.changed.emit)

    # reading
    @property
    def dataset(self) -> Dataset:
        """The open dataset."""
        return self.session.dataset

    @property
    def window(self) -> TimeWindow:
        """The visible time window."""
        return self.session.window

    @property
    def cursor(self) -> Any:
        """The instant the relationship panel shows ("as of"), a UTC pd.Timestamp."""
        return self.session.cursor

    @property
    def selection(self) -> Selection:
        """The current selection."""
        return self.session.selection

    @property
    def hover(self) -> str | None:
        """The event under the mouse, if any."""
        return self.session.hover

    @property
    def filters(self) -> Filters:
        """The active filters (an empty Filters when none)."""
        return self.session.filters

    @property
    def view(self) -> ViewChoices:
        """The view choices (lane grouping, graph mode, theme …)."""
        return self.session.view

    # writing
    def set_dataset(self, dataset: Dataset, view: ViewChoices | None = None) -> None:
        """Show another dataset: window, cursor, selection and filters return to its defaults."""
        self.session.open(dataset, view)

    def set_window(self, window: TimeWindow) -> None:
        """Show another stretch of time."""
        self.session.set(window=window)

    def move_cursor(self, when: object) -> None:
        """Move the as-of instant (a Timestamp or any date :func:`parse_date` reads)."""
        self.session.move_cursor(when)

    def select(self, selection: Selection) -> None:
        """Replace the selection."""
        self.session.set(selection=selection)

    def select_event(self, event_id: str | None, *, move_cursor: bool = True) -> None:
        """Select one event (None clears) and, by default, move the cursor to its start."""
        self.session.select_event(event_id, move_cursor=move_cursor)

    def set_hover(self, event_id: str | None) -> None:
        """The event under the mouse (None when none)."""
        self.session.set(hover=event_id)

    def set_filters(self, filters: Filters) -> None:
        """Replace the filters; every panel applies them to its own data."""
        self.session.set(filters=filters)

    def set_view(self, **choices: Any) -> None:
        """Change some view choices (``state.set_view(group_by="category")``)."""
        self.session.set_view(**choices)
