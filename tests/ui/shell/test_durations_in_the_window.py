"""A time tracker's export opened from a fresh window with Ctrl+O: the mapping dialog offers its Duration column,
and each entry then spans its duration on the timeline (walked with the keys, read in Details). Choosing "(none)"
for the duration in the dialog is obeyed: before, a role set to "(none)" was guessed again from its column's name."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow
from viewer.ui.shell.mapping_dialog import NONE, MappingDialog

from ..window_reading import details_after, open_by_hand, walked

TRACKER = """User,Project,Description,Start date,Start time,Duration
Ana,Audit,Review of filings,2019-03-04,11:00:00,02:15:00
Ben,Audit,Call with counsel,2019-03-05,14:00:00,PT45M
Ben,Audit,Site visit,2019-03-06,,3 days
"""


def _open(qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, path: Path, duration: str | None
          ) -> list[str]:
    """File → Open by hand; the dialog answered Import, its duration set to ``duration`` (None: as offered)."""
    offered: list[str] = []

    def answer(dialog: MappingDialog) -> QDialog.DialogCode:
        offered.append(dialog.combos["duration"].currentText())
        if duration is not None:
            dialog.combos["duration"].setCurrentText(duration)
        return QDialog.DialogCode.Accepted

    open_by_hand(qtbot, window, monkeypatch, path, answer)
    return offered


def test_entries_span_their_duration(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "tracker.csv"
    path.write_text(TRACKER, encoding="utf-8")
    assert _open(qtbot, window, monkeypatch, path, None) == ["Duration"]
    ds = window.state.dataset
    assert ds.events["end"].notna().all()
    review, call, visit = walked(qtbot, window, 2)
    assert "Review of filings" in review and "11:00" in review and "13:15" in review
    assert "Call with counsel" in call and "14:45" in call
    assert "Site visit" in visit and "6 Mar 2019" in visit and "8 Mar 2019" in visit


def test_a_duration_set_to_none_in_the_dialog_makes_no_end(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "tracker.csv"
    path.write_text(TRACKER, encoding="utf-8")
    _open(qtbot, window, monkeypatch, path, NONE)
    ds = window.state.dataset
    assert ds.event_count == 3 and ds.events["end"].isna().all()
    review = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Review of filings" in review and "13:15" not in review and "02:15:00" in review  # kept as written
