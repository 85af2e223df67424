"""The session: what every panel shares, as Qt-free values with one change event per field.

Modelled on napari's ``EventedModel`` and glue's ``CallbackProperty``/``delay_callback``: setting a field
to an equal value announces nothing; :meth:`Session.batch` folds a burst of changes (opening a dataset)
into one announcement per field, and a field changed and changed back inside a batch announces nothing
(napari's ``ComparisonDelayer``). Values are immutable (frozen dataclasses, frozensets, tuples), so a
panel can keep what it was given without copying.

The view choices (lane grouping, collapsed lanes, graph mode, compare dates, hidden kinds, playback
speed, theme, …) live here too, so they can be tested without Qt and saved and restored as one value
through :meth:`Session.to_dict` / :meth:`Session.from_dict`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field, replace
from typing import Any, Literal

import pandas as pd

from viewer.model import clock, lane_packing, navigation
from viewer.model.dataset import Dataset
from viewer.model.dates import SECONDS_LIMIT, parse_date, to_seconds
from viewer.model.filters import Filters
from viewer.model.navigation import default_cursor, default_window
from viewer.model.window import TimeWindow

GROUPINGS = ("actor", "category", "none")  # or an attribute column, "attr:State"
ATTRIBUTE_PREFIX = "attr:"
GRAPH_MODES = ("cursor", "diff", "window")
SPEEDS = tuple(navigation.SPEEDS)
THEMES = ("system", "light", "dark")
# Where a moved node may be kept, in layout units (the layout fills 0..1; the graph zooms out to 20 frames at most):
# a damaged settings file's 1e308 crashed Qt's painter at start.
POSITION_LIMIT = 1_000.0
Listener = Callable[[frozenset[str]], None]


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


@dataclass(frozen=True)
class ViewChoices:
    """How the user chose to look at a dataset; saved per dataset (``theme`` and ``speed`` for the app)."""

    group_by: str = "actor"
    collapsed: frozenset[str] = frozenset()
    hide_unmatched: bool = False
    graph_mode: str = "cursor"  # "cursor" (as of the cursor), "window" (during the window) or "diff"
    # Compare's dates: None, the window's first day and the cursor (following both); "window", its first day and
    # its end (following it); or two dates, earlier first
    compare: tuple[pd.Timestamp, pd.Timestamp] | Literal["window"] | None = None
    hidden_kinds: frozenset[str] = frozenset()
    people: bool = False
    node_positions: tuple[tuple[str, float, float], ...] = ()  # nodes the user moved, in layout units
    speed: str = "month"
    theme: str = "system"

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values."""
        return {"group_by": self.group_by, "collapsed": sorted(self.collapsed),
                "hide_unmatched": self.hide_unmatched, "graph_mode": self.graph_mode,
                "compare": [t.isoformat() for t in self.compare] if isinstance(self.compare, tuple) else self.compare,
                "hidden_kinds": sorted(self.hidden_kinds), "people": self.people,
                "node_positions": {k: [x, y] for k, x, y in self.node_positions},
                "speed": self.speed, "theme": self.theme}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ViewChoices:
        """Read what :meth:`to_dict` wrote; anything missing or unreadable keeps its default."""
        base = cls()
        pick = _Picker(data)
        return cls(
            group_by=pick.grouping("group_by", base.group_by),
            collapsed=pick.strings("collapsed"),
            hide_unmatched=pick.flag("hide_unmatched", base.hide_unmatched),
            graph_mode=pick.choice("graph_mode", GRAPH_MODES, base.graph_mode),
            compare="window" if pick.data.get("compare") == "window" else pick.date_pair("compare"),
            hidden_kinds=pick.strings("hidden_kinds"),
            people=pick.flag("people", base.people),
            node_positions=pick.positions("node_positions"),
            speed=pick.choice("speed", SPEEDS, base.speed),
            theme=pick.choice("theme", THEMES, base.theme),
        )


