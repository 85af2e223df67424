"""Open an engine source for the window: a Dataset with no event rows, whose events stay in the source.

The opener (run in the loader's worker thread) asks only what the first frame needs: the count and
the span (footers and one min/max), the footers' row-group statistics (the timeline's first, lane-less
picture), and the pyramids kept in the cache for lanes already known (their small levels read now: the
first per-lane picture). The lanes of a grouping met for the first time and the longest span (full
scans on a big table) are asked later by the window's worker, never on the UI thread (see
``known_lane_spec``). Qt-free.
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from viewer.io.cache import enabled
from viewer.model.dataset import Dataset, DatasetMeta, Tables, build_dataset
from viewer.model.dates import to_seconds
from viewer.model.graph_positions import prepare
from viewer.model.lane_packing import OTHER, Lanes, category_label, short_name
from viewer.source import actor_lanes, naming
from viewer.source.base import GROUPINGS, EventSource, LaneSpec
from viewer.source.connect import SourceSpec, connect, locate
from viewer.source.stats import estimate

if TYPE_CHECKING:
    from viewer.source.engine import EngineSource
    from viewer.source.pyramid import Pyramid

__all__ = ["cached_pyramids", "empty_events", "known_lane_spec", "lane_labels", "lane_spec", "open_for_window",
           "pyramid_key", "reopen", "row_lanes"]
log = logging.getLogger(__name__)


@cache
def empty_events() -> pd.DataFrame:
    """An events frame with every column a loaded one has, and no rows (shared: treat as read-only)."""
    frame = pd.DataFrame({"id": pd.Series([], dtype="str"), "start": pd.Series([], dtype="str")})
    return build_dataset(Tables(frame), DatasetMeta(), []).events


def open_for_window(source: str | Path, table: str | None = None) -> Dataset:
    """The Dataset the window shows for an engine source (call off the UI thread: it asks the engine)."""
    from viewer.source.engine import EngineSource  # noqa: PLC0415 - ibis loads only when an engine source opens
    from viewer.source.opening import open_engine  # noqa: PLC0415 - as above
    spec = locate(source, table)
    lazy = open_engine(spec)
    engine = lazy.source
    assert isinstance(engine, EngineSource)  # open_engine always queries
    engine.count()
    engine.span()
    if spec.kind == "parquet":
        engine.estimate = estimate(spec.files)
    engine.spec = spec
    if enabled():
        engine.fingerprint = pyramid_key(spec, engine)
        engine.pyramids = cached_pyramids(engine, lazy.meta.principal)
    # laid out here, off the UI thread, as a loaded dataset is (graph_positions.prepare)
    return prepare(Dataset(empty_events(), lazy.entities, lazy.relations, lazy.meta, lazy.problems, source=engine))


def pyramid_key(spec: SourceSpec, source: EventSource) -> str:
    """What a source's pyramids are kept under: its fingerprint, and for an engine URL, whose table may
    change behind the same address, its count and span as well (asked afresh on every open)."""
    if spec.kind != "url":
        return spec.fingerprint()
    span = source.span()
    parts = [spec.fingerprint(), source.count(), [t.isoformat() for t in span] if span else None]
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()[:32]


def cached_pyramids(source: EngineSource, principal: tuple[str, ...]) -> list[Pyramid]:
    """The pyramids kept for this source, one per grouping at most, their small levels in memory
    (call off the UI thread). One that cannot be read is removed, to be built again."""
    from viewer.source.pyramid import Pyramid  # noqa: PLC0415 - ibis loads only when an engine source opens
    if source.fingerprint is None:
        return []
    found = []
    for group_by in GROUPINGS:
        lanes = known_lane_spec(source, group_by, principal)
        if lanes is None:  # never asked of this source: no pyramid was built for them either
            continue
        pyramid = Pyramid.find(source.fingerprint, lanes)
        if pyramid is None:
            continue
        try:
            pyramid.load_small()
        except Exception as exc:  # pyarrow raises several types for a damaged file: only a lost shortcut
            log.warning("%s: pyramid not readable (%s); building it again", pyramid.folder, exc)
            shutil.rmtree(pyramid.folder, ignore_errors=True)
            continue
        found.append(pyramid)
    return found


def reopen(source: EngineSource) -> EngineSource:
    """The same source over a connection of its own, for another thread (connections are not shared);
    its remembered facts are shared."""
    from viewer.source.engine import EngineSource  # noqa: PLC0415 - as above
    if source.spec is None:
        raise ValueError(f"{source.label}: opened without a source description, so it cannot be opened again")
    _con, table = connect(source.spec)
    twin = EngineSource(naming.native(table)[0], source.entity_names, label=source.label, facts=source.facts)
    twin.spec, twin.fingerprint = source.spec, source.fingerprint
    twin.long_index = source.long_index  # the index's files are read through the twin's own connection
    return twin


def lane_spec(source: EventSource, group_by: str, principal: tuple[str, ...]) -> LaneSpec:
    """The source's lanes for a grouping (an attribute grouping, which sources cannot answer, is one lane)."""
    if group_by not in GROUPINGS:
        group_by = "none"
    keys = source.lane_keys(group_by, principal if group_by == "actor" else ())
    return LaneSpec(group_by, keys or ("all",))


