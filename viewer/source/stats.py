"""Parquet row-group statistics as the first, lane-less picture of a big source (footers only)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow.parquet as pq

from viewer.source.base import Density, DensityRequest, LaneSpec


def row_groups(files: tuple[Path, ...], column: str = "start") -> list[tuple[float, float, int]]:
    """(min start, max start, rows) of every row group whose ``column`` statistics are timestamps."""
    out: list[tuple[float, float, int]] = []
    for path in files:
        meta = pq.read_metadata(path)
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
