"""MemorySource: the event source over an in-memory Dataset (pandas/numpy, the model's own functions)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from viewer.model import lane_packing
from viewer.model.columns import entity_names
from viewer.model.dataset import Dataset
from viewer.model.filters import Filters
from viewer.source.base import EVENT_FIELDS, NEVER, NO_FILTERS, CancelToken, DensityRequest, bin_index, to_stamp


class MemorySource:
    """Answers the :class:`~viewer.source.base.EventSource` questions from a loaded Dataset."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        events = dataset.events
        self._names = entity_names(dataset.entities)
        micros = events["span_start"].to_numpy(dtype="datetime64[us]").view(np.int64)
        self._seconds = micros // 1_000_000  # whole seconds, floored, as the engines compute them
        # by start, then id: the order every source lists events in
        self._order = np.lexsort((events["id"].to_numpy(dtype=object), micros))
        self._pairs: dict[tuple[str, tuple[str, ...]], tuple[np.ndarray, np.ndarray]] = {}

    def count(self, filters: Filters = NO_FILTERS) -> int:
        """How many events match."""
        return int(self._mask(filters).sum()) if filters.active else len(self.dataset.events)

    def span(self) -> tuple[pd.Timestamp, pd.Timestamp] | None:
        """The first start and the last span end, or None without events."""
        return self.dataset.span()

    def lane_keys(self, group_by: str, principal: tuple[str, ...] = (), max_lanes: int = 12) -> tuple[str, ...]:
        """The lanes ``lane_rows`` draws for this grouping, in order."""
        lanes = lane_packing.lane_rows(self.dataset.events, principal, self._names, group_by, packed=False,
                                       max_lanes=max_lanes)
        return lanes.keys

    def density(self, request: DensityRequest, token: CancelToken = NEVER) -> np.ndarray:
        """Exact counts per lane per bin."""
        token.check()
        event_index, lane = self._lane_pairs(request.lanes.group_by, request.lanes.keys)
        if request.filters.active:
            keep = self._mask(request.filters)[event_index]
            event_index, lane = event_index[keep], lane[keep]
        n_lanes, n_bins = len(request.lanes.keys), request.bins
        bins = bin_index(self._seconds[event_index], request.t0, request.t1, n_bins)
        inside = bins >= 0
        flat = np.bincount(lane[inside] * n_bins + bins[inside], minlength=n_lanes * n_bins)
        return flat.reshape(n_lanes, n_bins).astype(np.int64)

    def events(self, t0: float | None = None, t1: float | None = None, filters: Filters = NO_FILTERS,
               limit: int | None = None, token: CancelToken = NEVER) -> pd.DataFrame:
        """The events overlapping ``[t0, t1)`` that match, by start then id, up to ``limit``."""
        token.check()
        events = self.dataset.events
        mask = self._mask(filters) if filters.active else np.ones(len(events), dtype=bool)
        if t1 is not None:
            mask &= (events["span_start"] < to_stamp(t1)).to_numpy()
        if t0 is not None:
            lo = to_stamp(t0)
            mask &= (events["span_end"] > lo).to_numpy() | (events["span_start"] >= lo).to_numpy()
        rows = self._order[mask[self._order]]
        if limit is not None:
            rows = rows[:limit]
        return events.iloc[rows][list(EVENT_FIELDS)].reset_index(drop=True)

    def event(self, event_id: str) -> pd.Series | None:
        """One event by id, or None."""
        hits = np.flatnonzero((self.dataset.events["id"] == event_id).to_numpy())
        return self.dataset.events.iloc[int(hits[0])][list(EVENT_FIELDS)] if len(hits) else None

    def _mask(self, filters: Filters) -> np.ndarray:
        return filters.mask(self.dataset.events, self._names)

    def _lane_pairs(self, group_by: str, keys: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
        """(event row, lane number) pairs for these lanes, remembered per grouping."""
        cached = self._pairs.get((group_by, keys))
        if cached is None:
            principal = tuple(k for k in keys if k != lane_packing.OTHER) if group_by == "actor" else ()
            lanes = lane_packing.lane_rows(self.dataset.events, principal, self._names, group_by, packed=False)
            # lane_rows numbers its own lanes; map them onto the requested keys (unknown → dropped)
            position = {key: i for i, key in enumerate(keys)}
            renumber = np.array([position.get(key, -1) for key in lanes.keys], dtype=np.int64)
            lane = renumber[lanes.lane] if len(lanes.keys) else lanes.lane
            keep = lane >= 0
            cached = (lanes.event_index[keep], lane[keep])
            self._pairs[(group_by, keys)] = cached
        return cached
