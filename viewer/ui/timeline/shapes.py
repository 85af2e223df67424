"""Event shapes in device pixels, drawn in batches: one ``drawRects`` per lane, kind and emphasis.

Diamonds are stamped from one pre-drawn sprite per colour and style, all of a run in one call from
rows laid out once for every run, so thousands of markers cost a few calls, not one ``drawPolygon``
each; only the handful of selected or hovered events are drawn one by one.
"""

from __future__ import annotations

import math
from itertools import pairwise

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QLinearGradient, QPainter, QPen, QPixmap, QPolygonF

from viewer.model import lane_packing
from viewer.ui.shared.batch_draw import Rows, draw_atlas_rows, draw_rect_rows, fragment_rows, pixel_ratio, rect_rows
from viewer.ui.shared.theme import Theme

MARK_RADIUS = 5.0
FADE_PX = 48.0  # a range running past the right edge fades out over this many pixels
ROOT2 = math.sqrt(2.0)


def paint_shapes(p: QPainter, kinds: np.ndarray, lanes: np.ndarray, colours: list[QColor], strong: np.ndarray,
                 faded: np.ndarray, px0: np.ndarray, px1: np.ndarray, py: np.ndarray, right: float,
                 theme: Theme) -> None:
    """Bars and spans first, then markers; arrays are per visible mark, ``colours`` per lane.

    Hollow (coarse-date) markers are filled with the background; selected ones get the theme's outline.
    """
    faded = faded & ~strong
    bar = kinds != lane_packing.INSTANT
    edge = bar & (px1 > right)
    coarse = kinds == lane_packing.COARSE
    p.setPen(Qt.PenStyle.NoPen)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # axis-aligned bars need none; it halves the cost
    plain = ~strong
    key = ((lanes * 2 + coarse) * 2 + faded) * 2 + edge
    order, starts = _runs(key, bar & plain)
    half = np.where(coarse[order], 5.0, 3.5)
    rows = rect_rows(px0[order], py[order] - half, np.maximum(px1[order] - px0[order], 2.0), 2 * half)
    fading = _cut_at_fade(rows, edge[order], right)
    for start, stop in pairwise(starts.tolist()):
        lane, is_coarse, is_faded, at_edge = _unpack(int(key[order[start]]))
        fill = QColor(colours[lane])
        fill.setAlpha(25 if is_faded else 70 if is_coarse else 200)
        p.setBrush(QBrush(fill))
        draw_rect_rows(p, rows, start, stop)
        if at_edge:
            p.setBrush(_fading(fill, right))
            draw_rect_rows(p, fading, start, stop)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    hollow, outline = QColor(theme.background), QColor(theme.outline)
    _paint_diamonds(p, key, plain, colours, px0, py, hollow)
    for j in np.flatnonzero(strong).tolist():
        _paint_strong(p, int(kinds[j]), colours[int(lanes[j])], float(px0[j]), float(px1[j]), float(py[j]), right,
                      outline, hollow)


def _paint_diamonds(p: QPainter, key: np.ndarray, plain: np.ndarray, colours: list[QColor],
                    px0: np.ndarray, py: np.ndarray, hollow: QColor) -> None:
    """Markers stamped from pre-drawn sprites (antialiased once, not per marker), all in one call: each
    names its sprite's cell in an atlas of every lane's sprites, in the order runs of one sprite were drawn."""
    marker_key = key // 2  # markers do not fade at the edge; also the marker's cell in the atlas
    ratio = pixel_ratio(p)
    order, _starts = _runs(marker_key, plain)
    rows = fragment_rows(px0[order], py[order])
    size = math.ceil(SPRITE_PX * ratio)
    cell = marker_key[order]
    rows.array[:, 2], rows.array[:, 3] = cell % ATLAS_COLUMNS * size, cell // ATLAS_COLUMNS * size
    rows.array[:, 4:6] = size
    draw_atlas_rows(p, rows, _atlas(colours, hollow, ratio))


_ATLASES: dict[tuple[tuple[int, ...], int, float], QPixmap] = {}
ATLAS_COLUMNS = 64  # cells a row: a wide strip of hundreds of lanes would pass QPixmap's 32,767 pixels


