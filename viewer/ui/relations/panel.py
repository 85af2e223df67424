"""The relationship panel: who held what in whom as of the time cursor, or what changed between two dates.

Positions come from :func:`viewer.model.graph.layout` once per dataset, so nodes stay put while
the cursor moves; only which nodes and edges are shown, and their labels, change (fading, not
jumping). The user may drag a node; where it was dropped is kept (see :meth:`node_positions`).
"""

from __future__ import annotations

import weakref
from typing import Any

import numpy as np
import pandas as pd
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from viewer.model import columns, graph
from viewer.model.clock import format_instant, format_range, numeric
from viewer.model.dataset import Dataset
from viewer.model.dates import from_seconds
from viewer.model.filters import Filters, involved_entities
from viewer.model.graph_diff import diff_graph
from viewer.session import POSITION_LIMIT
from viewer.ui.relations.build import EdgesOf, event_actors, node_arrays
from viewer.ui.relations.canvas import FADE_MS, LOOP_ROOM, GraphCanvas
from viewer.ui.relations.diff_view import DiffView
from viewer.ui.relations.empty_note import empty_note, found_note
from viewer.ui.relations.focusing import Focusing
from viewer.ui.relations.header import CURSOR, DIFF, WINDOW, RelationsHeader
from viewer.ui.relations.legend import KIND_ROWS, ChangeLegend, KindLegend, NodeLegend
from viewer.ui.relations.picking import Picking
from viewer.ui.relations.readout import Readout
from viewer.ui.shared.state import Selection, ViewState
from viewer.ui.shared.theme import Theme, follow

__all__ = ["FADE_MS", "RelationshipPanel"]
WIDE_PANEL = 900  # px: from this width the change list sits beside the graph rather than below it
ZOOM_MOST = 12  # Fit frames what is drawn at most so many times closer than the whole layout
SHORT_PANEL = 480  # px: below this height diff mode's legend of lines keeps to one row (the change list needs room)
CRAMPED_PANEL = 360  # px: below this height every mode's does (at 960×540 the graph was left 120 px)

