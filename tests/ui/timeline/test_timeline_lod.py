"""The timeline switches from shapes to density exactly above DENSITY_LIMIT visible marks."""

from __future__ import annotations

import pandas as pd
import pytest

pytest.importorskip("pytestqt")

from viewer.model.dataset import Tables, build_dataset
from viewer.model.window import TimeWindow
from viewer.ui.shared.state import ViewState
from viewer.ui.timeline.items import DENSITY_LIMIT
from viewer.ui.timeline.panel import TimelinePanel


def _panel(qtbot: object, n: int) -> TimelinePanel:
    start = pd.Timestamp("2020-03-01", tz="UTC") + pd.to_timedelta(range(n), unit="s")
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
