"""The density picture: counts per lane and pixel column as bars rising from each lane's floor.

Drawn when a view holds more events than can be shown one by one (the events item) and for engine
sources' tiles (engine_view), as one image built in numpy. A lane too thin for bars to tell counts apart
(fifty lanes in a window's height) shows them as the strength of its colour instead, over its height.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from viewer.model import marks
from viewer.ui.shared.batch_draw import pixel_ratio

MIN_BAR_PX = 4.0  # a column's bar is never lower: one event beside a lane of 300 a column rose 1.3 px, a dot
THIN_PX = 14.0  # lanes lower than this (in pixels) show counts as colour strength: bars would be 8 px at most


def paint_counts(p: QPainter, counts: np.ndarray, bands: list[tuple[float, float]], colours: list[QColor],
                 height_rows: float, edges: tuple[float, float], sy: float, dy: float) -> np.ndarray:
    """Counts per lane per column (columns spread over ``edges`` in device pixels) as bars rising from
    each lane's floor, painted as one image; returns the image's buffer, which must outlive the paint."""
    picture = CountsPicture(counts, bands, colours, height_rows, edges, sy, dy, pixel_ratio(p))
    picture.paint(p)
    return picture.buffer


class DensityLayer:
    """The events item's density: counts per lane and 2-pixel column, from starts kept sorted per lane (a window is
    counted in O(lanes × columns × log n), not O(events)), and the picture of the last unfiltered counts, painted
    again while the window, marks and lanes stay (a cursor step)."""

    def __init__(self) -> None:
        self._by_lane: tuple[object, np.ndarray, np.ndarray] | None = None  # (index, starts per lane, offsets)
        self._kept: tuple[tuple[object, ...], CountsPicture, np.ndarray] | None = None  # the last unfiltered

    def forget(self) -> None:
        """Other marks: the next paint counts again."""
        self._kept = None

    def paint(self, p: QPainter, m: Any, vis: np.ndarray | None, window: tuple[float, ...]) -> np.ndarray:
        """Paint the counts of the marks ``m`` (the events item's: index, starts, lanes, bands, colours, height) that
        ``vis`` lists (None: all, unfiltered) over ``window`` (t0, t1 and left, right in device pixels, then the y
        map sy, dy); the counts (lanes × columns) are returned."""
        t0, t1, left, right, sy, dy = window
        n_bins = max(int((right - left) / 2.0), 1)
        # the same window, marks and lanes (a cursor step): the picture is painted again, not counted again
        ratio = pixel_ratio(p)
        key = (t0, t1, left, right, sy, dy, ratio, m.height, tuple(m.bands), tuple(QColor(c).rgba() for c in m.colours))
        kept = self._kept
        if vis is not None or kept is None or kept[0] != key:
            counts = self._counts(m, vis, t0, t1, n_bins)
            picture = CountsPicture(counts, m.bands, m.colours, m.height, (left, right), sy, dy, ratio)
            kept = (key, picture, counts)  # only the unfiltered picture is kept: a filter's hidden events are not
            self._kept = kept if vis is None else None  # part of the key
        kept[1].paint(p)
        return kept[2]

    def _counts(self, m: Any, vis: np.ndarray | None, t0: float, t1: float, n_bins: int) -> np.ndarray:
        """Counts per lane and bin: from starts kept sorted per lane (O(pixels)), or from ``vis``."""
        if vis is not None:
            return marks.density(m.x0[vis], m.lane[vis], len(m.bands), t0, t1, n_bins)
        if self._by_lane is None or self._by_lane[0] is not m.index or len(self._by_lane[1]) != len(m.x0):
            self._by_lane = (m.index, *marks.lane_order(m.lane, m.x0))  # once per dataset and grouping
        return marks.density_sorted(self._by_lane[1], self._by_lane[2], len(m.bands), t0, t1, n_bins)


class CountsPicture:
    """The density picture of one set of counts, built once and painted as often as asked (a cursor step
    repaints the same window).

    Every pixel row belongs to at most one lane (a bar stops 2 px above its floor and starts 4 px below
    its top at the highest, so rows two lanes share are never inked). A lane is written as a slice of the
    image: a thin lane's inked rows all get the same row of colours, a taller lane's bars one comparison
    of its rows with each column's bar top.
    """

    def __init__(self, counts: np.ndarray, bands: list[tuple[float, float]], colours: list[QColor],
                 height_rows: float, edges: tuple[float, float], sy: float, dy: float, ratio: float) -> None:
        self.buffer, self.image, self.target = _build(counts, bands, colours, height_rows, edges, sy, dy, ratio)

    def paint(self, p: QPainter) -> None:
        """Draw the picture where it was built for (the image borrows :attr:`buffer`, kept with it)."""
        p.drawImage(self.target, self.image)


def _build(counts: np.ndarray, bands: list[tuple[float, float]], colours: list[QColor], height_rows: float,
           edges: tuple[float, float], sy: float, dy: float, ratio: float) -> tuple[np.ndarray, QImage, QRectF]:
    """The picture's pixels (bytes B, G, R, A, premultiplied), the image over them, and the rectangle it is drawn
    into."""
    left, right = edges
    n_bins = max(counts.shape[1], 1)
    lanes = min(len(bands), len(counts))
    top_px = min(t * sy + dy for t, _ in bands)
    height = max(int(abs(height_rows * sy)), 1)
    pixels = max(int(height * ratio), 1)  # rows in device pixels: crisp bar tops at HiDPI
    image = np.zeros((pixels, n_bins), dtype=np.uint32)  # Format_ARGB32: one 0xAARRGGBB word a pixel
    if lanes and counts.size:
        edges_px = np.sort(np.array(bands[:lanes], dtype=np.float64) * sy + dy - top_px, axis=1)  # y0, y1
        floor = edges_px[:, 1] - 2.0
        span = edges_px[:, 1] - edges_px[:, 0]
        thin = span < THIN_PX
        scale = np.sqrt(counts[:lanes] / max(int(counts.max(initial=0)), 1))  # sqrt keeps lone events visible
        alpha = np.where(thin[:, None], np.rint(55.0 + 200.0 * scale), 200.0).astype(np.uint32)
        rgb = np.array([QColor(colours[lane]).rgb() & 0xFFFFFF for lane in range(lanes)], dtype=np.uint32)
        # lanes × columns (the colour strength may vary); nothing where a column has no events
        words = np.where(counts[:lanes] > 0, _premultiplied((alpha << np.uint32(24)) | rgb[:, None]), np.uint32(0))
        for lane, rows in _rows_by_lane(edges_px, ratio, pixels):
            centre = (rows + 0.5) / ratio
            below_top = centre <= floor[lane]
            if thin[lane]:  # the lane's height, inked alike down each column
                image[_slice_of(rows[(centre >= edges_px[lane, 0] + 1.0) & below_top])] = words[lane]
            else:  # bars rising from the floor
                inked = centre[:, None] >= floor[lane] - np.maximum(scale[lane] * (span[lane] - 6.0), MIN_BAR_PX)
                inked &= below_top[:, None]
                target = image[_slice_of(rows)]
                np.multiply(inked, words[lane], out=target, casting="unsafe")
                if target.base is not image:  # its rows are not one run (a later band inside it): a copy
                    image[rows] = target
    qimage = QImage(image.data, n_bins, pixels, n_bins * 4, QImage.Format.Format_ARGB32_Premultiplied)
    # the same buffer, as bytes B, G, R, A (colours premultiplied by their alpha)
    return image.view(np.uint8).reshape(pixels, n_bins, 4), qimage, QRectF(left, top_px, right - left, height)


def _premultiplied(words: np.ndarray) -> np.ndarray:
    """0xAARRGGBB words with their colours multiplied by their alpha, rounded as Qt's ``qPremultiply`` does:
    a premultiplied image is blitted as it is (0.2 ms for a 1500 x 760 picture), where Qt converted the
    plain one at every paint (0.6 ms), with the same pixels on screen."""
    words = words.astype(np.uint32)
    alpha = words >> np.uint32(24)
    red_blue = (words & np.uint32(0xFF00FF)) * alpha
    red_blue = ((red_blue + ((red_blue >> np.uint32(8)) & np.uint32(0xFF00FF)) + np.uint32(0x800080)) >> np.uint32(8))
    green = ((words >> np.uint32(8)) & np.uint32(0xFF)) * alpha
    green = green + ((green >> np.uint32(8)) & np.uint32(0xFF)) + np.uint32(0x80)
    return (red_blue & np.uint32(0xFF00FF)) | (green & np.uint32(0xFF00)) | (alpha << np.uint32(24))


def _rows_by_lane(edges_px: np.ndarray, ratio: float, pixels: int) -> list[tuple[int, np.ndarray]]:
    """Each lane's pixel rows: those its band touches, a row two bands share going to the later lane."""
    lo = np.clip((edges_px[:, 0] * ratio).astype(np.int64), 0, pixels)
    hi = np.clip(np.ceil(edges_px[:, 1] * ratio).astype(np.int64), 0, pixels)
    lane_of_row = np.full(pixels, -1, dtype=np.int64)
    for lane in np.flatnonzero(hi > lo).tolist():  # a slice each: cheap, and later lanes win
        lane_of_row[lo[lane]:hi[lane]] = lane
    rows = np.flatnonzero(lane_of_row >= 0)
    of = lane_of_row[rows]
    order = np.argsort(of, kind="stable")
    lanes, starts = np.unique(of[order], return_index=True)
    return list(zip(lanes.tolist(), np.split(rows[order], starts[1:]), strict=True))


def _slice_of(rows: np.ndarray) -> slice | np.ndarray:
    """Consecutive rows as a slice (a view of the image is written in place), others as they are."""
    if len(rows) and rows[-1] - rows[0] + 1 == len(rows):
        return slice(int(rows[0]), int(rows[-1]) + 1)
    return rows
