"""A cursor dragged by hand over a still view copies the events drawn before (marks, grid, badges), placing only
the labels again; whatever the user changes under a still cursor (a click, a hover, a theme, a collapsed lane, a
search) is painted anew, never copied from before."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from viewer.model.dataset import DatasetMeta, Tables, build_dataset
from viewer.model.dates import from_seconds
from viewer.model.window import TimeWindow
from viewer.ui.shared.state import ViewState
from viewer.ui.shell.main_window import MainWindow
from viewer.ui.timeline import items as items_module

from ..calls import counted
from ..window_reading import cursor_grip


def _years_of_events(n: int = 400, lanes: int = 12) -> ViewState:
    rng = np.random.default_rng(7)
    starts = pd.Timestamp("2000-01-01") + pd.to_timedelta(np.sort(rng.uniform(0, 25 * 365, n)), unit="D")
    ranged = rng.random(n) < 0.3
    ends = (starts + pd.to_timedelta(rng.uniform(5, 200, n), unit="D")).strftime("%Y-%m-%d").where(ranged, "")
    events = pd.DataFrame({"id": [f"e{i}" for i in range(n)], "title": [f"Board meeting number {i}" for i in range(n)],
                           "start": starts.strftime("%Y-%m-%d"), "end": ends,
                           "actors": [f"a{k}" for k in rng.integers(0, lanes, n)]})
    entities = pd.DataFrame({"id": [f"a{k}" for k in range(lanes)], "name": [f"Actor {k}" for k in range(lanes)],
                             "kind": "company"})
    return ViewState(build_dataset(Tables(events, entities), DatasetMeta(principal=tuple(entities["id"]))))


def _pixels(window: MainWindow) -> np.ndarray:
    image = window.timeline.plot.grab().toImage().convertToFormat(QImage.Format.Format_ARGB32)
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    return rows[:, :image.width() * 4].astype(np.int16)


def _painted_anew(window: MainWindow) -> np.ndarray:
    """The timeline as a paint from nothing kept draws it."""
    items = window.timeline.items
    items.update()
    QApplication.processEvents()
    items.layer.forget()
    return _pixels(window)


def _drag_cursor(window: MainWindow, hand: Any, steps: int, step_px: int = 23) -> None:
    viewport = window.timeline.plot.viewport()
    at = cursor_grip(window)
    hand.press(viewport, at)
    for step in range(1, steps + 1):
        hand.drag_to(viewport, at + QPoint(step_px * (step - 1), 0), at + QPoint(step_px * step, 0), steps=1)
        QApplication.processEvents()
    hand.release(viewport, at + QPoint(step_px * steps, 0))
    QApplication.processEvents()


@pytest.fixture
def dense(qtbot: QtBot, make_window: Callable[..., MainWindow]) -> MainWindow:
    window = make_window(_years_of_events())
    window.state.set_window(TimeWindow.between("2010", "2014"))
    window.state.move_cursor("2010-03-01")
    QApplication.processEvents()
    items = window.timeline.items
    assert items.labelled and not items.density_mode, "the view shows marks and labels"
    qtbot.waitUntil(lambda: items._labels.wanted == 0)  # the labels' pictures, made when idle
    return window


def test_a_dragged_cursor_copies_the_marks_drawn_before(dense: MainWindow, hand: Any,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    shapes = counted(monkeypatch, items_module, "paint_shapes")
    before = dense.timeline.items.layer.copies
    _drag_cursor(dense, hand, steps=12)
    assert dense.state.cursor > pd.Timestamp("2010-03-02", tz="UTC")  # the hand moved it
    copies = dense.timeline.items.layer.copies - before
    assert copies >= 6, "most steps copy the layer"
    assert len(shapes) <= 12 - copies + 1, "a copied step draws no marks"  # (the first step draws the picture)
    assert np.abs(_pixels(dense) - _painted_anew(dense)).max() <= 1  # what is copied is what a paint draws


def test_labels_that_meet_the_cursor_are_placed_again(dense: MainWindow, hand: Any) -> None:
    """A cursor dragged over the whole view meets labels left of their marks: where they go changes, and the
    frame is drawn again, equal at every step to a paint from nothing."""
    items = dense.timeline.items
    boxes = []
    for _ in range(8):
        _drag_cursor(dense, hand, steps=3, step_px=60)
        shown = _pixels(dense)
        boxes.append([box.getRect() for box in items.label_boxes])
        assert np.abs(shown - _painted_anew(dense)).max() <= 1
    assert any(a != b for a, b in itertools.pairwise(boxes)), "the cursor's sweep moved some label"


def test_labels_moved_by_the_cursor_are_drawn_on_the_marks_drawn_before(window: MainWindow, qtbot: QtBot, hand: Any,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Where the cursor moves labels (on the bundled dataset, at most steps of a drag across its window), the step
    draws the labels again on the picture of what lies under them: not the marks, grounds and grid (until stop 60
    every such step drew them all)."""
    items, viewport = window.timeline.items, window.timeline.plot.viewport()
    qtbot.waitUntil(lambda: items._labels.wanted == 0)  # the labels' pictures, made when idle
    shapes = counted(monkeypatch, items_module, "paint_shapes")
    shown = window.state.window
    window.state.move_cursor(from_seconds(shown.start + shown.span * 0.02))
    QApplication.processEvents()
    at = cursor_grip(window)
    boxes = [[box.getRect() for box in items.label_boxes]]
    hand.press(viewport, at)
    steps = (viewport.width() - at.x() - 20) // 25
    for step in range(1, steps + 1):  # across the whole view, a step at a time
        hand.drag_to(viewport, at + QPoint(25 * (step - 1), 0), at + QPoint(25 * step, 0), steps=1)
        QApplication.processEvents()
        boxes.append([box.getRect() for box in items.label_boxes])
    hand.release(viewport, at + QPoint(25 * steps, 0))
    QApplication.processEvents()
    moves = sum(a != b for a, b in itertools.pairwise(boxes))
    assert moves >= 5, "the cursor's sweep moved labels at several steps"
    assert len(shapes) <= 2, "the marks were drawn once, into the picture (and once by the first step)"
    assert np.abs(_pixels(window) - _painted_anew(window)).max() <= 1


