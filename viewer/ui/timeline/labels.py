"""Event titles beside their marks, stamped from pictures drawn once.

Drawing text lays out and rasterises its glyphs at every call: 15–40 µs a 40-character title on the
raster engine, the largest part of a panned frame's labels. Each label (its text, weight and ink at the
screen's pixel ratio) is drawn into a small transparent picture, and every frame after copies it: about
6 µs. Making that picture costs 70–80 µs, five direct draws: a frame that meets a title for the first time
(a zoom's or a pan's newcomers, the slowest frames of all) draws it as text, at the whole pixel its picture
will be stamped at, and the picture is made once the view has rested :data:`IDLE_AFTER_MS` (or between a
drag's frames), :data:`IDLE_SLICE_S` of pictures at a time: text and picture are the same pixels. Pictures
are kept by least recent use within a byte budget; a title too wide for one (a selected title of thousands of
characters), and every title of an SVG or PDF export, is drawn as text.
"""

from __future__ import annotations

import math
import time
from collections import OrderedDict

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPixmap

from viewer.ui.shared.batch_draw import pixel_ratio, records_vectors
from viewer.ui.shared.theme import Theme, current, qcolor
from viewer.ui.timeline.label_widths import narrowest

OPENING = 18  # characters: different titles that open alike are elided in the middle, keeping their ends
MIDDLE_MIN_PX = 150.0  # narrower than this, a middle cut keeps too little of either end: cut at the right
PAD = 2  # pixels of clear picture round the text (antialiased edges, overhanging glyphs)
WIDEST_PX = 2048.0  # a title wider than this is drawn as text, not kept as a picture
BUDGET_BYTES = 16 * 2**20  # the pictures kept, all told
CUTS = 4096  # elided titles kept (a pan moves marks and their room together: most slots keep their width)
CUT_CHARS = 512  # longer titles are cut again at each frame, not kept
RIGHT, MIDDLE = Qt.TextElideMode.ElideRight, Qt.TextElideMode.ElideMiddle  # looked up once, not per label
IDLE_SLICE_S = 0.0015  # seconds of pictures made at a time (about 20), so a frame due meanwhile waits little
IDLE_AFTER_MS = 30  # the pictures are made when the view has rested this long (or between the frames of a drag)

Sprite = tuple[QPixmap, float]  # the picture and the text's advance (logical pixels)
Key = tuple[str, bool, bool, float]  # a label's text, bold, faded and the screen's pixel ratio


