"""The visible stretch of time as an immutable value; navigation returns a new one."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from viewer.model.dates import from_seconds, parse_date, to_seconds

HOUR = 3600.0
MIN_SPAN = HOUR


@dataclass(frozen=True)
class TimeWindow:
    """A time window in Unix seconds (UTC), ``start < end``."""

    start: float
    end: float

    @classmethod
    def between(cls, start: object, end: object) -> TimeWindow:
        """The window from the start of ``start`` to the end of ``end``'s span (dates at any precision)."""
        first, last = parse_date(start), parse_date(end)
        return cls(float(to_seconds(first.start)), float(to_seconds(last.end if last.precision != "time"
                                                                    else last.start)))

    @property
    def span(self) -> float:
        """Length in seconds."""
        return self.end - self.start

    @property
    def start_time(self) -> pd.Timestamp:
        """Start as a UTC Timestamp."""
        return from_seconds(self.start)

    @property
    def end_time(self) -> pd.Timestamp:
        """End as a UTC Timestamp."""
        return from_seconds(self.end)

    def zoom(self, factor: float, around: float | None = None) -> TimeWindow:
        """Scale the span by ``factor`` (<1 zooms in) keeping ``around`` (default: centre) in place."""
        pivot = (self.start + self.end) / 2 if around is None else around
        return TimeWindow(pivot - (pivot - self.start) * factor, pivot + (self.end - pivot) * factor)

    def pan(self, seconds: float) -> TimeWindow:
        """Shift by ``seconds`` (positive moves later)."""
        return TimeWindow(self.start + seconds, self.end + seconds)

    def clamp(self, lo: float, hi: float, min_span: float = MIN_SPAN) -> TimeWindow:
        """Keep the span within ``[min_span, hi - lo]`` and the window inside ``[lo, hi]``."""
        span = min(max(self.span, min_span), max(hi - lo, min_span))
        centre = (self.start + self.end) / 2
        start = centre - span / 2
        start = min(max(start, lo), max(hi - span, lo))
        return TimeWindow(start, start + span)

    def contains(self, seconds: float) -> bool:
        """True when ``start <= seconds <= end``."""
        return self.start <= seconds <= self.end
