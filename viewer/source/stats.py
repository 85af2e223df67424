"""Parquet row-group statistics as the first, lane-less picture of a big source (footers only)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow.parquet as pq

from viewer.io import parquet
from viewer.source.base import Density, DensityRequest, LaneSpec


def footer(path: Path) -> pq.FileMetaData:
    """A Parquet file's footer; a damaged or foreign file is a LoadError naming it."""
    try:
        return pq.read_metadata(path)
    except Exception as exc:  # pyarrow raises several types for a damaged footer
        raise parquet.unreadable(path, exc) from exc


def row_groups(files: tuple[Path, ...], column: str = "start") -> list[tuple[float, float, int]]:
    """(min start, max start, rows) of every row group whose ``column`` statistics are timestamps."""
    out: list[tuple[float, float, int]] = []
    for path in files:
        meta = footer(path)
        names = meta.schema.names
        if column not in names:
            continue
        index = names.index(column)
        for g in range(meta.num_row_groups):
            group = meta.row_group(g)
            stats = group.column(index).statistics
            if stats is None or not stats.has_min_max or not hasattr(stats.min, "timestamp"):
                continue  # no statistics, or text dates: nothing cheap to say
            lo, hi = pd.Timestamp(stats.min), pd.Timestamp(stats.max)
            lo = lo.tz_localize("UTC") if lo.tzinfo is None else lo
            hi = hi.tz_localize("UTC") if hi.tzinfo is None else hi
            out.append((lo.timestamp(), hi.timestamp(), group.num_rows))
    return out


def estimate(files: tuple[Path, ...], bins: int = 1024) -> Density | None:
    """Rows per bin over the whole span, each row group spread evenly over its start range; None
    when the files carry no usable statistics (text dates, or statistics not written)."""
    groups = row_groups(files)
    if not groups:
        return None
    lo = min(g[0] for g in groups)
    hi = max(g[1] for g in groups) + 1.0
    edges = np.linspace(lo, hi, bins + 1)
    cumulative = np.zeros(bins + 1)
    for g_lo, g_hi, rows in groups:
        # this group's share of each edge's running total: linear from its min to its max
        share = np.clip((edges - g_lo) / max(g_hi - g_lo, 1.0), 0.0, 1.0) * rows
        cumulative += share
    counts = np.diff(cumulative)
    request = DensityRequest(lo, hi, bins, LaneSpec())
    return Density(request, np.rint(counts).astype(np.int64)[None, :], exact=False, per_lane=False,
                   level="statistics")


def footer_facts(files: tuple[Path, ...]) -> tuple[int, pd.Timestamp, pd.Timestamp] | None:
    """(events, first start, last span end) from the footers alone, or None when they cannot tell.

    Exact for timestamp ``start``/``end`` columns without a ``precision`` column, read to the time:
    every row with a start counts, the span begins at the smallest start and ends at the largest start
    or end (an end before its start is ignored, and such an end is below some start anyway). Columns
    read as days (all midnights) end a day later: the opening adds it.
    """
    rows, lo, hi = 0, None, None
    for path in files:
        meta = footer(path)
        names = meta.schema.names
        if "start" not in names or "precision" in names:
            return None
        columns = [names.index(c) for c in ("start", "end") if c in names]
        for g in range(meta.num_row_groups):
            group = meta.row_group(g)
            start = group.column(columns[0]).statistics
            if start is None or not start.has_null_count or not hasattr(start.min, "timestamp"):
                return None
            rows += group.num_rows - start.null_count
            for index in columns:
                stats = group.column(index).statistics
                if stats is None or not stats.has_min_max:
                    if stats is not None and stats.null_count == group.num_rows:
                        continue  # a column of nothing but nulls has no min or max
                    return None
                if not hasattr(stats.min, "timestamp"):
                    return None
                if index == columns[0]:
                    lo = _utc(stats.min) if lo is None else min(lo, _utc(stats.min))
                hi = _utc(stats.max) if hi is None else max(hi, _utc(stats.max))
    if lo is None or hi is None:
        return None
    return rows, lo, hi


def _utc(value: object) -> pd.Timestamp:
    stamp = pd.Timestamp(value)
    return stamp.tz_localize("UTC") if stamp.tzinfo is None else stamp.tz_convert("UTC")
