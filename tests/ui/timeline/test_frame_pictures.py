"""A panned or cursor-stepped frame copies what it drew before: the lanes' grounds, the grid's lines and
the labels are pictures drawn once, and a cursor step repaints one rectangle (Qt copies pictures into a
region of several rectangles down a path 50 times slower)."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import QPoint, QPointF
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from viewer.model.dataset import DatasetMeta, Tables, build_dataset
from viewer.model.window import TimeWindow
from viewer.ui.shared.state import ViewState
from viewer.ui.shell.main_window import MainWindow
from viewer.ui.timeline import density, grid, labels
from viewer.ui.timeline import items as items_module

from ..calls import counted
from ..window_reading import cursor_grip


def _years_of_events(n: int = 400, lanes: int = 12, title: Callable[[int], str] | None = None) -> ViewState:
    """Events spread over 2000–2024 in ``lanes`` actors' lanes, as the scale benchmark's data is."""
    rng = np.random.default_rng(7)
    starts = pd.Timestamp("2000-01-01") + pd.to_timedelta(np.sort(rng.uniform(0, 25 * 365, n)), unit="D")
    actors = [f"a{k}" for k in rng.integers(0, lanes, n)]
    events = pd.DataFrame({"id": [f"e{i}" for i in range(n)],
                           "title": [title(i) if title else f"Board meeting number {i} of the group" for i in range(n)],
                           "start": starts.strftime("%Y-%m-%d"), "actors": actors})
    entities = pd.DataFrame({"id": [f"a{k}" for k in range(lanes)], "name": [f"Actor {k}" for k in range(lanes)],
                             "kind": "company"})
    meta = DatasetMeta(principal=tuple(entities["id"]))
    return ViewState(build_dataset(Tables(events, entities), meta))


def _drag_cursor_right(window: MainWindow, hand: Any) -> None:
    """Drag the cursor line 200 px right with the hand, a frame at a time."""
    viewport, at = window.timeline.plot.viewport(), cursor_grip(window)
    hand.press(viewport, at)
    for step in range(1, 6):
        hand.drag_to(viewport, at + QPoint(40 * (step - 1), 0), at + QPoint(40 * step, 0), steps=1)
        QApplication.processEvents()
    hand.release(viewport, at + QPoint(200, 0))
    QApplication.processEvents()


def test_pans_copy_the_grounds_grid_lines_and_labels_drawn_before(
        qtbot: QtBot, hand: Any, make_window: Callable[..., MainWindow], monkeypatch: pytest.MonkeyPatch) -> None:
    grounds = counted(monkeypatch, items_module, "lanes_picture")
    lines = counted(monkeypatch, grid, "line_picture")
    window = make_window(_years_of_events())
    state, items = window.state, window.timeline.items
    base = TimeWindow.between("2010", "2014")
    state.set_window(base)
    QApplication.processEvents()
    assert items.labelled, "the view shows labels"
    qtbot.waitUntil(lambda: items._labels.wanted == 0)  # the first view's labels' pictures, made when idle
    kept, made = items._labels.kept, (len(grounds), len(lines))
    # the benchmark's pans: 5 % of a 4-year view, whose edges then differ by float noise
    # (990.0000000000009 px), not by pixels
    for step in range(1, 21):
        state.set_window(base.pan(base.span * 0.05 * step))
        QApplication.processEvents()
    assert len(grounds) == made[0], "a pan moves no lane: the grounds' picture is reused"
    assert len(lines) - made[1] <= 2, "the grid's lines are stamped: at most a new opacity gets a new line"
    assert 0 < items._labels.kept - kept < 20 * 4, "labels already drawn are copied; new ones drawn once"
    # the same with the hand: a drag across the plot
    viewport = window.timeline.plot.viewport()
    start = QPoint(viewport.width() // 2, viewport.height() - 40)
    before = len(grounds)
    hand.press(viewport, start)
    hand.drag_to(viewport, start, start + QPoint(-300, 0), steps=10)
    hand.release(viewport, start + QPoint(-300, 0))
    QApplication.processEvents()
    assert state.window.start > base.pan(base.span).start
    assert len(grounds) == before


def test_a_new_theme_draws_the_labels_again_in_its_ink(qtbot: QtBot, make_window: Callable[..., MainWindow]) -> None:
    window = make_window(_years_of_events())
    window.state.set_window(TimeWindow.between("2010", "2014"))
    QApplication.processEvents()
    painter = window.timeline.items._labels
    qtbot.waitUntil(lambda: painter.kept > 0 and not painter.wanted)  # pictures are made once the frame is shown
    light = [pixmap.toImage() for pixmap, _advance in painter._sprites.values()]
    window.actions_by_name["theme_dark"].trigger()
    QApplication.processEvents()
    qtbot.waitUntil(lambda: painter.kept > 0 and not painter.wanted)
    dark = [pixmap.toImage() for pixmap, _advance in painter._sprites.values()]
    assert light and dark

    def ink(images: list[QImage]) -> float:
        inked = [image.pixelColor(x, y) for image in images[:5] for x in range(image.width())
                 for y in range(image.height()) if image.pixelColor(x, y).alpha() > 200]
        return float(np.mean([c.lightness() for c in inked]))

    assert ink(light) < 100 < ink(dark)  # dark text on the light theme, light text on the dark one


def test_a_label_met_first_as_text_then_stamped_looks_the_same(qtbot: QtBot) -> None:
    """A label met for the first time is drawn as text (a picture costs five such draws, in the frame that can
    least afford it), its picture made once the view rests; the text and the picture stamped after it look
    alike, to a pixel, as does Qt's own text drawn there: the label does not jump when its picture arrives."""
    font = QFont()
    font.setPointSizeF(9.0)
    bold = QFont(font)
    bold.setBold(True)
    painter_of_labels = labels.LabelPainter(font, bold)
    title = "Renault and Nissan sign the new alliance agreement"
    images, ground = [], QColor(painter_of_labels.theme.background)
    baseline = 10.3 + (QFontMetricsF(font).ascent() - QFontMetricsF(font).descent()) / 2.0
    for how in ("qt", "first", "stamped"):
        image = QImage(500, 40, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(ground)
        p = QPainter(image)
        if how == "qt":
            p.setFont(font)
            p.setPen(QColor(painter_of_labels.theme.text))
            p.drawText(QPointF(20.0, round(baseline)), title)
        else:
            painter_of_labels._stamp(p, title, False, False, (20.4, baseline), None, 1.0)
        p.end()
        images.append(image)
        if how == "first":
            assert (painter_of_labels.kept, painter_of_labels.wanted) == (0, 1)
            qtbot.waitUntil(lambda: painter_of_labels.kept == 1 and not painter_of_labels.wanted)
    darkness = []
    for image in images:
        pixels = np.array([[abs(image.pixelColor(x, y).lightness() - ground.lightness()) for x in range(500)]
                           for y in range(40)])
        rows, columns = np.nonzero(pixels > 60)
        darkness.append((pixels.sum(), rows.min(), rows.max(), columns.min(), columns.max()))
    (ink_qt, *box_qt), *drawn = darkness
    for ink, *box in drawn:
        assert abs(ink - ink_qt) <= 0.1 * ink_qt  # the same text, as strong
        assert max(abs(a - b) for a, b in zip(box, box_qt, strict=True)) <= 1  # in the same place, to a pixel
    first, stamped = (np.array([[img.pixel(x, y) for x in range(500)] for y in range(40)]) for img in images[1:])
    assert (first != stamped).mean() < 0.01  # the picture replaces the text without a visible change


def test_a_selected_title_too_wide_for_a_picture_is_drawn_as_text(
        qtbot: QtBot, make_window: Callable[..., MainWindow]) -> None:
    long_title = "An extremely long title " * 200  # about 30,000 px in bold
    window = make_window(_years_of_events(60, 3, lambda i: long_title if i == 30 else f"Event {i}"))
    state = window.state
    state.set_window(TimeWindow.between("2010", "2016"))
    state.select_event("e30", move_cursor=False)
    QApplication.processEvents()
    items = window.timeline.items
    assert items.labelled and any(box.width() > 0 for box in items.label_boxes)
    assert all(len(key[0]) < len(long_title) for key in items._labels._sprites)  # never kept as a picture
    window.timeline.plot.viewport().grab()  # and it paints


def test_a_cursor_step_repaints_the_timeline_in_one_rectangle(
        qtbot: QtBot, hand: Any, make_window: Callable[..., MainWindow], monkeypatch: pytest.MonkeyPatch) -> None:
    clips: list[int] = []
    original = items_module.EventsItem.paint

    def paint(self: items_module.EventsItem, p: QPainter, *args: Any) -> None:
        clips.append(p.paintEngine().systemClip().rectCount())  # the region Qt repaints
        original(self, p, *args)

    monkeypatch.setattr(items_module.EventsItem, "paint", paint)
    window = make_window(_years_of_events())
    window.state.set_window(TimeWindow.between("2010", "2014"))
    window.state.move_cursor("2011-06-01")
    QApplication.processEvents()
    clips.clear()
    _drag_cursor_right(window, hand)
    assert window.state.cursor > pd.Timestamp("2011-09-01", tz="UTC")  # the hand moved the cursor
    assert clips and max(clips) == 1, clips


def test_hostile_titles_pan_without_error_and_the_kept_cuts_stay_small(
        qtbot: QtBot, hand: Any, make_window: Callable[..., MainWindow]) -> None:
    """Titles of 100,000 characters (a description mapped as title), line breaks, tabs, right-to-left
    text, emoji and blanks: drawn, panned with the hand, and what is kept does not hold the long ones."""
    kinds = ["x" * 100_000 + str(i) for i in range(5)] + [
        "two\nlines", "a\ttab", "شركة رينو ونيسان", "Alliance 🚗🔋 deal", "", "   ", "e\u0301\u0301 combining"]
    window = make_window(_years_of_events(240, 4, lambda i: kinds[i % len(kinds)]))
    window.state.set_window(TimeWindow.between("2005", "2015"))
    QApplication.processEvents()
    viewport = window.timeline.plot.viewport()
    start = QPoint(viewport.width() // 2, viewport.height() - 40)
    for dx in (-250, 250, -120):
        hand.press(viewport, start)
        hand.drag_to(viewport, start, start + QPoint(dx, 0), steps=6)
        hand.release(viewport, start + QPoint(dx, 0))
        QApplication.processEvents()
    painter = window.timeline.items._labels
    assert window.timeline.items.labelled
    assert all(len(title) <= labels.CUT_CHARS for title, *_ in painter._cuts)
    assert all(len(title) <= labels.CUT_CHARS for title, *_ in painter._sprites)


def test_a_cursor_drag_over_a_crowded_view_paints_the_density_counted_once(
        qtbot: QtBot, hand: Any, make_window: Callable[..., MainWindow], monkeypatch: pytest.MonkeyPatch) -> None:
    counts = counted(monkeypatch, density.DensityLayer, "_counts")
    window = make_window(_years_of_events(n=8000))
    items, viewport = window.timeline.items, window.timeline.plot.viewport()
    window.state.set_window(TimeWindow.between("2000", "2025"))
    window.state.move_cursor("2005-06-01")
    QApplication.processEvents()
    assert items.density_mode
    counts.clear()
    _drag_cursor_right(window, hand)
    assert window.state.cursor > pd.Timestamp("2007-01-01", tz="UTC")  # the hand moved the cursor
    assert not counts, "the window did not move: its counts are painted again, not counted again"
    kept = viewport.grab().toImage()
    items._density.forget()  # counted afresh, the picture is the same
    items.update()
    assert viewport.grab().toImage() == kept and counts
    counts.clear()
    window.state.set_window(TimeWindow.between("2001", "2025"))  # a pan counts the new window
    QApplication.processEvents()
    assert counts


def test_the_kept_density_picture_lets_go_of_the_marks_it_was_counted_from(
        qtbot: QtBot, make_window: Callable[..., MainWindow]) -> None:
    window = make_window(_years_of_events(n=8000))
    window.state.set_window(TimeWindow.between("2000", "2025"))
    QApplication.processEvents()
    items = window.timeline.items
    assert items.density_mode and items._density._kept is not None
    before = weakref.ref(items.marks)
    window.state.set_dataset(_years_of_events(n=50).dataset)  # a small dataset: no density to keep
    QApplication.processEvents()
    gc.collect()
    assert before() is None, "a million events' marks would stay in memory"
