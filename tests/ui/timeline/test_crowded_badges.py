"""A lane too crowded to label tells its runs as "N events" badges; a click on one zooms to its events."""

from __future__ import annotations

import numpy as np
import pandas as pd
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from viewer.model.dataset import Tables, build_dataset
from viewer.ui.shared.state import ViewState
from viewer.ui.timeline.panel import TimelinePanel


def crowded() -> ViewState:
    days = pd.date_range("2010-01-01", periods=400, freq="2D").strftime("%Y-%m-%d")
    events = pd.DataFrame({"id": [f"e{i}" for i in range(400)], "start": days,
                           "title": [f"A rather long title for bank number {i}" for i in range(400)]})
    return ViewState(build_dataset(Tables(events)))


def test_a_crowded_lane_shows_badges_and_a_click_zooms_to_their_events(qtbot: QtBot) -> None:
    state = crowded()
    panel = TimelinePanel(state)
    qtbot.addWidget(panel)
    panel.resize(1280, 500)
    panel.show()
    qtbot.waitExposed(panel)
    panel.grab()
    assert panel.items.badges, "no badge in a lane of 400 events over two years"
    box, t0, t1 = max(panel.items.badges, key=lambda b: b[2] - b[1])
    before = state.window.span
    centre = panel.plot.mapFromScene(box.center())
    qtbot.mouseClick(panel.plot.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(centre.x(), centre.y()))
    assert state.window.span < before / 2
    assert state.window.start <= t0 and state.window.end >= t1
    assert state.selection.empty  # a badge is not an event
    panel.grab()
    assert len(panel.labelled_event_ids()) > 0
    assert np.isfinite([state.window.start, state.window.end]).all()
