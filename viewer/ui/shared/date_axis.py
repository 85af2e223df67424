"""A UTC date axis for the timeline and the overview: month ticks name their year, labels never collide.

On a dataset whose times are numbers (the numeric clock, :mod:`viewer.model.clock`) the same axis shows
plain number ticks, 1, 2 or 5 × 10^k apart.
"""

from __future__ import annotations

import copy
import math
from collections import OrderedDict
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF
from PySide6.QtGui import QFont, QFontMetrics, QPicture

from viewer.model import clock, years
from viewer.ui.shared.guarded_paint import guarded

_DRAWN = QPicture()  # stands in for pyqtgraph's cached picture: never played, only "not None"
CLEAR_PX = 64.0  # a finer tick closer than this to a coarser one would print over its label
NUMBER_GAP_PX = 48.0  # air between two number labels
LABEL_AIR_PX = 6.0  # at least this between two date labels of one level, else the level goes unlabelled
YEAR_1 = -62_135_596_800.0  # 1 January 1, in Unix seconds: pyqtgraph's dates (Python's datetime) start here …
YEAR_10000 = 253_402_300_800.0  # … and stop here; a view reaching past either end is ticked in whole years


class DateAxis(pg.DateAxisItem):  # type: ignore[misc]  # pyqtgraph is untyped
    """A UTC date axis whose month and day ticks say which month and year they belong to."""

    zoomLevels: OrderedDict[float, Any]  # set by pyqtgraph; declared so mypy knows it
    zoomLevel: Any  # pyqtgraph's level for the last ticks asked, which its tickStrings writes labels at
    minSpacing: float
    picture: QPicture | None  # pyqtgraph's cached drawing; None: draw again

    def __init__(self, relabel: bool = True) -> None:
        self._specs: tuple[Any, ...] | None = None  # what the last paint drew (axis line, ticks, labels)
        self._ticks: tuple[tuple[float, float, float, str], list[tuple[float, list[float]]]] | None = None
        self._far = False  # the last ticks were whole years (a view reaching past years 1 or 9999)
        # date ticks over a stretch three views wide: (font, seconds per pixel, start, end, levels, and
        # pyqtgraph's zoom level and minimum spacing for them, which its tickStrings reads)
        self._wide: tuple[Any, float, float, float, list[tuple[float, np.ndarray]], Any, float] | None = None
        self._seen: tuple[Any, float] | None = None  # the font and seconds per pixel asked last
        super().__init__("bottom", utcOffset=0)
        self.clock = clock.CALENDAR
        self.relabel = relabel
        if not relabel:  # pyqtgraph's own date ticks (the history chart)
            return
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

    def linkToView(self, view: Any) -> None:
        """Link to a view without pyqtgraph's limits (years 1 to 9998, what Python's datetime can label): the
        calendar reaches ±290,000 years, and far years are ticked here (:func:`far_year_levels`)."""
        super().linkToView(view)
        view.setLimits(xMin=None, xMax=None)

    @guarded
    def paint(self, p: Any, *args: Any) -> None:
        """pyqtgraph's drawing, straight onto the painter: pyqtgraph records it into a QPicture and plays
        that back, a second pass over every tick and label at every pan and zoom, where the picture is
        thrown away at the next change anyway. The ticks and labels (specs) are kept until then."""
        if self.picture is None:  # pyqtgraph's "draw again" flag: it sets None on every change
            p.save()
            if self.style["tickFont"]:
                p.setFont(self.style["tickFont"])
            self._specs = self.generateDrawSpecs(p)
            p.restore()
            self.picture = _DRAWN
        if self._specs is not None:
            p.save()
            if self.style["tickFont"]:
                p.setFont(self.style["tickFont"])
            self.drawPicture(p, *self._specs)
            p.restore()

    def grid_ticks(self, lo: float, hi: float, size: float) -> list[tuple[float, list[float]]]:
        """The ticks over ``[lo, hi]`` drawn ``size`` pixels wide, for grid lines drawn elsewhere: asked
        before this axis has painted, it measures its labels with its own font."""
        if getattr(self, "fontMetrics", None) is None:  # pyqtgraph sets it when it draws
            self.fontMetrics = QFontMetrics(self.style["tickFont"] or QFont())
        # measured as pyqtgraph measures the axis when it draws, so that it finds these ticks computed
        bounds = self.mapRectFromParent(self.geometry())  # pyqtgraph spans it one pixel further each way
        ends = (self.mapToDevice(bounds.topLeft() + QPointF(-1.0, 1.0)),
                self.mapToDevice(bounds.topRight() + QPointF(1.0, 1.0)))
        if None not in ends:
            size = math.hypot(ends[1].x() - ends[0].x(), ends[1].y() - ends[0].y())
        return self.tickValues(lo, hi, size)

    def set_clock(self, name: str) -> None:
        """Show dates (``calendar``), plain numbers (``number``) or years (``years``) from now on."""
        if name != self.clock:
            self.clock = clock.check(name)
            self.picture = None  # pyqtgraph's cached drawing of the old labels
            self.update()

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list[tuple[float, list[float]]]:
        """pyqtgraph's ticks, minus finer ones that sit too close to a coarser one ("1 Feb" beside "Feb 2023").

        On the numeric clock: numbers 1, 2 or 5 × 10^k apart, as many as fit their labels.
        """
        key = (minVal, maxVal, size, self.clock)
        if self._ticks is not None and self._ticks[0] == key:  # the grid asked first, in the same frame
            return self._ticks[1]
        metrics = getattr(self, "fontMetrics", None)  # set by pyqtgraph once it draws
        char_px = metrics.averageCharWidth() if metrics else 7.0
        self._far = False
        if clock.numeric(self.clock):
            levels = number_levels(minVal, maxVal, size, char_px, self.clock)
        elif minVal < YEAR_1 or maxVal > YEAR_10000:
            self._far = True
            levels = far_year_levels(minVal, maxVal, size, char_px)
        else:
            levels = self._calendar_levels(minVal, maxVal, size)
        self._ticks = (key, levels)
        return levels

    def _calendar_levels(self, lo: float, hi: float, size: float) -> list[tuple[float, list[float]]]:
        """pyqtgraph's date ticks (then decluttered when relabelling). From the second view at one zoom (a
        pan), they are cut from ticks computed once over a stretch three views wide: the pan filters them,
        where pyqtgraph would step through the calendar again (1.5–2 ms a frame). Its steps are whole
        calendar units (every year, every 5 years, every month, day or hour), the same wherever the view
        starts, so the cut is its answer. A zoom step (a new zoom each time) asks for its own view only."""
        density = (hi - lo) / max(size, 1.0)
        metrics = getattr(self, "fontMetrics", None)  # pyqtgraph measures its zoom levels' labels with it
        look = (metrics.height(), metrics.averageCharWidth()) if metrics else None
        wide, seen = self._wide, self._seen
        self._seen = (look, density)

        def same(kept: tuple[Any, float] | None) -> bool:  # a pan changes seconds per pixel by float noise
            return kept is not None and kept[0] == look and math.isclose(kept[1], density, rel_tol=1e-6)

        if wide is None or not same(wide[:2]) or not wide[2] <= lo <= hi <= wide[3]:
            wide = None  # a zoom: the next view is at another zoom, the view's own ticks will do
            if same(seen):  # the second view at this zoom (a pan): keep a stretch three views wide
                first, last = max(lo - (hi - lo), YEAR_1), min(hi + (hi - lo), YEAR_10000)
                levels = super().tickValues(first, last, (last - first) / density if density > 0 else size)
                wide = self._wide = (look, density, first, last,
                                     [(spacing, np.asarray(values, dtype=np.float64)) for spacing, values in levels],
                                     self.zoomLevel, self.minSpacing)
        if wide is None:
            cut = [(spacing, list(values)) for spacing, values in super().tickValues(lo, hi, size)]
        else:  # pyqtgraph's first tick comes after the view's start, its last at or before its end
            cut = [(spacing, values[(values > lo) & (values <= hi)].tolist()) for spacing, values in wide[4]]
            # the labels are written at the stretch's zoom level: a zoom since may have set another one
            self.zoomLevel, self.minSpacing = wide[5], wide[6]
        # decluttered in the view only: a coarse tick out of sight must not take a fine one's place
        return declutter(cut, density * CLEAR_PX) if self.relabel else cut

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        """Dates as pyqtgraph writes them, or numbers with the decimals their step needs."""
        if clock.numeric(self.clock):
            return [clock.tick_text(v, spacing, self.clock) for v in values]
        if self._far:
            return [years.format_tick(float(y), 1.0) for y in year_of(np.asarray(values, dtype=np.float64))]
        return self._apart(values, list(super().tickStrings(values, scale, spacing)))

    def _apart(self, values: list[float], strings: list[str]) -> list[str]:
        """The labels, or none when two neighbours of the level would print over each other.

        pyqtgraph's coarsest zoom level still ticks every month, and it leaves a crowded level's labels out by
        how much of the axis they fill; once :func:`declutter` has taken the months near each year away, the few
        left fill little and were printed a month apart, over each other ("JunJul" on a four-year strip). Their
        ticks stay, for the grid.
        """
        metrics = getattr(self, "fontMetrics", None)
        if len(values) < 2 or metrics is None or self._ticks is None:
            return strings
        lo, hi, size = self._ticks[0][:3]
        if not size > 0 or not hi > lo:
            return strings
        nearest = float(np.min(np.diff(np.sort(np.asarray(values, dtype=np.float64))))) * size / (hi - lo)
        widest = max(metrics.horizontalAdvance(text) for text in strings)
        return [""] * len(strings) if nearest < widest + LABEL_AIR_PX else strings


