"""A day's log of times with no date, opened from a fresh window with Ctrl+O. Before, every row was skipped
("expected a date, got '09:00'") and the window stayed empty; now the axis, the cursor, Details and the date
boxes all speak hours and minutes, and the keys, the wheel and the boxes move through them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from viewer.model import clock
from viewer.ui.shell.main_window import MainWindow

from ..window_reading import (
    axis_labels,
    cursor_label,
    open_by_hand,
    press,
    type_dates_without_calendar,
    walked,
    zoomed_in_labels,
)

TIME = re.compile(r"-?\d+:\d{2}(:\d{2}(\.\d+)?)?")
LOG = "time,event,who\n" + "".join(f"{9 + i // 4:02d}:{15 * (i % 4):02d},Task {i},{'Alice' if i % 2 else 'Bob'}\n"
                                   for i in range(12))  # 9:00, 9:15 … 11:45


def test_a_days_log_reads_in_hours_and_minutes_everywhere(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    assert open_by_hand(qtbot, window, monkeypatch, tmp_path / "log.csv", text=LOG) == []
    state = window.state
    assert state.dataset.meta.clock == clock.ELAPSED and state.dataset.event_count == 12
    labels = axis_labels(window)
    assert len(labels) >= 3 and all(TIME.fullmatch(t) for t in labels), labels
    # the cursor opens inside the window, its label shown (rounded up to the clock's grain, it fell past the end)
    assert window.timeline.as_of.line.label.isVisible() and TIME.fullmatch(cursor_label(window)), cursor_label(window)
    assert re.search(r"as of \d+:\d{2}$", window.status_line.text.text())

    seen = walked(qtbot, window, 2)
    assert "Task 0" in seen[0] and "9:00" in seen[0] and "Task 1" in seen[1] and "9:15" in seen[1]
    assert not any("1970" in page for page in seen)
    press(qtbot, window, Qt.Key.Key_End)
    assert clock.format_instant(state.cursor, "time", clock.ELAPSED) == "11:45"
    assert cursor_label(window) == "11:45"

    zoomed = zoomed_in_labels(window, 4)
    assert zoomed and all(TIME.fullmatch(t) for t in zoomed), zoomed

    type_dates_without_calendar(window, "9:10", "10:40")
    assert window.tools.filter_bar.start.placeholderText() == clock.HINTS[clock.ELAPSED]
    assert window.tools.matched_label.text().startswith("6 of 12")  # 9:15 … 10:30
    assert window.tools.filter_bar.start.property("invalid") is False
    box = window.tools.filter_bar.start
    box.clear()
    QTest.keyClicks(box, "soon")  # typed: flagged as it is typed, before anything is applied
    assert box.property("invalid") is True and "Not a time" in box.toolTip()


def test_no_node_kinds_are_shown_for_a_log_with_no_ties(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    assert window.relations.node_legend.kinds  # the alliance's companies, governments …
    open_by_hand(qtbot, window, monkeypatch, tmp_path / "log.csv", text=LOG)
    assert window.state.dataset.entities.shape[0] == 2 and len(window.state.dataset.relations) == 0
    assert window.relations.node_legend.kinds == []  # before: an "unknown" kind above an empty panel
    QTest.mouseClick(window.relations.header.mode_buttons["window"], Qt.MouseButton.LeftButton)
    during = re.fullmatch(r"During (\S+) – (\S+)", window.relations.as_of.text())
    assert during and all(TIME.fullmatch(t) for t in during.groups()), window.relations.as_of.text()
