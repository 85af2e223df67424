"""Up and Down on the timeline: from the selected event to the nearest one in the lane above or below.

Left and Right walk the events in time, across every lane; a keyboard user had no way from one lane to the next
(from Renault's events to Nissan's at the same date). While the timeline holds the focus, Down selects the event of
the next lane down whose start lies nearest the selected one's, Up the same upwards; lanes with nothing drawn (every
event hidden by the filters) are passed by. An event drawn in several lanes (an alliance's event in each partner's)
would seem not to move: the step goes to the nearest event of the new lane that the lane left does not draw, where
there is one, never to the selected event again, and the keys move on from the lane they reached. With nothing
selected, Down starts in the top lane and Up in the bottom one, nearest the cursor. The selection moves as a click
moves it: the cursor goes to the event's start, and the view follows it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut

from viewer.model.columns import IdLookup
from viewer.model.dates import to_seconds
from viewer.ui.shared.state import ViewState

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from viewer.ui.timeline.items import EventsItem

HELP = (("Up", "Select the nearest event in the lane above (timeline); the entity above (graph)"),
        ("Down", "Select the nearest event in the lane below (timeline); the entity below (graph)"))


def lane_step(starts: np.ndarray, lanes: np.ndarray, shown: np.ndarray, at: float, lane: int | None,
              way: int, fresh: np.ndarray | None = None) -> int | None:
    """The mark to step to from lane ``lane`` (None: from outside every lane, above for Down, below for Up), in the
    nearest lane ``way`` (+1 down, -1 up) holding a ``shown`` mark: the one whose start is nearest ``at``, among the
    ``fresh`` ones where the lane holds any (an event drawn in the lane left too would seem not to have moved).

    >>> starts, lanes = np.array([1.0, 2.0, 5.0, 9.0]), np.array([0, 2, 2, 3])
    >>> shown = np.array([True, True, True, False])
    >>> lane_step(starts, lanes, shown, 4.0, 0, 1), lane_step(starts, lanes, shown, 4.0, 2, 1)
    (2, None)
    >>> lane_step(starts, lanes, shown, 1.5, None, -1), lane_step(starts, lanes, shown, 1.5, None, 1)
    (1, 0)
    >>> lane_step(starts, lanes, shown, 1.5, 0, 1, fresh=np.array([True, False, True, True]))
    2
    """
    held = np.flatnonzero(np.bincount(lanes[shown], minlength=1))  # (a count, not a sort: a million marks)
    if lane is None:
        ahead = held[-1:] if way < 0 else held[:1]
    else:
        ahead = held[held < lane][-1:] if way < 0 else held[held > lane][:1]
    if not len(ahead):
        return None
    rows = np.flatnonzero(shown & (lanes == ahead[0]))
    if fresh is not None and fresh[rows].any():
        rows = rows[fresh[rows]]
    return int(rows[np.argmin(np.abs(starts[rows] - at))])


class LaneSteps:
    """The Up and Down keys, mixed into :class:`~viewer.ui.timeline.panel.TimelinePanel`, and the lane they reached."""

    state: ViewState
    items: EventsItem
    _ids: IdLookup
    _reached: tuple[int, int] | None = None  # (event, lane) the keys stepped to last

    def _install_lane_steps(self) -> None:
        for key, way in ((Qt.Key.Key_Up, -1), (Qt.Key.Key_Down, 1)):
            shortcut = QShortcut(QKeySequence(key), cast("QWidget", self))
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda way=way: self.step_lane(way))

    def step_lane(self, way: int) -> None:
        """Select the nearest event ``way`` lanes on (+1 down, -1 up) from the selected one's lane."""
        marks, hidden = self.items.marks, self.items.hidden
        if not len(marks.event):
            return
        shown = ~hidden[marks.event] if len(hidden) else np.ones(len(marks.event), dtype=bool)
        current = next((i for i in (self._ids.get(e, -1) for e in self.state.selection.events) if i >= 0), None)
        own = np.flatnonzero(marks.event == current) if current is not None else np.zeros(0, dtype=np.int64)
        if len(own):
            lanes_of = marks.lane[own].tolist()
            reached = self._reached
            lane: int | None = reached[1] if reached and reached[0] == current and reached[1] in lanes_of \
                else min(lanes_of)
            at = float(marks.x0[own[lanes_of.index(lane)]])
        else:
            at, lane = float(to_seconds(self.state.cursor)), None
        others = shown & (marks.event != current) if current is not None else shown  # (not itself in its other lane)
        fresh = None
        if lane is not None:  # the events the lane left draws, looked up by position (an isin sorts: 0.2 s at 1M)
            in_lane = np.zeros(int(marks.event.max()) + 1, dtype=bool)
            in_lane[marks.event[marks.lane == lane]] = True
            fresh = ~in_lane[marks.event]
        to = lane_step(marks.x0, marks.lane, others, at, lane, way, fresh)
        if to is None:
            return  # no lane that way: the selection stays
        self._reached = (int(marks.event[to]), int(marks.lane[to]))
        self.state.select_event(self._ids[int(marks.event[to])])
