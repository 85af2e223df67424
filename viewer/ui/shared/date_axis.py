"""A UTC date axis for the timeline and the overview: month ticks name their year, labels never collide."""

from __future__ import annotations

import copy
from collections import OrderedDict
from typing import Any

import numpy as np
import pyqtgraph as pg

CLEAR_PX = 64.0  # a finer tick closer than this to a coarser one would print over its label


class DateAxis(pg.DateAxisItem):  # type: ignore[misc]  # pyqtgraph is untyped
    """A UTC date axis whose month and day ticks say which month and year they belong to."""

    zoomLevels: OrderedDict[float, Any]  # set by pyqtgraph; declared so mypy knows it

    def __init__(self) -> None:
        super().__init__("bottom", utcOffset=0)
        # pyqtgraph shares its zoom levels between axes: copy before relabelling
        self.zoomLevels = OrderedDict((k, copy.deepcopy(v)) for k, v in self.zoomLevels.items())
        formats = {"%b": "%b %Y", "%d": "%d %b", "%a %d": "%a %d %b"}
        for level in self.zoomLevels.values():
            # the axis is UTC: pyqtgraph would still shift every tick through the machine's local zone (a
            # QDateTime round trip per tick, a third of a frame), and move hour ticks off the hour in it
            level.moveTicksToLocalTimeCoords = _as_they_are
        for level in list(self.zoomLevels.values())[1:]:  # the coarsest level keeps plain years and months
            for spec in level.tickSpecs:
                spec.format = formats.get(spec.format, spec.format)
            level.exampleText = {"MMM": "99 Mmm", "MMM 00": "Mon 99 Mmm"}.get(level.exampleText, level.exampleText)

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list[tuple[float, list[float]]]:
        """pyqtgraph's ticks, minus finer ones that sit too close to a coarser one ("1 Feb" beside "Feb 2023")."""
        levels = super().tickValues(minVal, maxVal, size)
        gap = (maxVal - minVal) / max(size, 1.0) * CLEAR_PX
        return declutter(levels, gap)


def _as_they_are(ticks: np.ndarray, _spacing: int, _skip: int) -> np.ndarray:
    """Tick positions on a UTC axis: already where they belong."""
    return ticks


def declutter(levels: list[tuple[float, list[float]]], gap: float) -> list[tuple[float, list[float]]]:
    """Drop ticks of finer levels that lie within ``gap`` of a tick kept on a coarser level."""
    kept = np.zeros(0)
    out = []
    for spacing, values in levels:
        v = np.asarray(values, dtype=np.float64)
        if len(kept) and len(v):
            v = v[np.min(np.abs(v[:, None] - kept[None, :]), axis=1) >= gap]
        kept = np.concatenate([kept, v])
        out.append((spacing, v.tolist()))
    return out
