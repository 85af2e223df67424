"""Title widths in the labels' bold font, measured once per event and only where a label may be drawn.

Measuring a title lays it out: about 14 µs for 40 characters. A crowded view shown for the first time
holds a couple of thousand marks, most with no room for any title, and measuring them all stalled that
frame by 25 ms. A mark's title is measured when its label could be drawn: it is selected or hovered,
there is room for a label's minimum beside or before it, or its room might hold the whole title. For a
title of printable ASCII the last is ruled out without laying it out, by a width no such title goes
under: its characters times the font's narrowest printable character, less a margin for kerning.
Other titles (any script, any control character) are measured.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from PySide6.QtGui import QFont, QFontMetricsF

PRINTABLE_ASCII = r"^[ -~]*$"
KERNING = 0.6  # kerned pairs narrow a run of text by far less than this


_NARROWEST: dict[str, float] = {}  # per font description


def narrowest(font: QFont) -> float:
    """The advance of the font's narrowest printable ASCII character (the space included), measured once per
    font description (a font changed in place is measured again)."""
    found = _NARROWEST.get(font.key())
    if found is None:
        metrics = QFontMetricsF(font)
        found = _NARROWEST[font.key()] = min(metrics.horizontalAdvance(chr(c)) for c in range(0x20, 0x7F))
    return found


class LabelWidths:
    """Each event's title width (NaN until measured) and the width it is sure to reach, in one font."""

    def __init__(self, font: QFont) -> None:
        self.font = font
        self._widths = np.zeros(0)
        self._floors = np.zeros(0)

    @property
    def known(self) -> int:
        """How many events' titles have been measured."""
        return int(np.count_nonzero(~np.isnan(self._widths)))

    def reset(self, events: int) -> None:
        """Forget every width: a new set of titles."""
        # single precision: two arrays of them cost what one double array did (a million events: 8 MB)
        self._widths = np.full(events, np.nan, dtype=np.float32)
        self._floors = np.full(events, np.nan, dtype=np.float32)

    def measured(self, events: np.ndarray, texts: Callable[[np.ndarray], list[str]]) -> np.ndarray:
        """The widths of ``events``' titles, measuring those not measured yet (``texts`` fetches titles)."""
        missing = np.unique(events[np.isnan(self._widths[events])])
        if len(missing):
            metrics = QFontMetricsF(self.font)
            self._widths[missing] = [metrics.horizontalAdvance(t) for t in texts(missing)]
        return self._widths[events].astype(np.float64)

    def where_drawable(self, events: np.ndarray, texts: Callable[[np.ndarray], list[str]], sure: np.ndarray,
                       room: np.ndarray) -> np.ndarray:
        """Widths of the titles that may be drawn: ``sure`` ones, and those whose title might fit ``room``
        (pixels beside the mark); ``inf`` for the rest, whose labels get no room whatever their width."""
        full = self._widths[events].astype(np.float64)
        unknown = np.isnan(full)
        maybe = np.flatnonzero(unknown & ~sure & (room > 0))
        need = unknown & sure
        if len(maybe):
            need[maybe[self._floor(events[maybe], texts) <= room[maybe]]] = True
        if need.any():
            full[need] = self.measured(events[need], texts)
        return np.where(np.isnan(full), np.inf, full)

    def _floor(self, events: np.ndarray, texts: Callable[[np.ndarray], list[str]]) -> np.ndarray:
        """:meth:`at_least` of the events' titles, worked out once per event."""
        missing = np.unique(events[np.isnan(self._floors[events])])
        if len(missing):
            self._floors[missing] = self.at_least(texts(missing))
        return self._floors[events]

    def at_least(self, titles: list[str]) -> np.ndarray:
        """A width each title is sure to reach (0 when it is not plain printable ASCII)."""
        text = pa.array(titles, type=pa.string())
        plain = pc.match_substring_regex(text, PRINTABLE_ASCII).fill_null(False)
        chars = pc.utf8_length(text).fill_null(0)
        return np.where(np.asarray(plain.to_numpy(zero_copy_only=False), dtype=bool),
                        np.asarray(chars.to_numpy(zero_copy_only=False), dtype=np.float64)
                        * narrowest(self.font) * KERNING, 0.0)
