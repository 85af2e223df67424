"""The timeline switches from shapes to density above DENSITY_LIMIT visible marks, and back only below DENSITY_EXIT."""

from __future__ import annotations

import pandas as pd
import pytest

pytest.importorskip("pytestqt")

from viewer.model.dataset import Tables, build_dataset
from viewer.model.marks import DENSITY_EXIT, DENSITY_LIMIT
from viewer.model.window import TimeWindow
from viewer.ui.shared.state import ViewState
from viewer.ui.timeline.panel import TimelinePanel


def _panel(qtbot: object, n: int, unit: str = "s") -> TimelinePanel:
    start = pd.Timestamp("2020-03-01", tz="UTC") + pd.to_timedelta(range(n), unit=unit)
    events = pd.DataFrame({"id": [f"E{i}" for i in range(n)], "title": "t",
                           "start": start.strftime("%Y-%m-%dT%H:%M:%SZ"), "actors": "a"})
    panel = TimelinePanel(ViewState(build_dataset(Tables(events))))
    qtbot.addWidget(panel)  # type: ignore[attr-defined]
    panel.resize(900, 400)
    panel.set_group_by("none")
    panel.state.set_window(TimeWindow.between("2020-02-28", "2020-03-03"))
    panel.grab()
    return panel


@pytest.mark.parametrize(("n", "density"), [(DENSITY_LIMIT, False), (DENSITY_LIMIT + 1, True)])
def test_density_replaces_shapes_only_above_the_limit(qtbot: object, n: int, density: bool) -> None:
    panel = _panel(qtbot, n)
    assert panel.items.density_mode is density
    assert len(panel.items.visible(*panel.view.viewRange()[0])) == n


def test_a_view_near_the_limit_does_not_flip_between_density_and_shapes(qtbot: object) -> None:
    panel = _panel(qtbot, DENSITY_LIMIT + 1, unit="min")  # dense: one mark over the limit
    assert panel.items.density_mode
    # one minute per mark: a window that shows ~90 % of them is under the limit but above the exit
    first = pd.Timestamp("2020-03-01", tz="UTC")
    panel.state.set_window(TimeWindow.between(first, first + pd.Timedelta(minutes=int(DENSITY_LIMIT * 0.9))))
    panel.grab()
    shown = len(panel.items.visible(*panel.view.viewRange()[0]))
    assert DENSITY_EXIT < shown <= DENSITY_LIMIT and panel.items.density_mode
    panel.state.set_window(TimeWindow.between(first, first + pd.Timedelta(minutes=int(DENSITY_EXIT * 0.5))))
    panel.grab()
    assert not panel.items.density_mode  # well under the exit: shapes and labels again
