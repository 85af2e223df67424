"""Runs of marks too close to label, told as one "14 events" badge each where no label is (a click on one
zooms to its events: pointer.py); in density, the counts of a view whose events stand in few columns.

Each badge is drawn once per count, theme and pixel ratio, then blitted: drawing its rounded box and its
text at every frame cost 70 µs a badge, and a 5-year view of 10k events holds about 70 of them.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QPixmap

from viewer.model import clusters, marks
from viewer.ui.shared.batch_draw import pixel_ratio
from viewer.ui.shared.theme import Theme, current, mix, qcolor
from viewer.ui.timeline.shapes import MARK_RADIUS

GAP_PX, MIN_RUN = 24.0, 4  # marks closer than this, this many in a run, get one badge
PILE_PX = 1  # unlabelled marks at a titled one's instant, this close under it, are hidden by it: "+3", however few
SPRITES = 512  # distinct badges kept drawn (a count and a pixel ratio each)
MOST_COUNTED = 48  # lanes' columns of events told by a badge each in density, at most (more: the bars tell them)


def badge_text(theme: Theme) -> str:
    """A badge's count, a step quieter than a title yet read as easily (in the muted grey of the events the filters
    leave out it stood at 2.5:1 on white and 3.6:1 on the dark theme's ground, faint beside the titles)."""
    return mix(theme.text, theme.label_back, 0.3)


