"""Bars running past the right edge fade out over its last pixels. The gradient covers only that stretch
(solid fill left of it), and the picture is the one a gradient over the whole bar drew."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QColor, QImage, QPainter
from pytestqt.qtbot import QtBot

from viewer.model import lane_packing
from viewer.ui.shared.batch_draw import Rows, rect_rows
from viewer.ui.shared.theme import LIGHT
from viewer.ui.timeline import shapes
from viewer.ui.timeline.shapes import FADE_PX, paint_shapes

RIGHT = 600.0


def _bars(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Ranges ending past the right edge, starting anywhere: far left, inside the fade, right at the edge."""
    px0 = np.concatenate([rng.uniform(-400.0, RIGHT + 5.0, n - 3), [RIGHT - FADE_PX, RIGHT - FADE_PX - 0.5,
                                                                     RIGHT - 1.0]])
    px1 = RIGHT + rng.uniform(0.5, 5000.0, n)
    py = 8.0 + 9.5 * np.arange(n)
    return px0, px1, py


def _image(ratio: float) -> QImage:
    image = QImage(int(700 * ratio), int(330 * ratio), QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(ratio)
    image.fill(QColor("white"))
    return image


def _channels(image: QImage) -> np.ndarray:
    """The image's bytes as (rows, columns, 4) integers."""
    return np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.width(), 4).astype(np.int64)


def _whole_bar_gradient(rows: Rows, edge: np.ndarray, right: float) -> Rows:
    """The earlier drawing: the gradient over each whole bar past the edge (and its plain part moved out
    of sight, so that no assumption about empty rectangles is shared with the code under test)."""
    bars = rows.array
    fading = rect_rows(bars[:, 0], bars[:, 1], np.where(edge, bars[:, 2], 0.0), bars[:, 3])
    bars[edge, 0], bars[edge, 2] = -1e6, 1.0
    return fading


@pytest.mark.parametrize(("seed", "ratio"), [(0, 1.0), (1, 1.5), (2, 2.0)])
def test_edge_bars_fade_as_one_gradient_over_the_whole_bar_drew_them(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
                                                                    seed: int, ratio: float) -> None:
    px0, px1, py = _bars(np.random.default_rng(seed), 30)
    colour, theme = QColor("#0072b2"), LIGHT
    drawn = []
    n = len(px0)
    for cut in (_whole_bar_gradient, shapes._cut_at_fade):
        monkeypatch.setattr(shapes, "_cut_at_fade", cut)
        image = _image(ratio)
        p = QPainter(image)
        paint_shapes(p, np.full(n, lane_packing.RANGE), np.zeros(n, dtype=np.int64), [colour],
                     np.zeros(n, dtype=bool), np.zeros(n, dtype=bool), px0, px1, py, RIGHT, theme)
        p.end()
        drawn.append(_channels(image))
    before, after = drawn
    seam = int((RIGHT - FADE_PX) * ratio)  # device pixels: left of it the bars are one plain colour
    assert np.array_equal(before[:, :seam], after[:, :seam])
    # the gradient is stepped from each rectangle's own left edge, so at a fractional pixel ratio a
    # channel may round one step apart
    assert np.abs(before[:, seam:] - after[:, seam:]).max() <= 1


def test_a_bar_past_the_edge_is_solid_then_fades_to_the_ground(qtbot: QtBot) -> None:
    image = _image(1.0)
    p = QPainter(image)
    ranges = np.full(2, lane_packing.RANGE)
    paint_shapes(p, ranges, np.zeros(2, dtype=np.int64), [QColor("#0072b2")], np.zeros(2, dtype=bool),
                 np.zeros(2, dtype=bool), np.array([10.0, RIGHT - 10.0]), np.array([5000.0, 900.0]),
                 np.array([20.0, 40.0]), RIGHT, LIGHT)
    p.end()
    row = [QColor(image.pixel(x, 20)) for x in (100, int(RIGHT - FADE_PX) - 2, int(RIGHT - FADE_PX / 2),
                                                 int(RIGHT) - 1)]
    assert row[0] == row[1]  # solid up to the fade
    assert row[0].red() < row[2].red() < row[3].red() <= 255  # then ever closer to the white ground
    assert row[3].red() > 240
    # a bar starting inside the fade has no plain part: nothing left of its start
    assert [QColor(image.pixel(x, 40)).red() for x in range(int(RIGHT - FADE_PX) - 5, int(RIGHT) - 20)] == [255] * 33
