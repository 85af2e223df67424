"""Years written with their era, opened from a fresh window: "753 BC" is placed before "1066 AD" on the
timeline and walked in that order with the keys (before, "44 BC" was the year 44 after Christ, placed
after the founding of Rome's "753 BC" read as 753 AD); a day before Christ is reported by its row."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow

from ..window_reading import open_written


def test_events_before_christ_come_first_and_are_walked_in_time_order(qtbot: QtBot, window: MainWindow,
                                                                     tmp_path: Path) -> None:
    ds = open_written(qtbot, window, tmp_path / "ancient.csv", "date,title\n1066 AD,Hastings\n"
                      "44 BC,Caesar assassinated\n15 March 44 BC,Ides\n753 BC,Founding of Rome\n"
                      "476 CE,Fall of the West\n")
    assert ds.events["title"].tolist() == ["Founding of Rome", "Caesar assassinated", "Fall of the West", "Hastings"]
    assert [(p.row, p.field) for p in ds.problems if p.level == "error"] == [(4, "date")]
    window.timeline.setFocus()
    qtbot.keyClick(window.timeline, Qt.Key.Key_Home)
    assert "-752" in window.details.html()  # the astronomical year of 753 BC, as ISO 8601 and the axis write it
    walked = [window.details.html().splitlines()[0]]
    for _ in range(3):
        qtbot.keyClick(window.timeline, Qt.Key.Key_Right)
        walked.append(window.details.html().splitlines()[0])
    assert walked == ["Founding of Rome", "Caesar assassinated", "Fall of the West", "Hastings"]
