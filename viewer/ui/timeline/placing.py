"""Where a label goes when the room after its mark is not enough: pure geometry over the visible marks
(device pixels), apart from the painting item so that each rule reads on its own."""

from __future__ import annotations

import numpy as np

from viewer.model import lane_packing, marks
from viewer.ui.timeline.shapes import MARK_RADIUS

MIN_LABEL_PX = 64.0  # an elided label narrower than this says nothing


def selected_sides(strong: np.ndarray, kinds: np.ndarray, px0: np.ndarray, lx: np.ndarray,
                   widths: np.ndarray, full: np.ndarray, stop: np.ndarray, right: float,
                   on_bar: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """A selected label that would run off the right edge goes to the left of its mark when it fits there
    whole. When it fits on neither side, an instant's label is cut to the wider of the two rooms: the
    alliance's last event, selected with End, read "Al" at the edge; a range's goes on its bar later where
    ``on_bar`` says its bar can hold one (by default, every bar), else it is cut as an instant's (a bar too short
    for a label left the selected range's running on past the plot's edge, "GRE" of a name cut by the panel)."""
    over = strong & (lx + full > right - 4.0)
    before = px0 - MARK_RADIUS - 6.0 - full
    flip = over & (before >= stop)
    room_after = right - 4.0 - lx
    room_before = px0 - MARK_RADIUS - 6.0 - stop
    cut = over & ~flip & ((kinds != lane_packing.RANGE) | (on_bar is not None and ~on_bar))
    cut_before = cut & (room_before > room_after) & (room_before >= MIN_LABEL_PX)
    cut_after = cut & ~cut_before & (room_after >= MIN_LABEL_PX)
    lx = np.where(flip, before, np.where(cut_before, stop, lx))
    widths = np.where(cut_before, room_before, np.where(cut_after, room_after, widths))
    return lx, widths


def left_of_marks(px0: np.ndarray, room_back: np.ndarray, rows: np.ndarray, lx: np.ndarray, widths: np.ndarray,
                  full: np.ndarray, keep: np.ndarray, priority: np.ndarray, right: float, quiet: np.ndarray
                  ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Labels cut short by the right edge try the left of their mark, back to the previous mark."""
    edge_bound = (lx + full > right - 4.0) & (widths < full)
    try_left = ~keep & edge_bound & ~quiet & (room_back >= MIN_LABEL_PX)
    if not try_left.any():
        return lx, widths, keep
    # back to the previous mark, and short of the label drawn after it (else both would not fit, and the
    # label of the last event at the right edge was not drawn at all)
    tried = np.flatnonzero(try_left)
    room_back = room_back.copy()
    room_back[tried] = np.minimum(room_back[tried], px0[tried] - MARK_RADIUS - 14.0 - marks.end_before(
        px0[tried], rows[tried], (lx + widths)[keep], rows[keep]))
    try_left &= room_back >= MIN_LABEL_PX
    left_widths = np.minimum(full, room_back)
    x = np.where(try_left, px0 - MARK_RADIUS - 6.0 - left_widths, lx)
    w = np.where(try_left, left_widths, np.where(keep, widths, 0.0))
    # what is already placed stays placed: it ranks above every newcomer
    keep_all = marks.place_labels(x, w, rows, np.where(keep, 10.0, priority))
    return x, w, keep_all
