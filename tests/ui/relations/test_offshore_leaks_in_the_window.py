"""ICIJ's Offshore Leaks database opened from a fresh window, as a user does: its relationships.csv picked with File →
Open (Ctrl+O), or its folder with File → Open folder. No column is asked about; the events are walked with the keys,
and the relationship panel and its table follow the cursor: an officer's stake holds until the company is struck off.
Before, the folder opened as rows titled "director of" with no party and no tie."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow

from ..conftest import Hand
from ..window_reading import details_after, drag_cursor, open_by_hand, open_folder_by_hand

FOLDER = Path(__file__).parents[2] / "io" / "fixtures" / "offshore_leaks"


def _ties_shown(window: MainWindow) -> set[tuple[str, str, str]]:
    ds = window.state.dataset
    names = ds.entities.set_index("id")["name"]
    relations = ds.relations.set_index("id")
    return {(names[relations.loc[i, "source"]], str(relations.loc[i, "attr:link"]), names[relations.loc[i, "target"]])
            for i in window.relation_tools.table.visible_ids()}


def test_its_relationships_file_picked_opens_the_database_and_the_ties_follow_the_cursor(
        qtbot: QtBot, hand: Hand, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = shutil.copytree(FOLDER, tmp_path / "full-oldb")
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    assert open_by_hand(qtbot, window, monkeypatch, folder / "relationships.csv") == []
    ds = window.state.dataset
    assert ds.event_count == 15 and len(ds.relations) == 6
    first = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "ANTAM ENTERPRISES N.V. incorporated in Aruba" in first
    assert "KIM SOO IN director of ANTAM ENTERPRISES N.V." in details_after(qtbot, window, Qt.Key.Key_Right)
    drag_cursor(qtbot, hand, window, 2010.5)
    stake = ("KIM SOO IN", "shareholder of", "TIANSHENG INDUSTRY AND TRADING CO., LTD.")
    qtbot.waitUntil(lambda: stake in _ties_shown(window), timeout=3000)
    assert window.relations.is_placed("12000001") and window.relations.is_placed("10000001")
    drag_cursor(qtbot, hand, window, 2014.5)
    qtbot.waitUntil(lambda: stake not in _ties_shown(window), timeout=3000)  # ended with the company, 18 Feb 2013
    assert ("MICHAEL PAPAGEORGE", "intermediary of", stake[2]) in _ties_shown(window)
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before  # the files are left as they were


def test_its_folder_opens_from_file_open_folder(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    folder = shutil.copytree(FOLDER, tmp_path / "full-oldb")
    assert open_folder_by_hand(qtbot, window, monkeypatch, folder) == []
    assert window.state.dataset.meta.title == "Offshore Leaks (full-oldb)"
    assert "NINGBO SUNRISE ENTERPRISES UNITED CO., LTD. inactivated" in details_after(qtbot, window, Qt.Key.Key_End)


def test_its_zip_download_opens_from_file_open(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    archive = tmp_path / "full-oldb.LATEST.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        for path in sorted(FOLDER.iterdir()):
            out.write(path, f"full-oldb/{path.name}")
    assert open_by_hand(qtbot, window, monkeypatch, archive) == []
    assert window.state.dataset.meta.title == "Offshore Leaks (full-oldb.LATEST)"
    assert len(window.state.dataset.relations) == 6
    assert "ANTAM ENTERPRISES N.V. incorporated in Aruba" in details_after(qtbot, window, Qt.Key.Key_Home)