def known_lane_spec(source: EventSource, group_by: str, principal: tuple[str, ...]) -> LaneSpec | None:
    """``lane_spec`` when it costs no query (an in-memory source, or lanes an engine was asked before),
    else None: ask ``lane_spec`` off the UI thread."""
    if group_by not in GROUPINGS:
        group_by = "none"
    knows = getattr(source, "knows_lanes", None)  # an engine source remembers what it was asked
    if knows is not None and not knows(group_by, principal if group_by == "actor" else ()):
        return None
    return lane_spec(source, group_by, principal)


def lane_labels(spec: LaneSpec, names: dict[str, str]) -> tuple[str, ...]:
    """What each lane is called (as ``lane_rows`` names them)."""
    if spec.group_by == "actor":
        return tuple(OTHER if k == OTHER else short_name(names.get(k, k)) for k in spec.keys)
    if spec.group_by == "category":
        return tuple(category_label(k) for k in spec.keys)  # ("Other" is written as a name: kept)
    return tuple("Events" for _ in spec.keys)


def row_lanes(rows: pd.DataFrame, spec: LaneSpec, labels: tuple[str, ...]) -> Lanes:
    """A window's rows as (event, lane) pairs in the source's fixed lanes (sub-rows not yet packed)."""
    lane_of = {key: i for i, key in enumerate(spec.keys)}
    if spec.group_by == "actor":
        lists = [str(a) for a in rows["actors"].astype(str)]
        pairs = actor_lanes.lane_pairs(sorted(set(lists)), spec.keys)
        per_list: dict[str, list[int]] = {}
        for text, key in pairs:
            if key in lane_of:
                per_list.setdefault(text, []).append(lane_of[key])
        found = [(i, k) for i, text in enumerate(lists) for k in per_list.get(text, [])]
    elif spec.group_by == "category":
        cats = rows["category"].astype(str).tolist()
        other = lane_of.get(OTHER)  # categories past the busiest go there, as lane_rows puts them
        found = [(i, k) for i, c in enumerate(cats) if (k := lane_of.get(c or OTHER, other)) is not None]
    else:
        found = [(i, 0) for i in range(len(rows))]
    event = np.array([i for i, _ in found], dtype=np.int64)
    lane = np.array([k for _, k in found], dtype=np.int64)
    starts = np.asarray(to_seconds(rows["span_start"]), dtype=np.float64)
    ends = np.asarray(to_seconds(rows["span_end"]), dtype=np.float64)
    ends = np.where(np.isnan(ends), starts, np.maximum(ends, starts))
    start, end = starts[event], ends[event]
    order = np.lexsort((lane, start))
    return Lanes(spec.keys, labels, event[order], lane[order], np.zeros(len(order), np.int64), start[order],
                 end[order])

