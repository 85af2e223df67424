"""Title widths in the labels' bold font, measured once per event and only where a label may be drawn.

Measuring a title lays it out: about 14 µs for 40 characters. A crowded view shown for the first time
holds a couple of thousand marks, most with no room for any title, and measuring them all stalled that
frame by 25 ms. A mark's title is measured when its label could be drawn: it is selected or hovered,
there is room for a label's minimum beside or before it, or its room might hold the whole title. For a
title of printable ASCII the last is ruled out without laying it out, by a width no such title goes
under: its characters' own advances summed (numpy over the bytes of all titles at once), less a margin
for kerning per character (half the font's narrowest character: kerned pairs such as "To" narrow a run by
under a third of it). Other titles (any script, any control character) are measured. A title sure to be
wider than the room on either side of its mark is not measured either: its label is cut to the room. (Before
both, the floor was the narrowest character times the length, a third of a title's width; a zoom from 25
years to hours measured 293 titles at 30,000 events and 554 at 100,000, now 202 and 483.)
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from PySide6.QtGui import QFont, QFontMetricsF

PRINTABLE_ASCII = r"^[ -~]*$"
KERNING = 0.5  # of the narrowest character, per character: kerned pairs narrow a run by under 0.31 of it


_NARROWEST: dict[str, float] = {}  # per font description
_ADVANCES: dict[str, np.ndarray] = {}  # per font description: each byte's advance (printable ASCII; 0 elsewhere)


def narrowest(font: QFont) -> float:
    """The advance of the font's narrowest printable ASCII character (the space included), measured once per
    font description (a font changed in place is measured again)."""
    found = _NARROWEST.get(font.key())
    if found is None:
        metrics = QFontMetricsF(font)
        found = _NARROWEST[font.key()] = min(metrics.horizontalAdvance(chr(c)) for c in range(0x20, 0x7F))
    return found


def advances(font: QFont) -> np.ndarray:
    """The advance of each printable ASCII character, indexed by its byte (256 entries, 0 for other bytes),
    measured once per font description."""
    found = _ADVANCES.get(font.key())
    if found is None:
        metrics = QFontMetricsF(font)
        found = np.zeros(256, dtype=np.float64)
        found[0x20:0x7F] = [metrics.horizontalAdvance(chr(c)) for c in range(0x20, 0x7F)]
        _ADVANCES[font.key()] = found
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

    def where_drawable(self, events: np.ndarray, texts: Callable[[np.ndarray], list[str]], strong: np.ndarray,
                       room: np.ndarray, room_back: np.ndarray, least: float) -> np.ndarray:
        """Widths of the titles that may be drawn whole, measured: the ``strong`` ones (selected, hovered), and
        those whose title might fit ``room`` or ``room_back`` (pixels after and before the mark). A title sure to
        be wider than both, beside room for a label (``least`` pixels), gets the width it is sure to reach: its
        label is cut to the room whatever its width. The rest get ``inf``: no room for a label."""
        full = self._widths[events].astype(np.float64)
        unknown = np.isnan(full)
        need = unknown & strong
        floors = np.full(len(events), np.inf)
        asked = np.flatnonzero(unknown & ~strong & ((room > 0) | (room_back > 0)))
        if len(asked):
            floors[asked] = self._floor(events[asked], texts)
            need[asked[floors[asked] <= np.maximum(room[asked], room_back[asked])]] = True
        if need.any():
            full[need] = self.measured(events[need], texts)
        labelled = (room >= least) | (room_back >= least)
        return np.where(np.isnan(full), np.where(labelled, floors, np.inf), full)

    def _floor(self, events: np.ndarray, texts: Callable[[np.ndarray], list[str]]) -> np.ndarray:
        """:meth:`at_least` of the events' titles, worked out once per event."""
        missing = np.unique(events[np.isnan(self._floors[events])])
        if len(missing):
            self._floors[missing] = self.at_least(texts(missing))
        return self._floors[events]

    def at_least(self, titles: list[str]) -> np.ndarray:
        """A width each title is sure to reach (0 when it is not plain printable ASCII): its characters'
        advances summed, less :data:`KERNING` of the narrowest character for each."""
        text = pa.array(titles, type=pa.string())
        plain = np.asarray(pc.match_substring_regex(text, PRINTABLE_ASCII).fill_null(False)
                           .to_numpy(zero_copy_only=False), dtype=bool)
        offsets_buffer, data_buffer = text.buffers()[1:3]
        if not len(titles) or offsets_buffer is None or data_buffer is None:
            return np.zeros(len(titles))
        offsets = np.frombuffer(offsets_buffer, dtype=np.int32)[text.offset:text.offset + len(text) + 1]
        data = np.frombuffer(data_buffer, dtype=np.uint8)
        summed = np.concatenate([[0.0], np.cumsum(advances(self.font)[data])])
        width = summed[offsets[1:]] - summed[offsets[:-1]]  # (a plain title's bytes are its characters)
        floor = width - np.diff(offsets) * narrowest(self.font) * KERNING
        return np.where(plain, np.maximum(floor, 0.0), 0.0)