class LabelPainter:
    """Draws placed labels (elided to their slots) in the regular or bold font, from kept pictures."""

    def __init__(self, font: QFont, bold: QFont) -> None:
        self.font, self.bold = font, bold
        self.theme = current()
        self._sprites: OrderedDict[Key, Sprite] = OrderedDict()
        self._bytes = 0
        self._cuts: OrderedDict[tuple[str, int, bool, bool], str] = OrderedDict()
        self._wanted: OrderedDict[Key, None] = OrderedDict()  # labels drawn as text, their pictures to make
        self._idle = QTimer()
        self._idle.setSingleShot(True)
        self._idle.setInterval(IDLE_AFTER_MS)
        self._idle.timeout.connect(self.make_wanted)

    def set_theme(self, theme: Theme) -> None:
        """Draw in these colours from now on (the pictures in the old ink are dropped)."""
        self.theme = theme
        self.clear()

    def clear(self) -> None:
        """Drop every kept picture."""
        self._sprites.clear()
        self._bytes = 0
        self._cuts.clear()
        self._wanted.clear()

    @property
    def kept(self) -> int:
        """How many pictures are kept."""
        return len(self._sprites)

    def draw(self, p: QPainter, drawn: np.ndarray, titles: list[str], geometry: tuple[np.ndarray, ...],
             strong: np.ndarray, faded: np.ndarray, backed: np.ndarray | None = None) -> list[QRectF]:
        """Draw the placed labels ``drawn`` (indices into the visible marks; ``geometry``: left, width, full
        width, centre y and mark x of every visible mark) and return their boxes in device pixels. A label
        ``backed`` (by default the ``strong`` ones) is drawn on a backing: it may cross other marks or lie on
        its own bar."""
        backed = strong if backed is None else backed
        lx, widths, full, py, px0 = geometry
        metrics = QFontMetricsF(self.font)
        baseline = (metrics.ascent() - metrics.descent()) / 2.0
        height = metrics.height()
        halo = qcolor(self.theme.label_back, 225)
        ratio = pixel_ratio(p)
        vectors = records_vectors(p)  # an SVG or PDF export gets text, not pictures of it
        shared = _shared_openings(titles)
        boxes = []
        for j, whole in zip(drawn.tolist(), titles, strict=True):
            bold = bool(strong[j])
            title = self._elided(whole, float(widths[j]), bold, shared) if widths[j] < full[j] else whole
            x, y = float(lx[j]), float(py[j])
            box = QRectF(x, y - height / 2.0, float(widths[j]), height)
            if backed[j]:  # a selected label may cross other marks: give it a backing so it stays legible
                p.fillRect(box.adjusted(-3.0, 0.0, 3.0, 0.0), halo)
            self._stamp(p, title, bold, bool(faded[j]) and not bold, (x, y + baseline),
                        float(widths[j]) if lx[j] < px0[j] else None, None if vectors else ratio)
            boxes.append(box)
        return boxes

    def _stamp(self, p: QPainter, title: str, bold: bool, faded: bool, at: tuple[float, float],
               right_aligned_in: float | None, ratio: float | None) -> None:
        """One label with its baseline starting at ``at``; left of its mark (``right_aligned_in``: its
        slot's width) it ends where the slot ends, next to the mark. ``ratio``: the screen's pixel ratio,
        None on a painter that records vectors (the label is drawn as text)."""
        if not title:
            return
        x, base = at
        key = (title, bold, faded, ratio or 0.0)
        sprite = None if ratio is None else self._sprites.get(key)
        if sprite is None:  # a vector export's text, or a title met for the first time: drawn as text
            font = self._font(bold)
            advance = QFontMetricsF(font).horizontalAdvance(title)
            if right_aligned_in is not None:
                x += right_aligned_in - advance
            p.setFont(font)
            p.setPen(self._ink(faded))
            if ratio is None:
                p.drawText(QPointF(x, base), title)
                return
            p.drawText(QPointF(round(x), round(base)), title)  # where its picture will be stamped
            if advance <= WIDEST_PX:
                self._want(key)
            return
        self._sprites.move_to_end(key)
        if right_aligned_in is not None:
            x += right_aligned_in - sprite[1]
        ascent = math.ceil(QFontMetricsF(self._font(bold)).ascent())
        p.drawPixmap(QPointF(round(x) - PAD, round(base) - ascent - PAD), sprite[0])

    def _want(self, key: Key) -> None:
        self._wanted[key] = None
        if not self._idle.isActive():
            self._idle.start()

    @property
    def wanted(self) -> int:
        """How many labels drawn as text still wait for their pictures."""
        return len(self._wanted)

    def make_wanted(self) -> None:
        """Make the pictures of labels drawn as text, for :data:`IDLE_SLICE_S` at most; again later for the rest."""
        began = time.perf_counter()
        while self._wanted and time.perf_counter() - began < IDLE_SLICE_S:
            key, _ = self._wanted.popitem(last=False)
            if key not in self._sprites:
                self._keep(key, self._picture(*key))
        if self._wanted:
            self._idle.start()

    def _picture(self, title: str, bold: bool, faded: bool, ratio: float) -> Sprite:
        """A label drawn into a transparent picture at the screen's pixel ratio, and its text's advance."""
        font = self._font(bold)
        metrics = QFontMetricsF(font)
        advance = metrics.horizontalAdvance(title)
        ascent = math.ceil(metrics.ascent())
        picture = QPixmap(math.ceil((advance + 2 * PAD + 2) * ratio),
                          math.ceil((ascent + math.ceil(metrics.descent()) + 2 * PAD + 1) * ratio))
        picture.setDevicePixelRatio(ratio)
        picture.fill(Qt.GlobalColor.transparent)
        painter = QPainter(picture)
        painter.setFont(font)
        painter.setPen(self._ink(faded))
        painter.drawText(QPointF(PAD, PAD + ascent), title)
        painter.end()
        return picture, advance

    def _keep(self, key: Key, sprite: Sprite) -> None:
        self._sprites[key] = sprite
        self._bytes += _size(sprite[0])
        while self._bytes > BUDGET_BYTES and len(self._sprites) > 1:
            _key, (old, _advance) = self._sprites.popitem(last=False)
            self._bytes -= _size(old)

    def _font(self, bold: bool) -> QFont:
        return self.bold if bold else self.font

    def _ink(self, faded: bool) -> QColor:
        return QColor(self.theme.muted if faded else self.theme.text)

    def _elided(self, title: str, width: float, bold: bool, shared: set[str]) -> str:
        """Cut to ``width``; near-identical titles ("First National Bank of …") keep the part that tells
        them apart, so they are elided in the middle."""
        middle = title[:OPENING] in shared and width >= MIDDLE_MIN_PX
        key = (title, math.floor(width), bold, middle)  # a whole pixel more or less cuts the same
        cut = self._cuts.get(key)
        if cut is None:
            cut = self._cut(title, key[1], bold, middle)
            if len(title) <= CUT_CHARS:  # a key holds its title: 4096 of 100,000 characters would be 400 MB
                self._cuts[key] = cut
                if len(self._cuts) > CUTS:
                    self._cuts.popitem(last=False)
        return cut

    def _cut(self, title: str, width: int, bold: bool, middle: bool) -> str:
        """Qt's elided text of ``title`` at ``width``. Qt lays out the whole title to cut it: 0.2 ms for 2,000
        characters, at every frame. A slot shows no more characters than its width over the font's narrowest
        character, so only that many from each kept end are laid out; when those alone would not be cut (a
        run of zero-width characters), the whole title is."""
        metrics = QFontMetricsF(self._font(bold))
        mode = MIDDLE if middle else RIGHT
        keep = int(width / max(narrowest(self._font(bold)), 1.0)) + 8
        if len(title) > 2 * keep + 1:
            short = title[:keep] + title[-keep:] if middle else title[:keep]
            cut = metrics.elidedText(short, mode, width)
            if cut != short:
                return cut
        return metrics.elidedText(title, mode, width)


def _size(picture: QPixmap) -> int:
    return picture.width() * picture.height() * 4


def _shared_openings(titles: list[str]) -> set[str]:
    """The openings (first characters) that more than one different drawn title shares (an event drawn in
    several lanes shares nothing with itself).

    >>> sorted(_shared_openings(["First National Bank of Ames", "First National Bank of Erie", "Other bank",
    ...                          "Other bank but longer", "Other bank but longer"]))
    ['First National Ban']
    """
    seen: dict[str, int] = {}
    for title in set(titles):
        if len(title) > OPENING:
            seen[title[:OPENING]] = seen.get(title[:OPENING], 0) + 1
    return {opening for opening, count in seen.items() if count > 1}
