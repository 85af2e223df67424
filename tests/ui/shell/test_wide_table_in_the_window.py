"""A survey export of 2,000 question columns opened from a fresh window and walked with keys, the mouse and a
hover. Before, opening 5,000 such columns took ten minutes (each sorted column popped from a frame whose block
index is rebuilt at every pop), and each click on an event spent seconds cutting out and formatting its row."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QToolTip
from pytestqt.qtbot import QtBot

from viewer.ui.shell import details
from viewer.ui.shell.main_window import MainWindow

from ..window_reading import accepting, details_after, open_by_hand, open_refused, open_written, problems_typed

QUESTIONS = 2_000


def _survey(rows: int) -> str:
    rng = random.Random(7)
    header = ["date", "title", *(f"q{i}" for i in range(QUESTIONS))]
    lines = [",".join(header)]
    for j in range(rows):
        answers = [rng.choice(["yes", "no", "maybe"]) if i % 3 == 0 else str(rng.randint(0, 9)) if i % 3 == 1
                   else f"w{rng.randint(0, 999)}" for i in range(QUESTIONS)]
        lines.append(",".join([f"2020-03-{j % 28 + 1:02d}", f"Response {j}", *answers]))
    return "\n".join(lines) + "\n"


def test_a_survey_of_two_thousand_columns_opens_and_its_responses_are_shown(qtbot: QtBot, hand: Any,
                                                                            window: MainWindow, tmp_path: Path) -> None:
    ds = open_written(qtbot, window, tmp_path / "survey.csv", _survey(40))
    assert ds.event_count == 40 and len(ds.attributes) == QUESTIONS  # no column dropped
    kinds = {a.name: a.type for a in ds.attributes}
    assert (kinds["q0"], kinds["q1"], kinds["q2"]) == ("category", "number", "text")
    window.timeline.setFocus()
    qtbot.keyClick(window.timeline, Qt.Key.Key_End)
    text = window.details.html()
    assert "Response" in text and "q0" in text
    assert f"{QUESTIONS - details.SHOWN_ATTRIBUTES:,} more attributes not shown" in text
    qtbot.keyClick(window.timeline, Qt.Key.Key_Home)
    assert "Response 0" in window.details.html()
    qtbot.keyClick(window.timeline, Qt.Key.Key_Right)
    assert window.state.selection.events
    chosen = next(iter(window.state.selection.events))
    scene = window.timeline.event_scene_pos(chosen)
    assert scene is not None
    point = window.timeline.plot.mapFromScene(scene)
    view = window.timeline.plot.viewport()
    hand.move(view, point)  # the hover's tooltip is cut from the row's core columns, not all 2,000
    assert window.state.hover == chosen and "Response" in QToolTip.text()
    QTest.mouseClick(view, Qt.MouseButton.LeftButton, pos=point)
    assert window.state.selection.events == frozenset({chosen})


def _numbered_survey(rows: int) -> str:
    """Questions q0 … q1999 answered 1 to 5, the response's day in a column no name says is one ("submitted")."""
    rng = random.Random(11)
    lines = [",".join([*(f"q{i}" for i in range(QUESTIONS)), "submitted"])]
    lines += [",".join([*(str(rng.randint(1, 5)) for _ in range(QUESTIONS)), f"2020-03-{j % 28 + 1:02d}"])
              for j in range(rows)]
    return "\n".join(lines) + "\n"


def test_numbered_questions_are_no_years_and_the_date_column_is_found_by_its_values(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: Any) -> None:
    """q1500 … q1999 each look like a year: the survey was read as 500 years of values, 20,000 events from 40
    responses (5,000 questions: four minutes and 8 GB), and the search for its date column asked each of the
    2,000 columns four times (17 s)."""
    path = tmp_path / "responses.csv"
    asked = open_by_hand(qtbot, window, monkeypatch, path, accepting([]), _numbered_survey(40))
    ds = window.state.dataset
    assert len(asked) == 1 and ds.event_count == 40 and len(ds.attributes) == QUESTIONS, (asked, ds.event_count)
    assert not any("values by period" in p.message for p in ds.problems)
    assert str(ds.events["start"].min().date()) == "2020-03-01"
    window.timeline.setFocus()
    qtbot.keyClick(window.timeline, Qt.Key.Key_Home)
    qtbot.keyClick(window.timeline, Qt.Key.Key_Right)
    shown = window.details.html()
    assert window.state.selection.events and "q0" in shown and f"{QUESTIONS - details.SHOWN_ATTRIBUTES:,} more" in shown


def test_a_header_of_thousands_of_columns_and_no_rows_is_refused_at_once(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: Any) -> None:
    """5,000 columns named and no row under them: 21 s of looking for dates in empty columns, then the column
    dialog asked which of the empty columns was which (13 s more), before the refusal; now refused as one line of
    thousands of fields before any column is read."""
    path = tmp_path / "template.csv"
    path.write_text(",".join(f"c{i}" for i in range(5_000)) + "\n", encoding="utf-8")
    shown = open_refused(qtbot, window, monkeypatch, path)
    assert len(shown) == 1 and "template.csv: one line of 5,000 fields and no line under it" in shown[0], shown
    window.timeline.setFocus()
    qtbot.keyClick(window.timeline, Qt.Key.Key_Right)


def test_columns_named_by_years_beside_a_date_column_open(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """``Date, Title, 2019, 2020``: the header was taken for a row of data and the file refused (no date column)."""
    path = tmp_path / "plants.csv"
    path.write_text("Date,Title,2019,2020\n2020-01-15,Plant opens,10,12\n2020-02-20,Plant closes,8,9\n",
                    encoding="utf-8")
    assert open_by_hand(qtbot, window, monkeypatch, path) == []
    assert window.state.dataset.event_count == 2
    first = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Plant opens" in first and "2019" in first and "12" in first


def test_a_scripted_workbooks_formulas_are_said_in_problems(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    book = openpyxl.Workbook()
    for row in (["date", "title", "total"], ["2020-01-01", "a", "=1+1"], ["2020-01-03", "c", "=2+2"]):
        book.active.append(row)
    path = tmp_path / "scripted.xlsx"
    book.save(path)
    assert open_by_hand(qtbot, window, monkeypatch, path) == []
    assert "a" in details_after(qtbot, window, Qt.Key.Key_Home)
    assert len(problems_typed(qtbot, window, "formula with no result")) == 1


def test_a_series_with_days_as_column_names_opens_day_by_day(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """Johns Hopkins' COVID-19 series: its values were read as dates in the year 1."""
    path = tmp_path / "time_series_covid19_confirmed_global.csv"
    path.write_text("Province/State,Country/Region,Lat,Long,1/22/20,1/23/20,1/24/20\n,Afghanistan,33.9,67.7,0,0,1\n",
                    encoding="utf-8")
    assert open_by_hand(qtbot, window, monkeypatch, path) == []
    first = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Afghanistan: 0" in first and "22 Jan 2020" in first
    assert "24 Jan 2020" in details_after(qtbot, window, Qt.Key.Key_End)
