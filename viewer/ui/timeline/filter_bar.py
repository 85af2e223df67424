"""The filter bar: search text, actors, categories, tags and a date range, as one Filters value.

The bar builds a :class:`Filters` and hands it to the shared state; it also follows the state, so a
new dataset (which resets the filters) or another panel setting them shows here.
"""

from __future__ import annotations

from functools import partial

import pandas as pd
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from viewer.model import instants, navigation
from viewer.model.clock import ELAPSED, NUMBER, YEARS, numeric
from viewer.model.columns import entity_names
from viewer.model.dataset import Dataset
from viewer.model.dates import iso_date
from viewer.model.filters import Filters
from viewer.model.lane_packing import category_label
from viewer.source.base import Generation
from viewer.ui.shared.check_menu import CheckMenuButton
from viewer.ui.shared.date_box import add_calendar, set_clock
from viewer.ui.shared.state import ViewState
from viewer.ui.shared.theme import Theme, follow

FACETS = ("actors", "category", "tags")  # the pickers' fields, as an engine source counts them
FACETS_AFTER_MS = 250  # an engine source's values are counted once its worker is idle this long
TYPING_PAUSE_MS = 180  # search as you type, once the typing pauses
DATE_HINT = "2019, 2019-12 or 2019-12-29"
NOT_READ = {NUMBER: "Not a number: write 42 or 0.5", YEARS: "Not a year: write 2019, -473, 473 BC, -13.8e9 or 66 Ma",
            ELAPSED: "Not a time: write 9:30, 09:30:15 or 1:23.4"}
READ_AS = {NUMBER: "A number: the times of this dataset are numbers",
           ELAPSED: "A time: the times of this dataset are hours, minutes and seconds (9:30, 1:02:03.5)",
           YEARS: "A year: the times of this dataset are years (-473, 473 BC, -13.8e9, 66 Ma)"}


