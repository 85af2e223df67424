"""The timeline panel follows and drives the shared ViewState; driven through the state and qtbot."""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt

pytest.importorskip("pytestqt")

import viewer
from viewer.model.window import TimeWindow
from viewer.ui.shared.state import Selection, ViewState
from viewer.ui.timeline.panel import TimelinePanel


@pytest.fixture
def panel(qtbot: object) -> TimelinePanel:
    state = ViewState(viewer.load())
    widget = TimelinePanel(state)
    qtbot.addWidget(widget)  # type: ignore[attr-defined]
    widget.resize(1400, 600)
    widget.show()
    qtbot.waitExposed(widget)  # type: ignore[attr-defined]
    widget.grab()  # one paint, so the last-paint queries have something to say
    return widget


def viewport_point(panel: TimelinePanel, event_id: str) -> QPoint:
    scene = panel.event_scene_pos(event_id)
    assert scene is not None, f"{event_id} is not visible"
    return panel.plot.mapFromScene(scene)


def test_lanes_are_the_principal_entities_then_other(panel: TimelinePanel) -> None:
    labels = panel.lane_labels()
    for name in ("Renault", "Nissan", "Mitsubishi", "French State", "Alliance", "Ampere", "Geely"):
        assert any(name in label for label in labels), name
    assert labels[-1] == "Other"
    assert labels[0].startswith("Renault")


def test_the_plot_shows_the_state_window_and_follows_it(panel: TimelinePanel) -> None:
    (x0, x1), _ = panel.plot.getViewBox().viewRange()
    assert (x0, x1) == pytest.approx((panel.state.window.start, panel.state.window.end))
    target = TimeWindow.between("2019-01", "2019-12")
    panel.state.set_window(target)
    (x0, x1), _ = panel.plot.getViewBox().viewRange()
    assert (x0, x1) == pytest.approx((target.start, target.end))
    assert "E011" not in panel.visible_event_ids()
    assert "E018" in panel.visible_event_ids()


def test_zooming_the_plot_moves_the_state_window(panel: TimelinePanel) -> None:
    target = TimeWindow.between("2020-01-01", "2020-06-30")
    panel.plot.setXRange(target.start, target.end, padding=0)
    assert panel.state.window.start == pytest.approx(target.start)
    assert panel.state.window.end == pytest.approx(target.end)


def test_the_zoom_is_clamped_to_an_hour_and_to_the_data_span(panel: TimelinePanel) -> None:
    start = panel.state.window.start
    panel.plot.setXRange(start, start + 60, padding=0)
    (x0, x1), _ = panel.plot.getViewBox().viewRange()
    assert x1 - x0 >= 3600 - 1
    panel.plot.setXRange(0, 4e9, padding=0)
    (x0, x1), _ = panel.plot.getViewBox().viewRange()
    assert x1 - x0 < 40 * 365 * 86400


def test_moving_the_cursor_moves_the_line_and_its_label(panel: TimelinePanel) -> None:
    panel.state.move_cursor("2020-01-08")
    line = panel.cursor_line
    assert line.value() == pytest.approx(pd.Timestamp("2020-01-08", tz="UTC").timestamp())
    assert line.label.toPlainText() == "8 Jan 2020"


def test_dragging_the_line_moves_the_state_cursor_to_a_day(panel: TimelinePanel) -> None:
    line = panel.cursor_line
    line.setValue(pd.Timestamp("2021-03-04 09:00", tz="UTC").timestamp())
    line.sigPositionChangeFinished.emit(line)
    assert panel.state.cursor == pd.Timestamp("2021-03-04", tz="UTC")


def test_clicking_an_event_selects_it_and_moves_the_cursor(panel: TimelinePanel, qtbot: object) -> None:
    point = viewport_point(panel, "E029")
    qtbot.mouseClick(panel.plot.viewport(), Qt.MouseButton.LeftButton, pos=point)  # type: ignore[attr-defined]
    assert panel.state.selection.events == frozenset({"E029"})
    assert panel.state.cursor == pd.Timestamp("2019-12-29", tz="UTC")


