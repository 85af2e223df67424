"""A fresh window on a graph whose times are plain numbers: keys and the wheel move through numbers, never dates."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

import viewer
from tests.ui.window_reading import (
    axis_labels,
    cursor_label,
    press,
    type_dates_without_calendar,
    zoomed_in_labels,
)
from viewer.model import graph
from viewer.model.clock import format_number, instant
from viewer.model.dataset import Dataset
from viewer.ui.relations.tips import edge_tip
from viewer.ui.render import export_window
from viewer.ui.shared.state import ViewState
from viewer.ui.shell.main_window import MainWindow
from viewer.ui.timeline.tips import tooltip_text

FIXTURES = Path(__file__).parents[1] / "io" / "fixtures_tables"
INTEGER = FIXTURES / "ticks_integer.gexf"
NUMBER = re.compile(r"-?\d+(\.\d+)?")


def _everything_says(window: MainWindow, number: str) -> None:
    assert cursor_label(window) == number
    assert window.relations.as_of.text() == f"As of {number}"
    assert window.status_line.text.text().endswith(f"as of {number}")


def test_keys_and_the_wheel_move_through_numbers_on_every_label(qtbot: QtBot,
                                                                 make_window: Callable[..., MainWindow]) -> None:
    state = ViewState(viewer.load(INTEGER))
    window = make_window(state)
    labels = axis_labels(window)
    assert len(labels) >= 4 and all(NUMBER.fullmatch(t) for t in labels), labels
    assert "100" in labels and "200" in labels
    _everything_says(window, "306")  # the end of the default window, rounded
    assert window.tools.speed.currentText().endswith("of view / s")  # numbers have no days

    for expected in ("300", "200", "42"):  # Left: the previous event, and the cursor with it
        press(qtbot, window, Qt.Key.Key_Left)
        assert format_number(state.cursor) == expected
    _everything_says(window, "42")
    details = window.details.browser.toPlainText()
    assert "Gamma appears" in details and "42" in details and "1970" not in details

    press(qtbot, window, Qt.Key.Key_Right)
    _everything_says(window, "200")
    press(qtbot, window, Qt.Key.Key_Left)
    _everything_says(window, "42")

    zoomed = zoomed_in_labels(window, 3, across=0.2)
    assert zoomed and all(NUMBER.fullmatch(t) for t in zoomed), zoomed
    _everything_says(window, "42")  # zooming does not move the cursor

    QTest.mouseClick(window.relations.header.mode_buttons["window"], Qt.MouseButton.LeftButton)
    during = re.fullmatch(r"During (\S+) – (\S+)", window.relations.as_of.text())
    assert during and all(NUMBER.fullmatch(t) for t in during.groups()), window.relations.as_of.text()
    QTest.mouseClick(window.relations.header.mode_buttons["diff"], Qt.MouseButton.LeftButton)
    compared = window.relations.as_of.text()
    assert re.fullmatch(r"-?[\d.]+ → 42", compared), compared


def test_the_date_boxes_take_numbers_and_hide_their_calendars(qtbot: QtBot,
                                                              make_window: Callable[..., MainWindow]) -> None:
    state = ViewState(viewer.load(INTEGER))
    window = make_window(state)
    type_dates_without_calendar(window, "40", "210")
    assert state.filters.start == "40" and state.filters.clock == "number"
    assert window.status_line.text.text()  # the count follows
    diff = window.relations.diff_view
    diff.set_dates("10", "250")
    assert (diff.before_edit.text(), diff.after_edit.text()) == ("10", "250")
    assert not diff.before_edit.property("calendar_action").isVisible()


@pytest.mark.parametrize("name", ["ticks_integer.gexf", "ticks_double.gexf", "ticks.csv"])
def test_each_numeric_fixture_exports_to_a_png(tmp_path: Path, name: str) -> None:
    out = tmp_path / f"{name}.png"
    export_window(viewer.load(FIXTURES / name), out, at="1")
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1600, 900)


def test_hover_texts_give_numbers() -> None:
    ds = viewer.load(INTEGER)
    gamma = ds.events[ds.events["title"] == "Gamma appears"].iloc[0]
    assert "42" in tooltip_text(gamma, {"c": "Gamma"}, ds.meta.clock)
    edge = next(e for e in graph.graph_at(ds, instant(100)).edges if e.id == "e4")
    assert "from 50 until 400" in edge_tip(ds, edge, {})


def test_opening_numbers_after_dates_and_back_relabels_everything(qtbot: QtBot, window: MainWindow,
                                                                   alliance: Dataset) -> None:
    window.state.set_dataset(viewer.load(INTEGER))
    qtbot.wait(20)
    assert all(NUMBER.fullmatch(t) for t in axis_labels(window))
    assert NUMBER.fullmatch(cursor_label(window))
    window.state.set_dataset(alliance)
    qtbot.wait(20)
    labels = axis_labels(window)
    assert labels and not all(NUMBER.fullmatch(t) for t in labels), labels
    assert window.relations.as_of.text().startswith("As of ") and "2023" in window.relations.as_of.text()
    assert window.tools.filter_bar.start.property("calendar_action").isVisible()
    assert window.tools.speed.currentText().endswith("/ s") and "view" not in window.tools.speed.currentText()


def test_a_gephi_1_1_graph_of_steps_opens_on_numbers(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Gephi's photoviz example declares no time format and counts steps 0–190: the window showed the years 2 to 41
    ("1 Jan 2"), and the node written twice as two entities. Opened with Ctrl+O, it is on numbers, one node."""
    from tests.io.test_gexf import GEPHI_11
    from tests.ui.window_reading import open_by_hand
    open_by_hand(qtbot, window, monkeypatch, tmp_path / "photoviz.gexf", text=GEPHI_11.format(declared=""))
    assert window.state.dataset.meta.clock == "number" and len(window.state.dataset.entities) == 2
    window.timeline.setFocus()
    qtbot.keyClick(window.timeline, Qt.Key.Key_End)
    _everything_says(window, "40")
    assert all(NUMBER.fullmatch(t) for t in axis_labels(window)), axis_labels(window)
    assert window.relations.is_placed("120") and window.relations.is_placed("0")
    speed = window.tools.speed  # as wide as "12.5% of view / s" (it kept the width of "1 month / s": "5% of view /")
    widest = max(speed.fontMetrics().horizontalAdvance(speed.itemText(i)) for i in range(speed.count()))
    qtbot.waitUntil(lambda: speed.width() >= widest + 20)  # (once the toolbar has laid it out again)