class FilterBar(QWidget):
    """Search box, actor / category / tag pickers, from–to dates and Clear, driving ``state.filters``."""

    def __init__(self, state: ViewState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search titles, descriptions, actors  (Ctrl+F)")
        self.search.setAccessibleName("Search events")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(260)
        self.actors = CheckMenuButton("Actors", self)
        self.categories = CheckMenuButton("Categories", self)
        self.tags = CheckMenuButton("Tags", self)
        self.start = _date_edit("from", self)
        self.end = _date_edit("to", self)
        self.clear_button = QPushButton("Clear", self)
        self.clear_button.setToolTip("Remove every filter")
        box = QHBoxLayout(self)
        box.setContentsMargins(4, 0, 4, 0)
        box.setSpacing(6)
        box.addWidget(self.search, 3)
        for widget in (self.actors, self.categories, self.tags):
            box.addWidget(widget)
        box.addWidget(QLabel("From", self))
        box.addWidget(self.start)
        box.addWidget(QLabel("to", self))
        box.addWidget(self.end)
        box.addWidget(self.clear_button)
        self._facet_asks = Generation()
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(self.apply)
        self.search.textChanged.connect(lambda _t: self._typing.start())
        self.search.returnPressed.connect(self.apply)
        for picker in (self.actors, self.categories, self.tags):
            picker.picked.connect(lambda _values: self.apply())
        for edit in (self.start, self.end):
            edit.textChanged.connect(lambda _t: self._validate_dates())
            edit.editingFinished.connect(self.apply)
            edit.returnPressed.connect(self.apply)
        self.clear_button.clicked.connect(self.clear)
        state.dataset_changed.connect(lambda _ds: self._on_dataset())
        state.filters_changed.connect(self._show)
        self._on_dataset()
        self.theme = follow(self.set_theme)
        self._show(state.filters)

    def set_theme(self, theme: Theme) -> None:
        """Flag unreadable dates in the theme's error colours."""
        self.theme = theme
        self._validate_dates()

    def filters(self) -> Filters:
        """The Filters the widgets describe (an invalid date counts as no bound)."""
        start, end = self._dates()
        return Filters(text=self.search.text().strip(), actors=self.actors.checked(),
                       categories=self.categories.checked(), tags=self.tags.checked(), start=start, end=end,
                       clock=self.state.dataset.meta.clock)

    def apply(self) -> None:
        """Hand the widgets' Filters to the shared state now."""
        self._typing.stop()
        self.state.set_filters(self.filters())

    def clear(self) -> None:
        """Remove every filter."""
        self.state.set_filters(Filters())
        self._show(Filters())

    def focus_search(self) -> None:
        """Put the keyboard in the search box, its text selected."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _fill_pickers(self) -> None:
        ds = self.state.dataset
        self._facet_asks.next()  # an engine's answer for an earlier dataset is not shown
        if ds.source is not None and hasattr(ds.source, "facets"):
            self._ask_facets(ds)
            return
        names = entity_names(ds.entities)
        for picker, field in zip((self.actors, self.categories, self.tags), FACETS, strict=True):
            texts, counts = navigation.distinct_counts(ds.events[field])
            picker.offer_later(partial(_entries, field, texts, counts, names),
                               any(text.replace(";", "").strip() for text in texts))

    def _ask_facets(self, ds: Dataset) -> None:
        """A source queried in place: the pickers wait (disabled) until its worker has counted the values,
        asked once the first views' questions are answered and the timeline's pyramid is whole, so the
        timeline draws first, on a connection of the worker's own so that zooming meanwhile never waits
        for the counts."""
        for picker in (self.actors, self.categories, self.tags):
            picker.set_values([])
            picker.setToolTip(f"Counting the {picker.title.lower()} of {ds.event_count:,} events…")
        from viewer.ui.shared.engine import worker_for  # noqa: PLC0415 - engine code loads only for engine sources
        assert ds.source is not None
        worker, token = worker_for(ds.source), self._facet_asks.next()

        worker.when_free(self, lambda: worker.aside(lambda on, _t: {field: on.facets(field) for field in FACETS},
                                                    lambda got: self._offer(ds, got), token), token, FACETS_AFTER_MS)

    def _offer(self, ds: Dataset, facets: dict[str, list[tuple[str, int]]]) -> None:
        """Offer what an engine counted, keeping what the filters already pick."""
        if ds is not self.state.dataset:
            return
        self._set_values(ds, facets)
        self._show(self.state.filters)

    def _set_values(self, ds: Dataset, facets: dict[str, list[tuple[str, int]]]) -> None:
        """Offer each field's values with their counts (actors by their entity names)."""
        names = entity_names(ds.entities)
        for picker, field in zip((self.actors, self.categories, self.tags), FACETS, strict=True):
            picker.set_values(_labelled(field, facets[field], names))

    def _show(self, filters: Filters) -> None:
        """Make the widgets say ``filters`` without sending anything back."""
        self._typing.stop()
        for edit, text in ((self.search, filters.text), (self.start, filters.start or ""),
                           (self.end, filters.end or "")):
            if edit.text() != text and not (edit is self.search and edit.text().strip() == text):
                edit.blockSignals(True)
                edit.setText(text)
                edit.blockSignals(False)
        self.actors.set_checked(filters.actors)
        self.categories.set_checked(filters.categories)
        self.tags.set_checked(filters.tags)
        self._validate_dates()
        self.clear_button.setEnabled(filters.active)

    def _dates(self) -> tuple[str | None, str | None]:
        on = self.state.dataset.meta.clock
        out: list[str | None] = []
        for edit in (self.start, self.end):
            text = edit.text().strip()
            out.append(text if text and _readable(text, on) else None)
        start, end = out
        if start and end:
            first, last = instants.needed(start, on), instants.needed(end, on)
            # a number is a point: "from 42 to 42" is that point; a date's span must end after "from"
            if (last.start < first.start) if numeric(on) else (last.end <= first.start):
                end = None  # "to" before "from": flagged, not applied
        return start, end

    def _validate_dates(self) -> None:
        start, end = self._dates()
        for edit, ok in ((self.start, start is not None), (self.end, end is not None)):
            bad = bool(edit.text().strip()) and not ok
            theme = self.theme
            edit.setStyleSheet(f"QLineEdit {{ border: 1px solid {theme.error}; background: {theme.error_back}; }}"
                               if bad else "")
            edit.setProperty("invalid", bad)
            on = self.state.dataset.meta.clock
            numbers = numeric(on)
            if bad and not _readable(edit.text().strip(), on):
                edit.setToolTip(NOT_READ.get(on, f"Not a date: write {DATE_HINT}"))
            elif bad:
                edit.setToolTip("“to” is before “from”")
            else:
                edit.setToolTip(READ_AS.get(on, "") if numbers
                                else f"A partial date: {DATE_HINT}; a month or year means all of it")

    def _on_dataset(self) -> None:
        """Boxes for dates (with calendars) or for numbers, as the new dataset's times are."""
        dataset = self.state.dataset
        for edit, hint in zip((self.start, self.end), date_hints(dataset), strict=True):
            set_clock(edit, dataset.meta.clock, hint)
        self._fill_pickers()


def date_hints(dataset: Dataset) -> tuple[str, str]:
    """The boxes' placeholders: the month the dataset's events begin and the year they end (what a user
    may type, in the dataset's own range); for a graph without events the range its ties are dated in, and a
    plain example when nothing is dated."""
    if numeric(dataset.meta.clock):
        return "2019-12", "2023"
    span = dataset.span()
    if span is None:
        seconds = navigation.relation_span(dataset)
        if seconds is None:
            return "2019-12", "2023"
        span = (pd.Timestamp(seconds[0], unit="s", tz="UTC"), pd.Timestamp(seconds[1], unit="s", tz="UTC"))
    # the span ends where the last event's ends, the first instant after it: events up to 31 Dec 2019 (or of the
    # year 2019) said "to 2020", and a chronology ending in 9999 "to 10000"; an event at that very instant keeps it
    last = span[1] - pd.Timedelta(microseconds=1)
    if not dataset.events.empty:
        last = max(last, dataset.events["span_start"].max())
    return iso_date(span[0], "month"), iso_date(max(last, span[0]), "year")


def _readable(text: str, on: str) -> bool:
    try:
        instants.read(text, on)  # (as --from and the API read it: Q1 2019 and 2019-W05 too)
    except ValueError:
        return False
    return True


def _date_edit(which: str, parent: QWidget) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setPlaceholderText("2019-12" if which == "from" else "2023")
    edit.setAccessibleName("From date" if which == "from" else "To date")
    edit.setClearButtonEnabled(True)
    edit.setMaximumWidth(140)
    edit.setToolTip(f"A partial date: {DATE_HINT}; a month or year means all of it")
    add_calendar(edit)
    return edit


__all__ = ["FilterBar"]


def _labelled(field: str, totals: list[tuple[str, int]], names: dict[str, str]) -> list[tuple[str, str, int]]:
    """A picker's entries: each value, its label (an actor by its entity's name, a category as worded) and count."""
    if field == "actors":
        return [(value, names.get(value, value), n) for value, n in totals]
    if field == "category":
        return [(value, category_label(value), n) for value, n in totals]
    return [(value, value, n) for value, n in totals]


def _entries(field: str, texts: list[str], counts: list[int], names: dict[str, str]) -> list[tuple[str, str, int]]:
    """The entries of a picker from each distinct text of its column and its count, most first."""
    return _labelled(field, navigation.facet_totals(texts, counts), names)