def _click_a_mark(window: MainWindow, hand: Any) -> None:
    timeline = window.timeline
    inside = timeline.view.sceneBoundingRect().adjusted(20, 20, -20, -20)
    marks = [timeline.event_scene_pos(event) for event in sorted(timeline.labelled_event_ids())]
    scene = next(at for at in marks if at is not None and inside.contains(at))
    QTest.mouseClick(timeline.plot.viewport(), Qt.MouseButton.LeftButton, pos=timeline.plot.mapFromScene(scene))
    assert window.state.selection.events  # that mark's event, or one drawn over it


def _hover_a_mark(window: MainWindow, hand: Any) -> None:
    timeline = window.timeline
    event = sorted(timeline.labelled_event_ids())[-1]
    scene = timeline.event_scene_pos(event)
    assert scene is not None
    hand.move(timeline.plot.viewport(), timeline.plot.mapFromScene(scene))
    assert window.state.hover == event


def _dark_theme(window: MainWindow, hand: Any) -> None:
    window.actions_by_name["theme_dark"].trigger()


def _collapse_the_first_lane(window: MainWindow, hand: Any) -> None:
    timeline = window.timeline
    top, bottom = timeline.items.marks.bands[0]
    scene = timeline.view.mapViewToScene(QPointF(0.0, (top + bottom) / 2))
    axis = timeline.plot.getAxis("left")
    point = timeline.plot.mapFromScene(QPointF(axis.sceneBoundingRect().center().x(), scene.y()))
    QTest.mouseClick(timeline.plot.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert timeline.collapsed


def _search(window: MainWindow, hand: Any) -> None:
    search = window.tools.filter_bar.search
    QTest.keyClicks(search, "number 2")
    QTest.keyClick(search, Qt.Key.Key_Return)
    assert window.state.filters.text == "number 2"


@pytest.mark.parametrize("change", [_click_a_mark, _hover_a_mark, _dark_theme, _collapse_the_first_lane, _search])
def test_a_change_under_a_still_cursor_is_painted_not_copied(dense: MainWindow, hand: Any,
                                                             change: Callable[[MainWindow, Any], None]) -> None:
    _drag_cursor(dense, hand, steps=3)
    dense.timeline.plot.grab()  # the layer is kept now
    assert dense.timeline.items.layer.picture is not None
    kept = _pixels(dense)
    change(dense, hand)
    QApplication.processEvents()
    shown = _pixels(dense)
    assert np.abs(shown - kept).max() > 1, "the change shows"
    assert np.abs(shown - _painted_anew(dense)).max() <= 1


def test_an_svg_export_gets_shapes_not_the_kept_picture(dense: MainWindow, hand: Any, tmp_path: Any) -> None:
    _drag_cursor(dense, hand, steps=3)
    dense.timeline.plot.grab()
    assert dense.timeline.items.layer.picture is not None
    out = tmp_path / "timeline.svg"
    generator = QSvgGenerator()
    generator.setFileName(str(out))
    generator.setSize(dense.timeline.plot.size())
    painter = QPainter(generator)
    dense.timeline.plot.render(painter)
    painter.end()
    text = out.read_text()
    assert "Board meeting number" in text  # the labels as text
    assert dense.timeline.items.layer.picture is None  # a vector paint lets the picture go
