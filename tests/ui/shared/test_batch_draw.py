"""Rectangles and sprites drawn in one call from numpy rows look exactly as drawn one by one."""

from __future__ import annotations

from itertools import pairwise

import numpy as np
import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from pytestqt.qtbot import QtBot

from viewer.ui.shared.batch_draw import (
    Rows,
    draw_atlas_rows,
    draw_fragment_rows,
    draw_rect_rows,
    draw_rects,
    fragment_rows,
    rect_rows,
    stamp,
)


def _canvas(ratio: float) -> QImage:
    image = QImage(int(320 * ratio), int(120 * ratio), QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(ratio)
    image.fill(QColor("white"))
    return image


def _sprite(ratio: float) -> QPixmap:
    sprite = QPixmap(int(14 * ratio), int(14 * ratio))
    sprite.setDevicePixelRatio(ratio)
    sprite.fill(Qt.GlobalColor.transparent)
    painter = QPainter(sprite)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setBrush(QColor(30, 120, 200, 220))
    painter.drawEllipse(QRectF(2, 2, 10, 10))
    painter.end()
    return sprite


@pytest.mark.parametrize("ratio", [1.0, 2.0])
def test_stamped_sprites_match_one_draw_pixmap_each(qtbot: QtBot, ratio: float) -> None:
    rng = np.random.default_rng(7)
    cx, cy = rng.uniform(0, 320, 300), rng.uniform(0, 120, 300)  # fractional, overlapping, some at the edges
    sprite = _sprite(ratio)
    one_by_one, batched = _canvas(ratio), _canvas(ratio)
    painter = QPainter(one_by_one)
    for x, y in zip(cx.tolist(), cy.tolist(), strict=True):
        painter.drawPixmap(QPointF(x - 7.0, y - 7.0), sprite)
    painter.end()
    painter = QPainter(batched)
    stamp(painter, sprite, cx, cy)
    stamp(painter, sprite, cx[:0], cy[:0])  # nothing to draw is no call at all
    painter.end()
    assert batched == one_by_one


@pytest.mark.parametrize("antialiased", [False, True])
def test_batched_rects_match_one_list_of_rects(qtbot: QtBot, antialiased: bool) -> None:
    rng = np.random.default_rng(3)
    x, y, w = rng.uniform(-20, 320, 200), rng.uniform(0, 120, 200), rng.uniform(0, 60, 200)
    images = []
    for batched in (False, True):
        image = _canvas(1.0)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, antialiased)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(200, 80, 20, 160))
        if batched:
            draw_rects(painter, x, y - 3.5, np.maximum(w, 2.0), 7.0)
        else:
            painter.drawRects([QRectF(a, b - 3.5, max(c, 2.0), 7.0)
                               for a, b, c in zip(x.tolist(), y.tolist(), w.tolist(), strict=True)])
        painter.end()
        images.append(image)
    assert images[0] == images[1]
    assert images[0] != _canvas(1.0)  # something was drawn


def test_runs_drawn_from_one_array_match_each_run_drawn_alone(qtbot: QtBot) -> None:
    """Runs of one array drawn in turn from pointers into it (one sprite each) are the runs drawn apart."""
    rng = np.random.default_rng(11)
    cx, cy = rng.uniform(0, 320, 90), rng.uniform(0, 120, 90)
    sprites = [_sprite(1.0), _sprite(1.0)]
    sprites[1].fill(QColor(220, 40, 40, 180))
    bounds = [0, 17, 17, 60, 90]  # an empty run in the middle
    shared, apart = _canvas(1.0), _canvas(1.0)
    rows = fragment_rows(cx, cy)
    painter = QPainter(shared)
    for k, (start, stop) in enumerate(pairwise(bounds)):
        draw_fragment_rows(painter, rows, sprites[k % 2], start, stop)
    painter.end()
    painter = QPainter(apart)
    for k, (start, stop) in enumerate(pairwise(bounds)):
        stamp(painter, sprites[k % 2], cx[start:stop], cy[start:stop])
    painter.end()
    assert shared == apart


def test_a_run_past_the_rows_is_refused_not_read(qtbot: QtBot) -> None:
    """Qt reads as many rows as it is told from the pointer: a run past the end must never reach it."""
    image = _canvas(1.0)
    painter = QPainter(image)
    rows = rect_rows(np.zeros(3), np.zeros(3), 2.0, 2.0)
    with pytest.raises(ValueError, match="rows 1:4 of 3"):
        draw_rect_rows(painter, rows, 1, 4)
    with pytest.raises(ValueError, match="rows 2:1 of 3"):
        draw_rect_rows(painter, rows, 2, 1)
    painter.end()
    with pytest.raises(ValueError, match="float64 rows of 4"):
        Rows(rows.array.astype(np.float32), 4)
    with pytest.raises(ValueError, match="float64 rows of 10"):
        Rows(rows.array, 10)


@pytest.mark.parametrize("ratio", [1.0, 2.0])
def test_sprites_named_in_an_atlas_match_each_sprite_drawn_alone(qtbot: QtBot, ratio: float) -> None:
    """Markers of many colours in one call, each naming its cell of an atlas, look as runs of single
    sprites drawn in the same order."""
    sprites = [_sprite(ratio), _sprite(ratio)]
    sprites[1].fill(QColor(220, 40, 40, 180))
    size = sprites[0].width()  # device pixels
    atlas = QPixmap(2 * size, size)
    atlas.setDevicePixelRatio(ratio)
    atlas.fill(Qt.GlobalColor.transparent)
    painter = QPainter(atlas)
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
    for i, sprite in enumerate(sprites):
        painter.drawPixmap(QPointF(i * size / ratio, 0.0), sprite)
    painter.end()
    rng = np.random.default_rng(13)
    cx, cy = rng.uniform(0, 320, 120), rng.uniform(0, 120, 120)
    cell = (np.arange(120) >= 50).astype(int)  # the first 50 use sprite 0, the rest sprite 1
    shared, apart = _canvas(ratio), _canvas(ratio)
    rows = fragment_rows(cx, cy)
    rows.array[:, 2], rows.array[:, 3], rows.array[:, 4:6] = cell * size, 0.0, size
    painter = QPainter(shared)
    draw_atlas_rows(painter, rows, atlas)
    painter.end()
    painter = QPainter(apart)
    stamp(painter, sprites[0], cx[:50], cy[:50])
    stamp(painter, sprites[1], cx[50:], cy[50:])
    painter.end()
    assert shared == apart
