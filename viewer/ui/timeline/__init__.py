"""The timeline: events in lanes, the cursor, the overview strip, filters and playback."""

from viewer.ui.timeline.tools import TimelineTools, contribute

__all__ = ["TimelineTools", "contribute"]