class Badges:
    """The badges of the last paint (boxes in device pixels, with the time span each stands for) and the
    pictures they are blitted from."""

    def __init__(self, font: QFont) -> None:
        self.font = font
        self.theme = current()
        self.boxes: list[tuple[QRectF, float, float]] = []
        self.piles: dict[int, np.ndarray] = {}  # a pile's badge (its place in boxes): its events
        self.counted: dict[int, int] = {}  # a density column's badge (its place in boxes): its lane
        self._sprites: dict[tuple[str, float], QPixmap] = {}
        self._widths: dict[str, float] = {}  # per text, in this font

    def set_theme(self, theme: Theme) -> None:
        """Draw the badges in these colours from now on."""
        self.theme = theme
        self._sprites.clear()

    def paint(self, p: QPainter, spans: tuple[np.ndarray, np.ndarray], px0: np.ndarray, rows: np.ndarray,
              told: np.ndarray, labels: tuple[np.ndarray, np.ndarray, np.ndarray], right: float,
              marks_of: tuple[np.ndarray, np.ndarray] | None = None) -> None:
        """One badge per crowded run of the visible marks (``spans``: their times; ``told``: those labelled
        or quiet), placed where no drawn label (``labels``: left, width, row) is; and one "+3" per pile of marks
        hidden under a titled one (events at one instant past their lane's rows; ``marks_of``: each mark's lane
        and event, the pile's events kept with its badge)."""
        self.boxes, self.piles, self.counted = [], {}, {}
        runs = clusters.crowded_runs(px0, rows, told, *spans, gap=GAP_PX, min_count=1)
        if not len(runs):
            return
        piled = clusters.piled(runs, px0, spans[0], rows, told, PILE_PX)
        metrics = QFontMetricsF(self.font)
        shown = runs.subset((runs.counts >= MIN_RUN) & ~piled)
        texts = [f"{n} events" for n in shown.counts.tolist()]
        widths = np.array([self._width(t, metrics) for t in texts])
        after = np.minimum(shown.x0 + MARK_RADIUS + 4.0, right - widths - 4.0)  # right of the run, else left
        x, keep = _placed(labels, (after, shown.x0 - MARK_RADIUS - 4.0 - widths), widths, shown.rows)
        members: list[np.ndarray | None] = [None] * len(texts)
        if piled.any():
            taken = (np.concatenate([labels[0], x[keep]]), np.concatenate([labels[1], widths[keep]]),
                     np.concatenate([labels[2], shown.rows[keep]]))
            lanes, events = marks_of if marks_of is not None else (np.zeros_like(rows), np.arange(len(rows)))
            pile, pile_texts, pile_widths, pile_x, pile_keep, pile_members = self._piles(
                runs.subset(piled), (spans[0], rows, lanes, events), taken, right, metrics)
            shown = shown.joined(pile)
            texts, widths, members = texts + pile_texts, np.concatenate([widths, pile_widths]), members + pile_members
            x, keep = np.concatenate([x, pile_x]), np.concatenate([keep, pile_keep])
        height, ratio = metrics.height() + 2.0, pixel_ratio(p)
        kept = np.flatnonzero(keep)
        lefts = np.round(x[kept]).astype(np.int64).tolist()  # halves to even, as Python's round did
        tops = np.round(shown.rows[kept] / 4.0 - height / 2.0).astype(np.int64).tolist()
        for k, left, top, width, t0, t1 in zip(kept.tolist(), lefts, tops, widths[kept].tolist(),
                                               shown.t0[kept].tolist(), shown.t1[kept].tolist(), strict=True):
            if (piled_events := members[k]) is not None:  # a pile's "+3": a click selects its events
                self.piles[len(self.boxes)] = piled_events
            self._stamp(p, texts[k], QRectF(left + 0.5, top + 0.5, width, height), (t0, t1), ratio)

    def paint_counts(self, p: QPainter, counts: np.ndarray, bands: list[tuple[float, float]],
                     window: tuple[float, float, float, float]) -> None:
        """In density, a "2,000 events" badge for each lane's column of events where the view's events stand in
        few columns (at most :data:`MOST_COUNTED`): a log whose 100,000 events share one instant showed one 2-pixel
        column, hidden under the cursor line, and empty lanes. ``counts``: lanes × columns over ``window``'s left
        and right (device pixels) and its times; ``bands``: each lane's edges. Each badge, left of its column
        (else right), zooms to it, or selects its events where they share an instant (:meth:`at`)."""
        self.boxes, self.piles, self.counted = [], {}, {}
        lanes, columns = np.nonzero(counts[:len(bands)])
        if not len(lanes) or len(lanes) > MOST_COUNTED:
            return
        left, right, t0, t1 = window
        column_px, column_t = (right - left) / counts.shape[1], (t1 - t0) / counts.shape[1]
        metrics = QFontMetricsF(self.font)
        height, ratio = metrics.height() + 2.0, pixel_ratio(p)
        for lane, column in zip(lanes.tolist(), columns.tolist(), strict=True):
            count = int(counts[lane, column])
            text = f"{count:,} event{'s' if count > 1 else ''}"
            width = self._width(text, metrics)
            at = left + column * column_px
            x = at - 4.0 - width if at - 4.0 - width >= left else min(at + column_px + 4.0, right - width)
            top = round(sum(bands[lane]) / 2.0 - height / 2.0)
            self.counted[len(self.boxes)] = lane
            self._stamp(p, text, QRectF(round(x) + 0.5, top + 0.5, width, height),
                        (t0 + column * column_t, t0 + (column + 1) * column_t), ratio)

    def paint_stacks(self, p: QPainter, marks_at: tuple[np.ndarray, ...], bands: list[tuple[float, float]],
                     edges: tuple[float, float], avoid: list[QRectF]) -> None:
        """Where rows are thinner than a line of text (no title drawn), a "83 events" badge for each lane's stack of
        :data:`MIN_RUN` or more marks at one instant, which one mark hides (a log's logins at one second, a dozen
        services): left of it, else right, in the middle of its lane where the lane holds it, biggest first, none
        over another or over the selection's label (``avoid``). A click selects them: zooming never parts them.
        ``marks_at``: the visible marks' pixels, starts, lanes and events; ``bands``: each lane's edges; ``edges``:
        the plot's left and right."""
        self.boxes, self.piles, self.counted = [], {}, {}
        px0, starts, lanes, events = marks_at
        left_edge, right = edges
        stacked_lanes, xs, members = clusters.stacks(px0, starts, lanes, MIN_RUN)
        metrics = QFontMetricsF(self.font)
        height, ratio = metrics.height() + 2.0, pixel_ratio(p)
        taken = [(box.left(), box.top(), box.right(), box.bottom()) for box in avoid]
        for lane, x, marks_of in zip(stacked_lanes[:MOST_COUNTED].tolist(), xs[:MOST_COUNTED].tolist(),
                                     members[:MOST_COUNTED], strict=False):
            top_edge, bottom_edge = sorted(bands[lane]) if 0 <= lane < len(bands) else (0.0, 0.0)
            if bottom_edge - top_edge < height - 2.0:  # (a collapsed lane: no room)
                continue
            text = f"{len(marks_of):,} events"
            width = self._width(text, metrics)
            top = round((top_edge + bottom_edge) / 2.0 - height / 2.0)
            lane_px = px0[lanes == lane]
            sides = [(round(left), top, round(left) + width, top + height)
                     for left in (x - MARK_RADIUS - 4.0 - width, min(x + MARK_RADIUS + 4.0, right - width - 4.0))
                     if left >= left_edge + 2.0]  # (none across the plot's left edge, into the lanes' names)
            free = [box for box in sides
                    if not any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in taken)]
            if not free:
                continue
            # the side that hides fewest of the lane's other marks (left first)
            box = min(free, key=lambda b: np.count_nonzero((lane_px > b[0] - MARK_RADIUS) &
                                                            (lane_px < b[2] + MARK_RADIUS)))
            taken.append(box)
            self.piles[len(self.boxes)] = events[marks_of]
            t = float(starts[marks_of[0]])
            self._stamp(p, text, QRectF(box[0] + 0.5, top + 0.5, width, height), (t, t), ratio)

    def _stamp(self, p: QPainter, text: str, box: QRectF, span: tuple[float, float], ratio: float) -> None:
        """One badge drawn (its kept picture, the box's corner half a pixel in) and kept with the span it stands
        for, for clicks."""
        p.drawPixmap(round(box.left() - 0.5), round(box.top() - 0.5), self.sprite(text, box.width(), box.height(),
                                                                                  ratio))
        self.boxes.append((box, *span))

    def _piles(self, piles: clusters.Clusters, marks_at: tuple[np.ndarray, ...],
               taken: tuple[np.ndarray, np.ndarray, np.ndarray], right: float, metrics: QFontMetricsF
               ) -> tuple[clusters.Clusters, list[str], np.ndarray, np.ndarray, np.ndarray, list[np.ndarray | None]]:
        """The piles' "+3" badges, one per lane and instant however many rows the pile spans, each on the first of
        the pile's rows with room (left of its mark, whose title is on the right; else right of it): where they may
        go, their texts, widths, places, which are drawn and, for those, the pile's events (``marks_at``: the
        visible marks' starts, rows, lanes and events)."""
        starts, rows, lanes, events = marks_at
        pile_lanes = clusters.lanes_of(piles.rows, rows, lanes)
        group, totals = clusters.pile_totals(piles, pile_lanes)
        spots = clusters.pile_spots(piles, group, pile_lanes, starts, rows, lanes)  # (a row of the pile's, each)
        texts = [f"+{n}" for n in totals[spots.first].tolist()]
        widths = np.array([self._width(t, metrics) for t in texts])
        x, keep = _placed(taken, (spots.at.x0 - MARK_RADIUS - 4.0 - widths,
                                  np.minimum(spots.at.x0 + MARK_RADIUS + 4.0, right - widths - 4.0)),
                          widths, spots.at.rows)
        keep &= clusters.first_of_groups(group[spots.first], keep)
        members: list[np.ndarray | None] = [events[spots.members[i]] if keep[i] else None for i in range(len(texts))]
        return spots.at, texts, widths, x, keep, members

    def _width(self, text: str, metrics: QFontMetricsF) -> float:
        """A badge's width for its text, measured once per text."""
        width = self._widths.get(text)
        if width is None:
            if len(self._widths) > SPRITES:
                self._widths.clear()
            width = self._widths[text] = metrics.horizontalAdvance(text) + 10.0
        return width

    def sprite(self, text: str, width: float, height: float, ratio: float) -> QPixmap:
        """The picture of one badge (its rounded box and text), drawn the first time it is asked for."""
        key = (text, ratio)
        sprite = self._sprites.get(key)
        if sprite is not None:
            return sprite
        if len(self._sprites) > SPRITES:
            self._sprites.clear()
        sprite = QPixmap(math.ceil((width + 1.0) * ratio), math.ceil((height + 1.0) * ratio))
        sprite.setDevicePixelRatio(ratio)
        sprite.fill(Qt.GlobalColor.transparent)
        painter = QPainter(sprite)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setFont(self.font)
        painter.setPen(QPen(QColor(self.theme.muted), 1.0))
        painter.setBrush(qcolor(self.theme.label_back, 235))
        box = QRectF(0.5, 0.5, width, height)  # the outline on pixel centres: one crisp pixel wide
        painter.drawRoundedRect(box, height / 2.0, height / 2.0)
        painter.setPen(QColor(badge_text(self.theme)))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
        painter.end()
        self._sprites[key] = sprite
        return sprite

    def at(self, scene_pos: QPointF, column_of: Callable[[int, float, float], np.ndarray] | None = None
           ) -> tuple[float, float, np.ndarray] | None:
        """The time span of the badge under a scene position (to zoom to) and, for a pile's, its events (the
        marks' event rows: to select); None when none is there. A density column's badge whose events all stand
        at one instant gives them too, as ``column_of`` (lane, start, end) finds them: zooming never parts them."""
        for i, (box, t0, t1) in enumerate(self.boxes):
            if box.contains(scene_pos):
                lane = self.counted.get(i)
                if lane is not None and column_of is not None:
                    return t0, t1, column_of(lane, t0, t1)
                return t0, t1, self.piles.get(i, np.zeros(0, dtype=np.int64))
        return None


