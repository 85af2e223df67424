"""vis-timeline ``background`` items and eras are shaded spans behind the lanes, not bars in them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from viewer.model.dates import to_seconds
from viewer.ui.shared.state import ViewState
from viewer.ui.shell.main_window import MainWindow

VIS = Path(__file__).resolve().parents[2] / "io" / "fixtures_import" / "vis_background.json"


def _open(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        window.opening.open_path(str(VIS))
    qtbot.wait(50)


def test_background_items_are_spans_not_events_in_the_lanes(
        qtbot: QtBot, make_window: Callable[..., MainWindow], state: ViewState) -> None:
    window = make_window(state)
    _open(qtbot, window)
    panel = window.timeline
    spans = panel.items.marks.backgrounds
    assert sorted(spans.titles) == ["Code freeze", "holiday"]
    assert set(panel.visible_event_ids()) == {"1", "2"}  # the bars and markers: not the spans
    lanes = dict(zip(spans.titles, panel.items.marks.background_lanes.tolist(), strict=True))
    assert lanes["Code freeze"] == -1  # no group: every lane
    assert panel.lane_labels()[lanes["holiday"]] == "Team A"  # its group's lane


def test_a_background_span_is_painted_in_its_lane_and_a_click_on_it_selects_nothing(
        qtbot: QtBot, make_window: Callable[..., MainWindow], state: ViewState) -> None:
    window = make_window(state)
    _open(qtbot, window)
    panel = window.timeline
    view = panel.view
    band_top, band_bottom = panel.items.marks.bands[1]  # Team B: the code freeze shades it, the holiday does not
    middle = (band_top + band_bottom) / 2
    widget = view.scene().views()[0]

    def at(when: str) -> QPoint:
        x = float(to_seconds(pd.Timestamp(when, tz="UTC")))
        return widget.mapFromScene(view.mapViewToScene(QPointF(x, middle)))

    image = widget.grab().toImage()
    shaded, plain = image.pixelColor(at("2024-01-21T12:00")), image.pixelColor(at("2024-01-26"))
    assert shaded != plain  # inside the freeze the band is tinted
    QTest.mouseClick(widget.viewport(), Qt.MouseButton.LeftButton, pos=at("2024-01-21T12:00"))
    assert not window.state.selection.events
