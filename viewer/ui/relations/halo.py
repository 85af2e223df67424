"""A name drawn over a halo of the background, so that it reads over the lines it crosses.

Stroking the outline of every glyph with a wide round pen drew the halo at ~5 ms a name (the panel's
first paint spent a fifth of a second on it). Here the name is drawn once as ink and the halo is its
coverage grown by the pen's half width: a maximum over a disk of pixel offsets, soft at the rim (numpy,
on a picture of a few thousand pixels).
"""

from __future__ import annotations

import math
import sys

import numpy as np
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPixmap

_FORMAT = QImage.Format.Format_ARGB32_Premultiplied
# where each channel sits in a pixel's four bytes (the format is a 32-bit word: byte order follows the CPU)
_CHANNELS = {"b": 0, "g": 1, "r": 2, "a": 3} if sys.byteorder == "little" else {"a": 0, "r": 1, "g": 2, "b": 3}


def grown(alpha: np.ndarray, radius: float) -> np.ndarray:
    """Coverage (0–1) grown by ``radius`` px: each pixel takes the most of its neighbours within the radius,
    those at the rim weighted by how much of them the radius reaches."""
    out = alpha.copy()
    height, width = alpha.shape
    reach = math.ceil(radius)
    for dy in range(-reach, reach + 1):
        for dx in range(-reach, reach + 1):
            weight = min(max(radius + 0.5 - math.hypot(dx, dy), 0.0), 1.0)
            if weight <= 0.0 or (dx == 0 and dy == 0):
                continue
            target = out[max(dy, 0):height + min(dy, 0), max(dx, 0):width + min(dx, 0)]
            source = alpha[max(-dy, 0):height + min(-dy, 0), max(-dx, 0):width + min(-dx, 0)]
            np.maximum(target, source * weight, out=target)
    return out


def _array(image: QImage) -> np.ndarray:
    """The image's pixels as (height, width, 4) bytes, a view of its memory."""
    rows = np.frombuffer(image.constBits(), dtype=np.uint8).reshape(image.height(), image.bytesPerLine())
    return rows[:, :image.width() * 4].reshape(image.height(), image.width(), 4)


def name_picture(text: str, font: QFont, size: tuple[int, int], ratio: float, origin: QPointF, ink: QColor,
                 halo: QColor, radius: float) -> QPixmap:
    """``text`` in ``ink`` at ``origin`` (logical px) over a ``halo`` reaching ``radius`` logical px beyond it."""
    image = QImage(*size, _FORMAT)
    image.fill(Qt.GlobalColor.transparent)
    image.setDevicePixelRatio(ratio)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.setFont(font)
    painter.setPen(ink)
    painter.drawText(origin, text)
    painter.end()
    cover = grown(_array(image)[..., _CHANNELS["a"]].astype(np.float32) / 255.0, radius * ratio) * halo.alphaF()
    under = np.empty((image.height(), image.width(), 4), dtype=np.uint8)
    for name, value in (("r", halo.red()), ("g", halo.green()), ("b", halo.blue())):
        under[..., _CHANNELS[name]] = np.rint(cover * value).astype(np.uint8)  # premultiplied
    under[..., _CHANNELS["a"]] = np.rint(cover * 255).astype(np.uint8)
    out = QImage(under.data, image.width(), image.height(), image.width() * 4, _FORMAT).copy()
    out.setDevicePixelRatio(ratio)
    painter = QPainter(out)
    painter.drawImage(QPointF(0, 0), image)
    painter.end()
    return QPixmap.fromImage(out)
