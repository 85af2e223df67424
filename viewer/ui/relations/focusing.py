"""What the relationship panel shows of a big graph: a focused view instead of a hairball.

Above :func:`~viewer.model.graph_focus.needs_focus` the panel draws :func:`~viewer.model.graph_focus.focus`
around the entities the user searched for or double-clicked, plus the selection (an event's actors
come into view). Group nodes ("k more") get positions beside their anchor; double-clicking one
shows its members, double-clicking an entity adds its neighbourhood.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import pandas as pd

from viewer.model import graph
from viewer.model.graph_focus import FocusView, exact, focus, group_positions, needs_focus, search

MAX_AROUND = 8  # entities searched or expanded that stay at the centre (the oldest go first)


@dataclass
class Focusing:
    """The user's focus choices for one dataset (searched and expanded entities, opened groups)."""

    around: list[str] = field(default_factory=list)
    expanded: set[str] = field(default_factory=set)
    members: dict[str, tuple[str, ...]] = field(default_factory=dict)
    active: bool = False  # the last view was focused
    alone: bool = False  # the last view was laid out on its own, the dataset having no layout of every date
    hidden: int = 0  # entities left out of the last focused view
    shown: int = 0  # and the entities in it (its "k more" groups not counted)
    _laid_out: frozenset[str] = frozenset()  # the entities :attr:`_local` places
    _local: graph.Positions = field(default_factory=dict)
    _last: tuple[tuple[object, ...], FocusView] | None = None  # what was asked last, and the answer
    _found: tuple[str, str] | None = None  # the text Find was last given, and the entity it found

    def reset(self) -> None:
        """Forget every choice (a new dataset)."""
        self.around, self.expanded, self.members, self.active, self.alone, self.hidden = [], set(), {}, False, False, 0
        self._laid_out, self._local, self._last, self._found = frozenset(), {}, None, None

    def framing(self) -> tuple[object, ...]:
        """What the panel frames anew when it changes: whether the view is laid out on its own (focused, or a graph
        too big for one layout), around what, and which entities its layout placed (a new layout places every node
        anew: an event selected beyond the view put its actor outside the frame). A cursor move inside the same view
        keeps the frame."""
        alone = "focused" if self.active else "alone" if self.alone else ""  # (from one to the other: framed anew)
        return alone, tuple(self.around), frozenset(self.expanded), self._laid_out if alone else frozenset()

    def said(self) -> str:
        """What a focused view leaves out, and how to see the rest ("" when the graph is whole)."""
        if not self.active:
            return ""
        return f"{self.shown:,} of {self.shown + self.hidden:,} entities"

    def find(self, entities: pd.DataFrame, text: str, view: graph.GraphView) -> str | None:
        """The best match for ``text`` among the entities, put at the centre: an entity of that very name or id first
        ("Acme", not "Acme Holdings", though only the holdings has a tie now), then those in ``view``. The same text
        again takes the next match, as a find bar's Return does (two entities of one name are each reached)."""
        named = exact(entities, text)
        found = [*named, *(key for key in search(entities, text) if key not in named)]
        if not found:
            self._found = None
            return None
        asked = " ".join(text.split()).casefold()
        if self._found is not None and self._found[0] == asked and self._found[1] in found:
            best = found[(found.index(self._found[1]) + 1) % len(found)]
        else:
            pool, shown = named or found, view.node_ids()
            best = next((key for key in pool if key in shown), pool[0])
        self._found = (asked, best)
        self.centre_on(best)
        return best

    def centre_on(self, key: str) -> None:
        """Show ``key``'s neighbourhood (a group node shows its members instead)."""
        if key in self.members:
            self.expanded.add(key)
            return
        self.around = [*[k for k in self.around if k != key][-(MAX_AROUND - 1):], key]

    def apply(self, view: graph.GraphView, entities: pd.DataFrame, positions: graph.Positions,
              selected: Iterable[str]) -> tuple[graph.GraphView, graph.Positions]:
        """The view to draw and the positions of its nodes (group nodes included)."""
        self.active = needs_focus(view)
        self.alone = not self.active and not all(node.id in positions for node in view.nodes)
        if not self.active:
            self.members, self.hidden = {}, 0
            if not self.alone:
                return view, positions
            # a graph too big for one layout of all its dates (graph_positions.LAYOUT_MOST): its view laid out alone
            return view, {**positions, **self._layout(view, {}, entities)}
        focused = self._focus(view, entities, [*self.around, *selected])
        self.members, self.hidden = focused.members, focused.hidden
        self.shown = sum(1 for node in focused.view.nodes if node.id not in focused.members)
        local = self._layout(focused.view, focused.members, entities)
        return focused.view, {**local, **group_positions(focused, local)}

    def _focus(self, view: graph.GraphView, entities: pd.DataFrame, around: list[str]) -> FocusView:
        """:func:`focus` of the view, or the last answer when nothing it reads changed: a cursor dragged where no
        tie starts or ends gets the same nodes and edges (the very tuples, remembered by
        :func:`~viewer.model.graph.graph_at`), and focusing 3,000 entities again took 17 ms a step."""
        asked = (view.nodes, view.edges, entities, tuple(around), frozenset(self.expanded))
        if self._last is not None and all(a is b for a, b in zip(self._last[0][:3], asked[:3], strict=True)) \
                and self._last[0][3:] == asked[3:]:
            kept = self._last[1]
            return FocusView(graph.GraphView(view.when, kept.view.nodes, kept.view.edges, view.until), kept.members,
                             kept.anchors, kept.hidden)
        focused = focus(view, entities, around, expanded=self.expanded)
        self._last = (asked, focused)
        return focused

    def _layout(self, view: graph.GraphView, members: Mapping[str, object], entities: pd.DataFrame
                ) -> graph.Positions:
        """Positions of the view's entities (not its groups, ``members``) laid out on their own (in the whole graph's
        layout they crowd around their hub); kept while the same entities are shown, so a cursor move moves
        nothing."""
        shown = frozenset(n.id for n in view.nodes if n.id not in members)
        if shown == self._laid_out:
            return self._local
        edges = [e for e in view.edges if e.source in shown and e.target in shown]
        relations = pd.DataFrame({"source": [e.source for e in edges], "target": [e.target for e in edges],
                                  "kind": [e.kind for e in edges]}, dtype=object)
        rows = entities[entities["id"].isin(shown)]
        self._local = graph.layout(rows, relations, include_people=True, principal=self.around)
        self._laid_out = shown
        return self._local
