"""Background spans: events drawn as shaded stretches of time behind the lanes, not as bars in them.

vis-timeline ``background`` items and TimelineJS / Timeline eras (see
:func:`viewer.model.lane_packing.background_mask`) mark a period — a code freeze, a holiday, a war —
rather than something that happened. :func:`split_backgrounds` takes their pairs out of the lanes
(so they neither take sub-rows nor hide other events' labels) and keeps, per span, the lane it
shades: its actor's lane when the lanes are by actor and it has an actor (a vis item's group),
every lane otherwise. Qt-free: the timeline item only paints what this returns.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from viewer.model.lane_packing import OTHER, Lanes, background_mask, only_events

EVERY_LANE = ""  # the lane key of a span that shades the whole height


@dataclass(frozen=True)
class Backgrounds:
    """Spans in Unix seconds, each with its event's row and the key of the lane it shades."""

    start: np.ndarray = field(default_factory=lambda: np.zeros(0))
    end: np.ndarray = field(default_factory=lambda: np.zeros(0))
    event_index: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    lane_key: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()

    def __len__(self) -> int:
        return len(self.event_index)

    def lanes_in(self, keys: tuple[str, ...]) -> np.ndarray:
        """Each span's lane index among ``keys``; -1 for every lane (or a lane not shown)."""
        where = {key: i for i, key in enumerate(keys)}
        return np.array([where.get(key, -1) for key in self.lane_key], dtype=np.int64)


def split_backgrounds(lanes: Lanes, events: pd.DataFrame, group_by: str) -> tuple[Lanes, Backgrounds]:
    """The lanes without the background events' pairs, and those events as spans.

    >>> from viewer.model.dataset import Tables, build_dataset
    >>> from viewer.model.lane_packing import lane_rows
    >>> events = pd.DataFrame({"start": ["2024-01-05", "2024-01-15"], "end": [None, "2024-01-22"],
    ...                        "actors": ["a", ""], "category": ["", "background"]})
    >>> ds = build_dataset(Tables(events))
    >>> kept, spans = split_backgrounds(lane_rows(ds.events, (), {}), ds.events, "actor")
    >>> len(kept), len(spans), spans.lane_key
    (1, 1, ('',))
    """
    mask = background_mask(events)
    if not mask.any():
        return lanes, Backgrounds()
    pairs = mask[lanes.event_index]
    index, first = np.unique(lanes.event_index[pairs], return_index=True)  # one span per event: its first pair
    if group_by == "actor":  # its actor's lane when it names one (a vis item's group), else every lane
        has_actor = events["actors"].astype("str").fillna("").str.strip().ne("").to_numpy(dtype=bool)
        keys = [lanes.keys[lane] if has_actor[event] and lanes.keys[lane] != OTHER else EVERY_LANE
                for event, lane in zip(index.tolist(), lanes.lane[pairs][first].tolist(), strict=True)]
    else:
        keys = [EVERY_LANE] * len(index)
    start, end = lanes.start[pairs][first], lanes.end[pairs][first]
    titles = events["title"].astype("str").fillna("").to_numpy(dtype=object)[index] if "title" in events else []
    return only_events(lanes, ~mask), Backgrounds(start, end, index.astype(np.int64), tuple(keys),
                                                  tuple(str(t) for t in titles))