class _Picker:
    """Typed reads from a dict that came from a file: a wrong type is a missing value."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        self.data = data if isinstance(data, Mapping) else {}

    def choice(self, key: str, allowed: tuple[str, ...], default: str) -> str:
        value = self.data.get(key)
        return value if isinstance(value, str) and value in allowed else default

    def grouping(self, key: str, default: str) -> str:
        value = self.data.get(key)
        ok = isinstance(value, str) and (value in GROUPINGS or value.startswith(ATTRIBUTE_PREFIX))
        return value if ok else default  # type: ignore[return-value]

    def flag(self, key: str, default: bool) -> bool:
        value = self.data.get(key)
        return value if isinstance(value, bool) else default

    def strings(self, key: str) -> frozenset[str]:
        value = self.data.get(key)
        return frozenset(v for v in value if isinstance(v, str)) if isinstance(value, list) else frozenset()

    def date_pair(self, key: str) -> tuple[pd.Timestamp, pd.Timestamp] | None:
        value = self.data.get(key)
        if not (isinstance(value, list) and len(value) == 2):
            return None
        try:
            a, b = (parse_date(str(v)).start for v in value)
        except ValueError:
            return None
        return (a, b) if a <= b else (b, a)

    def positions(self, key: str) -> tuple[tuple[str, float, float], ...]:
        value = self.data.get(key)
        if not isinstance(value, dict):
            return ()
        out = []
        for k, xy in sorted(value.items()):
            if isinstance(k, str) and isinstance(xy, list) and len(xy) == 2 and all(
                    isinstance(v, int | float) and abs(v) <= POSITION_LIMIT for v in xy):
                out.append((k, float(xy[0]), float(xy[1])))
        return tuple(out)


FIELDS = ("dataset", "window", "cursor", "selection", "hover", "filters", "view")


class Session:
    """The one shared state: dataset, window, cursor, selection, hover, filters and view choices.

    Listeners get the set of fields that changed, once per :meth:`set` or once per outermost
    :meth:`batch`; :meth:`on` subscribes to one field and gets its new value.
    """

    def __init__(self, dataset: Dataset, view: ViewChoices | None = None) -> None:
        window, cursor = _defaults(dataset)
        self._values: dict[str, Any] = {"dataset": dataset, "window": window, "cursor": cursor,
                                        "selection": Selection(), "hover": None, "filters": Filters(),
                                        "view": view or ViewChoices()}
        self._listeners: list[Listener] = []
        self._field_listeners: dict[str, list[Callable[[Any], None]]] = {name: [] for name in FIELDS}
        self._depth = 0
        self._before: dict[str, Any] = {}  # the value each field had when the outermost batch began
        self._fitted: tuple[str, str] | None = None  # lanes chosen for the dataset, not by the user: (was, now)
        self._fit_actorless(changed_view=False)
        self._before = {}

    # reading
    @property
    def dataset(self) -> Dataset:
        """The open dataset."""
        return self._values["dataset"]

    @property
    def window(self) -> TimeWindow:
        """The visible time window."""
        return self._values["window"]

    @property
    def cursor(self) -> pd.Timestamp:
        """The instant the relationship panel shows ("as of"), UTC."""
        return self._values["cursor"]

    @property
    def selection(self) -> Selection:
        """What is selected."""
        return self._values["selection"]

    @property
    def hover(self) -> str | None:
        """The event under the mouse, if any."""
        return self._values["hover"]

    @property
    def filters(self) -> Filters:
        """The active filters (an empty Filters when none)."""
        return self._values["filters"]

    @property
    def view(self) -> ViewChoices:
        """The view choices."""
        return self._values["view"]

    # listening
    def subscribe(self, listener: Listener) -> None:
        """Call ``listener(changed_fields)`` after every change (once per batch)."""
        self._listeners.append(listener)

    def on(self, name: str, listener: Callable[[Any], None]) -> None:
        """Call ``listener(new_value)`` when the field ``name`` changes."""
        self._field_listeners[name].append(listener)

    # writing
    def set(self, **changes: Any) -> None:
        """Change fields; equal values are ignored, the rest announced (now, or when the batch ends)."""
        unknown = set(changes) - set(FIELDS)
        if unknown:
            raise AttributeError(f"Session has no field {', '.join(sorted(unknown))}")
        with self.batch():
            for name, value in changes.items():
                if name == "dataset" or not _same(self._values[name], value):
                    self._before.setdefault(name, self._values[name])
                    self._values[name] = value

    def set_view(self, **choices: Any) -> None:
        """Change some view choices (``session.set_view(group_by="category")``)."""
        self.set(view=replace(self.view, **choices))

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Fold every change inside into one announcement per field, at the end."""
        self._depth += 1
        try:
            yield
        finally:
            self._depth -= 1
            if self._depth == 0:
                self._announce()

    def _announce(self) -> None:
        if "dataset" in self._before or "view" in self._before:
            self._fit_grouping()
        before, self._before = self._before, {}
        changed = frozenset(name for name, old in before.items()
                            if name == "dataset" or not _same(old, self._values[name]))
        if not changed:
            return
        for name in FIELDS:
            if name in changed:
                for listener in list(self._field_listeners[name]):
                    listener(self._values[name])
        for whole in list(self._listeners):
            whole(changed)

    def _fit_grouping(self) -> None:
        """Lanes by an attribute the dataset does not have (another file opened, a saved choice) become
        lanes by actor in the same announcement, so no panel ever sees the two disagree; a dataset whose
        events name no actor, or hardly any, opens in lanes by category (or one lane), not all in "Other"."""
        view, dataset = self._values["view"], self._values["dataset"]
        grouping = view.group_by
        if grouping.startswith(ATTRIBUTE_PREFIX) and dataset.source is None and grouping not in dataset.events:
            self._before.setdefault("view", view)
            self._values["view"] = replace(view, group_by="actor")
        if "dataset" in self._before:
            self._fit_actorless(changed_view="view" in self._before)

    def _fit_actorless(self, *, changed_view: bool) -> None:
        """Lanes by actor for a dataset whose events name no actor, or hardly any, become lanes by category, or
        one lane (:func:`lane_packing.grouping_for`); a later dataset's lanes go back to what the user chose,
        unless a saved view came with it."""
        view, dataset = self._values["view"], self._values["dataset"]
        if self._fitted is not None and not changed_view and view.group_by == self._fitted[1]:
            view = replace(view, group_by=self._fitted[0])
        self._fitted = None
        if view.group_by == "actor" and dataset.source is None and len(dataset.events):
            grouping = lane_packing.grouping_for(dataset.events)
            if grouping != "actor":
                self._fitted = ("actor", grouping)
                view = replace(view, group_by=grouping)
        if view != self._values["view"]:
            self._before.setdefault("view", self._values["view"])
            self._values["view"] = view

    # conveniences the panels share
    def open(self, dataset: Dataset, view: ViewChoices | None = None) -> None:
        """Show another dataset: window, cursor, selection and filters return to its defaults."""
        window, cursor = _defaults(dataset)
        with self.batch():
            self.set(dataset=dataset, window=window, cursor=cursor, selection=Selection(), hover=None,
                     filters=Filters())
            if view is not None:
                self._fitted = None  # the view saved with it, as saved, not a fit undone
                self.set(view=view)

    def move_cursor(self, when: object) -> None:
        """Move the as-of instant (a UTC Timestamp, a date :func:`parse_date` reads, or a number on a numeric clock)."""
        t = (when if isinstance(when, pd.Timestamp) and when.tzinfo is not None
             else clock.parse_instant(when, self.dataset.meta.clock).start)
        self.set(cursor=t)

    def select_event(self, event_id: str | None, *, move_cursor: bool = True) -> None:
        """Select one event (None clears) and, by default, move the cursor to its start."""
        with self.batch():
            if event_id is None:
                self.set(selection=Selection())
                return
            self.set(selection=Selection(events=frozenset({event_id})))
            if move_cursor:
                events = self.dataset.events
                match = events.loc[events["id"] == event_id, "start"]
                if len(match) and match.iloc[0] == match.iloc[0]:
                    self.move_cursor(match.iloc[0])

    # saving
    def to_dict(self) -> dict[str, Any]:
        """The window, cursor and view choices as plain values (the dataset is saved by its path)."""
        return {"window": [self.window.start, self.window.end], "cursor": self.cursor.isoformat(),
                "view": self.view.to_dict()}

    def restore(self, data: Mapping[str, Any]) -> None:
        """Take back what :meth:`to_dict` wrote, keeping the defaults for anything unreadable."""
        if not isinstance(data, Mapping):
            return
        with self.batch():
            view = data.get("view")
            if isinstance(view, Mapping):
                self.set(view=ViewChoices.from_dict(view))
            window = data.get("window")
            saved = None
            if isinstance(window, list) and len(window) == 2 and all(isinstance(v, int | float) for v in window):
                start, end = float(window[0]), float(window[1])
                if abs(start) <= SECONDS_LIMIT and abs(end) <= SECONDS_LIMIT and start < end:
                    # kept where the timeline can go (a damaged file's 1e300 overflowed its dates, a span of a
                    # microsecond it could not draw)
                    saved = TimeWindow(start, end)
                    self.set(window=navigation.clamp(saved, self.dataset))
            cursor = data.get("cursor")
            if isinstance(cursor, str):
                with suppress(ValueError):  # unreadable: keep the dataset's default cursor
                    self.move_cursor(parse_date(cursor).start)
            self._back_to_the_data(saved)

    def _back_to_the_data(self, saved: TimeWindow | None) -> None:
        """A restored window or cursor wholly outside the dataset's events and ties (a settings file's 1700 for a
        dataset of 2018–2023, or a file changed since) gives way to the dataset's default window, the cursor moved
        into it: the window opened on an empty stretch (the saved one, only pushed to the data's margin) and the
        cursor nowhere near an event. Either one that meets the data is kept as saved."""
        if navigation.data_span(self.dataset) is None and navigation.relation_span(self.dataset) is None:
            return  # nothing dated: no extent to fall back to
        extent = navigation.fit_all(self.dataset)
        fell_back = saved is not None and (saved.end < extent.start or saved.start > extent.end)
        if fell_back:
            self.set(window=default_window(self.dataset))
        cursor = float(to_seconds(self.cursor))
        if not extent.contains(cursor) or (fell_back and not self.window.contains(cursor)):
            self.set(cursor=default_cursor(self.dataset, self.window))

    @classmethod
    def from_dict(cls, dataset: Dataset, data: Mapping[str, Any]) -> Session:
        """A session on ``dataset`` as :meth:`to_dict` described it."""
        session = cls(dataset)
        session.restore(data)
        return session

    def __repr__(self) -> str:
        cursor = clock.format_instant(self.cursor, "day", self.dataset.meta.clock)
        return (f"Session({self.dataset.title!r}, window={self.window}, cursor={cursor}, "
                f"selection={self.selection}, filters={self.filters}, view={self.view})")


def _same(a: object, b: object) -> bool:
    try:
        return bool(a == b) and type(a) is type(b)
    except (TypeError, ValueError):
        return a is b


def _defaults(dataset: Dataset) -> tuple[TimeWindow, pd.Timestamp]:
    window = default_window(dataset)
    return window, default_cursor(dataset, window)
