"""Damaged documents opened from the window as a user opens them: BODS statements of odd shapes open with
what they hold (the reader raised AttributeError and the window showed an unexpected error), and an XML
declaration naming an unknown encoding is refused with a message naming the file, the dataset kept."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from viewer.io import table_stream
from viewer.model import text_arrow
from viewer.ui.shell import dialogs
from viewer.ui.shell.main_window import MainWindow

from ..window_reading import open_by_hand, open_refused, problems_typed

ODD_BODS = """[{"statementID": "e1", "statementType": "entityStatement", "name": "Holding"},
 {"statementID": "e2", "statementType": "entityStatement", "name": "Subsidiary", "recordDetails": 5},
 {"statementID": "o1", "statementType": "ownershipOrControlStatement", "statementDate": "2020-01-01",
  "subject": {"describedByEntityStatement": "e2"}, "interestedParty": {"describedByEntityStatement": "e1"},
  "interests": [{"type": "shareholding", "share": [30]}]},
 {"statementID": "o2", "statementType": "ownershipOrControlStatement", "statementDate": "2021-06-01",
  "replacesStatements": true, "subject": {"describedByEntityStatement": "e2"},
  "interestedParty": {"describedByEntityStatement": "e1"},
  "interests": [{"type": "shareholding", "share": {"exact": 45}}]}]"""


def test_odd_statements_open_and_the_graph_follows_the_cursor(qtbot: QtBot, window: MainWindow,
                                                             tmp_path: Path) -> None:
    path = tmp_path / "register.json"
    path.write_text(ODD_BODS, encoding="utf-8")
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        window.opening.open_path(str(path))
    ds = window.state.dataset
    assert sorted(ds.entities["name"]) == ["Holding", "Subsidiary"] and len(ds.relations) == 2
    window.timeline.setFocus()
    qtbot.keyClick(window.timeline, Qt.Key.Key_End)  # the 2021 statement: its 45% is the tie shown
    assert window.state.selection.events == frozenset({"ev-o2"})
    assert window.relations.is_placed("e1") and window.relations.is_placed("e2")


def test_an_unknown_encoding_is_refused_by_name_and_the_dataset_stays(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "history.timeline"
    path.write_text('<?xml version="1.0" encoding="True"?>\n<timeline/>', encoding="utf-8")
    shown = open_refused(qtbot, window, monkeypatch, path)
    assert len(shown) == 1 and "history.timeline" in shown[0] and "unknown encoding" in shown[0], shown
    window.timeline.setFocus()
    qtbot.keyClick(window.timeline, Qt.Key.Key_Right)


def test_a_calendar_at_the_end_of_time_opens_and_its_last_event_is_selected(qtbot: QtBot, window: MainWindow,
                                                                           tmp_path: Path) -> None:
    """A yearly series starting in 9995: bounding its expansion raised ValueError and the file did not open."""
    path = tmp_path / "far.ics"
    path.write_text("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//t//t//EN\nBEGIN:VEVENT\nUID:late\n"
                    "DTSTART:99950601T100000Z\nRRULE:FREQ=YEARLY\nSUMMARY:Yearly near the end\nEND:VEVENT\n"
                    "END:VCALENDAR\n", encoding="utf-8")
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        window.opening.open_path(str(path))
    assert window.state.dataset.event_count == 5
    window.timeline.setFocus()
    qtbot.keyClick(window.timeline, Qt.Key.Key_End)
    assert "9999" in window.details.html()
    qtbot.keyClick(window.timeline, Qt.Key.Key_Minus)
    qtbot.keyClick(window.timeline, Qt.Key.Key_Left)
    assert "9998" in window.details.html()


def test_json_with_a_trailing_comma_says_where_and_the_dataset_stays(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Hand-edited JSON (a comma left before the closing bracket) said only Python's "Expecting value: line 3
    column 1 (char 47)"; now where, and what stands there, over the dataset still shown."""
    from PySide6.QtGui import QKeySequence
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QFileDialog
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "error", lambda parent, title, message, details="": shown.append(message))
    path = tmp_path / "events.json"
    path.write_text('[\n  {"date": "2019-03-04", "title": "Signed"},\n]\n', encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(path)], ""))
    before = window.state.dataset
    with qtbot.waitSignal(window.loader.failed, timeout=30_000):
        QTest.keySequence(window, QKeySequence(QKeySequence.StandardKey.Open))
    assert len(shown) == 1 and "events.json" in shown[0], shown
    assert "line 3, column 1: a comma before the closing ], which JSON does not allow" in shown[0]
    assert window.state.dataset is before
    window.timeline.setFocus()
    qtbot.keyClick(window.timeline, Qt.Key.Key_Right)


