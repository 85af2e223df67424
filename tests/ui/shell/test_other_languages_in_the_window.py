"""Tables written in other languages, opened from a fresh window: a Russian chronology with its headers (Дата,
Событие, Участник) and its dates as Russian writes them ("19 ноября 2018 г.", "январь–март 2019") opens with no
question asked; a table whose headers name no title (Когда, Где, Что) is asked about with its most varied text
column offered as the title. Before, the first was refused as having no date column and the second titled its
events "row1", "row2"."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow
from viewer.ui.shell.mapping_dialog import MappingDialog

from ..window_reading import details_after, open_by_hand, walked

CHRONOLOGY = ("Дата,Событие,Участник\n19 ноября 2018 г.,Арест Карлоса Гона,Nissan\n"
              "22 ноября 2018 г.,Совет директоров,Nissan\nянварь–март 2019,Переговоры,Renault\n"
              "Jan-Mar 2020,Quarter of talks,Renault\n")


def test_a_russian_chronology_opens_by_its_headers_and_dates(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    # no question asked: every column was named
    assert open_by_hand(qtbot, window, monkeypatch, tmp_path / "хронология.csv", text=CHRONOLOGY) == []
    ds = window.state.dataset
    assert ds.event_count == 4 and not [p for p in ds.problems if p.level in ("warning", "error")]
    arrest, board, talks, quarter = walked(qtbot, window, 3)
    assert "Арест Карлоса Гона" in arrest and "19 Nov 2018" in arrest and "Nissan" in arrest
    assert "Совет директоров" in board and "22 Nov 2018" in board
    assert "Переговоры" in talks and "Jan 2019" in talks and "Mar 2019" in talks
    assert "Quarter of talks" in quarter and "Jan 2020" in quarter and "Mar 2020" in quarter


def test_a_table_naming_no_title_offers_its_most_varied_text(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    offered: list[str] = []

    def accept(dialog: MappingDialog) -> QDialog.DialogCode:
        offered.append(dialog.combos["title"].currentText())
        return QDialog.DialogCode.Accepted

    path = tmp_path / "заседания.csv"
    path.write_text("Когда,Где,Что\n2019-01-01,Париж,Первое заседание\n2019-02-01,Париж,Второе заседание\n"
                    "2019-03-01,Токио,Пресс-конференция\n", encoding="utf-8")
    assert len(open_by_hand(qtbot, window, monkeypatch, path, accept)) == 1
    assert offered == ["Что"]
    first = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Первое заседание" in first and "1 Jan 2019" in first
    last = details_after(qtbot, window, Qt.Key.Key_End)
    assert "Пресс-конференция" in last and "Токио" in last  # the place passed over is kept as an attribute


def test_a_spanish_export_and_a_scraped_wiki_table_open_with_every_row(qtbot: QtBot, window: MainWindow,
                                                                       tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Times as Spanish Excel writes them (a. m., p. m.) and a Wikipedia table's dates as pandas.read_html takes
    them, each with the ISO date its template hides: every row was skipped as "expected a date"."""
    spanish = ("Fecha,Evento,Actor\n19/11/2018 10:00:00 a. m.,Detención en Tokio,Nissan\n"
               "19/11/2018 03:30:00 p. m.,Rueda de prensa,Nissan\n")
    assert open_by_hand(qtbot, window, monkeypatch, tmp_path / "eventos.csv", text=spanish) == []
    assert window.state.dataset.event_count == 2
    arrest, press = walked(qtbot, window, 1)
    assert "Detención en Tokio" in arrest and "19 Nov 2018 10:00" in arrest
    assert "Rueda de prensa" in press and "19 Nov 2018 15:30" in press
    scraped = ("Date,Event\n19 November 2018 (2018-11-19),Arrest\nMarch 2019 (2019-03),Talks\n")
    open_by_hand(qtbot, window, monkeypatch, tmp_path / "wiki.csv", text=scraped)
    assert window.state.dataset.event_count == 2
    arrest, talks = walked(qtbot, window, 1)
    assert "Arrest" in arrest and "19 Nov 2018" in arrest and "Talks" in talks and "Mar 2019" in talks


def test_a_japanese_export_with_its_weekdays_opens_with_every_row(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """A Japanese calendar's export writes each day's weekday in brackets after it, and a PowerShell one its
    offsets as .NET does: every row was skipped as "expected a date"."""
    japanese = "日付,件名,担当\n2019/03/05(火) 10:00,取締役会,日産\n2019/03/06(水) 15:30,記者会見,日産\n"
    assert open_by_hand(qtbot, window, monkeypatch, tmp_path / "予定.csv", text=japanese) == []
    board, press = walked(qtbot, window, 1)
    assert "取締役会" in board and "5 Mar 2019 10:00" in board
    assert "記者会見" in press and "6 Mar 2019 15:30" in press
    shell = "Date,Title\n19/11/2018 10:00:00 +01:00,Arrest\n20/11/2018 09:00:00 +01:00,Board\n"
    open_by_hand(qtbot, window, monkeypatch, tmp_path / "export.csv", text=shell)
    arrest, board = walked(qtbot, window, 1)
    assert "Arrest" in arrest and "19 Nov 2018 09:00" in arrest and "20 Nov 2018 08:00" in board
