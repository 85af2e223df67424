"""A project plan typed into a spreadsheet, opened from a fresh window with Ctrl+O and walked with the keys: a season,
an academic year, a week, days of one month joined by a hyphen, a German time ("um 10:00 Uhr") and a Japanese one
each open as the span or the time written (before, every row but the ISO one was skipped as "expected a date"),
and the season's reading is said in Problems."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow

from ..window_reading import details_after, open_by_hand, problems_typed

PLAN = ("when,what\nSpring 2019,Fieldwork\n2019/20,Academic year\nweek 10 2019,Sprint\n\"March 20-22, 2019\",Summit\n"
        "2019-03-25,Report due\n26. März 2019 um 10:00 Uhr,Kick-off in Berlin\n2019年3月27日 午後3時,Tokyo call\n")


def test_a_typed_plan_opens_as_spans_and_times(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "plan.csv"
    path.write_text(PLAN, encoding="utf-8")
    assert open_by_hand(qtbot, window, monkeypatch, path) == []
    ds = window.state.dataset
    assert ds.event_count == 7 and not [p for p in ds.problems if p.level == "error"]
    year = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Academic year" in year and "2019" in year and "2020" in year
    sprint = details_after(qtbot, window, Qt.Key.Key_Right, Qt.Key.Key_Right)
    assert "Sprint" in sprint and "4 Mar 2019" in sprint and "10 Mar 2019" in sprint
    summit = details_after(qtbot, window, Qt.Key.Key_Right)
    assert "Summit" in summit and "20 Mar 2019" in summit and "22 Mar 2019" in summit
    kick_off = details_after(qtbot, window, Qt.Key.Key_Right, Qt.Key.Key_Right)
    assert "Kick-off in Berlin" in kick_off and "10:00" in kick_off
    tokyo = details_after(qtbot, window, Qt.Key.Key_Right)
    assert "Tokyo call" in tokyo and "15:00" in tokyo
    assert len(problems_typed(qtbot, window, "season")) == 1


def test_an_ambiguous_column_opens_as_a_british_computer_writes_dates(qtbot: QtBot, window: MainWindow,
                                                                     tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """05/03/2019 and 11/12/2019 show no order: on a computer set to en_GB they are 5 March and 11 December, and
    Problems says why (before, month-first everywhere: 3 May on a British analyst's screen)."""
    monkeypatch.setenv("LC_TIME", "en_GB.UTF-8")
    assert open_by_hand(qtbot, window, monkeypatch, tmp_path / "minutes.csv",
                        text="date,what\n05/03/2019,Board\n11/12/2019,AGM\n") == []
    assert "5 Mar 2019" in details_after(qtbot, window, Qt.Key.Key_Home)
    assert "11 Dec 2019" in details_after(qtbot, window, Qt.Key.Key_End)
    assert len(problems_typed(qtbot, window, "en_GB")) == 1


def test_one_mistyped_year_leaves_the_log_on_the_calendar(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """A thousand dated rows and one ``20190``: every date was moved to the years clock, near 1970's first hour."""
    rows = [f"2019-{1 + i % 12:02d}-{1 + i % 28:02d} 10:{i % 60:02d},entry {i}" for i in range(1000)]
    rows[500] = "20190,entry 500"
    path = tmp_path / "log.csv"
    path.write_text("date,title\n" + "\n".join(rows) + "\n", encoding="utf-8")
    assert open_by_hand(qtbot, window, monkeypatch, path) == []
    assert window.state.dataset.event_count == 999
    assert "1 Jan 2019 10:00" in details_after(qtbot, window, Qt.Key.Key_Home)
    assert "28 Dec 2019" in details_after(qtbot, window, Qt.Key.Key_End)
    said = problems_typed(qtbot, window, "20190")
    assert len(said) >= 1


def test_birth_dates_in_unix_seconds_before_1970_open_as_dates(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "people.csv"
    path.write_text("birth_date,name\n-315619200,Ana\n946684800,Ben\n1262304000,Cleo\n", encoding="utf-8")
    assert open_by_hand(qtbot, window, monkeypatch, path) == []
    assert window.state.dataset.meta.clock == "calendar"
    assert "1 Jan 1960" in details_after(qtbot, window, Qt.Key.Key_Home)
    assert "1 Jan 2010" in details_after(qtbot, window, Qt.Key.Key_End)


def test_a_time_no_clock_shows_is_said_not_moved_to_the_next_day(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "shifts.csv"
    path.write_text("date,title\n2019-03-04T25:00:00,Night shift\n2019-03-04 10:00,Morning\n2019-03-05 11:00,Late\n",
                    encoding="utf-8")
    assert open_by_hand(qtbot, window, monkeypatch, path) == []
    assert window.state.dataset.event_count == 2
    assert "Morning" in details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Late" in details_after(qtbot, window, Qt.Key.Key_Right)
    assert len(problems_typed(qtbot, window, "25:00")) == 1


def test_years_before_the_common_era_in_a_dataset_open_with_their_tie(qtbot: QtBot, window: MainWindow,
                                                                      write_dataset: Callable[..., Path],
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """"500 BC" typed in a dataset's own tables opened at 1970, and the tie from 500 BC to 1200 was skipped."""
    folder = write_dataset("id,start,title,actors\nE1,500 BC,Republic,a;b\nE2,44 BC,Ides of March,a\n",
                           "id,name,kind\na,Rome,government\nb,Carthage,government\n",
                           "id,source,target,kind,valid_from,valid_to\nR1,a,b,partnership,500 BC,146 BC\n",
                           '{"title": "Rome"}')
    assert open_by_hand(qtbot, window, monkeypatch, folder / "dataset.json") == []
    first = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Republic" in first and "-499" in first, first  # (astronomical years, as the axis writes them)
    qtbot.waitUntil(lambda: len(window.relations.edge_labels()) == 1)
    assert "-43" in details_after(qtbot, window, Qt.Key.Key_End)
    qtbot.waitUntil(lambda: not window.relations.edge_labels())  # (Carthage fell in 146 BC)


def test_a_date_marked_as_approximate_shows_as_written_in_details(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """"c. 1850" was shown as 1850, nothing in the window saying it was a guess but one line in Problems."""
    text = "date,end,title\nc. 1850,,Founded\nbefore 1860,1865?,First branch\n1875,,Merger\n"
    assert open_by_hand(qtbot, window, monkeypatch, tmp_path / "history.csv", text=text) == []
    first = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Founded" in first and "1850 (written “c. 1850”)" in first, first
    assert "start_written" not in first  # (said on the date's line, not again among the attributes)
    second = details_after(qtbot, window, Qt.Key.Key_Right)
    assert "First branch" in second and "(written “before 1860”, end written “1865?”)" in second, second
    third = details_after(qtbot, window, Qt.Key.Key_Right)
    assert "Merger" in third and "written" not in third, third
    assert len(problems_typed(qtbot, window, "approximate")) == 2  # (the start column's, the end column's)