class RelationshipPanel(Readout, Picking, QWidget):
    """The graph of relations valid at the cursor (or between two dates), linked to the shared selection."""

    positions_changed = Signal(object)  # dict[str, tuple[float, float]]: the nodes the user moved
    relation_picked = Signal(str)  # a relation clicked in the graph (not chosen in the table)

    def __init__(self, state: ViewState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self._seen = state.view  # the view choices the drawing reflects
        self._dropped = False
        self._layout: graph.Positions = {}
        self._positions: graph.Positions = {}
        self._shown: graph.Positions = {}  # what is drawn: the positions plus a focused view's group nodes
        self.focusing = Focusing()
        self._framed_focus: tuple[object, ...] = ()
        self._core: set[str] = set()
        self._involved: frozenset[str] | None = None
        # the dataset (not kept alive by this), the selected events and their actors
        self._actors: tuple[weakref.ref[Dataset], frozenset[str], set[str]] | None = None
        self._changes: dict[str, str] = {}
        self._view = self._full = graph.GraphView(state.cursor, (), ())
        self._told: tuple[tuple[str, str] | None, graph.GraphView] | None = None  # the hover's tip: for what
        self._nodes = node_arrays(self._view, {}, set())
        self._edges_of = EdgesOf()  # a cursor step that finds the same graph finds the same edges
        self._edges = self._edges_of(self._view, self._nodes, set())
        self._build()
        self.theme = follow(self.set_theme)
        state.changed.connect(self._on_changed)
        self._on_dataset(state.dataset)

    def _build(self) -> None:
        self.header = RelationsHeader(self)
        self.as_of, self.people, self.reset_layout = self.header.as_of, self.header.people, self.header.reset_layout
        self.header.mode_requested.connect(self.set_mode)
        self.header.search_requested.connect(self.find_entity)
        self.people.setChecked(self.state.view.people)
        self.people.toggled.connect(self.set_include_people)
        self.reset_layout.clicked.connect(self._on_reset_layout)
        self.legend = KindLegend(self)
        self.legend.hidden_changed.connect(self.set_hidden_kinds)
        self.node_legend = NodeLegend(self)
        self.change_legend = ChangeLegend(self)
        self.canvas = GraphCanvas()
        self.viewbox, self.nodes_item = self.canvas.viewbox, self.canvas.nodes_item
        self.nodes_item.node_dragged.connect(self._on_drag)
        self.header.fit.clicked.connect(self._fit_shown)
        self.canvas.scene().sigMouseClicked.connect(self._on_click)
        self.canvas.scene().sigMouseMoved.connect(self._on_hover)
        self.canvas.stepped.connect(self._on_step)
        self.canvas.opened.connect(self._on_open)
        self.diff_view = DiffView(self.state, self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.canvas)
        self.splitter.addWidget(self.diff_view)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(2)
        layout.addWidget(self.header)
        layout.addWidget(self.legend)
        layout.addWidget(self.node_legend)
        self.legend.lead_with(self.change_legend)  # diff mode's colours of lines share the kinds' rows
        layout.addWidget(self.splitter, 1)
        self.legend.set_hidden(self.state.view.hidden_kinds)
        self._show_mode_widgets()

    # public API ---------------------------------------------------------------------------------

    @property
    def _mode(self) -> str:
        return self.state.view.graph_mode

    @property
    def _include_people(self) -> bool:
        return self.state.view.people

    @property
    def _hidden(self) -> frozenset[str]:
        return self.state.view.hidden_kinds

    @property
    def _moved(self) -> graph.Positions:
        return {key: (x, y) for key, x, y in self.state.view.node_positions}

    def set_mode(self, mode: str) -> None:
        """``"cursor"``: as of the cursor; ``"window"``: during the visible window; ``"diff"``: two dates."""
        if mode in (CURSOR, WINDOW, DIFF):
            self.state.set_view(graph_mode=mode)

    def mode(self) -> str:
        """The current mode (``"cursor"`` or ``"diff"``)."""
        return self._mode

    def find_entity(self, text: str) -> str | None:
        """Select the entity best matching ``text`` and, in a big graph, show its neighbourhood."""
        key = self.focusing.find(self.state.dataset.entities, text, self._full)
        if key is None:
            self.header.tell(f"No entity matches “{text.strip()}”" if text.strip() else "", missed=bool(text.strip()))
            return None
        self.state.select(Selection(entities=frozenset({key})))
        self.header.tell(found_note(self.state.dataset, key, self._view, self._mode, self.state.cursor))
        return key

    def expand(self, key: str) -> None:
        """Add an entity's neighbourhood to a focused view (a "k more" group node: show its members)."""
        self.focusing.centre_on(key)
        self._refresh()

    def set_include_people(self, include: bool) -> None:
        """Show or hide people and leadership edges (other nodes keep their positions)."""
        self.state.set_view(people=bool(include))

    def set_hidden_kinds(self, kinds: frozenset[str]) -> None:
        """Hide the edges of these relation kinds (the legend's unchecked entries)."""
        self.state.set_view(hidden_kinds=frozenset(kinds))

    def set_theme(self, theme: Theme) -> None:
        """Re-colour the graph, its legends and the change list (on every theme change)."""
        self.theme = theme
        for part in (self.canvas, self.legend, self.node_legend, self.change_legend, self.diff_view):
            part.set_theme(theme)
        self._rebuild()

    def hidden_kinds(self) -> frozenset[str]:
        """The relation kinds hidden now."""
        return self._hidden

    def node_positions(self) -> graph.Positions:
        """The nodes the user moved, in layout units (to be remembered per dataset)."""
        return dict(self._moved)

    def set_node_positions(self, positions: dict[str, Any]) -> None:
        """Put nodes where the user left them last time (unknown ids and bad values are ignored)."""
        moved: list[tuple[str, float, float]] = []
        for key, xy in positions.items():
            try:
                x, y = (float(v) for v in xy)
            except (TypeError, ValueError):
                continue
            if key in self._layout and max(abs(x), abs(y)) <= POSITION_LIMIT:  # (NaN and 1e308 too)
                moved.append((key, x, y))
        self.state.set_view(node_positions=tuple(sorted(moved)))

    # reactions ----------------------------------------------------------------------------------

    def _on_changed(self, fields: frozenset[str]) -> None:
        """Redraw once for whatever changed together (opening a dataset changes five fields at once)."""
        seen, self._seen = self._seen, self.state.view
        view = self.state.view
        if fields & {"dataset", "selection"}:
            self._key_group = None  # the keys stand on the selection again
        if "dataset" in fields:
            self._on_dataset(self.state.dataset)
            self.people.blockSignals(True)  # the new dataset's own choices, drawn already: the box follows them
            self.people.setChecked(view.people)
            self.people.blockSignals(False)
            if view.graph_mode != seen.graph_mode:
                self._show_mode(view.graph_mode)
            return
        redraw = bool(fields & {"cursor", "selection", "filters"})
        if view.node_positions != seen.node_positions or view.people != seen.people:
            self._place(fit=not self._dropped or view.people != seen.people)
            self.people.setChecked(view.people)
            redraw = True
        if view.hidden_kinds != seen.hidden_kinds:
            self.legend.set_hidden(view.hidden_kinds)
            redraw = True
        if view.graph_mode != seen.graph_mode:
            self._show_mode(view.graph_mode)
            redraw = True
        if view.graph_mode in (DIFF, WINDOW) and (view.compare != seen.compare or "window" in fields):
            redraw = True
        if "filters" in fields:
            self._on_filters(self.state.filters, refresh=False)
        if redraw:
            self._refresh(animate=fields == {"cursor"} and view.graph_mode == CURSOR)

    def _on_dataset(self, dataset: Dataset) -> None:
        args = (dataset.entities, dataset.relations)
        self._layout = dict(graph.positions_for(dataset))
        self.focusing.reset()
        self.legend.set_kinds(sorted(columns.distinct(dataset.relations["kind"], "nan")))
        self.legend.set_hidden(self.state.view.hidden_kinds)
        # with no ties the panel draws no node, only its note: no kinds to tell apart
        self.node_legend.set_kinds(columns.distinct(dataset.entities["kind"], "nan") if len(dataset.relations) else [])
        self._core = set(graph.core_ids(*args))
        self._shown = {}  # the last dataset's drawing: an id both share was framed where it stood there
        self._place()
        self._on_filters(self.state.filters, refresh=False)
        self._refresh()

    def _place(self, fit: bool = True) -> None:
        """Positions: the layout's, with the nodes the user moved where they were dropped."""
        moved = {key: xy for key, xy in self._moved.items() if key in self._layout}
        self._positions = {**self._layout, **moved}
        self._dropped = False
        if fit:
            self._fit()

    def _show_mode(self, mode: str) -> None:
        self._show_mode_widgets()
        if mode == DIFF:  # the change list needs room for names, values and events; the graph keeps more
            wide = self.splitter.orientation() == Qt.Orientation.Horizontal
            total = max(self.splitter.width() if wide else self.splitter.height(), 1)
            self.splitter.setSizes([int(total * (0.55 if wide else 0.65)), int(total * (0.45 if wide else 0.35))])

    def _on_filters(self, filters: Filters, refresh: bool = True) -> None:
        if filters.active:
            ds = self.state.dataset
            names = columns.entity_names(ds.entities)
            self._involved = involved_entities(ds.events, filters.mask(ds.events, names))
        else:
            self._involved = None
        if refresh:
            self._refresh()

    def _show_mode_widgets(self) -> None:
        diff = self._mode == DIFF
        self.diff_view.setVisible(diff)
        self.change_legend.setVisible(diff)
        self.header.show_mode(self._mode)
        self._fold_legend()

    def _fold_legend(self) -> None:
        """Diff mode in a short panel, or any mode in a cramped one: the legend of lines keeps to one row, so the
        graph keeps its room."""
        short = self.height() < (SHORT_PANEL if self._mode == DIFF else CRAMPED_PANEL)
        self.legend.set_rows(1 if short else KIND_ROWS)

    def _fit(self) -> None:
        """Frame every node that can ever appear, so nothing jumps as the cursor moves (a view laid out alone: it)."""
        if self.focusing.active or self.focusing.alone:
            keys = [n.id for n in self._view.nodes if n.id in self._shown]
            names = [n.short_name for n in self._view.nodes if n.id in self._shown]
        else:
            keys = [key for key in self._positions if self._include_people or key in self._core]
            entities = self.state.dataset.entities
            full = columns.entity_names(entities)
            names = [graph.short_name(full.get(key, key)) for key in keys]
        relations = self.state.dataset.relations  # a tie of a node to itself is a loop beside it: room for it
        looped = bool(len(relations)) and bool((relations["source"].to_numpy() == relations["target"].to_numpy()).any())
        self.canvas.frame(np.array([self._shown.get(k, self._positions.get(k)) for k in keys]).reshape(-1, 2), names,
                          LOOP_ROOM if looped else 0.0)

    def _fit_shown(self) -> None:
        """The header's Fit: frame the entities drawn now. The panel's own frame holds every entity that can appear,
        so that nothing jumps as the cursor moves; two of 300 stood 7 px apart in it, one over the other, and Fit
        framed them so again."""
        keys = [n.id for n in self._view.nodes if n.id in self._shown]
        if not keys:
            self.canvas.fit()
            return
        every = np.array(list(self._positions.values()), dtype=float).reshape(-1, 2)
        least = float(np.ptp(every, axis=0).max()) / ZOOM_MOST if len(every) else 0.0
        self.canvas.frame(np.array([self._shown[k] for k in keys]).reshape(-1, 2),
                          [n.short_name for n in self._view.nodes if n.id in self._shown], self.canvas.loop_room, least)

    def _time(self, when: pd.Timestamp) -> str:
        """A date to the day, or a number when the dataset's times are numbers."""
        return format_instant(when, "day", self.state.dataset.meta.clock)

    def _refresh(self, animate: bool = False) -> None:
        state = self.state
        options = {"include_people": self._include_people, "hidden_kinds": self._hidden}
        if self._mode == DIFF:
            before, after = self.diff_view.dates()
            diff = diff_graph(state.dataset, before, after, **options)  # type: ignore[arg-type]
            self._view, self._changes = diff.view, diff.changes
            self.diff_view.show_diff(diff)
            self.as_of.setText(f"{self._time(diff.before)} → {self._time(diff.after)}")
        elif self._mode == WINDOW:
            start, end = from_seconds(state.window.start), from_seconds(state.window.end)
            self._view = graph.graph_during(state.dataset, start, end, **options)  # type: ignore[arg-type]
            self._changes = {}
            last = end - pd.Timedelta(microseconds=1)  # the window ends at midnight: name the last day it covers
            if numeric(state.dataset.meta.clock):
                self.as_of.setText("During {} – {}".format(*format_range(state.window.start, state.window.end,
                                                                          state.dataset.meta.clock)))
            else:
                self.as_of.setText(f"During {self._time(start)} – {self._time(last)}")
        else:
            self._view = graph.graph_at(state.dataset, state.cursor, **options)  # type: ignore[arg-type]
            self._changes = {}
            self.as_of.setText(f"As of {self._time(state.cursor)}")
        self._full = self._view
        selected = self._selected_entities()
        self._view, self._shown = self.focusing.apply(self._view, state.dataset.entities, self._positions, selected)
        self.canvas.set_caption(self.focusing.said())
        framing = self.focusing.framing()
        was_focused = bool(self._framed_focus) and bool(self._framed_focus[0])
        if (framing[0] or was_focused) and framing != self._framed_focus:
            # a new centre, or a focused view giving way to the whole graph (its nodes stand where the whole
            # layout puts them, outside the focused frame): frame it. A cursor move inside the same view keeps it.
            self._fit()
        self._framed_focus = framing
        self.reset_layout.setVisible(bool(self._moved))
        self.canvas.set_note(self._empty_note())
        self._rebuild(animate)

    def _empty_note(self) -> str:
        """Why the graph is empty (or "" when it is not): no ties in the data, none at this date, or hidden."""
        if self._view.nodes:
            return ""
        return empty_note(self.state.dataset, self._mode, self.state.cursor, self._include_people, self._hidden)

    def _selected_entities(self) -> set[str]:
        selection, ds = self.state.selection, self.state.dataset
        # a cursor step keeps the selection: its events' actors are found once, not twice a step
        if self._actors is None or self._actors[0]() is not ds or self._actors[1] != selection.events:
            self._actors = (weakref.ref(ds), selection.events, event_actors(ds, selection.events))
        return self._actors[2] | set(selection.entities)

    def _rebuild(self, animate: bool = False) -> None:
        """Turn the current view into arrays (positions, highlights, dimming) and draw them."""
        selection = self.state.selection
        rings = self._selected_entities() | self._key_rings()
        edge_ids = {e.id for e in self._view.edges if e.event and e.event in selection.events}
        self._nodes = node_arrays(self._view, self._shown, rings, self._involved, self.theme)
        self._edges = self._edges_of(self._view, self._nodes, edge_ids | set(selection.relations), self._changes)
        self.canvas.show_arrays(self._nodes, self._edges, animate)

    def _on_drag(self, key: str, pos: QPointF, finished: bool) -> None:
        xy = (float(pos.x()), float(pos.y()))
        if key in self.focusing.members:
            return  # a "k more" group sits beside its anchor; only entities remember where they were dropped
        if self.focusing.active:  # a focused view has its own layout: the node moves there, for now
            self._shown[key] = xy
            self._rebuild()
            return
        if finished:
            xy = graph.drop_node(self._positions, key, xy)
        self._positions[key] = self._shown[key] = xy
        self._rebuild()
        if finished:  # the session keeps where it was dropped (and so the settings, per dataset)
            moved = {**self._moved, key: xy}
            self._dropped = True  # the view stays framed as it is: the node lands under the mouse
            self.canvas.zoomed = True  # and a resize (the Reset button appearing) does not refit it
            self.state.set_view(node_positions=tuple(sorted((k, x, y) for k, (x, y) in moved.items())))
            self.positions_changed.emit(self.node_positions())

    def _on_reset_layout(self) -> None:
        self.set_node_positions({})
        self.positions_changed.emit({})

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Changes go beside the graph when the panel is wide enough for both, below it otherwise."""
        super().resizeEvent(event)
        wide = event.size().width() >= WIDE_PANEL and event.size().width() > 1.15 * event.size().height()
        self.splitter.setOrientation(Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical)
        self._fold_legend()
