"""A Microsoft Project plan saved as XML, opened from a fresh window with Ctrl+O: its tasks are the events, each
spanning its start to its finish with the people assigned to it, walked with the keys and read in Details. Before,
the plan's calendar (its seven week days) was taken for the records and the file was refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow

from ...io.xml_plan_texts import MSP
from ..window_reading import open_by_hand, walked


def test_a_microsoft_project_plan_opens_as_its_tasks(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    assert open_by_hand(qtbot, window, monkeypatch, tmp_path / "survey.xml", text=MSP) == []  # nothing asked
    ds = window.state.dataset
    assert ds.event_count == 4 and not [p for p in ds.problems if p.level in ("warning", "error")]
    seen = walked(qtbot, window, 3)
    assert "Fieldwork" in seen[0]
    assert all(part in seen[1] for part in ("Walk the site", "Dana Whitfield", "8 Jan 2024", "9 Jan 2024"))
    assert all(part in seen[2] for part in ("Draw plans", "Omar Haddad", "Fieldwork"))  # its phase
    assert "Plans approved" in seen[3] and "milestone" in seen[3]
    assert "Site survey" not in "".join(seen)  # the project summary task is left out
