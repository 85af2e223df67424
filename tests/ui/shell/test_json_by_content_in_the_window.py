"""JSON as exports and registries' APIs hand it out, opened from a fresh window with Ctrl+O (File → Open) as a user
opens it, then walked with the keys. A JSON file is asked no column questions, so each of these could not be opened
at all: a HAR capture and Chrome's Bookmarks were read as delimited text ("no date column among {"), a HAR saved as
.json was placed in January 1970 (its requests' lengths read as times), Companies House's officers were "JSON that
Entente does not recognise", and Facebook's names showed as "JÃ¼rgen"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow

from ...io.test_json_by_content import BOOKMARKS, CHROME, HAR_TITLES, PSC_LINES, _har, _officer
from ...io.test_nested_records import LOCATION_HISTORY, _revisions
from ..window_reading import details_after, open_by_hand, problems_typed


def test_a_har_capture_opens_at_its_requests(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "chrome_example.com.har"
    assert open_by_hand(qtbot, window, monkeypatch, path, text=json.dumps(_har("WebInspector", CHROME))) == []
    ds = window.state.dataset
    assert list(ds.events["title"]) == HAR_TITLES and ds.meta.clock == "calendar"
    assert window.state.cursor.year == 2023
    assert "GET https://example.com/" in details_after(qtbot, window, Qt.Key.Key_Home)
    assert "POST https://api.example.com/v1/track?id=42" in details_after(qtbot, window, Qt.Key.Key_End)


def test_chromes_bookmarks_file_opens_without_its_suffix(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    assert open_by_hand(qtbot, window, monkeypatch, tmp_path / "Bookmarks", text=json.dumps(BOOKMARKS, indent=3)) == []
    assert window.state.dataset.event_count == 3
    first = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Companies House" in first and "Bookmarks bar/OSINT" in first
    assert "Court records portal" in details_after(qtbot, window, Qt.Key.Key_End)


def test_a_snapshot_of_json_lines_as_txt_opens_as_records(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """JSON under a text's name is opened as JSON is, asked no column questions: the dialog offered one column of
    JSON text before, and then its fields with a date of birth (a JSON object) as the start."""
    path = tmp_path / "persons-with-significant-control-snapshot-2024-01-01.txt"
    text = "".join(json.dumps(line) + "\n" for line in PSC_LINES)
    assert open_by_hand(qtbot, window, monkeypatch, path, text=text) == []
    ds = window.state.dataset
    assert ds.event_count == 3 and not [p for p in ds.problems if p.level == "error"]
    assert "Mr John Michael Smith" in details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Northwind Holdings Limited" in details_after(qtbot, window, Qt.Key.Key_End)


def test_companies_house_officers_open_at_their_appointments(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    items = [_officer("SMITH, John Michael", "2014-07-22"), _officer("PATEL, Sarah Jane", "2014-07-22", "2019-11-30"),
             _officer("O'BRIEN, Kathleen", "2020-02-03")]
    text = json.dumps({"kind": "officer-list", "items": items, "total_results": 3})
    assert open_by_hand(qtbot, window, monkeypatch, tmp_path / "ch_officers_09145694.json", text=text) == []
    assert window.state.dataset.event_count == 3
    assert "SMITH, John Michael" in details_after(qtbot, window, Qt.Key.Key_Home)
    assert "BRIEN, Kathleen" in details_after(qtbot, window, Qt.Key.Key_End)


def test_facebooks_names_show_as_they_are_written(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    text = ('{"friends_v2": [{"name": "J\\u00c3\\u00bcrgen Wei\\u00c3\\u009f", "timestamp": 1500000000},'
            ' {"name": "Ana Ruiz", "timestamp": 1550000000}]}')
    assert open_by_hand(qtbot, window, monkeypatch, tmp_path / "friends.json", text=text) == []
    shown = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Jürgen Weiß" in shown and "Ã" not in shown
    assert len(problems_typed(qtbot, window, "UTF-8 bytes")) == 1


def test_a_location_history_and_a_wiki_pages_edits_open_and_walk(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Records whose dates sit one level in (a visit's duration, a page's revisions) were "JSON that Entente does
    not recognise": a location history opened nothing."""
    path = tmp_path / "2023_JANUARY.json"
    assert open_by_hand(qtbot, window, monkeypatch, path, text=json.dumps(LOCATION_HISTORY)) == []
    assert window.state.dataset.event_count == 3
    assert "IN_BUS" in details_after(qtbot, window, Qt.Key.Key_Home)
    shown = details_after(qtbot, window, Qt.Key.Key_Right)
    assert "Brandenburg Gate" in shown and "Pariser Platz" in shown
    assert "Checkpoint Charlie" in details_after(qtbot, window, Qt.Key.Key_End)
    page = {"query": {"pages": {"12345": _revisions(12345, "Example Town", 1000)}}}
    path = tmp_path / "revisions.json"
    assert open_by_hand(qtbot, window, monkeypatch, path, text=json.dumps(page)) == []
    assert "EditorA" in details_after(qtbot, window, Qt.Key.Key_End)
    assert "mayor" in details_after(qtbot, window, Qt.Key.Key_End)