def _placed(labels: tuple[np.ndarray, np.ndarray, np.ndarray], places: tuple[np.ndarray, np.ndarray],
            widths: np.ndarray, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Where badges go among the drawn labels (left, width, row), which rank above every badge (a badge never
    covers a title): each at its first place (``places``) where it fits, else its second; and which fit."""
    first, second = places
    keep = _fits(labels, first, widths, rows)
    x = first.copy()
    retry = np.flatnonzero(~keep & (second >= 0.0))
    if len(retry):
        placed = np.flatnonzero(keep)
        taken = (np.concatenate([labels[0], first[placed]]), np.concatenate([labels[1], widths[placed]]),
                 np.concatenate([labels[2], rows[placed]]))
        moved = retry[_fits(taken, second[retry], widths[retry], rows[retry])]
        x[moved], keep[moved] = second[moved], True
    return x, keep


def _fits(labels: tuple[np.ndarray, np.ndarray, np.ndarray], x: np.ndarray, widths: np.ndarray,
          rows: np.ndarray) -> np.ndarray:
    label_x, label_w, label_rows = labels
    return marks.place_labels(np.concatenate([label_x, x]), np.concatenate([label_w, widths]),
                              np.concatenate([label_rows, rows]),
                              np.concatenate([np.full(len(label_x), 10.0), np.zeros(len(x))]))[len(label_x):]
