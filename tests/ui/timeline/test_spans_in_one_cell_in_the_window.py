"""A chronology whose date column writes spans ("1914–1918") opened from a fresh window: each span is an
event with an end, drawn across its years and described with both ends when picked with the keys (before,
every such row was skipped as "expected a date")."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow

from ..window_reading import open_written


def test_spans_open_as_ranges_and_are_described_with_both_ends(qtbot: QtBot, window: MainWindow,
                                                               tmp_path: Path) -> None:
    ds = open_written(qtbot, window, tmp_path / "wars.csv", "date,title\n1914–1918,First World War\n"
                      "1939 - 1945,Second World War\n1950-1953,Korean War\n1945-05-08,Victory in Europe\n"
                      "1960s,Decolonisation\nc. 1900,Before the wars\n06/1944,Overlord\n")
    assert ds.event_count == 7 and not [p for p in ds.problems if p.level == "error"]
    assert ds.events["end"].notna().sum() == 4  # the three wars and the decade
    assert any("approximate" in p.message for p in ds.problems)
    window.timeline.setFocus()
    qtbot.keyClick(window.timeline, Qt.Key.Key_Home)
    assert "Before the wars" in window.details.html()
    qtbot.keyClick(window.timeline, Qt.Key.Key_Right)
    text = window.details.html()
    assert "First World War" in text and "1914" in text and "1918" in text
    qtbot.keyClick(window.timeline, Qt.Key.Key_Right)
    assert "Second World War" in window.details.html() and "1945" in window.details.html()
    second = dict(zip(ds.events["title"], ds.events["id"], strict=True))["Second World War"]
    qtbot.waitUntil(lambda: second in window.timeline.labelled_event_ids(), timeout=3000)  # drawn, labelled
