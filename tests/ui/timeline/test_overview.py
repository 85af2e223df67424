"""The overview strip shows the whole dataset and its region is the shared window, both ways."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from pytestqt.qtbot import QtBot

pytest.importorskip("pytestqt")

import viewer
from viewer.model.dataset import DatasetMeta
from viewer.model.filters import Filters
from viewer.model.navigation import default_window
from viewer.model.window import TimeWindow
from viewer.ui.shared.state import ViewState
from viewer.ui.shell.main_window import MainWindow
from viewer.ui.timeline.overview import OverviewStrip
from viewer.ui.timeline.panel import TimelinePanel

from ..window_reading import open_by_hand


@pytest.fixture
def strip(qtbot: object) -> OverviewStrip:
    state = ViewState(viewer.load())
    widget = OverviewStrip(state)
    qtbot.addWidget(widget)  # type: ignore[attr-defined]
    widget.resize(1200, 70)
    widget.show()
    qtbot.waitExposed(widget)  # type: ignore[attr-defined]
    return widget


def test_the_strip_counts_every_event_once(strip: OverviewStrip) -> None:
    assert int(strip.counts.sum()) == len(strip.state.dataset.events)
    assert len(strip.counts) == 512
    assert strip.height() == 70


def test_the_region_follows_the_state_window(strip: OverviewStrip) -> None:
    target = TimeWindow.between("2019-01", "2019-12")
    strip.state.set_window(target)
    assert strip.region.getRegion() == pytest.approx((target.start, target.end))


def test_dragging_the_region_sets_the_state_window(strip: OverviewStrip) -> None:
    target = TimeWindow.between("2010", "2012")
    strip.region.setRegion((target.start, target.end))  # what a drag of the region ends with
    assert strip.state.window.start == pytest.approx(target.start)
    assert strip.state.window.end == pytest.approx(target.end)


def test_resizing_the_region_by_one_edge_zooms_the_window(strip: OverviewStrip) -> None:
    before = strip.state.window
    strip.region.lines[0].setValue(before.start - 365 * 86400.0)  # the user drags the left edge
    assert strip.state.window.end == pytest.approx(before.end)
    assert strip.state.window.span == pytest.approx(before.span + 365 * 86400.0)


def test_the_region_and_the_timeline_stay_in_step_without_feedback(qtbot: object) -> None:
    state = ViewState(viewer.load())
    strip, panel = OverviewStrip(state), TimelinePanel(state)
    for widget in (strip, panel):
        qtbot.addWidget(widget)  # type: ignore[attr-defined]
        widget.resize(1200, 500)
        widget.show()
    seen: list[TimeWindow] = []
    state.window_changed.connect(seen.append)
    target = TimeWindow.between("2016", "2017")
    strip.region.setRegion((target.start, target.end))
    (x0, x1), _ = panel.view.viewRange()
    assert (x0, x1) == pytest.approx((target.start, target.end))
    assert len(seen) == 1  # one change, no echo from either side
    panel.plot.setXRange(*TimeWindow.between("2020", "2020").__dict__.values(), padding=0)
    assert strip.region.getRegion() == pytest.approx((state.window.start, state.window.end))


def test_a_click_outside_the_region_centres_the_window_there(strip: OverviewStrip, qtbot: object) -> None:
    before = strip.state.window
    when = TimeWindow.between("2005-06-01", "2005-06-01").start
    scene = strip.view.mapViewToScene(QPointF(when, 0.5))
    qtbot.mouseClick(strip.plot.viewport(), Qt.MouseButton.LeftButton,  # type: ignore[attr-defined]
                     pos=strip.plot.mapFromScene(scene))
    after = strip.state.window
    assert after.span == pytest.approx(before.span)
    assert after.contains(when)


def test_with_filters_matched_events_are_drawn_apart_from_the_rest(strip: OverviewStrip) -> None:
    assert not strip.matched_bars.isVisible()
    strip.state.set_filters(Filters(text="beirut"))
    assert strip.matched_bars.isVisible()
    assert int(strip.hits.sum()) == 2
    assert int(strip.counts.sum()) == 69
    assert np.all(strip.hits <= strip.counts)
    strip.state.set_filters(Filters())
    assert not strip.matched_bars.isVisible()


def test_a_new_dataset_rebins_without_moving_the_window_by_itself(strip: OverviewStrip) -> None:
    ds = viewer.load()
    ds.events = ds.events.iloc[:10].reset_index(drop=True)
    ds.meta = DatasetMeta(title="First ten")
    strip.state.set_dataset(ds)
    assert int(strip.counts.sum()) == 10
    assert strip.state.window == default_window(ds)
    assert strip.region.getRegion() == pytest.approx((strip.state.window.start, strip.state.window.end))


def test_the_lane_axis_moving_while_the_window_is_deleted_raises_nothing(window: object) -> None:
    """The GUI monkey saw the overview's alignment raise once while a window was being deleted part by part
    (after 21,000 actions): the alignment now asks only parts still alive."""
    import shiboken6

    tools = window.tools  # type: ignore[attr-defined]
    axis = tools.timeline.plot.getAxis("left")
    shiboken6.delete(tools.overview)  # deleted first, as a window's children may be
    axis.geometryChanged.emit()  # the conftest guard fails the test if a slot raises


def test_a_default_window_wider_than_the_data_fits_in_the_strip(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """One event in March 2020 and a dataset.json opening on 2019–2021, opened from a fresh window: the strip spans the
    window the timeline shows, as the timeline's limits do (it spanned the event's two months, with the whole strip
    as the window over an axis of days)."""
    folder = tmp_path / "one"
    folder.mkdir()
    (folder / "events.csv").write_text("id,start,title\ne1,2020-03-01,Filing\n", encoding="utf-8")
    (folder / "dataset.json").write_text(json.dumps({"default_window": {"start": "2019-01-01", "end": "2021-12-31"}}),
                                         encoding="utf-8")
    open_by_hand(qtbot, window, monkeypatch, folder / "dataset.json")
    strip, shown = window.tools.overview, window.state.window
    assert strip.lo <= shown.start and strip.hi >= shown.end
    (where,) = np.flatnonzero(strip.counts)  # the one event, about a third of the way along 2019–2021
    assert 0.3 < where / len(strip.counts) < 0.45
