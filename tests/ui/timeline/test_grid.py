"""Date grid lines lie under the marks, one band at a time, in the opaque colour a translucent line made."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QPixmap
from pytestqt.qtbot import QtBot

from viewer.model.dataset import DatasetMeta, Tables, build_dataset
from viewer.model.window import TimeWindow
from viewer.ui.shared.state import ViewState
from viewer.ui.shell.main_window import MainWindow
from viewer.ui.timeline import grid
from viewer.ui.timeline import items as items_module
from viewer.ui.timeline.grid import GRID_ALPHA, blend, level_alpha


def test_a_blended_line_is_what_the_translucent_one_made() -> None:
    ink, ground = QColor("#D0D7DE"), QColor("#F4F6F9")
    assert blend(ink, ground, 0.0) == ground and blend(ink, ground, 1.0) == ink
    mid = blend(QColor(0, 0, 0), QColor(255, 255, 255), 0.5)
    assert (mid.red(), mid.green(), mid.blue()) == (128, 128, 128)
    # pyqtgraph: 255 / (level + 1) * grid / 255 * clip(0.05 * pixels / (ticks + 1)), as a whole alpha
    assert level_alpha(0, 5, 1000.0) == int(255 * GRID_ALPHA) / 255
    assert level_alpha(1, 5, 1000.0) == int(255 / 2 * GRID_ALPHA) / 255
    assert level_alpha(0, 200, 1000.0) == int(255 * GRID_ALPHA * 0.05 * 1000 / 201) / 255  # crowded: fainter


def test_grid_lines_cross_each_lane_in_its_ground_colour(
        qtbot: QtBot, make_window: Callable[..., MainWindow]) -> None:
    events = pd.DataFrame({"id": ["e1", "e2"], "title": ["One", "Two"], "start": ["2020-01-03", "2020-01-05"],
                           "actors": ["a", "b"]})
    entities = pd.DataFrame({"id": ["a", "b"], "name": ["Alpha", "Beta"], "kind": ["company", "company"]})
    window = make_window(ViewState(build_dataset(Tables(events, entities), DatasetMeta(principal=("a", "b")))))
    window.state.set_window(TimeWindow.between("2020", "2023"))
    qtbot.wait(50)
    timeline = window.timeline
    image = timeline.plot.viewport().grab().toImage()
    (t0, t1), _ = timeline.view.viewRange()
    axis = timeline.plot.getAxis("bottom")
    levels = axis.grid_ticks(t0, t1, timeline.view.width())
    year = next(v for v in levels[0][1] if v > t0 + (t1 - t0) * 0.3)  # a coarse tick away from the marks

    def pixel(t: float, row: float) -> QColor:
        scene = timeline.view.mapViewToScene(QPointF(t, row))
        point = timeline.plot.mapFromScene(scene)
        return image.pixelColor(int(np.floor(scene.x())), point.y())

    bands = timeline.items.marks.bands
    theme = timeline.items.theme
    ink, grounds = QColor(theme.grid), (QColor(theme.background), QColor(theme.band))
    width = abs(timeline.view.mapViewToScene(QPointF(t1, 0)).x() - timeline.view.mapViewToScene(QPointF(t0, 0)).x())
    alpha = level_alpha(0, len(levels[0][1]), width)
    assert alpha > 0
    for lane, (top, bottom) in enumerate(bands):
        middle = (top + bottom) / 2
        line, beside = pixel(year, middle), pixel(year + (t1 - t0) * 0.01, middle)
        assert beside == grounds[lane % 2]
        assert line == blend(ink, grounds[lane % 2], alpha), f"lane {lane}: {line.name()}"


def test_the_lanes_grounds_are_drawn_once_for_pans_and_again_for_a_new_theme(
        qtbot: QtBot, make_window: Callable[..., MainWindow], state: ViewState,
        monkeypatch: pytest.MonkeyPatch) -> None:
    drawn: list[int] = []
    original = grid.lanes_picture

    def counted(*args: object) -> tuple[QPointF, QPixmap]:
        drawn.append(1)
        return original(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(items_module, "lanes_picture", counted)
    window = make_window(state)
    qtbot.wait(50)
    before = len(drawn)
    start = state.window
    for i in range(1, 6):  # five pans
        state.set_window(start.pan(start.span * 0.1 * i))
        qtbot.wait(10)
    assert len(drawn) == before  # a pan moves no lane: the picture is reused
    window.actions_by_name["theme_dark"].trigger()
    qtbot.wait(50)
    assert len(drawn) > before  # the grounds are the dark theme's now
    items = window.timeline.items
    assert items._bands is not None
    _key, origin, picture = items._bands
    ratio = picture.devicePixelRatio()
    top, bottom = sorted(window.timeline.view.mapViewToScene(QPointF(0.0, row)).y() for row in items.marks.bands[1])
    x, y = (origin.x() + 40.0, (top + bottom) / 2 - origin.y())  # inside the second lane, right of its strip
    assert picture.toImage().pixelColor(int(x * ratio), int(y * ratio)) == QColor(items.theme.band)
    assert QColor(items.theme.band).lightness() < 80  # the dark theme's band
