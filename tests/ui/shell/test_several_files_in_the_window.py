"""Several files chosen together in File → Open (or dropped together) open as one dataset; until now the dialog took
one file and a drop opened the first, the others left out without a word."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QFileDialog

pytest.importorskip("pytestqt")

from pytestqt.qtbot import QtBot

from viewer.io.folder_tables import MOST_FILES
from viewer.ui.shell import dialogs
from viewer.ui.shell.main_window import MainWindow
from viewer.ui.shell.mapping_dialog import MappingDialog
from viewer.ui.shell.opening import recent_label

from ...io.test_archive_members_said import zipped
from ..window_reading import details_after, open_by_hand, problems_typed

JAN = "id,date,title,actor\n1,2021-01-03,Board meets,Acme\n2,2021-01-20,Deal signed,Globex\n"
FEB = "id,date,title,actor\n1,2021-02-03,Board meets again,Acme\n2,2021-02-20,Deal closed,Globex\n"
MAR = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x1\r\nDTSTART:20210310T090000Z\r\nSUMMARY:Audit\r\n"
       "END:VEVENT\r\nEND:VCALENDAR\r\n")


@pytest.fixture
def months(tmp_path: Path) -> list[Path]:
    written = []
    for name, text in (("jan.csv", JAN), ("feb.csv", FEB), ("mar.ics", MAR)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        written.append(tmp_path / name)
    return written


def _choose(monkeypatch: pytest.MonkeyPatch, paths: list[Path]) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(p) for p in paths], ""))


def _titles(window: MainWindow) -> list[str]:
    return sorted(window.state.dataset.events["title"])


def _open_with_keys(qtbot, window: MainWindow, last_title: str) -> None:
    window.activateWindow()
    QTest.keySequence(window, QKeySequence(QKeySequence.StandardKey.Open))
    qtbot.waitUntil(lambda: last_title in _titles(window) and not window.loader.busy, timeout=30_000)


def test_files_chosen_together_open_as_one_dataset(qtbot, window: MainWindow, months: list[Path], monkeypatch) -> None:
    _choose(monkeypatch, months)
    said: list[str] = []
    window.statusBar().messageChanged.connect(said.append)
    _open_with_keys(qtbot, window, "Audit")
    assert [m for m in said if " of 3)" in m] == ["Opening jan.csv (1 of 3)…", "Opening feb.csv (2 of 3)…",
                                                 "Opening mar.ics (3 of 3)…"]
    assert _titles(window) == ["Audit", "Board meets", "Board meets again", "Deal closed", "Deal signed"]
    assert window.windowTitle() == "jan + feb + mar — Entente"
    assert any("renamed" in problem.message for problem in window.state.dataset.problems)  # feb's ids 1 and 2
    assert "Audit" in details_after(qtbot, window, Qt.Key.Key_End)


def test_files_dropped_together_open_as_one_dataset(qtbot, window: MainWindow, months: list[Path]) -> None:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path)) for path in months])
    drop = QDropEvent(QPointF(200, 200), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    window.dropEvent(drop)  # (a drop from a file manager cannot be sent offscreen: the handler is called)
    qtbot.waitUntil(lambda: "Audit" in _titles(window) and not window.loader.busy, timeout=30_000)
    assert len(_titles(window)) == 5


def test_a_file_that_fails_is_said_once_and_the_others_open(qtbot, window: MainWindow, months: list[Path],
                                                            monkeypatch, tmp_path: Path) -> None:
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"\x00\x01\x02 not a workbook")
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "error", lambda parent, title, message, details="": shown.append(message))
    _choose(monkeypatch, [broken, months[0], empty, months[2]])
    _open_with_keys(qtbot, window, "Audit")
    qtbot.waitUntil(lambda: len(shown) == 1)
    assert _titles(window) == ["Audit", "Board meets", "Deal signed"]  # the first that opened is the base
    assert "broken.xlsx" in shown[0] and "empty.csv" in shown[0]
    assert window.windowTitle() == "jan + mar — Entente"


def test_a_file_whose_columns_are_asked_and_cancelled_is_left_out(qtbot, window: MainWindow, months: list[Path],
                                                                  monkeypatch, tmp_path: Path) -> None:
    odd = tmp_path / "odd.csv"
    odd.write_text("col_a;col_b\n03/04/2021;April thing\n15/04/2021;Later thing\n", encoding="utf-8")
    asked: list[str] = []

    def cancel(dialog: MappingDialog) -> QDialog.DialogCode:
        asked.append(str(dialog.path))
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(MappingDialog, "exec", cancel)
    _choose(monkeypatch, [months[0], odd, months[2]])
    _open_with_keys(qtbot, window, "Audit")
    assert asked == [str(odd)]
    assert _titles(window) == ["Audit", "Board meets", "Deal signed"]


def test_a_file_opened_alone_ends_a_batch_under_way(qtbot, window: MainWindow, months: list[Path]) -> None:
    window.opening.open_paths([str(p) for p in months])
    window.open_path(str(months[1]))  # the user opens another file before the batch is done
    qtbot.waitUntil(lambda: not window.loader.busy, timeout=30_000)
    qtbot.wait(200)
    assert not window.loader.busy
    assert _titles(window) == ["Board meets again", "Deal closed"]


def test_files_opened_together_show_all_their_events_and_come_back_from_open_recent(
        qtbot, window: MainWindow, months: list[Path], monkeypatch) -> None:
    _choose(monkeypatch, months[:1])
    _open_with_keys(qtbot, window, "Deal signed")  # January alone: its view is remembered under its path
    _choose(monkeypatch, months)
    _open_with_keys(qtbot, window, "Audit")
    starts = window.state.dataset.events["start"]
    shown = window.state.window
    assert shown.contains(starts.min().timestamp()) and shown.contains(starts.max().timestamp())  # not January's
    recent = window.recent_menu
    assert recent is not None
    assert recent.actions()[0].text() == f"jan.csv + feb.csv + mar.ics — {months[0].parent}"
    _choose(monkeypatch, months[1:2])
    _open_with_keys(qtbot, window, "Deal closed")
    assert len(window.state.dataset.events) == 2
    recent.actions()[1].trigger()  # the three again, as one
    qtbot.waitUntil(lambda: len(window.state.dataset.events) == 5 and not window.loader.busy, timeout=30_000)
    assert window.windowTitle() == "jan + feb + mar — Entente"


def test_files_alike_ask_their_columns_once(qtbot, window: MainWindow, monkeypatch, tmp_path: Path) -> None:
    months = []
    for month, title in ((3, "March review"), (4, "April review"), (5, "May review")):
        path = tmp_path / f"ledger-{month:02d}.csv"
        path.write_text(f"col_a;col_b\n0{month}/0{month}/2021;{title}\n", encoding="utf-8")
        months.append(path)
    asked: list[str] = []

    def answer(dialog: MappingDialog) -> QDialog.DialogCode:
        asked.append(dialog.path.name)
        dialog.combos["start"].setCurrentText("col_a")
        dialog.combos["title"].setCurrentText("col_b")
        dialog.order.setCurrentIndex(dialog.order.findData("dmy"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(MappingDialog, "exec", answer)
    _choose(monkeypatch, months)
    _open_with_keys(qtbot, window, "May review")
    assert asked == ["ledger-03.csv"]  # the others have the same columns: the same answer
    events = window.state.dataset.events.sort_values("start")
    assert list(events["title"]) == ["March review", "April review", "May review"]
    assert [t.month for t in events["start"]] == [3, 4, 5]


def test_open_recent_names_many_files_opened_together_shortly() -> None:
    many = "\n".join(f"/data/2021/m{n:02d}.csv" for n in range(1, 13))
    assert recent_label(many) == "m01.csv + m02.csv + m03.csv + 9 more — /data/2021"
    assert recent_label("/a/x.csv\n/b/y.csv") == "x.csv + y.csv — several folders"
    assert recent_label("/a/x.csv") == "/a/x.csv"


def test_thousands_of_files_dropped_are_refused_saying_what_to_do(qtbot, window: MainWindow, monkeypatch,
                                                                  tmp_path: Path) -> None:
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "error", lambda parent, title, message, details="": shown.append(message))
    before = window.state.dataset
    window.opening.open_paths([str(tmp_path / f"f{i}.csv") for i in range(MOST_FILES + 1)])
    assert len(shown) == 1 and f"{MOST_FILES + 1:,} files" in shown[0] and "Open folder" in shown[0]
    assert not window.loader.busy and window.state.dataset is before


def test_a_file_on_another_clock_is_said_and_the_others_are_joined(qtbot, window: MainWindow, months: list[Path],
                                                                   monkeypatch, tmp_path: Path) -> None:
    ticks = tmp_path / "ticks.csv"
    ticks.write_text("tick,title\n0,Start\n10,Step\n", encoding="utf-8")
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "error", lambda parent, title, message, details="": shown.append(message))
    monkeypatch.setattr(MappingDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    _choose(monkeypatch, [months[0], ticks, months[1]])
    _open_with_keys(qtbot, window, "Deal closed")
    qtbot.waitUntil(lambda: len(shown) == 1)
    assert _titles(window) == ["Board meets", "Board meets again", "Deal closed", "Deal signed"]
    assert "ticks.csv" in shown[0] and "same clock" in shown[0]
    assert window.windowTitle() == "jan + feb — Entente"


def test_an_archive_of_several_files_names_the_one_read(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    path = zipped(tmp_path / "export.zip")  # a chat, a calendar and a family tree
    assert open_by_hand(qtbot, window, monkeypatch, path) == []
    assert "Hello" in details_after(qtbot, window, Qt.Key.Key_Home)
    said = problems_typed(qtbot, window, "from the archive")
    assert len(said) == 1
