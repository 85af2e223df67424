"""Hovering events with a real mouse: a tooltip that tells the event, a bold label that goes when the
mouse leaves, and labels left of their marks that stop before the cursor line."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF
from PySide6.QtWidgets import QApplication, QToolTip

from viewer.model.window import TimeWindow
from viewer.ui.shell.main_window import MainWindow


def widget_point(window: MainWindow, event_id: str):
    scene = window.timeline.event_scene_pos(event_id)
    assert scene is not None
    return window.timeline.plot.mapFromScene(scene)


def test_hovering_a_mark_shows_its_title_date_and_actors(qtbot, hand, window: MainWindow) -> None:
    viewport = window.timeline.plot.viewport()
    hand.move(viewport, widget_point(window, "E011"))
    assert window.state.hover == "E011"
    text = QToolTip.text()
    assert "Carlos Ghosn and Greg Kelly arrested in Tokyo" in text
    assert "19 Nov 2018" in text or "2018-11-19" in text
    assert "Nissan" in text


def test_a_hover_bold_label_returns_to_normal_when_the_mouse_leaves_the_plot(qtbot, hand, window: MainWindow) -> None:
    viewport = window.timeline.plot.viewport()
    hand.move(viewport, widget_point(window, "E024"))
    assert window.timeline.items.hovered >= 0
    QApplication.sendEvent(viewport, QEvent(QEvent.Type.Leave))
    assert window.state.hover is None
    assert window.timeline.items.hovered == -1


def test_labels_left_of_their_marks_never_cross_the_cursor_line(qtbot, window: MainWindow) -> None:
    state = window.state
    state.set_window(TimeWindow.between("2018-11-01", "2023-03-10"))
    state.move_cursor("2023-01-20")
    state.select_event("E063", move_cursor=False)  # near the right edge: its label would go left
    qtbot.wait(50)
    timeline = window.timeline
    timeline.plot.grab()  # paint now
    view = timeline.view
    cursor_scene = view.mapViewToScene(QPointF(float(timeline.cursor_line.value()), 0.0)).x()
    mark = timeline.event_scene_pos("E063")
    assert mark is not None and mark.x() > cursor_scene
    for box in timeline.items.label_boxes:
        if mark.x() - 20 < box.right() < mark.x() and abs(box.center().y() - mark.y()) < 2:  # ends at its mark
            assert box.left() >= cursor_scene
