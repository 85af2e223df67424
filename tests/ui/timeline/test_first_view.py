"""What a new user meets in the timeline: a default view that tells its story whole, and a cursor that
scrolls the view when dragged to an edge — driven by real mouse events."""

from __future__ import annotations

import pandas as pd
from PySide6.QtCore import QPoint, QPointF
from PySide6.QtWidgets import QWidget

from viewer.model.dates import to_seconds
from viewer.model.window import TimeWindow
from viewer.ui.shell.main_window import MainWindow

DAY = 86400.0


def stated_window(window: MainWindow) -> TimeWindow:
    meta = window.state.dataset.meta
    return TimeWindow.between(meta.default_start, meta.default_end)


def test_the_default_window_shows_its_first_and_last_events_whole_and_the_first_labelled(window: MainWindow) -> None:
    stated = stated_window(window)
    shown = window.state.window
    assert shown.start < stated.start and stated.end < shown.end
    events = window.state.dataset.events
    starts = events["span_start"].map(to_seconds).astype(float)
    inside = events[(starts >= stated.start) & (starts <= stated.end)]
    ordered = inside.sort_values("span_start")
    first, last = ordered["id"].iloc[0], ordered["id"].iloc[-1]
    labelled = window.timeline.labelled_event_ids()
    # the arrest week (three events in four days) shares one label at this zoom, or one "N events" badge
    # that zooms to it when the lane is crowded; either way the story's first week is told
    first_week = ordered.loc[ordered["span_start"] < ordered["span_start"].iloc[0] + pd.Timedelta(days=4), "id"]
    first_start = float(to_seconds(ordered["span_start"].iloc[0]))
    badged = any(t0 <= first_start <= t1 for _box, t0, t1 in window.timeline.items.badges)
    assert labelled & set(first_week) or badged
    plot = window.timeline.view.sceneBoundingRect()
    for event_id in (first, last):
        pos = window.timeline.event_scene_pos(event_id)
        assert pos is not None
        assert plot.left() + 5 <= pos.x() <= plot.right() - 5  # the whole marker, not half of it


def cursor_point(window: MainWindow) -> QPoint:
    view = window.timeline.view
    (_, _), (y0, y1) = view.viewRange()
    x = float(window.timeline.cursor_line.value())
    return window.timeline.plot.mapFromScene(view.mapViewToScene(QPointF(x, y0 + (y1 - y0) * 0.5)))


def two_years_cursor_at_new_year(qtbot, window: MainWindow) -> tuple[QWidget, QPoint]:
    """Show 2019–2020 with the cursor on 1 Jan 2020: the plot's viewport and where the line is on it."""
    window.state.set_window(TimeWindow.between("2019-01-01", "2020-12-31"))
    window.state.move_cursor("2020-01-01")
    qtbot.wait(20)
    return window.timeline.plot.viewport(), cursor_point(window)


def line_x(window: MainWindow) -> int:
    """Where the cursor line is drawn, in the plot's widget coordinates."""
    view, x = window.timeline.view, float(window.timeline.cursor_line.value())
    return window.timeline.plot.mapFromScene(view.mapViewToScene(QPointF(x, 0.0))).x()


def test_a_dragged_cursor_stops_where_the_hand_stops_even_after_a_quick_last_move(
        qtbot, hand, window: MainWindow) -> None:
    viewport, start = two_years_cursor_at_new_year(qtbot, window)
    hand.press(viewport, start)
    slow = start + QPoint(40, 0)
    hand.drag_to(viewport, start, slow, steps=4)
    qtbot.wait(50)
    # a move that changes nothing (nothing to do), then at once the flick: the flick must not be dropped
    hand.drag_to(viewport, slow, slow, steps=1)
    stop = start + QPoint(200, 0)
    hand.drag_to(viewport, slow, stop, steps=1)
    assert abs(line_x(window) - stop.x()) <= 1
    hand.release(viewport, stop)
    assert abs(line_x(window) - stop.x()) <= 2  # the cursor snaps to its day on release


def test_dragging_the_cursor_to_the_right_edge_scrolls_the_view_later(qtbot, hand, window: MainWindow) -> None:
    state = window.state
    viewport, start = two_years_cursor_at_new_year(qtbot, window)
    edge = QPoint(viewport.width() - 16, start.y())
    before = state.window
    hand.press(viewport, start)
    hand.drag_to(viewport, start, edge)
    qtbot.waitUntil(lambda: state.window.end > before.end + 30 * DAY, timeout=3000)
    hand.release(viewport, edge)
    after = state.window
    assert after.span == before.span or abs(after.span - before.span) < 1.0
    cursor = float(to_seconds(state.cursor))
    assert after.start < cursor < after.end  # the cursor never leaves the view


def test_dragging_the_cursor_to_the_left_edge_scrolls_the_view_earlier(qtbot, hand, window: MainWindow) -> None:
    state = window.state
    viewport, start = two_years_cursor_at_new_year(qtbot, window)
    left = window.timeline.plot.mapFromScene(window.timeline.view.sceneBoundingRect().topLeft()).x()
    edge = QPoint(left + 4, start.y())
    before = state.window
    hand.press(viewport, start)
    hand.drag_to(viewport, start, edge)
    qtbot.waitUntil(lambda: state.window.start < before.start - 30 * DAY, timeout=3000)
    hand.release(viewport, edge)
    assert state.window.start < float(to_seconds(state.cursor)) < state.window.end


def test_the_cursor_date_hides_with_the_line_when_a_zoom_leaves_the_cursor_outside(hand, window: MainWindow) -> None:
    label = window.timeline.as_of.line.label
    assert label.isVisible() and label.toPlainText() == "6 Feb 2023"
    left = QPoint(int(window.timeline.view.sceneBoundingRect().left()) + 60, cursor_point(window).y())
    hand.wheel(window.timeline.plot.viewport(), left, 16)  # in, about 2019: the cursor (6 Feb 2023) goes off right
    assert float(to_seconds(window.state.cursor)) > window.state.window.end
    assert not label.isVisible()  # no date cut in half at the plot's edge
    hand.wheel(window.timeline.plot.viewport(), left, -16)
    assert label.isVisible() and label.toPlainText() == "6 Feb 2023"


def test_a_cursor_let_go_past_the_plot_s_edge_stays_in_the_view(qtbot, hand, window: MainWindow) -> None:
    state = window.state
    viewport, start = two_years_cursor_at_new_year(qtbot, window)
    past = QPoint(viewport.width() - 2, start.y())  # beyond the plot's right end, over the margin
    hand.press(viewport, start)
    hand.drag_to(viewport, start, past)
    qtbot.wait(200)  # held there: the view scrolls
    hand.release(viewport, past)
    qtbot.wait(50)
    cursor = float(to_seconds(state.cursor))
    assert state.window.start <= cursor <= state.window.end
    assert window.timeline.as_of.line.label.isVisible()  # the line and its date are where the user can see them