def test_json_lines_nested_thirty_thousand_deep_open_with_the_line_named(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One line of lists nested 30,000 deep: Arrow's JSON reader overflowed its stack and the window vanished (a
    segmentation fault). The file now opens with its other lines, and the deep line is named."""
    from PySide6.QtGui import QKeySequence
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QFileDialog
    path = tmp_path / "log.jsonl"
    deep = "[" * 30_000 + "]" * 30_000
    path.write_text('{"date": "2020-01-02", "title": "Before"}\n'
                    f'{{"date": "2020-01-01", "title": "Deep", "x": {deep}}}\n'
                    '{"date": "2020-01-03", "title": "After"}\n', encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(path)], ""))
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        QTest.keySequence(window, QKeySequence(QKeySequence.StandardKey.Open))
    ds = window.state.dataset
    assert sorted(ds.events["title"]) == ["After", "Before"]
    assert any("line 2" in problem.message and "nested too deeply" in problem.message for problem in ds.problems)
    window.timeline.setFocus()
    qtbot.keyClick(window.timeline, Qt.Key.Key_End)
    assert window.state.selection.events == frozenset(ds.events["id"][ds.events["title"] == "After"])


def test_a_bods_0_4_statement_with_a_withheld_party_opens_and_draws_it(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A 0.4 relationship whose interested party is withheld ({"reason": …} in its place): the file was refused as
    holding no statements. Now the withheld party is an entity of its own, drawn at the statement's date."""
    import json

    from PySide6.QtGui import QKeySequence
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QFileDialog
    path = tmp_path / "register.json"
    path.write_text(json.dumps([
        {"statementId": "s0", "recordId": "ent-1", "recordType": "entity", "statementDate": "2017-11-18",
         "recordDetails": {"name": "Renco Energy"}},
        {"statementId": "s1", "recordId": "rel-1", "recordType": "relationship", "statementDate": "2017-11-18",
         "recordDetails": {"subject": "ent-1", "interestedParty": {"reason": "interestedPartyExemptFromDisclosure"},
                           "interests": [{"type": "shareholding", "share": {"exact": 40}}]}}]), encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(path)], ""))
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        QTest.keySequence(window, QKeySequence(QKeySequence.StandardKey.Open))
    ds = window.state.dataset
    assert "Unspecified (interested party exempt from disclosure)" in set(ds.entities["name"])
    window.timeline.setFocus()
    qtbot.keyClick(window.timeline, Qt.Key.Key_End)
    assert window.state.selection.events == frozenset({"ev-s1"})
    assert window.relations.is_placed("ent-1") and window.relations.is_placed("unspecified:s1")


def test_a_table_of_more_text_than_a_column_holds_is_refused_by_name(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """A gzip of a few MB unpacking to gigabytes of one column ended in Arrow's "offset overflow" (the limit lowered
    here: the real one is 2 GB)."""
    monkeypatch.setattr(text_arrow, "STRING_LIMIT", 4_000)
    path = tmp_path / "bomb.csv.gz"
    path.write_bytes(gzip.compress(("date,title\n" + "2019-01-01,xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n" * 200)
                                   .encode()))
    shown = open_refused(qtbot, window, monkeypatch, path)
    assert len(shown) == 1 and str(path) in shown[0] and "column 2" in shown[0] and "2 GB" in shown[0]


@pytest.mark.parametrize("name", ["long.csv", "long.csv.gz"])
def test_a_long_table_read_from_disk_is_refused_by_name_too(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """A long table Arrow reads straight from its file, unpacking it as it reads (a 2.4 GB CSV, a 29 MB gzip of
    2.5 GB): the bare ``TooMuchText('f1', 2288000008)`` reached the window, naming no file."""
    monkeypatch.setattr(text_arrow, "STRING_LIMIT", 4_000)
    monkeypatch.setattr(table_stream, "STREAMED_FROM", 1024)
    monkeypatch.setattr(table_stream, "PACKED_FROM", 256)
    text = ("date,title\n" + "2019-01-01,xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n" * 200).encode()
    path = tmp_path / name
    path.write_bytes(gzip.compress(text) if name.endswith(".gz") else text)
    shown = open_refused(qtbot, window, monkeypatch, path)
    assert len(shown) == 1 and shown[0].startswith(f"{path}: its column 2 holds") and "2 GB" in shown[0], shown


def test_a_long_gzip_opens_by_hand_and_its_last_event_is_selected(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Opened with Ctrl+O and unpacked by Arrow as it is read: every row, and the keys move through them."""
    monkeypatch.setattr(table_stream, "PACKED_FROM", 256)
    path = tmp_path / "events.csv.gz"
    rows = "".join(f"E{i},2019-{1 + i % 12:02d}-{1 + i % 28:02d},Event {i}\n" for i in range(3000))
    path.write_bytes(gzip.compress(("id,start,title\n" + rows).encode()))
    assert open_by_hand(qtbot, window, monkeypatch, path) == []
    assert len(window.state.dataset.events) == 3000
    window.timeline.setFocus()
    qtbot.keyClick(window.timeline, Qt.Key.Key_End)
    last = window.state.dataset.events["id"].iloc[-1]
    assert window.state.selection.events == frozenset({last})


def test_undated_statements_are_said_once_in_words(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Problems named each undated statement's link by an inner id ('ev-o1') no user wrote."""
    undated = ODD_BODS.replace('"statementDate": "2020-01-01",', "")
    assert open_by_hand(qtbot, window, monkeypatch, tmp_path / "statements.json", text=undated) == []
    assert len(problems_typed(qtbot, window, "without a statementDate")) == 1
    assert problems_typed(qtbot, window, "ev-").empty