def test_records_with_no_date_ask_which_field_is_the_date(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """A list of records whose dates no name gives away (a club's seasons): refused before as "JSON that Entente
    does not recognise", with no way in the window to say which field holds the dates. Now the column dialog asks,
    as it asks for a table's columns; the season typed into its Start box, the seasons open as years."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QDialog

    from viewer.ui.shell.mapping_dialog import MappingDialog
    offered: list[str] = []

    def choose(dialog: MappingDialog) -> QDialog.DialogCode:
        offered.append(dialog.combos["start"].currentText())
        dialog.combos["start"].setFocus()
        QTest.keyClicks(dialog.combos["start"], "season")  # as a user types into the closed list to pick an item
        return QDialog.DialogCode.Accepted

    seasons = [{"season": 1999, "club": "Leeds United"}, {"season": 2001, "club": "York City"}]
    asked = open_by_hand(qtbot, window, monkeypatch, tmp_path / "career.json", text=json.dumps(seasons), answer=choose)
    assert len(asked) == 1 and len(offered) == 1
    ds = window.state.dataset
    assert [t.year for t in ds.events["start"]] == [1999, 2001] and list(ds.events["title"]) == ["Leeds United",
                                                                                                 "York City"]
    assert "York City" in details_after(qtbot, window, Qt.Key.Key_End)


def test_records_with_no_date_cancelled_leave_the_dataset(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A table of penguins as JSON (vega-datasets'): no field holds a date. The column dialog asks; cancelled, the
    dataset shown stays and nothing is said in error."""
    from PySide6.QtGui import QKeySequence
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QFileDialog

    from viewer.ui.shell import dialogs

    from ..window_reading import no_column_questions
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "error", lambda parent, title, message, details="": shown.append(message))
    asked = no_column_questions(monkeypatch)
    before = window.state.dataset
    path = tmp_path / "penguins.json"
    penguins = [{"Species": "Adelie", "Island": "Torgersen", "Body Mass (g)": 3750},
                {"Species": "Gentoo", "Island": "Biscoe", "Body Mass (g)": 5000}]
    path.write_text(json.dumps(penguins), encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(path)], ""))
    with qtbot.waitSignal(window.loader.mapping_needed, timeout=30_000):
        QTest.keySequence(window, QKeySequence(QKeySequence.StandardKey.Open))
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=3000)
    assert not shown
    assert window.state.dataset is before
    assert details_after(qtbot, window, Qt.Key.Key_Home)


def test_a_log_of_a_user_an_event_opens_in_one_lane(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """3,000 sign-ins, a user each: the window opened on a dozen lanes of one event beside "Other", which held all
    the rest. It opens in one lane now, and the keys walk it."""
    rows = [{"timestamp": f"2024-01-{1 + i % 28:02d}T{i % 24:02d}:00:00Z", "event": f"sign-in {i}",
             "user": f"user{i}"} for i in range(3000)]
    from PySide6.QtWidgets import QDialog
    open_by_hand(qtbot, window, monkeypatch, tmp_path / "signins.json", text=json.dumps(rows),
                 answer=lambda dialog: QDialog.DialogCode.Accepted)
    assert window.state.dataset.events["actors"].iloc[0].startswith("user")
    assert window.state.view.group_by == "none" and window.tools.group_by.currentText() == "One lane"
    assert "sign-in" in details_after(qtbot, window, Qt.Key.Key_Home, Qt.Key.Key_Right)
