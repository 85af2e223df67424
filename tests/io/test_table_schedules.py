"""A schedule: a date column beside start and end columns holding only times of day. Before, "day, start_time,
end_time" lost every row ("expected a date, got '09:00'"), "Date, Start, End" lost its times and said each end was
no date, and "Date, From, To" took the start times for parties."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import viewer
from viewer.io.table_times import clock_only

SCHEDULES = {  # header and two rows -> (start, end) of each
    "Date,Start,End,Title\n2019-03-04,09:00,10:30,Board meeting\n2019-03-05,14:00,15:15,Press call\n":
        [("2019-03-04 09:00", "2019-03-04 10:30"), ("2019-03-05 14:00", "2019-03-05 15:15")],
    "day,start_time,end_time,what\n2019-03-04,09:00,10:30,Board meeting\n2019-03-05,23:00,01:15,Night shift\n":
        [("2019-03-04 09:00", "2019-03-04 10:30"), ("2019-03-05 23:00", "2019-03-06 01:15")],
    "Date,From,To,Subject\n2019-03-04,9:00 AM,10:30 AM,Board meeting\n2019-03-05,2:00 PM,3:15 PM,Press call\n":
        [("2019-03-04 09:00", "2019-03-04 10:30"), ("2019-03-05 14:00", "2019-03-05 15:15")],
    "Datum;Von;Bis;Titel\n14.03.2019;9.00;10.30;Vorstandssitzung\n15.03.2019;14.00;;Pressegespräch\n":
        [("2019-03-14 09:00", "2019-03-14 10:30"), ("2019-03-15 14:00", None)],
}


@pytest.mark.parametrize("text", list(SCHEDULES))
def test_a_schedules_times_are_its_starts_and_ends(tmp_path: Path, text: str) -> None:
    path = tmp_path / "schedule.csv"
    path.write_text(text, encoding="utf-8")
    ds = viewer.load(path)
    got = [(str(s.tz_convert(None))[:16], None if pd.isna(e) else str(e.tz_convert(None))[:16])
           for s, e in zip(ds.events["start"], ds.events["end"], strict=True)]
    assert got == SCHEDULES[text]
    assert not [p for p in ds.problems if p.level in ("warning", "error")]
    assert (ds.events["actors"] == "").all()  # no time taken for a party


def test_an_end_past_midnight_is_said(tmp_path: Path) -> None:
    path = tmp_path / "shifts.csv"
    path.write_text(list(SCHEDULES)[1], encoding="utf-8")
    assert any("past midnight" in p.message and p.level == "info" for p in viewer.load(path).problems)


@pytest.mark.parametrize(("cell", "end"), [("2019-03-04 23:00-01:15", "2019-03-05T01:15"),
                                           ("4 March 2019, 23:30–00:45", "2019-03-05T00:45"),
                                           ("2019-03-04T22:00/02:00", "2019-03-05T02:00"),
                                           ("2019-03-04 09:00-10:30", "2019-03-04T10:30")])
def test_a_span_of_times_in_the_date_cell_past_midnight_ends_the_next_day(tmp_path: Path, cell: str,
                                                                           end: str) -> None:
    """Before, such an end was dropped as "end before start", the night an instant."""
    path = tmp_path / "night.csv"
    path.write_text(f"date,title\n\"{cell}\",Night\n", encoding="utf-8")
    ds = viewer.load(path)
    assert ds.events["end"].iloc[0].isoformat().startswith(end)
    assert not [p for p in ds.problems if p.level in ("warning", "error")]
    assert any("past midnight" in p.message for p in ds.problems) is (end[8:10] == "05")


def test_a_written_end_column_wins_over_a_span_past_midnight(tmp_path: Path) -> None:
    path = tmp_path / "night.csv"
    path.write_text("date,end,title\n2019-03-04 23:00-01:15,2019-03-07,Night\n", encoding="utf-8")
    assert viewer.load(path).events["end"].iloc[0].isoformat().startswith("2019-03-07")


@pytest.mark.parametrize(("cells", "clock"), [(["09:00", "9:30 PM", "21:15:30"], True), (["9h30", "10 am"], True),
                                              (["1", "2", "3"], False), (["2019-03-04"], False),
                                              (["09:00", "Board"], False), (["1.5", "2.25"], False)])
def test_a_column_of_clock_times_is_told_from_numbers_and_dates(cells: list[str], clock: bool) -> None:
    assert clock_only(pd.Series(cells)) is clock


def test_an_hour_column_of_whole_hours_is_the_time(tmp_path: Path) -> None:
    """Accident and traffic tables write "Date, Hour" with 0-23: each was "unreadable (expected HH:MM)"."""
    path = tmp_path / "accidents.csv"
    path.write_text("Date,Hour,Event\n2019-03-04,9,a\n2019-03-04,17,b\n2019-03-05,0,c\n", encoding="utf-8")
    ds = viewer.load(path)
    assert [str(s.tz_convert(None)) for s in ds.events["start"]] == ["2019-03-04 09:00:00", "2019-03-04 17:00:00",
                                                                     "2019-03-05 00:00:00"]
    assert not [p for p in ds.problems if p.level in ("warning", "error")]


def test_a_time_column_of_spans_gives_each_session_its_end(tmp_path: Path) -> None:
    """A programme writes "Time: 09:00 - 10:30": each such time was "unreadable" and the session an instant at
    midnight."""
    path = tmp_path / "programme.csv"
    path.write_text("Date,Time,Session\n2019-03-04,09:00 - 10:30,Keynote\n2019-03-04,11:00\u201312:15,Panel\n"
                    "2019-03-04,14:00,Talk\n2019-03-05,9:00 AM to 10:30 AM,Workshop\n2019-03-05,23:30-00:30,Party\n",
                    encoding="utf-8")
    ds = viewer.load(path)
    events = ds.events.set_index("title")
    spans = {title: (str(events.loc[title, "start"].tz_convert(None))[:16],
                     None if pd.isna(events.loc[title, "end"]) else str(events.loc[title, "end"].tz_convert(None))[:16])
             for title in ("Keynote", "Panel", "Talk", "Workshop", "Party")}
    assert spans == {"Keynote": ("2019-03-04 09:00", "2019-03-04 10:30"),
                     "Panel": ("2019-03-04 11:00", "2019-03-04 12:15"), "Talk": ("2019-03-04 14:00", None),
                     "Workshop": ("2019-03-05 09:00", "2019-03-05 10:30"),
                     "Party": ("2019-03-05 23:30", "2019-03-06 00:30")}  # past midnight: the next day
    assert not [p for p in ds.problems if p.level in ("warning", "error")]
