"""Delimited text as tools write it, opened from a fresh window: values beginning with a quote meant as a
character (45 rows were one title before, silently) and UTF-16 saved without a byte order mark (refused as
binary before). Every row is an event, Problems says what was met, and the keys walk the events."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow
from viewer.ui.shell.mapping_dialog import MappingDialog

from ..window_reading import accepting, details_after, open_by_hand, problems_typed


def _open(qtbot: QtBot, window: MainWindow, path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Open the file as a user does (the column dialog accepted), show Problems, go to the first event."""
    monkeypatch.setattr(MappingDialog, "exec", lambda dialog: QDialog.DialogCode.Accepted)
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        window.open_path(str(path))
    window.show_problems()
    window.timeline.setFocus()
    qtbot.keyClick(window.timeline, Qt.Key.Key_Home)


def _said(qtbot: QtBot, window: MainWindow, words: str) -> pd.DataFrame:
    """The problems the user finds by typing ``words`` in the Problems filter."""
    window.problems.filter.clear()
    qtbot.keyClicks(window.problems.filter, words)
    return window.problems.visible_frame()


def test_rows_after_a_stray_quote_open_as_events(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    lines = ["when,what,who"]
    for day in range(1, 61):
        what = {5: '"Big Four audit begins', 40: 'audit ends" quietly'}.get(day, f"meeting {day}")
        lines.append(f"2022-{(day - 1) // 28 + 3:02d}-{(day - 1) % 28 + 1:02d},{what},firm{day % 4}")
    path = tmp_path / "audit.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _open(qtbot, window, path, monkeypatch)
    assert window.state.dataset.event_count == 60
    shown = _said(qtbot, window, "begins with a quote")
    assert len(shown) == 1 and shown.iloc[0]["row"] == "6" and "line 41" in shown.iloc[0]["message"]
    right = Qt.Key.Key_Right
    assert '"Big Four audit begins' in details_after(qtbot, window, right, right, right, right).replace("&quot;", '"')
    assert "meeting 6" in details_after(qtbot, window, right)
    assert "meeting 60" in details_after(qtbot, window, Qt.Key.Key_End)


def test_a_utf16_table_without_a_mark_opens(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "export.csv"
    text = "Date,Title,Place\r\n" + "".join(f"2020-06-{i:02d},Séance {i},Zürich\r\n" for i in range(1, 21))
    path.write_bytes(text.encode("utf-16-le"))
    _open(qtbot, window, path, monkeypatch)
    assert window.state.dataset.event_count == 20
    assert len(_said(qtbot, window, "byte order mark")) == 1
    assert "Séance 1" in window.details.html()
    last = details_after(qtbot, window, Qt.Key.Key_End)
    assert "Séance 20" in last and "Zürich" in last


def test_a_report_with_a_title_block_opens_from_its_header(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """A bank's export: its name, the account and a blank line above the header (the file was refused as
    having no date column among its title). The bad row is said by its line in the file ("n/a" would be a date
    not there, counted with the rows without one)."""
    path = tmp_path / "statement.csv"
    path.write_text("Example Bank plc\nAccount 12-34-56; statement of March\n\nDate,Description,Amount\n"
                    "2021-03-01,Opening balance,100\n2021-03-02,Coffee,-3.5\nTBC,Pending,-20\n2021-03-05,Rent,-900\n",
                    encoding="utf-8")
    _open(qtbot, window, path, monkeypatch)
    ds = window.state.dataset
    assert ds.event_count == 3 and [p.row for p in ds.problems if p.level == "error"] == [7]
    assert len(_said(qtbot, window, "above the header")) == 1
    assert "Opening balance" in window.details.html()
    assert "Rent" in details_after(qtbot, window, Qt.Key.Key_End)


def test_a_statement_ending_in_a_total_and_notes_says_them_once(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Its total, "End of statement" and a generation stamp were three errors in Problems; they are one note,
    and a record with an unreadable date above them is still an error."""
    path = tmp_path / "statement.csv"
    path.write_text("Date,Description,Amount,Balance\n2021-03-01,Opening balance,100,100\n"
                    "2021-03-02,Coffee,-3.5,96.5\nTBD,Refund,5,101.5\n2021-03-05,Rent,-900,-798.5\n"
                    ",,Total,-798.5\nEnd of statement\nGenerated 2021-03-06 10:14 by Online Banking\n",
                    encoding="utf-8")
    _open(qtbot, window, path, monkeypatch)
    ds = window.state.dataset
    assert ds.event_count == 3 and [p.row for p in ds.problems if p.level == "error"] == [4]
    (below,) = _said(qtbot, window, "below the table")["message"]
    assert below.startswith("3 lines below the table skipped (a total or notes): 'Total -798.5', 'End of statement'")
    assert "Rent" in details_after(qtbot, window, Qt.Key.Key_End)


def test_a_survey_export_with_three_header_lines_opens_on_its_responses(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A Qualtrics export: the questions' text and their import ids under the column names were two errors;
    they are one note, and the responses are walked from the first."""
    path = tmp_path / "survey.csv"
    path.write_text("StartDate,EndDate,Progress,Finished,ResponseId,Q1\n"
                    "Start Date,End Date,Progress,Finished,Response ID,How satisfied are you?\n"
                    '"{""ImportId"":""startDate""}","{""ImportId"":""endDate""}","{""ImportId"":""progress""}",'
                    '"{""ImportId"":""finished""}","{""ImportId"":""_recordId""}","{""ImportId"":""QID1""}"\n'
                    + "".join(f"2023-05-0{i} 10:00:00,2023-05-0{i} 10:05:00,100,1,R_{i},{i % 5}\n"
                              for i in range(1, 7)),
                    encoding="utf-8")
    _open(qtbot, window, path, monkeypatch)
    ds = window.state.dataset
    assert ds.event_count == 6 and not [p for p in ds.problems if p.level == "error"]
    assert len(_said(qtbot, window, "under the header")) == 1
    assert "R_1" in window.details.html()
    assert "R_6" in details_after(qtbot, window, Qt.Key.Key_End)


def test_two_exports_joined_into_one_file_open_whole(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """``cat 2019.csv 2020.csv``: the second header was an error in Problems, "expected a date, got 'Date'"."""
    def export(year: int) -> str:
        rows = (f"{year}-03-{day:02d},Hearing {year}/{day},Court\n" for day in range(1, 11))
        return "Date,Title,Place\n" + "".join(rows)
    path = tmp_path / "hearings.csv"
    path.write_text(export(2019) + export(2020), encoding="utf-8")
    _open(qtbot, window, path, monkeypatch)
    assert window.state.dataset.event_count == 20
    assert not [p for p in window.state.dataset.problems if p.level == "error"]
    shown = _said(qtbot, window, "repeating the header")
    assert len(shown) == 1 and shown.iloc[0]["row"] == "12"
    assert "Hearing 2019/1" in window.details.html()
    assert "Hearing 2020/10" in details_after(qtbot, window, Qt.Key.Key_End)
    assert "Hearing 2020/1\n" in details_after(qtbot, window, *[Qt.Key.Key_Left] * 9) + "\n"


def test_json_saved_by_powershell_in_utf16_opens(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """``ConvertTo-Json > events.json`` in Windows PowerShell writes UTF-16 under its mark, with ids past int64:
    refused as "not UTF-8 text" before."""
    path = tmp_path / "events.json"
    rows = [f'    {{\r\n        "Id":  {18446744073709551000 + i},\r\n        '
            f'"TimeCreated":  "2024-05-{i:02d}T08:00:00",\r\n        "Message":  "Dienst gestartet {i}"\r\n    }}'
            for i in range(1, 11)]
    path.write_bytes(b"\xff\xfe" + ("[\r\n" + ",\r\n".join(rows) + "\r\n]\r\n").encode("utf-16-le"))
    _open(qtbot, window, path, monkeypatch)
    assert window.state.dataset.event_count == 10
    assert "Dienst gestartet 1" in window.details.html()
    last = details_after(qtbot, window, Qt.Key.Key_End)
    assert "Dienst gestartet 10" in last
    assert set(window.state.dataset.events["id"]) == {str(18446744073709551000 + i) for i in range(1, 11)}


@pytest.mark.parametrize(("page", "text", "first"), [
    ("cp932", "日付,件名,担当\n2018-11-19,ゴーン会長を逮捕,日産自動車\n2018-11-22,取締役会で会長職を解任,日産自動車\n",
     "ゴーン会長を逮捕"),
    ("cp1251", "Дата;Событие;Участник\n19.11.2018;Карлос Гон арестован в Токио;Ниссан\n"
               "22.11.2018;Совет директоров снял его с поста;Ниссан\n", "Карлос Гон арестован в Токио"),
])
def test_excels_csv_in_a_countrys_code_page_opens_as_written(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch, page: str, text: str,
                                                             first: str) -> None:
    """Excel on a Japanese or Russian Windows writes its CSV in Shift-JIS or Windows-1251: read as Windows-1252, the
    titles, the actors and the column names were mojibake (ƒS[ƒ“‰ï’·)."""
    path = tmp_path / "events.csv"
    path.write_bytes(text.encode(page))
    assert open_by_hand(qtbot, window, monkeypatch, path) == []
    shown = details_after(qtbot, window, Qt.Key.Key_Home)
    assert first in shown and text.splitlines()[1][-4:] in shown
    assert len(problems_typed(qtbot, window, f"read as {page}")) == 1


def test_a_utf8_file_with_a_line_from_windows_opens_with_every_accent(qtbot: QtBot, window: MainWindow,
                                                                       tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """A UTF-8 export with a line added in a Windows editor: the whole file was read as Thai (``Rรฉunion``)."""
    path = tmp_path / "joined.csv"
    path.write_bytes("date,title,who\n2020-01-01,Réunion à Paris,Zoë\n2020-02-01,Café crème,Jürgen\n".encode()
                     + "2020-03-01,Café de la gare,René\n".encode("cp1252"))
    assert open_by_hand(qtbot, window, monkeypatch, path) == []
    first = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Réunion à Paris" in first and "Zoë" in first
    last = details_after(qtbot, window, Qt.Key.Key_End)
    assert "Café de la gare" in last and "René" in last
    (said,) = problems_typed(qtbot, window, "Windows-1252")["message"]
    assert "line 4 is in Windows-1252" in said


def test_a_log_whose_zone_is_written_in_lower_case_opens_at_its_times(qtbot: QtBot, window: MainWindow,
                                                                      tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """"2020-01-01 12:00 utc", "14:00:00 gmt", "15:00z": each row was skipped as no date."""
    text = ("timestamp,message\n2020-01-01 12:00 utc,Service started\n2020-01-03T14:00:00 gmt,Backup done\n"
            "2020-01-04 15:00z,Disk full\n")
    open_by_hand(qtbot, window, monkeypatch, tmp_path / "service.log.csv", text=text,
                 answer=lambda dialog: QDialog.DialogCode.Accepted)
    assert window.state.dataset.event_count == 3 and not window.state.dataset.problems
    assert "1 Jan 2020 12:00 UTC" in details_after(qtbot, window, Qt.Key.Key_Home)
    assert "4 Jan 2020 15:00 UTC" in details_after(qtbot, window, Qt.Key.Key_End)


def test_an_edge_lists_undated_last_tie_is_an_error_not_a_footer(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """The last tie of an edge list had no date and was skipped as "a total or notes", a note among the information:
    now it is an error, and Problems' errors show it."""
    offered: list[str] = []
    path = tmp_path / "edges.csv"
    path.write_text("Source,Target,Type,Stake,Start,End\na,b,equity_stake,30,2010-01-01,\nb,c,equity_stake,40,"
                    "2011-01-01,\nc,a,equity_stake,35,2012-01-01,\nd,c,equity_stake,20,,\n", encoding="utf-8")
    open_by_hand(qtbot, window, monkeypatch, path, answer=accepting(offered))
    assert len(window.state.dataset.relations) == 3
    said = problems_typed(qtbot, window, "no start date")
    assert len(said) == 1 and set(said["level"]) == {"error"}
    window.problems.filter.clear()
    assert problems_typed(qtbot, window, "below the table").empty
