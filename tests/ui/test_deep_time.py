"""A fresh window on deep time: keys, the wheel and every label speak in years, from the Big Bang to now."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

import viewer
from tests.ui.monkey_input import wheel
from tests.ui.window_reading import axis_labels, cursor_label, press, type_dates_without_calendar
from viewer.io import native_write
from viewer.model import clock
from viewer.model.dates import to_seconds
from viewer.ui.render import export_window
from viewer.ui.shared.state import ViewState
from viewer.ui.shell.main_window import MainWindow
from viewer.ui.timeline.tips import tooltip_text

IO = Path(__file__).parents[1] / "io"
TIMELINEJS = IO / "fixtures" / "timelinejs_deep.json"
CSV = IO / "fixtures_tables" / "deep_time.csv"
# a year as people read it: 2019, -473, -12,000, 20 Jul 1969, Jul 1969, 66 million years ago, year 5 billion
YEAR = re.compile(r"-?\d{1,4}(\.\d+)?|-?\d{1,3}(,\d{3})+|(\d{1,2} )?[A-Z][a-z]{2} -?\d+( \d\d:\d\d UTC)?"
                  r"|\d+(\.\d+)? (million|billion) years ago|year \d+(\.\d+)? (million|billion)")


def _readable(window: MainWindow) -> str:
    """The cursor's year, checked to be the same readable year on the cursor, the header and the status bar."""
    year = cursor_label(window)
    assert YEAR.fullmatch(year), year
    assert window.relations.as_of.text() in (f"As of {year}", f"No relations hold as of {year}.")
    assert window.status_line.text.text().endswith(f"as of {year}"), window.status_line.text.text()
    labels = axis_labels(window)
    assert len(labels) >= 3 and all(YEAR.fullmatch(t) for t in labels), labels
    return year


def test_keys_and_the_wheel_walk_from_the_big_bang_to_now_in_readable_years(
        qtbot: QtBot, make_window: Callable[..., MainWindow]) -> None:
    state = ViewState(viewer.load(TIMELINEJS))
    assert state.dataset.meta.clock == clock.YEARS
    window = make_window(state)
    labels = axis_labels(window)
    assert any("billion years ago" in t for t in labels), labels
    _readable(window)
    assert window.tools.speed.currentText().endswith("of view / s")

    press(qtbot, window, Qt.Key.Key_Home)
    assert _readable(window) == "13.8 billion years ago"
    details = window.details.browser.toPlainText()
    assert "Big Bang" in details and "13.8 billion years ago" in details and "1532" not in details
    press(qtbot, window, Qt.Key.Key_Right)
    assert _readable(window) == "4.54 billion years ago"
    press(qtbot, window, Qt.Key.Key_Right)
    assert _readable(window) == "66 million years ago"
    press(qtbot, window, Qt.Key.Key_End)
    assert _readable(window) in ("year 5 billion", "year 5.0 billion")
    press(qtbot, window, Qt.Key.Key_Left)
    assert _readable(window) == "2019"
    press(qtbot, window, Qt.Key.Key_Left)
    assert _readable(window) == "20 Jul 1969"
    assert "Moon landing" in window.details.browser.toPlainText()

    viewport = window.timeline.plot.viewport()
    for _round in range(7):  # zoom in around the cursor until the axis counts years, then days
        before = state.window.span
        x = window.timeline.plot.getViewBox().mapViewToScene(QPointF(clock.number(state.cursor), 0)).x()
        point = window.timeline.plot.mapFromScene(QPointF(x, 0))
        for _turn in range(12):
            wheel(viewport, QPointF(point.x(), viewport.height() * 0.5), 120)
            QApplication.processEvents()
        assert state.window.span < before / 10
        _readable(window)
    assert state.window.span < 1000  # years, not eons
    assert _readable(window) == "20 Jul 1969"  # zooming does not move the cursor

    QTest.mouseClick(window.relations.header.mode_buttons["window"], Qt.MouseButton.LeftButton)
    during = re.fullmatch(r"During (.+) – (.+)", window.relations.as_of.text())
    assert during and all(YEAR.fullmatch(t) for t in during.groups()), window.relations.as_of.text()


def test_the_year_boxes_take_bc_and_deep_years(qtbot: QtBot, make_window: Callable[..., MainWindow]) -> None:
    state = ViewState(viewer.load(TIMELINEJS))
    window = make_window(state)
    type_dates_without_calendar(window, "-13.8e9", "473 BC")
    assert state.filters.start == "-13.8e9" and state.filters.clock == clock.YEARS
    matched = state.filters.mask(state.dataset.events)
    assert list(state.dataset.events["title"][matched]) == ["Big Bang", "Earth forms", "Chicxulub",
                                                            "Early Bronze Age", "Ostracism of Themistocles"]


