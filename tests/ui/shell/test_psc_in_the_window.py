"""Companies House's register of persons with significant control, opened from a fresh window with Ctrl+O as a
journalist opens the snapshot: no column is asked about, the graph draws each owner's ties to the company as of the
cursor (a stake by its band, a chain of companies linked up, people once People is ticked), a ceased tie is gone
once the cursor passes its end, and Details shows each record's event in words. Before, the column dialog asked
about raw JSON fields, and the file made no tie at all."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow

from ...io.test_psc import AT_COMPANIES_HOUSE, CORPORATE, GHOSN, INDIVIDUAL, RENAULT, STATEMENT, TOTALS, lines, record
from ..conftest import Hand
from ..window_reading import details_after, drag_cursor, open_by_hand

PARENT = record("00012345", CORPORATE, "corporate-entity/uk", ["voting-rights-25-to-50-percent"],
                notified="2017-03-01", name="Renault UK Holdings Limited",
                identification={**AT_COMPANIES_HOUSE, "registration_number": "00054321"})
SNAPSHOT = [GHOSN, {**RENAULT, "data": {**RENAULT["data"], "notified_on": "2016-06-30"}}, PARENT,
            {**STATEMENT, "data": {**STATEMENT["data"], "notified_on": "2020-01-01"}}, TOTALS]


def _drawn(qtbot: QtBot, window: MainWindow, count: int) -> dict[tuple[str, str, str], str]:
    qtbot.waitUntil(lambda: len(window.relations.edge_labels()) == count, timeout=3000)
    return window.relations.edge_labels()


def test_a_psc_snapshot_opens_as_owners_tied_to_their_companies(qtbot: QtBot, hand: Hand, window: MainWindow,
                                                                 tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "persons-with-significant-control-snapshot-2024-01-01_1of28.jsonl"
    assert open_by_hand(qtbot, window, monkeypatch, path, text=lines(SNAPSHOT)) == []  # (no column asked about)
    assert window.state.dataset.event_count == 4
    first = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Carlos Ghosn: significant influence or control of company 00012345" in first
    assert "Company 00012345" in first and "Born March 1954" in first
    assert "No registrable person: no individual or entity with significant control" in details_after(
        qtbot, window, Qt.Key.Key_End)
    window.tools.presets["all"].trigger()
    drag_cursor(qtbot, hand, window, 2018.0)
    assert len(_drawn(qtbot, window, 3)) == 3  # the companies' ties; people are the People box's to show
    QTest.mouseClick(window.relations.people, Qt.MouseButton.LeftButton)
    drawn = _drawn(qtbot, window, 4)
    assert set(drawn) == {("carlos_ghosn_1954_03", "gb-coh-00012345", "influence_or_control"),
                          ("renault_sa", "gb-coh-00012345", "equity_stake"),
                          ("renault_sa", "gb-coh-00012345", "voting_rights"),
                          ("gb-coh-00054321", "gb-coh-00012345", "voting_rights")}  # the UK parent: its own company
    assert drawn[("renault_sa", "gb-coh-00012345", "equity_stake")] == "75–100%"
    drag_cursor(qtbot, hand, window, 2019.6)  # Ghosn's control ceased on 24 Jan 2019
    assert ("carlos_ghosn_1954_03", "gb-coh-00012345", "influence_or_control") not in _drawn(qtbot, window, 3)


def test_a_register_owned_mostly_by_individuals_shows_people_from_the_start(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Most owners in the register are individuals: with people hidden until People was ticked, the graph showed
    one tie of four, and no word of the others."""
    owners = [record(f"0000000{i}", INDIVIDUAL, f"individual/{i}", ["ownership-of-shares-25-to-50-percent"],
                     name=f"Owner {i}", name_elements={"forename": "Owner", "surname": f"Number{i}"})
              for i in range(1, 4)]
    path = tmp_path / "persons-with-significant-control-snapshot-2024-01-01_2of28.txt"
    open_by_hand(qtbot, window, monkeypatch, path, text=lines([*owners, RENAULT]))
    assert window.relations.people.isChecked()
    assert "Owner Number1" in details_after(qtbot, window, Qt.Key.Key_Home)  # (the cursor to the records' day)
    drawn = _drawn(qtbot, window, 5)
    assert ("owner_number1", "gb-coh-00000001", "equity_stake") in drawn