def _atlas(colours: list[QColor], hollow: QColor, ratio: float) -> QPixmap:
    """Every marker sprite of these lanes in one picture: cell ``(lane * 2 + coarse) * 2 + faded``."""
    key = (tuple(QColor(c).rgba() for c in colours), hollow.rgba(), ratio)
    atlas = _ATLASES.get(key)
    if atlas is None:
        if len(_ATLASES) > 8:  # themes and datasets come and go
            _ATLASES.clear()
        size, cells = math.ceil(SPRITE_PX * ratio), 4 * max(len(colours), 1)
        atlas = QPixmap(size * min(cells, ATLAS_COLUMNS), size * math.ceil(cells / ATLAS_COLUMNS))
        atlas.setDevicePixelRatio(ratio)
        atlas.fill(Qt.GlobalColor.transparent)
        painter = QPainter(atlas)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)  # each cell exactly its sprite
        for i in range(4 * len(colours)):
            lane, is_coarse, is_faded = i // 4, bool(i // 2 % 2), bool(i % 2)
            sprite = _sprite(QColor(colours[lane]), is_coarse, is_faded, hollow, ratio)
            painter.drawPixmap(QPointF(i % ATLAS_COLUMNS * size / ratio, i // ATLAS_COLUMNS * size / ratio), sprite)
        painter.end()
        _ATLASES[key] = atlas
    return atlas


_SPRITES: dict[tuple[int, bool, bool, int, float], QPixmap] = {}
SPRITE_PX = 2 * MARK_RADIUS + 4.0  # the diamond (corner to corner 2 × radius) and its edge, with a margin


def _sprite(colour: QColor, hollow_fill: bool, faded: bool, hollow: QColor, ratio: float) -> QPixmap:
    key = (colour.rgba(), hollow_fill, faded, hollow.rgba(), ratio)
    sprite = _SPRITES.get(key)
    if sprite is None:
        if len(_SPRITES) > 512:  # themes and datasets come and go: keep the cache small
            _SPRITES.clear()
        size = math.ceil(SPRITE_PX * ratio)
        sprite = QPixmap(size, size)
        sprite.setDevicePixelRatio(ratio)
        sprite.fill(Qt.GlobalColor.transparent)
        painter = QPainter(sprite)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        fill = QColor(colour)
        if faded:
            fill.setAlpha(60)
        # a darker edge keeps light colours (yellow) visible on white; hollow means "some day in this month/year"
        painter.setPen(QPen(fill.darker(135), 1.2))
        painter.setBrush(QBrush(hollow if hollow_fill else fill))
        c = SPRITE_PX / 2.0
        painter.drawPolygon(QPolygonF([QPointF(c, c - MARK_RADIUS), QPointF(c + MARK_RADIUS, c),
                                       QPointF(c, c + MARK_RADIUS), QPointF(c - MARK_RADIUS, c)]))
        painter.end()
        _SPRITES[key] = sprite
    return sprite


def _paint_strong(p: QPainter, kind: int, colour: QColor, x0: float, x1: float, y: float, right: float,
                  edge: QColor, hollow: QColor) -> None:
    outline = QPen(edge, 2.0)
    if kind != lane_packing.INSTANT:
        fill = QColor(colour)
        fill.setAlpha(70 if kind == lane_packing.COARSE else 200)
        half = 5.0 if kind == lane_packing.COARSE else 3.5
        p.setPen(outline if kind == lane_packing.RANGE else Qt.PenStyle.NoPen)
        p.setBrush(_fading(fill, right) if x1 > right else QBrush(fill))
        p.drawRoundedRect(QRectF(x0, y - half, max(x1 - x0, 2.0), 2 * half), 3.0, 3.0)
    r = MARK_RADIUS + 1.5
    p.setPen(outline)
    p.setBrush(QBrush(hollow if kind == lane_packing.COARSE else colour))
    p.drawPolygon(QPolygonF([QPointF(x0, y - r), QPointF(x0 + r, y), QPointF(x0, y + r), QPointF(x0 - r, y)]))


def _runs(key: np.ndarray, mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Indices where ``mask`` holds, ordered by ``key`` (stably), and where each run of equal keys
    starts in that order (with the end appended): run ``i`` is ``order[starts[i]:starts[i + 1]]``."""
    chosen = np.flatnonzero(mask)
    order = chosen[np.argsort(key[chosen], kind="stable")]
    if not len(order):
        return order, np.zeros(1, dtype=np.int64)
    starts = np.flatnonzero(np.diff(key[order])) + 1
    return order, np.concatenate([[0], starts, [len(order)]]).astype(np.int64)


def _unpack(key: int) -> tuple[int, bool, bool, bool]:
    return key // 8, bool(key // 4 % 2), bool(key // 2 % 2), bool(key % 2)


def _cut_at_fade(rows: Rows, edge: np.ndarray, right: float) -> Rows:
    """Bars running past the right edge (``edge``) fade out over its last :data:`FADE_PX`. A gradient brush
    costs several times a plain one per pixel, and at a narrow window many bars cross the whole plot, so
    each is cut where the fade begins: ``rows`` keep the plain part (none when the bar starts inside the
    fade), and the rows returned, one for each of ``rows``, the fading part (none for the other bars)."""
    bars = rows.array
    fade_from = right - FADE_PX
    x0 = bars[:, 0].copy()
    fade_x = np.maximum(x0, fade_from)
    fading = rect_rows(fade_x, bars[:, 1], np.where(edge, x0 + bars[:, 2] - fade_x, 0.0), bars[:, 3])
    bars[:, 2] = np.where(edge, np.maximum(fade_from - x0, 0.0), bars[:, 2])
    return fading


def _fading(fill: QColor, right: float) -> QBrush:
    """A brush that fades a bar to nothing at the right edge: it goes on past what is shown."""
    gradient = QLinearGradient(right - FADE_PX, 0.0, right, 0.0)
    gradient.setColorAt(0.0, fill)
    clear = QColor(fill)
    clear.setAlpha(0)
    gradient.setColorAt(1.0, clear)
    return QBrush(gradient)