def test_hover_texts_give_years() -> None:
    ds = viewer.load(TIMELINEJS)
    big_bang = ds.events[ds.events["title"] == "Big Bang"].iloc[0]
    assert "13.8 billion years ago" in tooltip_text(big_bang, {}, ds.meta.clock)


@pytest.mark.parametrize(("path", "at"), [(TIMELINEJS, "-473"), (CSV, "-13.8e9")])
def test_each_deep_time_fixture_exports_to_a_png(tmp_path: Path, path: Path, at: str) -> None:
    out = tmp_path / f"{path.stem}.png"
    export_window(viewer.load(path), out, at=at)
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1600, 900)


def _type_dates(window: MainWindow, start: str, end: str) -> None:
    """Type into the From and To boxes with the keyboard and press Enter, as a user does."""
    bar = window.tools.filter_bar
    for edit, text in ((bar.start, start), (bar.end, end)):
        edit.setFocus()
        edit.selectAll()
        QTest.keyClick(edit, Qt.Key.Key_Delete)
        QTest.keyClicks(edit, text)
        QTest.keyClick(edit, Qt.Key.Key_Return)


def test_a_converted_file_reaching_past_year_9999_opens_and_its_dates_are_typed_in_the_boxes(
        qtbot: QtBot, make_window: Callable[..., MainWindow], tmp_path: Path) -> None:
    """Within ±290,000 years the calendar holds: Entente's own native file of such dates opens from File →
    Open in full, and the From/To boxes take the expanded ISO years it writes."""
    source = tmp_path / "far.json"
    source.write_text('{"events": [{"start_date": {"year": -473, "month": 3, "day": 15}, "text": {"headline": "Ides"}},'
                      '{"start_date": {"year": 12000, "month": 5}, "text": {"headline": "Far"}},'
                      '{"start_date": {"year": 2020}, "text": {"headline": "Now"}}]}')
    native_write.write(viewer.load(source), tmp_path / "far_native")
    window = make_window(ViewState(viewer.load()))
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        window.open_path(str(tmp_path / "far_native"))
    state = window.state
    assert state.dataset.meta.clock == clock.CALENDAR and len(state.dataset.events) == 3
    assert not [p for p in state.dataset.problems if p.level == "error"]
    _type_dates(window, "-0473-03-15", "12000-05")
    assert state.filters.start == "-0473-03-15" and state.filters.end == "12000-05"
    matched = state.filters.mask(state.dataset.events)
    assert sorted(state.dataset.events["title"][matched]) == ["Far", "Ides", "Now"]
    _type_dates(window, "-0473-03-16", "")
    matched = state.filters.mask(state.dataset.events)
    assert sorted(state.dataset.events["title"][matched]) == ["Far", "Now"]


def test_a_calendar_reaching_before_year_1_and_past_9999_is_ticked_in_years_on_both_axes(
        qtbot: QtBot, make_window: Callable[..., MainWindow], tmp_path: Path) -> None:
    """pyqtgraph's date axis labels years 1 to 9998 only, and held its views inside them: the timeline's axis
    went blank and the overview hid the events beyond. Both now show every event, ticked in whole years."""
    path = tmp_path / "far.csv"
    path.write_text("id,start,title\n1,-0473-03-15,Ides\n2,2020-01-01,Now\n3,12000-05,Far\n")
    window = make_window(ViewState(viewer.load()))
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        window.open_path(str(path))
    qtbot.waitUntil(lambda: len(window.state.dataset.events) == 3)
    overview = window.tools.overview
    lo, hi = overview.view.viewRange()[0]
    starts = np.asarray(to_seconds(window.state.dataset.events["start"]))
    assert lo < starts.min() and starts.max() < hi  # every event in the overview, -473 and 12000 included
    for axis in (window.timeline.plot.getAxis("bottom"), overview.plot.getAxis("bottom")):
        labels = axis_labels(window, axis)
        assert len(labels) >= 3 and "0" in labels and "10,000" in labels, labels
    viewport = window.timeline.plot.viewport()
    wheel(viewport, QPointF(viewport.width() / 2, viewport.height() / 2), 240)  # in by two notches
    qtbot.wait(50)
    assert len(axis_labels(window)) >= 3