def test_clicking_empty_space_keeps_the_selection(panel: TimelinePanel, qtbot: object) -> None:
    panel.state.select_event("E029")
    view = panel.plot.getViewBox()
    empty = view.mapViewToScene(QPointF(TimeWindow.between("2021-03-01", "2021-03-01").start,
                                        view.viewRange()[1][1] * 0.45))
    assert panel.event_at(empty) is None
    qtbot.mouseClick(panel.plot.viewport(), Qt.MouseButton.LeftButton,  # type: ignore[attr-defined]
                     pos=panel.plot.mapFromScene(empty))
    assert panel.state.selection.events == frozenset({"E029"})


def test_the_hit_test_finds_an_event_a_few_pixels_off_its_mark(panel: TimelinePanel) -> None:
    scene = panel.event_scene_pos("E018")
    assert scene is not None
    assert panel.event_at(scene + QPointF(3, 2)) == "E018"
    assert panel.event_at(scene + QPointF(0, 40)) != "E018"


def test_hovering_an_event_sets_the_state_hover(panel: TimelinePanel) -> None:
    scene = panel.event_scene_pos("E018")
    assert scene is not None
    panel.plot.scene().sigMouseMoved.emit(scene)
    assert panel.state.hover == "E018"
    panel.plot.scene().sigMouseMoved.emit(QPointF(-50, -50))
    assert panel.state.hover is None


def test_a_selected_event_is_always_labelled(panel: TimelinePanel) -> None:
    panel.state.select_event("E061")  # in the crowded London week, unlabelled by default
    panel.grab()
    assert "E061" in panel.labelled_event_ids()


def test_labels_in_the_last_paint_never_overlap(panel: TimelinePanel) -> None:
    for window in (panel.state.window, TimeWindow.between("2022-10", "2023-03"), TimeWindow.between("1999", "2025")):
        panel.state.set_window(window)
        panel.grab()
        boxes = panel.items.label_boxes
        assert boxes, "some labels should fit"
        for a, b in itertools.combinations(boxes, 2):
            assert not a.intersects(b), (a, b)


def test_selecting_entities_fades_events_without_them(panel: TimelinePanel) -> None:
    panel.state.select(Selection(entities=frozenset({"geely"})))
    faded = panel.items.faded
    index = {e: i for i, e in enumerate(panel.state.dataset.events["id"])}
    assert not faded[index["E043"]]
    assert faded[index["E011"]]


def test_a_new_dataset_rebuilds_the_lanes(panel: TimelinePanel) -> None:
    ds = viewer.load()
    ds.events = ds.events[ds.events["id"].isin(["E011", "E029"])].reset_index(drop=True)
    panel.state.set_dataset(ds)
    assert panel.lane_labels() == ["Nissan Motor", "Other"]
    assert set(panel.visible_event_ids()) <= {"E011", "E029"}


def test_crowded_views_draw_density_instead_of_shapes(panel: TimelinePanel) -> None:
    ds = viewer.load()
    many = pd.concat([ds.events] * 80, ignore_index=True)
    many["id"] = [f"X{i}" for i in range(len(many))]
    panel.state.set_dataset(ds.__class__(many.sort_values("start", kind="stable").reset_index(drop=True),
                                         ds.entities, ds.relations, ds.meta))
    panel.state.set_window(TimeWindow.between("1999", "2025"))
    panel.grab()
    assert panel.items.density_mode
    assert panel.labelled_event_ids() == set()


def test_grouping_by_category_gives_category_lanes(panel: TimelinePanel) -> None:
    panel.set_group_by("category")
    assert "Legal" in panel.lane_labels()
    assert np.all(panel.items.marks.lane < len(panel.lane_labels()))


def test_the_panel_renders_to_a_screenshot(panel: TimelinePanel, tmp_path: Path) -> None:
    panel.state.select_event("E056")
    path = tmp_path / "timeline.png"
    assert panel.grab().save(str(path))
    assert path.stat().st_size > 10_000
