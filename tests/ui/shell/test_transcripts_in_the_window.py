"""An interview's subtitles (SubRip), a meeting's captions (WebVTT) and its saved Zoom chat opened from a fresh
window with Ctrl+O: each cue or message is walked with the keys and read in Details with its speaker and time, the
axis in hours, minutes and seconds. Before, the first two were refused as an unknown format, and the chat as a
table with no date column."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from viewer.model import clock
from viewer.ui.shell.main_window import MainWindow
from viewer.ui.shell.mapping_dialog import MappingDialog

from ...io.test_subtitles import SRT, ZOOM
from ...io.test_table_elapsed import WHISPER_TSV
from ...io.test_zoom_chat import NEW
from ..window_reading import axis_labels, open_by_hand, walked

TIME = re.compile(r"-?\d+:\d{2}(:\d{2}(\.\d+)?)?")


def test_a_meetings_captions_are_walked_cue_by_cue(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    assert open_by_hand(qtbot, window, monkeypatch, tmp_path / "meeting.vtt", text=ZOOM) == []
    ds = window.state.dataset
    assert ds.meta.clock == clock.ELAPSED and ds.event_count == 3
    labels = axis_labels(window)
    assert labels and all(TIME.fullmatch(t) for t in labels), labels
    seen = walked(qtbot, window, 2)
    assert "Good morning, everyone." in seen[0] and "Ana Lopez" in seen[0] and "0:00:01.62" in seen[0]
    assert "Ben Okafor" in seen[1] and "0:00:04.9" in seen[1]
    assert "Yes &amp; the vote." in seen[2] or "Yes & the vote." in seen[2]
    assert not any("1970" in page for page in seen)
    assert window.relations.node_legend.kinds == []  # speakers, and no ties to draw


def test_an_interviews_subtitles_open_with_their_faults_listed(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "interview.srt"
    path.write_bytes(SRT.encode("cp1252"))
    assert open_by_hand(qtbot, window, monkeypatch, path) == []
    assert window.state.dataset.event_count == 4
    seen = walked(qtbot, window, 1)
    assert "When did you first hear?" in seen[0] and "café" in seen[1]
    listed = window.problems.model
    texts = [str(listed.index(r, c).data()) for r in range(listed.rowCount()) for c in range(listed.columnCount())]
    assert any("00:00:xx,000" in t for t in texts) and any("read as cp1252" in t for t in texts)


def test_a_meetings_saved_chat_is_walked_message_by_message(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    assert open_by_hand(qtbot, window, monkeypatch, tmp_path / "meeting_saved_chat.txt", text=NEW) == []
    assert window.state.dataset.meta.clock == clock.ELAPSED and window.state.dataset.event_count == 3
    seen = walked(qtbot, window, 2)
    assert "Good morning" in seen[0] and "Ana Lopez" in seen[0] and "10:02:03" in seen[0]
    assert "and the minutes" in seen[1]
    assert "Can you take notes?" in seen[2] and "Ben Okafor" in seen[2] and "direct message" in seen[2]
    assert all(TIME.fullmatch(t) for t in axis_labels(window))


def test_whispers_transcript_is_walked_segment_by_segment(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """Before, its milliseconds were read as years: the first segment in year 0, the second in year 5900."""
    def accept(_dialog: MappingDialog) -> QDialog.DialogCode:  # asked: no column is named as a title
        return QDialog.DialogCode.Accepted

    open_by_hand(qtbot, window, monkeypatch, tmp_path / "interview.tsv", answer=accept, text=WHISPER_TSV)
    assert window.state.dataset.meta.clock == clock.ELAPSED
    seen = walked(qtbot, window, 1)
    assert "So when did you first hear?" in seen[0] and "0:00:04.2" in seen[0]
    assert "In November 2018." in seen[1] and "0:00:05.9" in seen[1] and "5900" not in seen[1]
