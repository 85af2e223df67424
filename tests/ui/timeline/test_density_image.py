"""The density image, built in one numpy expression, is the image the per-lane loop it replaced drew;
thin lanes show counts as colour strength."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from pytestqt.qtbot import QtBot

from viewer.ui.timeline.density import MIN_BAR_PX, THIN_PX, paint_counts


def _per_lane(p: QPainter, counts: np.ndarray, bands: list[tuple[float, float]], colours: list[QColor],
              height_rows: float, edges: tuple[float, float], sy: float, dy: float) -> np.ndarray:
    """The earlier implementation, one pass per lane: the reference."""
    left, right = edges
    n_bins = max(counts.shape[1], 1)
    scale = np.sqrt(counts / max(int(counts.max(initial=0)), 1))
    top_px = min(t * sy + dy for t, _ in bands)
    height = max(int(abs(height_rows * sy)), 1)
    ratio = max(p.device().devicePixelRatioF(), 1.0)
    pixels = max(int(height * ratio), 1)
    rows = (np.arange(pixels, dtype=np.float64)[:, None] + 0.5) / ratio
    image = np.zeros((pixels, n_bins, 4), dtype=np.uint8)
    for lane, (top, bottom) in enumerate(bands[:len(counts)]):
        y0, y1 = sorted(((top * sy + dy) - top_px, (bottom * sy + dy) - top_px))
        lo, hi = max(int(y0 * ratio), 0), min(int(np.ceil(y1 * ratio)), pixels)
        floor = y1 - 2.0
        thin = y1 - y0 < THIN_PX
        bar_top = np.full(n_bins, y0 + 1.0) if thin else floor - np.maximum(scale[lane] * (y1 - y0 - 6.0), MIN_BAR_PX)
        alpha = np.rint(55.0 + 200.0 * scale[lane]).astype(np.uint8) if thin else np.full(n_bins, 200, np.uint8)
        mask = (rows[lo:hi] >= bar_top[None, :]) & (rows[lo:hi] <= floor) & (counts[lane] > 0)[None, :]
        colour = QColor(colours[lane])
        pixels_of = image[lo:hi]
        pixels_of[..., :3][mask] = (colour.blue(), colour.green(), colour.red())
        pixels_of[..., 3][mask] = np.broadcast_to(alpha, mask.shape)[mask]
    qimage = QImage(image.data, n_bins, pixels, n_bins * 4, QImage.Format.Format_ARGB32)
    p.drawImage(QRectF(left, top_px, right - left, height), qimage)
    return image


@pytest.mark.parametrize("seed", range(6))
def test_the_density_image_matches_the_per_lane_drawing(qtbot: QtBot, seed: int) -> None:
    rng = np.random.default_rng(seed)
    lanes, bins = int(rng.integers(1, 60)), int(rng.integers(1, 500))
    counts = rng.poisson(rng.uniform(0.05, 30.0), size=(lanes, bins))
    counts[rng.random(lanes) < 0.2] = 0  # empty lanes
    heights = rng.uniform(0.4, 4.0, lanes)  # collapsed and packed lanes of any height
    tops = np.concatenate([[0.0], np.cumsum(heights)])
    bands = [(float(tops[i]), float(tops[i + 1])) for i in range(lanes)]
    colours = [QColor.fromHsv(int(rng.integers(0, 360)), 200, int(rng.integers(40, 255))) for _ in range(lanes)]
    sy, dy = float(rng.uniform(3.0, 40.0)), float(rng.uniform(0.0, 30.0))
    ratio = float(rng.choice([1.0, 1.5, 2.0]))
    images = []
    for draw in (_per_lane, paint_counts):
        # a window's backing store is premultiplied: both pictures are blended alike there, to the bit
        size = (int(900 * ratio), int((tops[-1] * sy + dy + 10) * ratio))
        image = QImage(*size, QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(ratio)
        image.fill(QColor("white"))
        painter = QPainter(image)
        draw(painter, counts, bands, colours, float(tops[-1]), (10.0, 890.0), sy, dy)
        painter.end()
        images.append(image)
    assert images[0] == images[1]


def test_thin_lanes_show_counts_as_colour_strength(qtbot: QtBot) -> None:
    """Fifty lanes in a window's height leave bars 2 px at most: there, a busier column is a stronger
    colour over the lane's height, and an empty one stays blank."""
    counts = np.array([[0, 1, 10, 100]] * 50)
    bands = [(float(i), float(i + 1)) for i in range(50)]
    image = QImage(400, 420, QImage.Format.Format_ARGB32)
    image.fill(QColor(0, 0, 0, 0))
    painter = QPainter(image)
    buffer = paint_counts(painter, counts, bands, [QColor("darkblue")] * 50, 50.0, (0.0, 400.0), 8.0, 0.0)
    painter.end()
    lane = buffer[8 * 10:8 * 11]  # lane 10's eight pixel rows
    alpha = lane[..., 3].max(axis=0)
    assert alpha[0] == 0 and 0 < alpha[1] < alpha[2] < alpha[3] == 255
    assert (lane[:, 3, 3] > 0).sum() >= 4  # most of the lane's height is inked, not a 2 px line


def test_a_lone_event_beside_a_busy_lane_rises_a_visible_bar(qtbot: QtBot) -> None:
    """Bars are scaled to the busiest column of all lanes: one event beside a lane of 300 a column rose 1.3 px,
    a dot nobody saw; it rises :data:`MIN_BAR_PX` at least."""
    counts = np.array([[0, 1, 0, 0], [300, 300, 300, 300]])
    bands = [(0.0, 1.0), (1.0, 2.0)]
    image = QImage(400, 60, QImage.Format.Format_ARGB32)
    image.fill(QColor(0, 0, 0, 0))
    painter = QPainter(image)
    buffer = paint_counts(painter, counts, bands, [QColor("darkblue")] * 2, 2.0, (0.0, 8.0), 28.0, 0.0)
    painter.end()
    lone = buffer[:28, :, 3]  # the first lane's 28 pixel rows
    assert (lone[:, 1] > 0).sum() >= MIN_BAR_PX and not lone[:, [0, 2, 3]].any()
