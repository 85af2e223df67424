"""Previous / next event on an engine source: the in-memory step (:func:`viewer.model.query.step_event`)
answered by queries over widening windows, so a step near the cursor reads a few row groups, not the table.

Events are in (start, id) order, as the engine's window answers are. From a current event, the step
goes to the one after (before) it in that order; with none, ``+1`` is the first event starting at or
after the cursor and ``-1`` the last one starting before it. Only events the filters match are stepped
onto; a current event hidden by them still counts as the place to step from.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

from viewer.model.filters import Filters
from viewer.source.base import EVENT_FIELDS, NEVER, NO_FILTERS, CancelToken
from viewer.source.engine import tidy

if TYPE_CHECKING:
    from viewer.source.engine import EngineSource

FIRST_WIDTH = 1 / 4096  # of the source's span: the first window looked in
GROWTH = 16  # each next window is this many times wider


def step(source: EngineSource, cursor: float, direction: int, current: tuple[float, str] | None = None,
         filters: Filters = NO_FILTERS, token: CancelToken = NEVER) -> pd.Series | None:
    """The event ``direction`` (+1 or -1) steps onto from ``current`` (its start in seconds and its id) or
    from ``cursor`` (seconds) when there is none: its row (``id``, ``start`` …), or None at either end."""
    span = source.span()
    if span is None or direction == 0:
        return None
    lo, hi = (stamp.timestamp() for stamp in span)
    at = current[0] if current is not None else cursor
    view = source.matching(filters)
    width = max((hi - lo) * FIRST_WIDTH, 1.0)
    while True:
        token.check()
        last = (at + width >= hi) if direction > 0 else (at - width <= lo)
        bounds = (at, None if last else at + width) if direction > 0 else (None if last else at - width, at)
        found = _nearest(source, view, bounds, direction, current)
        if found is not None or last:
            return found
        width *= GROWTH


def _nearest(source: EngineSource, view: Any, bounds: tuple[float | None, float | None], direction: int,
             current: tuple[float, str] | None) -> pd.Series | None:
    """The first (last) event with its start in ``bounds`` (both inclusive here: ties with ``current``
    are sorted out by id), past ``current`` when given."""
    a, b = bounds
    part = source.prune(view, a, None if b is None else b + 1)
    if a is not None:
        part = part.filter(part.s >= a)
    if b is not None:
        part = part.filter(part.s <= b)
    if current is not None:
        s0, id0 = current
        part = part.filter((part.s > s0) | ((part.s == s0) & (part.id > id0))) if direction > 0 else \
            part.filter((part.s < s0) | ((part.s == s0) & (part.id < id0)))
    elif direction < 0:
        part = part.filter(part.s < b) if b is not None else part
    keys = [part.s, part.id] if direction > 0 else [part.s.desc(), part.id.desc()]
    rows = tidy(part.order_by(keys).limit(1).select(*EVENT_FIELDS).execute())
    return rows.iloc[0] if len(rows) else None