def number_levels(lo: float, hi: float, size: float, char_px: float,
                  on: str = clock.NUMBER) -> list[tuple[float, list[float]]]:
    """One level of number (or year) ticks over ``[lo, hi]`` drawn ``size`` pixels wide, spaced so labels fit."""
    if not hi > lo:
        return [(1.0, [])]
    guess = clock.number_ticks(lo, hi, 10, on)[0]
    chars = max(len(clock.tick_text(round(v / guess) * guess, guess, on)) for v in (lo, hi, (lo + hi) / 2))
    count = max(2, int(size / (chars * max(char_px, 1) + NUMBER_GAP_PX)))
    step, values = clock.number_ticks(lo, hi, count, on)
    return [(step, values.tolist())]


def year_of(seconds: np.ndarray) -> np.ndarray:
    """The calendar year (astronomical: 0 is 1 BC) each Unix second falls in, for any year numpy holds."""
    return np.floor(seconds).astype(np.int64).astype("datetime64[s]").astype("datetime64[Y]").astype(np.int64) + 1970


def far_year_levels(lo: float, hi: float, size: float, char_px: float) -> list[tuple[float, list[float]]]:
    """Ticks on 1 January of whole years 1, 2 or 5 × 10^k apart over ``[lo, hi]`` (Unix seconds) drawn
    ``size`` pixels wide, spaced so labels fit: the calendar axis of a view reaching before year 1 or past 9999.

    >>> [int(y) for y in year_of(np.array(far_year_levels(-2e10, 3e11, 800, 7.0)[0][1]))]
    [2000, 4000, 6000, 8000, 10000]
    """
    first, last = (int(y) for y in year_of(np.array([lo, hi])))
    chars = max(len(years.format_tick(float(y), 1.0)) for y in (first, last))
    count = max(2, int(size / (chars * max(char_px, 1) + NUMBER_GAP_PX)))
    step, ticks = clock.number_ticks(float(first), float(last) + 1, count)
    step = max(step, 1.0)
    whole = np.unique(np.round(ticks / step) * step).astype(np.int64)
    seconds = (whole - 1970).astype("datetime64[Y]").astype("datetime64[s]").astype(np.int64).astype(np.float64)
    inside = (seconds >= lo) & (seconds <= hi)
    return [(step * 365.2425 * 86400, seconds[inside].tolist())]


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
